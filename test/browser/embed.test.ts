import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/app';
import { launchChromium, watchedPage, type WatchedPage } from '../helpers/browser';

/**
 * The portal kit as a portal uses it: a host page on a second origin loads kb.js from the API
 * and embeds all four components, in real Chromium (never skipped: if the browser cannot start,
 * this fails). The API runs on the real seed/ with that origin in CORS_ORIGINS.
 */
const SEED_DIR = path.join(__dirname, '..', '..', 'seed');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const GUIDANCE_SLUG = 'interbestuurlijk-programma';
const LOCALES = ['nl', 'en'] as const;
type Lang = (typeof LOCALES)[number];

/** What a portal puts on its page; opened items other than guidance are only recorded. */
function hostPage(api: string, lang: Lang): string {
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Intranet</title>
    <script type="module" src="${api}/embed/v1/kb.js"></script>
    <script>
      window.opened = [];
      document.addEventListener('kb-open', (event) => {
        if (event.detail.type !== 'GUIDANCE') {
          event.preventDefault();
          window.opened.push(event.detail);
        }
      });
    </script>
  </head>
  <body>
    <main>
      <h1>Intranet</h1>
      <kb-search locale="${lang}" for="guide"></kb-search>
      <kb-guidance id="guide" locale="${lang}" slug="${GUIDANCE_SLUG}"></kb-guidance>
      <kb-legal-powers locale="${lang}" authority="MAYOR"></kb-legal-powers>
      <kb-role-model locale="${lang}"></kb-role-model>
    </main>
  </body>
</html>`;
}

/** The focused element, through open shadow roots. */
const DEEP_ACTIVE = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
})()`;

/** Waits until <kb-guidance> shows the item titled `text`. */
async function titleIs(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    `document.querySelector('kb-guidance').shadowRoot.querySelector('article h2')?.textContent === ${JSON.stringify(text)}`,
  );
}

type Opened = WatchedPage;

