import { startServer, type TestServer } from '../helpers/app';
import {
  captureLogs,
  expectRefusal,
  getGraphql,
  postGraphql,
  type HttpResult,
} from '../helpers/http';

/**
 * What a portal on another origin meets: CORS that answers preflights for allowed origins and
 * refuses others with a reason and a log line, and rate limits that a whole intranet behind one
 * address can type into without being refused.
 */
const PORTAL = 'https://intranet.example.nl';
const OTHER = 'https://elders.example.com';

const preflight = (base: string, origin: string, path = '/graphql') =>
  fetch(`${base}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

async function asResult(res: Response): Promise<HttpResult> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : {} };
}

const refusals = (lines: Record<string, unknown>[], origin: string) =>
  lines.filter((l) => l.origin === origin && /origin is not in CORS_ORIGINS/.test(String(l.msg)));

describe('Cross-origin requests without CORS_ORIGINS', () => {
  const logs = captureLogs('debug');
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', undefined, undefined, { logger: logs.logger });
  });
  afterAll(() => server.close());

  it('refuses a preflight with 403, a coded reason naming the origin, and one warning', async () => {
    const res = await asResult(await preflight(server.url, PORTAL));
    expectRefusal(res, 403, 'CORS_ORIGIN_NOT_ALLOWED');
    expect(res.json.errors![0].message).toContain(PORTAL);
    expect(res.json.errors![0].message).toContain('CORS_ORIGINS');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    // The same origin again: refused again, but the warning is not repeated.
    expectRefusal(
      await asResult(await preflight(server.url, PORTAL)),
      403,
      'CORS_ORIGIN_NOT_ALLOWED',
    );
    const lines = refusals(logs.lines, PORTAL);
    expect(lines.map((l) => l.level)).toEqual([40, 20]);
  });

  it('refuses the request itself from another origin, not only its preflight', async () => {
    const res = await postGraphql(
      server.url,
      { query: '{ __typename }' },
      { 'content-type': 'application/json', origin: OTHER },
    );
    expectRefusal(res, 403, 'CORS_ORIGIN_NOT_ALLOWED');
  });

  it('serves its own origin, requests without an origin, and public assets to anyone', async () => {
    const own = await postGraphql(
      server.url,
      { query: '{ __typename }' },
      { 'content-type': 'application/json', origin: server.url },
    );
    expect(own.status).toBe(200);
    expect((await getGraphql(server.url, '{ __typename }')).status).toBe(200);
    const svg = await fetch(`${server.url}/visuals/role-model.svg`, { headers: { origin: OTHER } });
    expect(svg.status).toBe(200);
  });
});

describe('Cross-origin requests with CORS_ORIGINS', () => {
  const logs = captureLogs();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', undefined, undefined, {
      env: { CORS_ORIGINS: PORTAL },
      logger: logs.logger,
    });
  });
  afterAll(() => server.close());

  it('answers the preflight of an allowed origin and then its request', async () => {
    const pre = await preflight(server.url, PORTAL);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const res = await postGraphql(
      server.url,
      { query: '{ legalPower(slug: "noodbevel") { slug } }' },
      { 'content-type': 'application/json', origin: PORTAL },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.json.data).toEqual({ legalPower: { slug: 'noodbevel' } });
  });

  it('refuses any other origin and logs it', async () => {
    const res = await asResult(await preflight(server.url, OTHER));
    expectRefusal(res, 403, 'CORS_ORIGIN_NOT_ALLOWED');
    expect(refusals(logs.lines, OTHER)).toHaveLength(1);
    expect(refusals(logs.lines, PORTAL)).toHaveLength(0);
  });
});

const SEARCH =
  'query S($q: String!) { search(query: $q, first: 5) { totalCount edges { node { content { title } } } } }';
const SUGGEST = 'query T($q: String!) { suggest(prefix: $q) { text kind } }';

/** Runs `tasks` with at most `width` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

describe('Rate limits for an intranet behind one address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(() => server.close());

  it('lets 50 people type into a search box at once with the default limits', async () => {
    // Each person types "gebiedsverbod"; from the second letter on, every keystroke asks for
    // suggestions and for the first hits, with no debouncing at all: 50 x 12 x 2 requests.
    const word = 'gebiedsverbod';
    const tasks: (() => Promise<number>)[] = [];
    for (let person = 0; person < 50; person += 1) {
      for (let n = 2; n <= word.length; n += 1) {
        const q = word.slice(0, n);
        tasks.push(
          async () => (await postGraphql(server.url, { query: SUGGEST, variables: { q } })).status,
        );
        tasks.push(
          async () => (await postGraphql(server.url, { query: SEARCH, variables: { q } })).status,
        );
      }
    }
    const statuses = await pool(tasks, 16);
    expect(statuses).toHaveLength(1200);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});

describe('Rate-limit budgets and client keys', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', undefined, undefined, {
      env: {
        RATE_LIMIT_MAX: '3',
        RATE_LIMIT_SEARCH_MAX: '2',
        RATE_LIMIT_SUGGEST_MAX: '4',
        TRUST_PROXY: 'true',
        RATE_LIMIT_KEY_HEADER: 'X-Forwarded-User',
      },
    });
  });
  afterAll(() => server.close());

  const as = (user: string | undefined, query: string, variables: object = {}) =>
    postGraphql(
      server.url,
      { query, variables },
      { 'content-type': 'application/json', ...(user ? { 'x-forwarded-user': user } : {}) },
    );

  it('gives suggestions a budget of their own', async () => {
    for (let i = 0; i < 4; i += 1)
      expect((await as('anna', SUGGEST, { q: 'woning' })).status).toBe(200);
    expectRefusal(await as('anna', SUGGEST, { q: 'woning' }), 429, 'RATE_LIMITED');
    // Search and other reads still have theirs.
    expect((await as('anna', SEARCH, { q: 'woning' })).status).toBe(200);
    expect((await as('anna', '{ __typename }')).status).toBe(200);
  });

  it('keys the limits by the header a trusted proxy sets per user', async () => {
    for (let i = 0; i < 2; i += 1)
      expect((await as('bram', SEARCH, { q: 'wijk' })).status).toBe(200);
    expectRefusal(await as('bram', SEARCH, { q: 'wijk' }), 429, 'RATE_LIMITED');
    // Another user behind the same proxy (the same address) is not affected.
    expect((await as('carla', SEARCH, { q: 'wijk' })).status).toBe(200);
  });
});
