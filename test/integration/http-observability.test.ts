import { FIXTURE_SEED, startServer, type TestServer } from '../helpers/app';
import { captureLogs, getGraphql, postGraphql } from '../helpers/http';

describe('observability', () => {
  const logs = captureLogs();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', FIXTURE_SEED, undefined, { logger: logs.logger });
  });
  afterAll(async () => {
    await server.close();
  });

  it('logs one JSON line per request with request id, operation, duration and cache status', async () => {
    const query = 'query PortalPage { legalPowers { totalCount } }';
    await getGraphql(server.url, query, { headers: { 'x-request-id': 'obs-1' } });
    const res = await getGraphql(server.url, query, { headers: { 'x-request-id': 'obs-2' } });
    expect(res.headers.get('x-request-id')).toBe('obs-2');
    const lines = logs.lines.filter((l) => l.msg === 'request completed');
    expect(lines.find((l) => l.reqId === 'obs-1')).toMatchObject({
      operation: 'PortalPage',
      cache: 'MISS',
      status: 200,
      method: 'GET',
      path: '/graphql',
      durationMs: expect.any(Number),
    });
    expect(lines.find((l) => l.reqId === 'obs-2')).toMatchObject({
      operation: 'PortalPage',
      cache: 'HIT',
    });
  });

  it('exposes Prometheus metrics per operation, error code, cache result and content version', async () => {
    await getGraphql(server.url, 'query MetricsProbe { contentVersion }');
    await postGraphql(server.url, { query: '{ legalPowers(first: 500) { totalCount } }' });
    const res = await fetch(`${server.url}/metrics`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(
      /graphql_requests_total\{operation="MetricsProbe",status="200",cache="MISS"\} 1/,
    );
    expect(text).toMatch(
      /graphql_request_duration_seconds_bucket\{le="[\d.]+",operation="MetricsProbe"\}/,
    );
    expect(text).toMatch(/graphql_errors_total\{code="BAD_USER_INPUT"\} \d+/);
    expect(text).toMatch(/graphql_response_cache_total\{result="miss"\} \d+/);
    expect(text).toMatch(/^content_version [1-9]\d*$/m);
    expect(text).toMatch(/# TYPE search_latency_seconds histogram/);
  });

  it('answers /healthz, and /readyz with each named check', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
  });

  it('says once that the content cannot be brought up to date, and when it can again', async () => {
    const knex = server.app.orm.em.getKnex();
    const warned = () =>
      logs.lines.filter(
        (l) => l.msg === 'could not bring the content up to date; serving what it has',
      );
    // The version can no longer be read, as with a database that went away.
    await knex.raw('alter table content_state rename to content_state_away');
    for (let round = 0; round < 5; round += 1) await server.app.live.poll();
    expect(warned()).toHaveLength(1);
    expect(JSON.stringify(warned()[0])).toMatch(/no such table: content_state/);
    const page = await getGraphql(server.url, '{ legalPower(slug: "noodbevel") { slug } }');
    expect(page.json.data).toEqual({ legalPower: { slug: 'noodbevel' } });

    await knex.raw('alter table content_state_away rename to content_state');
    await server.app.live.poll();
    await server.app.live.poll();
    expect(logs.lines.filter((l) => l.msg === 'content up to date again')).toHaveLength(1);
    expect(warned()).toHaveLength(1);
  });

  it('says which dependency is not ready, and why', async () => {
    await server.app.orm.close();
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('unavailable');
    expect(body.checks.database).toMatch(/^unavailable: /);
  });
});
