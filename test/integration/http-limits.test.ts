import { expectGraphqlError, startServer, type TestServer } from '../helpers/app';
import { expectRefusal, getGraphql, postGraphql } from '../helpers/http';
import { lockSearchIndex } from '../helpers/index-lock';

const nested = (levels: number) =>
  `{ guidance(slug: "definitie") { ${'parent { '.repeat(levels - 1)}slug${' }'.repeat(levels - 1)} } }`;

describe('request limits (defaults), refused before execution with a code', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(async () => {
    await server.close();
  });

  it('limits depth to 10 (introspection excepted)', async () => {
    expect((await server.gql(nested(10))).errors).toBeUndefined();
    const res = await server.gql(nested(11));
    expect(res.status).toBe(400);
    expectGraphqlError(res, { code: 'QUERY_TOO_DEEP', message: /11 levels deep; at most 10/ });
    const introspection = await server.gql(
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }',
    );
    expect(introspection.errors).toBeUndefined();
  });

  it('weighs cost by list sizes and relations, reading `first` from variables', async () => {
    const query = `query Heavy($n: Int) { legalPowers(first: $n) {
      edges { node { slug related { slug related { slug } } } } } }`;
    expect((await server.gql(query, { n: 10 })).errors).toBeUndefined();
    const res = await server.gql(query, { n: 100 });
    expectGraphqlError(res, { code: 'QUERY_TOO_COSTLY', message: /costs 11201/ });
    expect(res.errors![0].extensions).toMatchObject({ limit: 5000, actual: 11201 });
  });

  it('still reports `first` above the cap as BAD_USER_INPUT on the argument', async () => {
    const res = await server.gql('{ legalPowers(first: 500) { edges { node { slug } } } }');
    expectGraphqlError(res, { code: 'BAD_USER_INPUT', path: ['legalPowers'] });
  });

  it('limits aliases, directives per field and tokens', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
    expectGraphqlError(await server.gql(`{ ${aliases} }`), { code: 'TOO_MANY_ALIASES' });
    const directives = '@include(if: true) '.repeat(6);
    expectGraphqlError(await server.gql(`{ __typename ${directives} }`), {
      code: 'TOO_MANY_DIRECTIVES',
    });
    const tokens = await server.gql(`{ ${'__typename '.repeat(3100)} }`);
    expectGraphqlError(tokens, { code: 'TOO_MANY_TOKENS', message: /more than 3000 tokens/ });
  });

  it('runs batches of up to 10 operations and refuses larger ones', async () => {
    const op = { query: '{ contentVersion }' };
    const ok = await postGraphql(server.url, [op, op]);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toHaveLength(2);
    expectRefusal(await postGraphql(server.url, Array(11).fill(op)), 400, 'TOO_MANY_OPERATIONS');
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await postGraphql(server.url, { query: `{ __typename } #${'x'.repeat(120_000)}` });
    expectRefusal(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers unknown routes and methods with a coded error', async () => {
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    const res = await fetch(`${server.url}/graphql`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });
});

describe('rate limits per client address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', undefined, undefined, {
      env: { RATE_LIMIT_MAX: '4', RATE_LIMIT_SEARCH_MAX: '2' },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 429 with Retry-After, with a stricter budget for search', async () => {
    const search = 'query Find($q: String!) { hits: search(query: $q) { totalCount } }';
    for (let i = 0; i < 2; i += 1) {
      const res = await getGraphql(server.url, search, { variables: { q: 'gemeente' } });
      expect(res.status).not.toBe(429);
    }
    const limited = await getGraphql(server.url, search, { variables: { q: 'gemeente' } });
    expectRefusal(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other queries have their own budget; the word "search" in a string is not a search.
    for (let i = 0; i < 4; i += 1) {
      const res = await getGraphql(server.url, '{ legalPower(slug: "search") { slug } }');
      expect(res.status).toBe(200);
    }
    expectRefusal(await getGraphql(server.url, '{ __typename }'), 429, 'RATE_LIMITED');
    // Probes are never limited.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('execution timeout', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', undefined, undefined, {
      env: { GRAPHQL_TIMEOUT_MS: '1000' },
    });
  });
  afterAll(() => server.close());

  it('answers 503 EXECUTION_TIMEOUT when execution takes too long', async () => {
    // Another process holds the search index, so the search waits on it.
    const lock = await lockSearchIndex(server.db.dataDir);
    try {
      const res = await postGraphql(server.url, {
        query: '{ search(query: "woning") { totalCount } }',
      });
      expectRefusal(res, 503, 'EXECUTION_TIMEOUT');
    } finally {
      await lock.release();
    }
    expect((await server.gql('{ search(query: "woning") { totalCount } }')).errors).toBeUndefined();
  });
});
