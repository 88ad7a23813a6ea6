import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ErrorCode } from '../graphql/errors';
import { HttpError } from './http-error';

/** The request header that asks for drafts. */
export const PREVIEW_HEADER = 'x-preview-token';

/** What preview answers carry: never stored by the response cache, a proxy or a browser. */
export const PREVIEW_CACHE_CONTROL = 'private, no-store';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Decides whether a GraphQL request is a preview (sees drafts). Without the header it is not.
 * With it, the token must equal `PREVIEW_TOKEN` (compared in constant time): a wrong one is
 * refused with 401 `PREVIEW_TOKEN_INVALID`, and when the server has no `PREVIEW_TOKEN` at all
 * the header is refused with 403 `PREVIEW_DISABLED`, so an editor never mistakes the public
 * answer for their preview.
 */
export function previewGuard(token: string | undefined): (request: FastifyRequest) => boolean {
  const expected = token === undefined ? undefined : digest(token);
  return (request) => {
    const sent = request.headers[PREVIEW_HEADER];
    if (sent === undefined) return false;
    const headers = { 'cache-control': 'no-store' };
    if (!expected)
      throw new HttpError(
        403,
        ErrorCode.PREVIEW_DISABLED,
        'Preview is off on this server (PREVIEW_TOKEN is not set); send the request without X-Preview-Token.',
        headers,
      );
    const value = Array.isArray(sent) ? sent.join(',') : sent;
    if (!timingSafeEqual(digest(value), expected))
      throw new HttpError(
        401,
        ErrorCode.PREVIEW_TOKEN_INVALID,
        'X-Preview-Token does not match this server’s preview token.',
        headers,
      );
    return true;
  };
}
