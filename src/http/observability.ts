import type { FastifyInstance } from 'fastify';
import { register } from 'prom-client';
import {
  contentVersionGauge,
  operationLabel,
  requestDuration,
  requestsTotal,
  responseCacheTotal,
} from '../graphql/metrics';
import type { LiveContent } from '../graphql/live-content';

/**
 * One structured log line per request (request id, operation, duration, cache status) and the
 * Prometheus metrics behind `/metrics`.
 */
export function registerObservability(app: FastifyInstance, live: LiveContent) {
  contentVersionGauge.set(live.current.snapshot.version);
  live.onChange((version) => contentVersionGauge.set(version));

  app.addHook('onResponse', (request, reply, done) => {
    const durationMs = Math.round(reply.elapsedTime * 100) / 100;
    const status = reply.statusCode;
    const line: Record<string, unknown> = {
      method: request.method,
      path: request.url.split('?')[0],
      status,
      durationMs,
    };
    const state = request.kb;
    if (state) {
      const operation = operationLabel(state.report.operationName);
      const cache = state.cache ?? 'NONE';
      line.operation = state.report.operationName ?? undefined;
      line.cache = cache;
      line.contentVersion = state.live.snapshot.version;
      requestsTotal.inc({ operation, status: String(status), cache });
      requestDuration.observe({ operation }, durationMs / 1000);
      if (state.cache) responseCacheTotal.inc({ result: state.cache.toLowerCase() });
    }
    request.log.info(line, 'request completed');
    done();
  });

  app.get('/metrics', async (_request, reply) =>
    reply.type(register.contentType).send(await register.metrics()),
  );
}
