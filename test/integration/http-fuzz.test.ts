import { startServer, type TestServer } from '../helpers/app';
import { captureLogs, type CapturedLogs } from '../helpers/http';

/**
 * Odd input over the whole HTTP surface: every registered route with every method, duplicated
 * and prototype-named query parameters, wrong JSON types in every GraphQL-over-HTTP field,
 * huge arrays, strings and nesting. Nothing may be answered 5xx or INTERNAL_SERVER_ERROR,
 * nothing may be logged as an error, and the server keeps answering.
 */

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const PARAMS = ['query', 'variables', 'operationName', 'extensions', 'locale', ...PROTO_KEYS];
const PARAM_VALUES = ['', 'x', '1', '{}', '[]', 'null', '{"__proto__":{"a":1}}', 'x'.repeat(4000)];
const JSON_VALUES = [
  '1',
  '"x"',
  'null',
  'true',
  '[]',
  '{}',
  '[null]',
  '{"__proto__":{"query":"{ __typename }"}}',
  JSON.stringify(PROTO_KEYS),
  JSON.stringify(Array.from({ length: 20_000 }, (_, i) => `t${i}`)),
  JSON.stringify('x'.repeat(90_000)),
];
const BODY_KEYS = ['query', 'variables', 'operationName', 'extensions', ...PROTO_KEYS];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

interface Outcome {
  readonly request: string;
  readonly status: number;
  readonly body: string;
}

