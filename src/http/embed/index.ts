import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { registerEmbedBundle } from './bundle';
import { registerEmbedDemo } from './demo';

export { DEMO_PATH } from './demo';
export { KB_JS_PATH } from './bundle';

/** The portal kit's routes: the web components' module and a page showing them. */
export function registerEmbed(app: FastifyInstance, logger: FastifyBaseLogger): void {
  registerEmbedBundle(app, logger);
  registerEmbedDemo(app);
}
