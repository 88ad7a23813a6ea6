import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startServer, type TestServer } from '../helpers/app';

/** kb.js may grow to this many bytes gzipped (the portal kit's budget). */
const BUDGET_GZIPPED = 60 * 1024;
const BUNDLE = path.join(__dirname, '..', '..', 'dist', 'embed', 'v1', 'kb.js');

interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A GET with exactly these headers and the body as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

describe('the portal kit over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves kb.js as the built ES module, readable from any origin and kept for a day', async () => {
    const res = await rawGet(`${server.url}/embed/v1/kb.js`, {
      origin: 'https://portal.example.nl',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe(
      'public, max-age=86400, stale-while-revalidate=604800',
    );
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.body.equals(fs.readFileSync(BUNDLE))).toBe(true);
    const text = res.body.toString('utf8');
    for (const name of ['kb-guidance', 'kb-search', 'kb-legal-powers', 'kb-role-model']) {
      expect(text).toContain(`"${name}"`);
    }
    expect(text).toMatch(/\bexport\s*\{/);
  });

  it('answers 304 to a matching If-None-Match, and 200 to another tag', async () => {
    const first = await rawGet(`${server.url}/embed/v1/kb.js`);
    const etag = String(first.headers.etag);
    const again = await rawGet(`${server.url}/embed/v1/kb.js`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const other = await rawGet(`${server.url}/embed/v1/kb.js`, { 'if-none-match': '"other"' });
    expect(other.status).toBe(200);
  });

  it('sends kb.js gzipped when asked, within its budget, under a tag of its own', async () => {
    const plain = await rawGet(`${server.url}/embed/v1/kb.js`);
    const gzipped = await rawGet(`${server.url}/embed/v1/kb.js`, {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(gzipped.headers.etag).not.toBe(plain.headers.etag);
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(gzipped.body.length).toBeLessThanOrEqual(BUDGET_GZIPPED);
  });

  it('serves the demo page with all four components and no inline script, in both locales', async () => {
    const nl = await rawGet(`${server.url}/embed/demo`);
    expect(nl.status).toBe(200);
    expect(nl.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(nl.headers['content-security-policy']).toContain("script-src 'self'");
    const page = nl.body.toString('utf8');
    expect(page).toContain('<html lang="nl">');
    for (const tag of ['<kb-search', '<kb-guidance', '<kb-legal-powers', '<kb-role-model']) {
      expect(page).toContain(tag);
    }
    const scripts = page.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual([
      '<script type="module" src="/embed/v1/kb.js">',
      '<script type="module" src="/embed/demo.js">',
    ]);
    const script = await rawGet(`${server.url}/embed/demo.js`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');

    const en = await rawGet(`${server.url}/embed/demo?locale=en`);
    expect(en.body.toString('utf8')).toContain('<html lang="en">');
    expect(en.body.toString('utf8')).toContain('locale="en"');
  });

  it('refuses an unknown demo locale, naming the parameter', async () => {
    const res = await rawGet(`${server.url}/embed/demo?locale=de`);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body.toString('utf8')) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]).toEqual({
      message: 'locale must be "nl" or "en"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('links the demo from GraphiQL', async () => {
    const res = await rawGet(`${server.url}/graphql`, { accept: 'text/html' });
    expect(res.status).toBe(200);
    expect(res.body.toString('utf8')).toContain('href="/embed/demo"');
  });
});
