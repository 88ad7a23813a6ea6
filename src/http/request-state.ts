import type { FastifyRequest } from 'fastify';
import type { RequestReport } from '../graphql/context';
import type { CacheResult } from './response-cache';

/** What the HTTP layer learns about one GraphQL request, for its log line and metrics. */
export interface RequestState {
  readonly report: RequestReport;
  readonly contentVersion: number;
  cache?: CacheResult;
}

declare module 'fastify' {
  interface FastifyRequest {
    kb: RequestState | null;
  }
}

export function requestState(request: FastifyRequest, contentVersion: number): RequestState {
  request.kb ??= { report: { operationName: null, log: request.log }, contentVersion };
  return request.kb;
}
