import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expectGraphqlError, startServer, type TestServer } from '../helpers/app';
import { expectRefusal, getGraphql, postGraphql } from '../helpers/http';
import { lockSearchIndex } from '../helpers/index-lock';

const execFileAsync = promisify(execFile);

/** Posts 2 MB to <url>/graphql (`length`: with Content-Length; `chunked`: streamed) and prints what it got. */
const OVERSIZE_CLIENT = `
const [url, mode] = process.argv.slice(1);
const { Readable } = require('node:stream');
const chunk = Buffer.alloc(10000, 'x');
const body = mode === 'length' ? Buffer.alloc(2000000, 'x') : Readable.toWeb(Readable.from(Array(200).fill(chunk)));
fetch(url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' })
  .then(async (res) => process.stdout.write(res.status + ' ' + (await res.json()).errors[0].extensions.code))
  .catch((error) => process.stdout.write(String(error.cause && error.cause.code || error)));
`;

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

  it('caps list arguments at 20 entries, naming the argument', async () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `tag-${i}`);
    const list = 'query($t: [String!]) { legalPowers(filter: { tags: $t }) { totalCount } }';
    expect((await server.gql(list, { t: tags(20) })).data).toEqual({
      legalPowers: { totalCount: 0 },
    });
    expectGraphqlError(await server.gql(list, { t: tags(21) }), {
      code: 'BAD_USER_INPUT',
      path: ['legalPowers'],
      message: /^filter\.tags: at most 20 entries are allowed; 21 were given/,
    });
    const search =
      'query($t: [String!]) { search(query: "gebiedsverbod", tags: $t) { totalCount } }';
    expect((await server.gql(search, { t: tags(20) })).errors).toBeUndefined();
    expectGraphqlError(await server.gql(search, { t: tags(1000) }), {
      code: 'BAD_USER_INPUT',
      message: /^tags: at most 20/,
    });
    // A tag given many times is one tag.
    const once = await server.gql(search, { t: ['openbare-orde'] });
    const repeated = await server.gql(search, { t: Array(14).fill('openbare-orde') });
    expect(repeated).toEqual(once);
    expect((once.data as { search: { totalCount: number } }).search.totalCount).toBeGreaterThan(0);
  });

  it('refuses mutations and subscriptions with 400 READ_ONLY_API, alone or in a batch', async () => {
    for (const query of ['mutation { x }', 'subscription { x }', 'mutation M { contentVersion }']) {
      const res = await postGraphql(server.url, { query });
      expectRefusal(res, 400, 'READ_ONLY_API');
      expect(res.json.errors![0].message).toMatch(/read-only/);
    }
    const batch = await postGraphql(server.url, [
      { query: 'mutation { x }' },
      { query: '{ contentVersion }' },
    ]);
    const [refused, answered] = JSON.parse(batch.text) as { errors?: unknown[]; data?: unknown }[];
    expect(JSON.stringify(refused.errors)).toContain('READ_ONLY_API');
    expect(answered.data).toEqual({ contentVersion: expect.any(Number) });
  });

  it('answers persisted-query mistakes with PERSISTED_QUERY_* codes', async () => {
    const query = '{ contentVersion }';
    const hash = (sha256Hash: unknown) => ({ persistedQuery: { version: 1, sha256Hash } });
    expectRefusal(
      await postGraphql(server.url, { query, extensions: hash('0'.repeat(64)) }),
      400,
      'PERSISTED_QUERY_HASH_MISMATCH',
    );
    expectRefusal(
      await postGraphql(server.url, { query, extensions: { persistedQuery: 1 } }),
      400,
      'PERSISTED_QUERY_NOT_SUPPORTED',
    );
    const unknown = await postGraphql(server.url, { extensions: hash('f'.repeat(64)) });
    expect(unknown.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await postGraphql(server.url, { query: `{ __typename } #${'x'.repeat(120_000)}` });
    expectRefusal(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('lets a client that sends a 2 MB body read the 413, with or without a length', async () => {
    // The client runs in a process of its own, so it sends while the server answers and closes.
    for (const mode of ['length', 'chunked']) {
      const { stdout } = await execFileAsync(process.execPath, [
        '-e',
        OVERSIZE_CLIENT,
        server.url,
        mode,
      ]);
      expect({ mode, answer: stdout }).toEqual({ mode, answer: '413 PAYLOAD_TOO_LARGE' });
    }
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