describe('the portal kit embedded from another origin, in Chromium', () => {
  let server: TestServer;
  let host: http.Server;
  let hostOrigin: string;
  let browser: Browser;

  beforeAll(async () => {
    host = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://host');
      if (url.pathname !== '/') {
        // Browsers ask for /favicon.ico; an empty answer keeps the console clean.
        response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
        return;
      }
      const lang = url.searchParams.get('locale') === 'en' ? 'en' : 'nl';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(hostPage(server.url, lang));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    // localhost and 127.0.0.1 are different sites, as a portal and the API usually are.
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    server = await startServer('sqlite', SEED_DIR, undefined, {
      env: { CORS_ORIGINS: hostOrigin },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => host?.close(resolve));
  });

  /** The host page in `lang` with every component rendered, watching requests and errors. */
  async function open(lang: Lang, width = 1280): Promise<Opened> {
    const { page, requested, problems } = await watchedPage(browser, {
      viewport: { width, height: 900 },
    });
    await page.goto(`${hostOrigin}/?locale=${lang}`);
    await page.locator('kb-guidance article h2').waitFor();
    await page.locator('kb-legal-powers tbody tr').first().waitFor();
    await page.locator('kb-role-model h2').waitFor();
    await page.locator('kb-search input').waitFor();
    return { page, requested, problems };
  }

  /** Nothing went anywhere but the two origins, and nothing failed on the page. */
  async function done({ page, requested, problems }: Opened): Promise<void> {
    const apiOrigin = new URL(server.url).origin;
    const foreign = requested.filter(
      (url) => ![hostOrigin, apiOrigin].includes(new URL(url).origin),
    );
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }

  async function axeViolations(page: Page): Promise<string[]> {
    // Evaluated, not added as a script tag: the demo page's CSP allows no inline script.
    if (await page.evaluate('typeof window.axe === "undefined"')) await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate<{ id: string; nodes: { target: unknown }[] }[]>(
      `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } })
        .then((result) => result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
    );
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }

  async function typeInSearch(page: Page, text: string): Promise<void> {
    await page.locator('kb-search input').fill(text);
    await page
      .locator('kb-search [role="listbox"]:not([hidden]) [role="option"]')
      .first()
      .waitFor();
  }

  it('links the article of a law without a BWB id to its official publication', async () => {
    const opened = await open('nl');
    await opened.page.evaluate(
      `document.querySelector('kb-legal-powers').setAttribute('authority', 'MINISTER')`,
    );
    const row = opened.page.locator('kb-legal-powers tbody tr', { hasText: 'Twbmt' });
    await row.waitFor();
    const href = await row.locator('td[data-label] a').getAttribute('href');
    expect(href).toMatch(/^https:\/\/zoek\.officielebekendmakingen\.nl\//);
    await done(opened);
  });

  it('loads kb.js gzipped within its budget of 60 KB', async () => {
    const page = await browser.newPage();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/embed/v1/kb.js')),
      page.goto(`${hostOrigin}/?locale=nl`),
    ]);
    expect(response.headers()['content-encoding']).toBe('gzip');
    expect(Number(response.headers()['content-length'])).toBeLessThanOrEqual(60 * 1024);
    await page.close();
  });

  it.each(LOCALES)('renders every component with the content in %s', async (lang) => {
    const opened = await open(lang);
    const { page } = opened;
    const locale = lang.toUpperCase();
    const { data } = await server.gql<{
      guidance: { title: string; ancestors: { title: string }[]; headings: { text: string }[] };
      legalPowers: { totalCount: number };
      roleModel: { title: string; phases: { label: string }[] };
    }>(
      `query Expected($slug: String!, $locale: Locale!) {
        guidance(slug: $slug, locale: $locale) { title ancestors { title } headings { text } }
        legalPowers(first: 0, locale: $locale, filter: { authority: [MAYOR] }) { totalCount }
        roleModel(locale: $locale) { title phases { label } }
      }`,
      { slug: GUIDANCE_SLUG, locale },
    );
    const expected = data!;

    for (const element of ['kb-search', 'kb-guidance', 'kb-legal-powers', 'kb-role-model']) {
      expect(await page.locator(`${element} div[lang]`).first().getAttribute('lang')).toBe(lang);
    }
    // Guidance: title, breadcrumb of its ancestors, table of contents, the tree.
    expect(await page.locator('kb-guidance article h2').textContent()).toBe(
      expected.guidance.title,
    );
    const crumbs = await page.locator('kb-guidance .breadcrumb li').allTextContents();
    expect(crumbs.map((c) => c.trim())).toEqual([
      ...expected.guidance.ancestors.map((a) => a.title),
      expected.guidance.title,
    ]);
    expect(expected.guidance.headings.length).toBeGreaterThan(1);
    const toc = await page.locator('kb-guidance .toc a').allTextContents();
    expect(toc).toEqual(expected.guidance.headings.map((h) => h.text));
    await expect(
      page.locator('kb-guidance .tree a[aria-current="page"]').textContent(),
    ).resolves.toBe(expected.guidance.title);
    // Legal powers: one row per power of the mayor, articles linked to wetten.overheid.nl.
    expect(await page.locator('kb-legal-powers tbody tr').count()).toBe(
      expected.legalPowers.totalCount,
    );
    const articles: (string | null)[] = [];
    for (const link of await page.locator('kb-legal-powers td[data-label] a').all()) {
      articles.push(await link.getAttribute('href'));
    }
    expect(articles.length).toBe(expected.legalPowers.totalCount);
    for (const href of articles) expect(href).toMatch(/^https:\/\/wetten\.overheid\.nl\//);
    // Role model: title, every phase as a heading under "phases and tasks"; the SVG for print.
    expect(await page.locator('kb-role-model h2').textContent()).toBe(expected.roleModel.title);
    const phases = await page.locator('kb-role-model .phases h4').allTextContents();
    expect(phases.sort()).toEqual(expected.roleModel.phases.map((p) => p.label).sort());
    const svg = await page.locator('kb-role-model a[href*="role-model.svg"]').getAttribute('href');
    expect(svg).toBe(`${server.url}/visuals/role-model.svg?locale=${lang}`);
    await done(opened);
  });

  it.each([
    ['nl', 'gebiedsv', /Gebiedsverbod/],
    ['en', 'area ba', /Area ban/],
  ] as const)(
    'shows an instrument while typing a prefix (%s: "%s")',
    async (lang, prefix, title) => {
      const opened = await open(lang);
      await typeInSearch(opened.page, prefix);
      const options = await opened.page.locator('kb-search [role="option"].hit').allTextContents();
      expect(options.some((text) => title.test(text))).toBe(true);
      // The matched part of the title is marked.
      expect(
        await opened.page.locator('kb-search [role="option"].hit mark').count(),
      ).toBeGreaterThan(0);
      await done(opened);
    },
  );

  it('can be used by keyboard alone: search, open a hit, move through the tree', async () => {
    const opened = await open('nl');
    const { page } = opened;
    const focused = () => page.evaluate<string>(`(${DEEP_ACTIVE})?.outerHTML ?? ''`);
    // Tab from the top of the page into the search box.
    for (let i = 0; i < 5 && !(await focused()).includes('role="combobox"'); i += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await focused()).toContain('role="combobox"');
    await page.keyboard.type('wat is radicalisering');
    await page
      .locator('kb-search [role="listbox"]:not([hidden]) [role="option"].hit')
      .first()
      .waitFor();
    const input = page.locator('kb-search input');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    // Arrow down to the first hit that is guidance, then open it with Enter.
    let chosen = '';
    for (let i = 0; i < 10 && !chosen; i += 1) {
      await page.keyboard.press('ArrowDown');
      const active = page.locator(
        `kb-search #${await input.getAttribute('aria-activedescendant')}`,
      );
      expect(await active.getAttribute('aria-selected')).toBe('true');
      const text = (await active.textContent()) ?? '';
      if ((await active.getAttribute('class'))?.includes('hit') && /handreiking/i.test(text)) {
        chosen = (await active.locator('.hit-title').textContent()) ?? '';
      }
    }
    expect(chosen).not.toBe('');
    await page.keyboard.press('Enter');
    await titleIs(page, chosen);
    // Focus moved to the opened item's title.
    expect(await focused()).toContain('id="kb-title"');
    expect(await page.evaluate('window.opened.length')).toBe(0);

    // Shift+Tab back into the tree and open the item before it with Enter.
    let link = '';
    for (let i = 0; i < 40 && !link; i += 1) {
      await page.keyboard.press('Shift+Tab');
      const html = await focused();
      if (html.startsWith('<a') && !html.includes('aria-current')) {
        const inTree = await page.evaluate<boolean>(`!!(${DEEP_ACTIVE})?.closest('nav.tree')`);
        if (inTree) link = await page.evaluate<string>(`(${DEEP_ACTIVE}).textContent.trim()`);
      }
    }
    expect(link).not.toBe('');
    await page.keyboard.press('Enter');
    await titleIs(page, link);
    expect(await page.locator('kb-guidance .tree a[aria-current="page"]').textContent()).toBe(link);

    // A full search by Enter, then a filter button pressed with the keyboard.
    await input.focus();
    await input.fill('');
    await page.keyboard.type('burgemeester');
    await page.keyboard.press('Enter');
    await page.locator('kb-search .results li').first().waitFor();
    const filters = page.locator('kb-search .filters button');
    expect(await filters.count()).toBeGreaterThan(1);
    await filters.nth(1).focus();
    await page.keyboard.press('Space');
    await page.locator('kb-search .filters button:nth-child(2)[aria-pressed="true"]').waitFor();
    expect(await filters.first().getAttribute('aria-pressed')).toBe('false');
    await done(opened);
  });

  it.each(LOCALES)('has no WCAG 2.1 A/AA violations per axe-core (%s)', async (lang) => {
    const opened = await open(lang);
    const { page } = opened;
    expect(await axeViolations(page)).toEqual([]);
    await typeInSearch(page, lang === 'nl' ? 'gebiedsv' : 'area ba');
    await page.keyboard.press('ArrowDown');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('kb-search input').press('Enter');
    await page.locator('kb-search .results li').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The check reaches into the shadow roots: a flaw put there is found.
    await page.evaluate(
      `document.querySelector('kb-legal-powers').shadowRoot.append(Object.assign(document.createElement('input'), { type: 'text' }))`,
    );
    expect((await axeViolations(page)).map((v) => v.split(':')[0])).toEqual(['label']);
    await done(opened);
  });

  it('shows all four components on /embed/demo under its Content-Security-Policy, in both locales', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${server.url}/embed/demo`);
    for (const lang of LOCALES) {
      if (lang === 'en') await page.getByRole('link', { name: 'English' }).click();
      await page.locator(`kb-guidance div[lang="${lang}"] article h2`).waitFor();
      await page.locator(`kb-legal-powers div[lang="${lang}"] tbody tr`).first().waitFor();
      await page.locator(`kb-role-model div[lang="${lang}"] h2`).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
    // Opening a legal power from the table is left to the page, which names its path.
    await page.locator('kb-legal-powers tbody a').first().click();
    await page.locator('#demo-status', { hasText: '/legal-powers/' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(LOCALES)('reflows at 320 px without scrolling sideways (%s)', async (lang) => {
    const opened = await open(lang, 320);
    const { page } = opened;
    const scrollWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');
    expect(await scrollWidth()).toBeLessThanOrEqual(320);
    await typeInSearch(page, lang === 'nl' ? 'gebiedsv' : 'area ba');
    await page.locator('kb-search input').press('Enter');
    await page.locator('kb-search .results li').first().waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(320);
    await done(opened);
  });
});
