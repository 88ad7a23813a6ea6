import type { FastifyRequest } from 'fastify';
import type { RequestReport } from '../graphql/context';
import type { LiveState } from '../graphql/live-content';
import type { CacheResult } from './response-cache';

/** What the HTTP layer learns about one GraphQL request, for its log line and metrics. */
export interface RequestState {
  readonly report: RequestReport;
  /** The content version (and search index) the request is answered from, taken once. */
  readonly live: LiveState;
  cache?: CacheResult;
  /** A preview request (a valid X-Preview-Token): sees drafts, is never cached. */
  preview?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    kb: RequestState | null;
  }
}

export function requestState(request: FastifyRequest, live: LiveState): RequestState {
  request.kb ??= { report: { operationName: null, log: request.log }, live };
  return request.kb;
}
