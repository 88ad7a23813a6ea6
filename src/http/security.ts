import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** The GraphiQL page may load and call nothing but this server. */
const HTML_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // CodeMirror and GraphiQL position popups with style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HTML_HEADERS: Record<string, string> = {
  'content-security-policy': HTML_POLICY,
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * CORS from CORS_ORIGINS (none by default: same-origin only), `nosniff` on everything, and a
 * strict Content-Security-Policy and friends on HTML pages.
 */
export async function registerSecurity(app: FastifyInstance, origins: readonly string[]) {
  await app.register(cors, {
    origin: origins.includes('*') ? '*' : origins.length ? [...origins] : false,
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'content-type',
      'accept',
      'if-none-match',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-request-id',
    ],
    exposedHeaders: ['etag', 'retry-after', 'x-request-id', 'x-cache', 'x-ratelimit-remaining'],
    credentials: false,
    maxAge: 600,
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    void reply.header('x-content-type-options', 'nosniff');
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) void reply.headers(HTML_HEADERS);
    done(null, payload);
  });
}
