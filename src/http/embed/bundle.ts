import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { ErrorCode } from '../../graphql/errors';
import { ifNoneMatchHits } from '../etag';
import { HttpError } from '../http-error';

/** The versioned path of the web components; a breaking change to them gets a new version. */
export const KB_JS_PATH = '/embed/v1/kb.js';

/** The package root: the nearest folder above this file with a package.json (src/ or dist/src/). */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** Where `npm run build` writes the bundle of src/embed. */
export const KB_JS_FILE = path.join(packageRoot(), 'dist', 'embed', 'v1', 'kb.js');

interface Representation {
  readonly body: Buffer;
  readonly etag: string;
}

interface Bundle {
  readonly identity: Representation;
  readonly gzip: Representation;
}

function readBundle(file: string): Bundle {
  const body = fs.readFileSync(file);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return {
    identity: { body, etag: `"${hash}"` },
    gzip: { body: gzipSync(body, { level: 9 }), etag: `"${hash}-gz"` },
  };
}

/**
 * `GET /embed/v1/kb.js`: the web components as one ES module, read (and gzipped) once at start.
 * Portals load it as a module script, which browsers fetch in CORS mode, so any origin may read
 * it; it changes only with a release, so browsers keep it a year and revalidate by ETag.
 */
/** Kept a day, served stale for a week while revalidating. */
export const KB_JS_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

export function registerEmbedBundle(
  app: FastifyInstance,
  logger: FastifyBaseLogger,
  file = KB_JS_FILE,
): void {
  let bundle: Bundle | undefined;
  try {
    bundle = readBundle(file);
  } catch (error) {
    logger.error({ err: error, file }, 'kb.js is not built; run `npm run build`');
  }
  app.get(KB_JS_PATH, (request, reply) => {
    if (!bundle) {
      throw new HttpError(
        503,
        ErrorCode.INTERNAL_SERVER_ERROR,
        'The web components are not built on this server: run `npm run build`.',
      );
    }
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const { body, etag } = gzip ? bundle.gzip : bundle.identity;
    void reply
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      // A day, then a cheap revalidation by ETag: `v1` names the interface, not the build, so
      // a release that changes the components reaches every portal within a day.
      .header('cache-control', KB_JS_CACHE_CONTROL)
      .header('vary', 'accept-encoding')
      .header('etag', etag);
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
    if (gzip) void reply.header('content-encoding', 'gzip');
    return reply.type('text/javascript; charset=utf-8').send(body);
  });
}
