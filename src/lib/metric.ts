import { register } from 'prom-client';

/** Histogram buckets (seconds) shared by the latency metrics. */
export const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * A metric in prom-client's default registry (one per process), created once: modules that
 * are loaded twice (tests) get the same instance back.
 */
export function metric<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}
