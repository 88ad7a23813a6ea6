import type { FastifyReply, FastifyRequest } from 'fastify';
import { ifNoneMatchHits } from './etag';

/** GraphQL answers differ by Accept (media type) and by X-Preview-Token (drafts or not). */
export const GRAPHQL_VARY = 'accept, x-preview-token';

export interface Representation {
  readonly body: string;
  readonly contentType: string;
  readonly cacheControl?: string;
  readonly etag?: string;
}

/** Sends a 200 GraphQL response; a GET whose ETag the client holds gets 304 and no body. */
export function sendRepresentation(
  request: FastifyRequest,
  reply: FastifyReply,
  { body, contentType, cacheControl, etag }: Representation,
): FastifyReply {
  void reply.header('vary', GRAPHQL_VARY);
  if (cacheControl) void reply.header('cache-control', cacheControl);
  if (etag) {
    void reply.header('etag', etag);
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
  }
  return reply.code(200).header('content-type', contentType).send(body);
}
