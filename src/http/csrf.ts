import type { onRequestAsyncHookHandler } from 'fastify';
import { ErrorCode } from '../graphql/errors';
import { HttpError } from './http-error';

/** Content types a browser may POST cross-site without a CORS preflight. */
const SIMPLE_TYPES = new Set([
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
]);

/**
 * CSRF prevention that keeps plain GET queries working (links, curl, caching proxies).
 *
 * - POST must carry a JSON body: a cross-site page can then only send it after a CORS
 *   preflight, which only `CORS_ORIGINS` pass. Form and text posts are refused.
 * - GET executes queries only (Apollo answers 405 to anything else) and the API is read-only
 *   and public, so a GET has nothing to forge. A browser's cross-site sub-request that carries
 *   credentials (cookies, Authorization) is still refused unless it carries a header that forces
 *   a preflight, so credentials cannot be used to probe responses (XS-Search).
 */
export const csrfGuard: onRequestAsyncHookHandler = (request) => {
  if (request.method === 'POST') {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type && SIMPLE_TYPES.has(type)) {
      throw new HttpError(
        415,
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        `POST bodies must be application/json, not ${type}.`,
      );
    }
    return Promise.resolve();
  }
  const h = request.headers;
  const crossSite = h['sec-fetch-site'] === 'cross-site' && h['sec-fetch-mode'] !== 'navigate';
  const credentials = h.cookie !== undefined || h.authorization !== undefined;
  const preflighted =
    h['apollo-require-preflight'] !== undefined || h['x-apollo-operation-name'] !== undefined;
  if (crossSite && credentials && !preflighted) {
    throw new HttpError(
      403,
      ErrorCode.CSRF_REJECTED,
      'Cross-site GET requests with credentials need an `apollo-require-preflight` header.',
    );
  }
  return Promise.resolve();
};
