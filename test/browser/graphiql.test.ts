import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/app';
import { launchChromium, watchedPage } from '../helpers/browser';

/**
 * GraphiQL in a real browser (Debian's chromium, installed by .ci/run): the page comes up from
 * our own assets, runs the search example and shows hits, and asks nothing of any other host.
 * If the browser cannot start, this fails: it is never skipped.
 */

describe('GraphiQL in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer('sqlite');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server.close();
  });

  it('loads from local assets, runs the search example and shows the hits', async () => {
    const { page, requested, problems } = await watchedPage(browser);

    const response = await page.goto(`${server.url}/graphql`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.graphiql-container');
    // The first tab is the search example; run it.
    await page.locator('.graphiql-query-editor', { hasText: 'search(' }).waitFor();
    await page.click('.graphiql-execute-button');
    await page.locator('.result-window', { hasText: '"totalCount"' }).waitFor();
    const result = (await page.textContent('.result-window')) ?? '';
    expect(result).toMatch(/"totalCount": [1-9]/);
    expect(result).toContain('Wat is radicalisering');
    expect(result).toContain('<mark>');

    const foreign = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !(protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost');
    });
    expect(foreign).toEqual([]);
    expect(requested.some((url) => url.endsWith('/graphiql.min.js'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
