import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startServer, type TestServer } from '../helpers/app';
import { getGraphql, postGraphql } from '../helpers/http';
import { copySeed, editFile } from '../helpers/seed-dir';

const ROOT = path.join(__dirname, '..', '..');
const PAGE = 'query Page { legalPower(slug: "noodbevel") { title } contentVersion }';

/** `npm run seed` as an editor runs it: the compiled CLI, in its own process. */
function seed(env: Record<string, string>, dir: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/scripts/seed.js'), '--dir', dir], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: 'ignore',
    });
    child.on('close', resolve);
  });
}

describe('HTTP caching', () => {
  let server: TestServer;
  let seedDir: string;
  beforeAll(async () => {
    seedDir = await copySeed();
    server = await startServer('sqlite', seedDir, undefined, {
      env: { CONTENT_VERSION_POLL_MS: '100' },
    });
  });
  afterAll(async () => {
    await server.close();
    await fs.rm(seedDir, { recursive: true, force: true });
  });

  it('gives GET responses Cache-Control and a strong ETag, and 304 to If-None-Match', async () => {
    const first = await getGraphql(server.url, '{ legalPowers { totalCount } }');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('max-age=60, public');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"v\d+-[\w-]+"$/);
    const again = await getGraphql(server.url, '{ legalPowers { totalCount } }', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('tags the bytes, not the request: equal answers share an ETag, search answers too', async () => {
    const a = await getGraphql(server.url, '{ legalPowers { totalCount } }');
    const b = await getGraphql(server.url, 'query Count {\n  legalPowers { totalCount }\n}');
    expect(b.text).toBe(a.text);
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    const other = await getGraphql(server.url, '{ targetGroupProfiles(first: 1) { totalCount } }');
    expect(other.headers.get('etag')).not.toBe(a.headers.get('etag'));

    const search =
      '{ search(query: "noodbevel", first: 3) { totalCount edges { node { content { slug } } } } }';
    const found = await getGraphql(server.url, search);
    const { totalCount } = (found.json.data as { search: { totalCount: number } }).search;
    expect(totalCount).toBeGreaterThan(0);
    const spelledOtherwise = await getGraphql(server.url, `query Find ${search}`);
    expect(spelledOtherwise.text).toBe(found.text);
    expect(spelledOtherwise.headers.get('etag')).toBe(found.headers.get('etag'));
  });

  it('takes cache hints from the schema: contentVersion may be cached 5 s', async () => {
    const res = await getGraphql(server.url, '{ contentVersion }');
    expect(res.headers.get('cache-control')).toBe('max-age=5, public');
    const version = (res.json.data as { contentVersion: number }).contentVersion;
    expect(res.headers.get('etag')).toMatch(new RegExp(`^"v${version}-`));
  });

  it('serves repeated queries from the response cache, GET and POST alike', async () => {
    const query = '{ preventionApproaches { totalCount } }';
    const miss = await getGraphql(server.url, query);
    const hit = await getGraphql(server.url, query);
    expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    expect(hit.text).toBe(miss.text);
    const post = await postGraphql(server.url, { query: '{ guidances { totalCount } }' });
    const postHit = await postGraphql(server.url, { query: '{ guidances { totalCount } }' });
    expect([post.headers.get('x-cache'), postHit.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    expect(postHit.headers.get('etag')).toBeNull();
    const failed = await getGraphql(server.url, '{ legalPowers(first: 500) { totalCount } }');
    expect(failed.headers.get('etag')).toBeNull();
    expect(
      (await getGraphql(server.url, '{ legalPowers(first: 500) { totalCount } }')).headers.get(
        'x-cache',
      ),
    ).toBe('MISS');
  });

  it('runs Automatic Persisted Queries', async () => {
    const query = '{ targetGroupProfiles { totalCount } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const get = (ext: object) => {
      const url = new URL('/graphql', server.url);
      url.searchParams.set('extensions', JSON.stringify(ext));
      return fetch(url).then(async (r) => ({ status: r.status, json: (await r.json()) as object }));
    };
    expect((await get(extensions)).json).toMatchObject({
      errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
    const registered = await postGraphql(server.url, { query, extensions });
    expect(registered.json.data).toEqual({ targetGroupProfiles: { totalCount: 3 } });
    expect(await get(extensions)).toEqual({
      status: 200,
      json: { data: { targetGroupProfiles: { totalCount: 3 } } },
    });
  });

  it('drops cached responses exactly when a seed run changes the content', async () => {
    const before = await getGraphql(server.url, PAGE);
    expect((await getGraphql(server.url, PAGE)).headers.get('x-cache')).toBe('HIT');
    const { contentVersion } = before.json.data as { contentVersion: number };

    // A seed run without changes keeps the version, and so the cache.
    expect(await seed(server.db.env, seedDir)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await getGraphql(server.url, PAGE)).headers.get('x-cache')).toBe('HIT');

    const file = path.join(seedDir, 'legal-powers/noodbevel.nl.md');
    await editFile(file, 'title: Noodbevel', 'title: Noodbevel (herzien)');
    expect(await seed(server.db.env, seedDir)).toBe(0);
    let after = await getGraphql(server.url, PAGE);
    for (
      let i = 0;
      i < 100 && (after.json.data as { contentVersion: number }).contentVersion === contentVersion;
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await getGraphql(server.url, PAGE);
    }
    expect(after.json.data).toEqual({
      legalPower: { title: 'Noodbevel (herzien)' },
      contentVersion: contentVersion + 1,
    });
    expect(after.headers.get('etag')).toMatch(new RegExp(`^"v${contentVersion + 1}-`));
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });
});
