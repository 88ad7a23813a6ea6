import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '../graphql/errors';
import { HttpError } from './http-error';

/** Public assets any page may load (scripts, drawings): no origin is refused for them. */
const PUBLIC_ASSETS = /^\/(embed|visuals)\//;
/** Refused origins logged at warn level (each once); later refusals log at debug. */
const WARNED_ORIGINS = 1000;

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

/** Whether `origin` is the server's own (as the browser reached it, through trusted proxies). */
function sameOrigin(request: FastifyRequest, origin: string): boolean {
  if (request.headers['sec-fetch-site'] === 'same-origin') return true;
  try {
    const url = new URL(origin);
    return url.host === request.host && url.protocol === `${request.protocol}:`;
  } catch {
    return false;
  }
}

/**
 * CORS from CORS_ORIGINS (none by default: same-origin only), `nosniff` on everything, and a
 * strict Content-Security-Policy and friends on HTML pages. A browser request from any other
 * origin, preflight or not, is refused with 403 CORS_ORIGIN_NOT_ALLOWED naming the origin, and
 * the first refusal of each origin is logged, so a portal developer sees why, not just "Failed
 * to fetch". Public assets (/embed, /visuals) load from anywhere.
 */
export async function registerSecurity(app: FastifyInstance, origins: readonly string[]) {
  const allowAll = origins.includes('*');
  const allowed = new Set(origins);
  const warned = new Set<string>();
  app.addHook('onRequest', (request, _reply, done) => {
    const origin = request.headers.origin;
    if (origin === undefined || allowAll || allowed.has(origin)) return done();
    if (PUBLIC_ASSETS.test(request.url) || sameOrigin(request, origin)) return done();
    const first = !warned.has(origin) && warned.size < WARNED_ORIGINS;
    if (first) warned.add(origin);
    request.log[first ? 'warn' : 'debug'](
      { origin, method: request.method, url: request.url },
      'cross-origin request refused: origin is not in CORS_ORIGINS',
    );
    done(
      new HttpError(
        403,
        ErrorCode.CORS_ORIGIN_NOT_ALLOWED,
        `Origin ${origin} may not call this API from a browser; the API's operator can add it to CORS_ORIGINS.`,
      ),
    );
  });
  await app.register(cors, {
    origin: allowAll ? '*' : [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'content-type',
      'accept',
      'if-none-match',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-request-id',
      'x-preview-token',
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