describe('odd input over the whole HTTP surface (production mode)', () => {
  let server: TestServer;
  let logs: CapturedLogs;
  let routes: string[];
  let outcomes: Outcome[] = [];
  let logsBefore = 0;

  /** What this test sent: no 5xx, no INTERNAL_SERVER_ERROR, no error logged, still serving. */
  async function expectNoServerError(atLeast: number): Promise<void> {
    const failures = outcomes.filter(
      (o) => o.status >= 500 || o.body.includes('INTERNAL_SERVER_ERROR'),
    );
    expect(failures.map((f) => `${f.status} ${f.request} -> ${f.body.slice(0, 200)}`)).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(atLeast);
    const errors = logs.lines.slice(logsBefore).filter((line) => Number(line.level) >= 50);
    expect(errors.map((line) => line.msg)).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const res = await server.gql('{ guidance(slug: "overzicht") { slug } }');
    expect(res.data).toEqual({ guidance: { slug: 'overzicht' } });
  }

  async function send(
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = body === undefined
      ? {}
      : { 'content-type': 'application/json' },
  ): Promise<void> {
    const request = `${method} ${path.slice(0, 100)} ${(body ?? '').slice(0, 100)}`;
    const res = await fetch(server.url + path, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    });
    outcomes.push({ request, status: res.status, body: await res.text() });
  }
  const post = (body: string, headers?: Record<string, string>) =>
    send('POST', '/graphql', body, headers);

  beforeAll(async () => {
    logs = captureLogs('info');
    server = await startServer('sqlite', undefined, undefined, {
      env: {
        NODE_ENV: 'production',
        RATE_LIMIT_MAX: '1000000',
        RATE_LIMIT_SEARCH_MAX: '1000000',
      },
      logger: logs.logger,
    });
    // Every route the server registers, so a new route is fuzzed without editing this test.
    const printed = server.app.http.printRoutes({ commonPrefix: false });
    routes = [...printed.matchAll(/(\/\S*) \(/g)].map((m) => m[1]);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    outcomes = [];
    logsBefore = logs.lines.length;
  });

  it('finds the routes it fuzzes', () => {
    expect(routes).toEqual(
      expect.arrayContaining(['/graphql', '/readyz', '/healthz', '/visuals/role-model.svg']),
    );
    expect(routes.some((r) => r.includes('/:'))).toBe(true);
  });

  it('answers every route, method and odd query parameter without a server error', async () => {
    const paths = routes.flatMap((route) =>
      route.includes('/:')
        ? ['init.js', ...PROTO_KEYS, '..', 'x'.repeat(2000)].map((name) =>
            route.replace(/:\w+/, encodeURIComponent(name)),
          )
        : [route],
    );
    const typename = encodeURIComponent('{ __typename }');
    for (const path of paths) {
      for (const method of METHODS) await send(method, path, '{"query":"{ __typename }"}');
      for (const name of PARAMS) {
        for (const raw of PARAM_VALUES) {
          const value = encodeURIComponent(raw);
          await send('GET', `${path}?${name}=${value}`);
          await send('GET', `${path}?query=${typename}&${name}=${value}&${name}=${value}`);
          await send('GET', `${path}?${name}[__proto__]=${value}&${name}[]=${value}`);
        }
      }
    }
    for (const name of [...PROTO_KEYS, '%2e%2e', 'x'.repeat(3000)]) {
      await send('GET', `/${name}`);
      await send('GET', `/graphiql/${name}/init.js`);
    }
    await expectNoServerError(2000);
  });

  it('answers wrong JSON types in every GraphQL-over-HTTP field without a server error', async () => {
    const search = 'query($x: [String!]) { search(query: \\"a\\", tags: $x) { totalCount } }';
    for (const json of JSON_VALUES) {
      await post(json);
      await post(`[${json}]`);
      await post(`{"query":"${search}","variables":{"x":${json}}}`);
      await post(`{"query":"{ __typename }","extensions":{"persistedQuery":${json}}}`);
      await post(
        `{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":${json}}}}`,
      );
      await post(`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":${json}}}}`);
      for (const key of BODY_KEYS) await post(`{"query":"{ __typename }","${key}":${json}}`);
    }
    await post(`${'['.repeat(40_000)}${']'.repeat(40_000)}`);
    await post(`${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}`);
    for (const type of [
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/graphql',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
    ]) {
      await post('{"query":"{ __typename }"}', { 'content-type': type });
    }
    await expectNoServerError(150);
  });

  it('answers odd arguments, mutations and persisted-query mistakes with codes', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['mutation { x }', {}],
      ['subscription { x }', {}],
      ['query($f: Int) { legalPowers(first: $f) { totalCount } }', { f: 1e20 }],
      ['query($a: String) { legalPowers(after: $a) { totalCount } }', { a: 'x'.repeat(50_000) }],
      ['query($a: String) { search(query: "a", after: $a) { totalCount } }', { a: '__proto__' }],
      ['query($q: String!) { search(query: $q) { totalCount } }', { q: 'a'.repeat(90_000) }],
      [
        'query($q: String!) { search(query: $q) { totalCount } }',
        { q: 'radicalisering '.repeat(5000) },
      ],
      ['query($q: String!) { suggest(prefix: $q) }', { q: '__proto__ constructor' }],
      ['query($id: ID!) { node(id: $id) { id } }', { id: '__proto__' }],
      ['query($s: String!) { guidance(slug: $s) { slug } }', { s: 'constructor' }],
      [
        'query($l: String) { legalPowers(filter: { law: $l, approach: $l }) { totalCount } }',
        { l: 'toString' },
      ],
      [
        'query($t: [String!]) { search(query: "a", tags: $t) { totalCount } }',
        { t: Array(14).fill('burgemeester') },
      ],
      [
        'query($t: [String!]) { search(query: "a", tags: $t) { totalCount } }',
        { t: Array.from({ length: 1000 }, (_, i) => `t${i}`) },
      ],
      [
        'query($t: [String!]) { legalPowers(filter: { tags: $t }) { totalCount } }',
        { t: Array.from({ length: 1000 }, (_, i) => `t${i}`) },
      ],
      [
        'query($t: [String!]) { guidances(filter: { tags: $t }) { totalCount } }',
        { t: PROTO_KEYS },
      ],
    ];
    for (const [query, variables] of cases) await post(JSON.stringify({ query, variables }));
    await post(JSON.stringify([{ query: 'mutation { x }' }, { query: '{ __typename }' }]));
    await expectNoServerError(cases.length + 1);
  });
});
