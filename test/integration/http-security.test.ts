import { startServer, type TestServer } from '../helpers/app';
import { captureLogs, expectRefusal, getGraphql, postGraphql } from '../helpers/http';

const ORIGIN = 'https://intranet.example.nl';

describe('HTTP security', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', undefined, undefined, { env: { CORS_ORIGINS: ORIGIN } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('runs a plain GET query with no special headers (links, curl, caching proxies)', async () => {
    const res = await getGraphql(server.url, '{ legalPower(slug: "noodbevel") { slug } }');
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ legalPower: { slug: 'noodbevel' } });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a POST a cross-site form could send (%s)',
    async (type) => {
      const res = await postGraphql(
        server.url,
        { query: '{ __typename }' },
        { 'content-type': type },
      );
      expectRefusal(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('refuses a cross-site GET carrying cookies unless it forces a preflight', async () => {
    const headers = {
      cookie: 'session=1',
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'cors',
    };
    const refused = await getGraphql(server.url, '{ __typename }', { headers });
    expectRefusal(refused, 403, 'CSRF_REJECTED');
    const preflighted = await getGraphql(server.url, '{ __typename }', {
      headers: { ...headers, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('answers 405 with Allow: POST to a mutation over GET', async () => {
    const res = await getGraphql(server.url, 'mutation { __typename }');
    expectRefusal(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('allows CORS only from CORS_ORIGINS', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves GraphiQL with a self-only Content-Security-Policy and no external URL', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script>/);
  });

  it('offers introspection and field suggestions by default', async () => {
    const introspection = await server.gql('{ __schema { queryType { name } } }');
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await server.gql('{ legalPowerz { totalCount } }');
    expect(typo.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});

describe('HTTP security, locked down for production', () => {
  const logs = captureLogs();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', undefined, undefined, {
      env: { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'false', GRAPHQL_SUGGESTIONS: 'false' },
      logger: logs.logger,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('turns introspection and suggestions off when configured', async () => {
    const introspection = await server.gql('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await server.gql('{ legalPowerz { totalCount } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('answers a search on an index closed under it as unavailable, not as a failure', async () => {
    await server.app.live.current.search!.close();
    const res = await postGraphql(server.url, {
      query: 'query Closed { search(query: "woning") { totalCount } }',
    });
    expect(res.status).toBe(200);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'SEARCH_UNAVAILABLE' } }),
    ]);
  });

  it('answers an internal failure without internals, and logs it with the request id', async () => {
    // A fault inside the server: the read model breaks with a message full of internals.
    Object.defineProperty(server.app.live.current.snapshot, 'roleModel', {
      get() {
        throw new Error('SQLITE_MISUSE: read model damaged at /srv/kb/dist/load.js:42');
      },
    });
    const res = await postGraphql(
      server.url,
      { query: 'query Broken { roleModel(locale: EN) { locale } }' },
      {
        'content-type': 'application/json',
        'x-request-id': 'req-broken-1',
      },
    );
    expect(res.json.errors).toEqual([
      expect.objectContaining({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      }),
    ]);
    expect(res.text).not.toMatch(/damaged|SQLITE|srv|stack/i);
    const logged = logs.lines.find(
      (l) => l.msg === 'unexpected error while executing a GraphQL operation',
    );
    expect(logged).toMatchObject({ reqId: 'req-broken-1', operationName: 'Broken' });
    expect(JSON.stringify(logged)).toMatch(/SQLITE_MISUSE: read model damaged/);
  });
});
