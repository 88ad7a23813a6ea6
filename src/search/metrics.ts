import { Histogram } from 'prom-client';
import { LATENCY_BUCKETS, metric } from '../lib/metric';

/** Search latency; the search resolver observes it around each engine call. */
export const searchLatency = metric(
  'search_latency_seconds',
  () =>
    new Histogram({
      name: 'search_latency_seconds',
      help: 'Time the search engine takes to answer one search, by engine.',
      labelNames: ['engine'] as const,
      buckets: LATENCY_BUCKETS,
    }),
);
