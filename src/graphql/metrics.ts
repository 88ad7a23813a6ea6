import { Counter, Gauge, Histogram, collectDefaultMetrics } from 'prom-client';
import { LATENCY_BUCKETS, metric } from '../lib/metric';

/**
 * The process's Prometheus metrics, in prom-client's default registry (one per process).
 * `/metrics` (src/http) renders them (src/search/metrics.ts adds the search latency).
 */
collectDefaultMetrics();

export const requestsTotal = metric(
  'graphql_requests_total',
  () =>
    new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL HTTP requests by operation name, HTTP status and response-cache result.',
      labelNames: ['operation', 'status', 'cache'] as const,
    }),
);

export const requestDuration = metric(
  'graphql_request_duration_seconds',
  () =>
    new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL HTTP request, by operation name.',
      labelNames: ['operation'] as const,
      buckets: LATENCY_BUCKETS,
    }),
);

export const errorsTotal = metric(
  'graphql_errors_total',
  () =>
    new Counter({
      name: 'graphql_errors_total',
      help: 'Errors sent to clients, by extensions.code.',
      labelNames: ['code'] as const,
    }),
);

export const responseCacheTotal = metric(
  'graphql_response_cache_total',
  () =>
    new Counter({
      name: 'graphql_response_cache_total',
      help: 'Response-cache lookups: hit, miss, or bypass (not cacheable).',
      labelNames: ['result'] as const,
    }),
);

export const contentVersionGauge = metric(
  'content_version',
  () => new Gauge({ name: 'content_version', help: 'Content version the server answers at.' }),
);

const seenOperations = new Set<string>();
const MAX_OPERATION_LABELS = 200;

/** A bounded label for a client-chosen operation name, so clients cannot flood the series. */
export function operationLabel(name: string | null | undefined): string {
  if (name === undefined) return 'unknown';
  if (name === null || name === '') return 'anonymous';
  if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
  seenOperations.add(name);
  return name;
}
