import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '../../graphql/errors';
import { HttpError } from '../http-error';
import { KB_JS_PATH } from './bundle';

export const DEMO_PATH = '/embed/demo';
const DEMO_SCRIPT_PATH = '/embed/demo.js';

/**
 * The demo's only script (the page's Content-Security-Policy allows no inline code): it routes
 * what a portal would route itself. Guidance links open in the guidance element; other items
 * are named in a status line, since this server has no pages for them.
 */
const DEMO_SCRIPT = `const viewer = document.getElementById('guidance');
const status = document.getElementById('demo-status');
document.addEventListener('kb-open', (event) => {
  event.preventDefault();
  const item = event.detail;
  if (item.type === 'GUIDANCE') {
    viewer.navigate(item.slug);
    viewer.scrollIntoView({ block: 'start' });
  } else {
    status.textContent = status.dataset.message + ' ' + item.path;
  }
});
`;

const WORDS = {
  nl: {
    title: 'Kennisbank radicalisering: portal kit',
    intro:
      'Vier webcomponenten uit één script, zoals een intranetportaal ze insluit. Bekijk de broncode van deze pagina voor de opmaak.',
    language: 'Taal',
    opened: 'Een portaal opent hier zijn eigen pagina voor',
  },
  en: {
    title: 'Radicalisation knowledge base: portal kit',
    intro:
      'Four web components from one script, as an intranet portal embeds them. View the source of this page for the markup.',
    language: 'Language',
    opened: 'A portal opens its own page here for',
  },
} as const;

type Lang = keyof typeof WORDS;

function page(lang: Lang): string {
  const w = WORDS[lang];
  const switchLink = (to: Lang, label: string) =>
    to === lang
      ? `<a href="?locale=${to}" lang="${to}" aria-current="page">${label}</a>`
      : `<a href="?locale=${to}" lang="${to}" hreflang="${to}">${label}</a>`;
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${w.title}</title>
    <script type="module" src="${KB_JS_PATH}"></script>
    <script type="module" src="${DEMO_SCRIPT_PATH}"></script>
    <style>
      body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; }
      main > * { margin-block: 2.5rem; }
      nav ul { display: flex; gap: 1rem; list-style: none; padding: 0; }
      [aria-current] { font-weight: bold; }
    </style>
  </head>
  <body>
    <header>
      <h1>${w.title}</h1>
      <p>${w.intro}</p>
      <nav aria-label="${w.language}">
        <ul>
          <li>${switchLink('nl', 'Nederlands')}</li>
          <li>${switchLink('en', 'English')}</li>
        </ul>
      </nav>
    </header>
    <main>
      <kb-search locale="${lang}" for="guidance"></kb-search>
      <p id="demo-status" role="status" data-message="${w.opened}"></p>
      <kb-guidance id="guidance" locale="${lang}"></kb-guidance>
      <kb-legal-powers locale="${lang}" authority="MAYOR"></kb-legal-powers>
      <kb-role-model locale="${lang}"></kb-role-model>
    </main>
  </body>
</html>
`;
}

const PAGES: Record<Lang, string> = { nl: page('nl'), en: page('en') };

/** `GET /embed/demo[?locale=nl|en]`: the four web components on one page, and its script. */
export function registerEmbedDemo(app: FastifyInstance): void {
  app.get<{ Querystring: { locale?: unknown } }>(DEMO_PATH, (request, reply) => {
    // A repeated `locale` arrives as an array: refused like any other value but nl and en.
    const given = request.query.locale ?? 'nl';
    const locale = typeof given === 'string' ? given.toLowerCase() : undefined;
    if (locale !== 'nl' && locale !== 'en') {
      throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'locale must be "nl" or "en"');
    }
    return reply
      .header('cache-control', 'public, max-age=300')
      .type('text/html; charset=utf-8')
      .send(PAGES[locale]);
  });
  app.get(DEMO_SCRIPT_PATH, (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=300')
      .type('text/javascript; charset=utf-8')
      .send(DEMO_SCRIPT),
  );
}
