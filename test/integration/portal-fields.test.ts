import fs from 'node:fs/promises';
import { expectGraphqlError, startServer, type TestServer } from '../helpers/app';
import { copySeed, writeSeedFile } from '../helpers/seed-dir';

/**
 * The fields a portal needs to embed the content: paths and URLs from the link template,
 * breadcrumbs and tree order, headings with ids, reading time, labels, dates that come from the
 * files, the role model's title, and `nodes`. Over HTTP, on a seed with a three-level tree.
 */
const LONG_WORDS = Array.from({ length: 450 }, (_, i) => `woord${i}`).join(' ');

async function portalSeed(): Promise<string> {
  const dir = await copySeed();
  await writeSeedFile(
    dir,
    'guidance/verdieping.nl.md',
    [
      '---',
      'title: Verdieping',
      'summary: Een derde niveau in de boom.',
      'kind: FOCUS_AREA',
      'parent: guidance/definitie',
      'position: 0',
      'asOf: 2025-12-09',
      'updated: 2026-03-02',
      '---',
      '## Eerste stap',
      '',
      'Zie [ermee aan de slag](kb:guidance/ermee-aan-de-slag).',
      '',
      '### Details & uitzonderingen',
      '',
      LONG_WORDS,
      '',
      '## Eerste stap',
      '',
      'Nog een keer dezelfde kop.',
      '',
    ].join('\n'),
  );
  await writeSeedFile(
    dir,
    'guidance/verdieping.en.md',
    ['---', 'title: Going deeper', 'summary: A third level.', '---', '## First step', ''].join(
      '\n',
    ),
  );
  return dir;
}

describe('Fields for portals over HTTP', () => {
  let seed: string;
  let server: TestServer;
  let linked: TestServer;
  beforeAll(async () => {
    seed = await portalSeed();
    server = await startServer('sqlite', seed);
    linked = await startServer('sqlite', seed, undefined, {
      env: {
        LINK_TEMPLATE: '/kennisbank/{locale}/{type}/{slug}',
        PUBLIC_URL: 'https://intranet.example.nl/',
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await linked?.close();
    await fs.rm(seed, { recursive: true, force: true });
  });

  it('gives headings with ids, the same ids in the HTML body, and shifts levels on request', async () => {
    const res = await server.gql<{ guidance: Record<string, unknown> }>(`{
      guidance(slug: "verdieping") {
        headings { id level text }
        html: body
        shifted: body(headingOffset: 1)
        deepest: body(headingOffset: 4)
        plain: body(format: PLAIN, headingOffset: 2)
      } }`);
    expect(res.errors).toBeUndefined();
    const g = res.data!.guidance;
    expect(g.headings).toEqual([
      { id: 'eerste-stap', level: 2, text: 'Eerste stap' },
      { id: 'details-uitzonderingen', level: 3, text: 'Details & uitzonderingen' },
      { id: 'eerste-stap-2', level: 2, text: 'Eerste stap' },
    ]);
    expect(g.html).toContain('<h2 id="eerste-stap">Eerste stap</h2>');
    expect(g.html).toContain('<h3 id="details-uitzonderingen">Details &amp; uitzonderingen</h3>');
    expect(g.html).toContain('<h2 id="eerste-stap-2">');
    expect(g.shifted).toContain('<h3 id="eerste-stap">Eerste stap</h3>');
    expect(g.shifted).toContain('<h4 id="details-uitzonderingen">');
    expect(g.shifted).not.toContain('<h2');
    expect(g.deepest).toContain('<h6 id="eerste-stap">');
    expect(g.deepest).toContain('<h6 id="details-uitzonderingen">');
    expect(g.plain).not.toContain('<');

    const bad = await server.gql('{ guidance(slug: "verdieping") { body(headingOffset: 5) } }');
    expectGraphqlError(bad, { code: 'BAD_USER_INPUT', message: /headingOffset/ });
  });

  it('estimates reading time from the words of the served body', async () => {
    const res = await server.gql<Record<string, { readingTimeMinutes: number }>>(`{
      nl: guidance(slug: "verdieping") { readingTimeMinutes }
      en: guidance(slug: "verdieping", locale: EN) { readingTimeMinutes }
      short: guidance(slug: "definitie") { readingTimeMinutes } }`);
    expect(res.errors).toBeUndefined();
    // 450 words and a few more at 200 a minute; the English body is a heading only.
    expect(res.data!.nl.readingTimeMinutes).toBe(3);
    expect(res.data!.en.readingTimeMinutes).toBe(1);
    expect(res.data!.short.readingTimeMinutes).toBe(1);
  });

  it('gives a breadcrumb of ancestors, root first', async () => {
    const res = await server.gql<
      Record<string, { ancestors: { slug: string; title: string }[] }>
    >(`{
      deep: guidance(slug: "verdieping", locale: EN) { ancestors { slug title } }
      root: guidance(slug: "overzicht") { ancestors { slug } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.deep.ancestors).toEqual([
      { slug: 'overzicht', title: 'Overview of the local approach' },
      { slug: 'definitie', title: 'Wat is radicalisering' },
    ]);
    expect(res.data!.root.ancestors).toEqual([]);
  });

  it('lists guidance in tree order with POSITION, in pages, and refuses it for flat types', async () => {
    type Page = {
      guidances: { edges: { node: { slug: string } }[]; pageInfo: { endCursor: string } };
    };
    const slugs = (p: Page) => p.guidances.edges.map((e) => e.node.slug);
    const query = `query P($after: String, $dir: SortDirection!) {
      guidances(first: 2, after: $after, orderBy: { field: POSITION, direction: $dir }) {
        edges { node { slug } } pageInfo { endCursor } } }`;
    const first = await server.gql<Page>(query, { dir: 'ASC' });
    expect(first.errors).toBeUndefined();
    const second = await server.gql<Page>(query, {
      dir: 'ASC',
      after: first.data!.guidances.pageInfo.endCursor,
    });
    expect([...slugs(first.data!), ...slugs(second.data!)]).toEqual([
      'overzicht',
      'ermee-aan-de-slag',
      'definitie',
      'verdieping',
    ]);
    const desc = await server.gql<Page>(query, { dir: 'DESC' });
    expect(slugs(desc.data!)).toEqual(['verdieping', 'definitie']);

    const flat = await server.gql('{ legalPowers(orderBy: { field: POSITION }) { totalCount } }');
    expectGraphqlError(flat, { code: 'BAD_USER_INPUT', message: /POSITION/ });
  });

  it('gives paths by the default template and no URL without PUBLIC_URL', async () => {
    const res = await server.gql<{ guidance: { path: string; url: null; body: string } }>(
      '{ guidance(slug: "verdieping") { path url body } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.guidance).toMatchObject({ path: '/guidance/verdieping', url: null });
    expect(res.data!.guidance.body).toContain('href="/guidance/ermee-aan-de-slag"');
  });

  it('gives paths, URLs and body links from LINK_TEMPLATE and PUBLIC_URL', async () => {
    const res = await linked.gql<
      Record<string, { path: string; url: string; body: string; related?: { path: string }[] }>
    >(`{
      nl: guidance(slug: "verdieping") { path url body }
      en: guidance(slug: "verdieping", locale: EN) { path url }
      lp: legalPower(slug: "gebiedsverbod") { path url related { path } } }`);
    expect(res.errors).toBeUndefined();
    const { nl, en, lp } = res.data!;
    expect(nl.path).toBe('/kennisbank/nl/guidance/verdieping');
    expect(nl.url).toBe('https://intranet.example.nl/kennisbank/nl/guidance/verdieping');
    expect(nl.body).toContain('href="/kennisbank/nl/guidance/ermee-aan-de-slag"');
    expect(nl.body).toContain('data-kb-slug="ermee-aan-de-slag"');
    expect(en.path).toBe('/kennisbank/en/guidance/verdieping');
    expect(lp.path).toBe('/kennisbank/nl/legal-powers/gebiedsverbod');
    expect(lp.related).toEqual([{ path: '/kennisbank/nl/legal-powers/noodbevel' }]);
  });

  it('dates items by their files: updated, else asOf, else the newest source', async () => {
    const res = await server.gql<Record<string, { updatedAt: string }>>(`{
      updated: guidance(slug: "verdieping") { updatedAt }
      asOf: guidance(slug: "ermee-aan-de-slag") { updatedAt }
      source: guidance(slug: "overzicht") { updatedAt }
      none: guidance(slug: "definitie") { updatedAt } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      updated: { updatedAt: '2026-03-02T00:00:00.000Z' },
      asOf: { updatedAt: '2025-12-09T00:00:00.000Z' },
      source: { updatedAt: '2025-01-15T00:00:00.000Z' },
      none: { updatedAt: '1970-01-01T00:00:00.000Z' },
    });
  });

  it('labels every value of the content enums in both locales', async () => {
    type Labels = { name: string; values: { value: string; label: string }[] }[];
    const res = await server.gql<{ nl: Labels; en: Labels }>(`{
      nl: enumLabels { name values { value label } }
      en: enumLabels(locale: EN) { name values { value label } } }`);
    expect(res.errors).toBeUndefined();
    const names = res.data!.nl.map((e) => e.name);
    expect(names).toEqual([
      'ContentType',
      'GuidanceKind',
      'LegalAuthority',
      'Locale',
      'PreventionLevel',
    ]);
    // Every value the schema declares has a label, in both locales.
    for (const name of names) {
      const schema = await server.gql<{ __type: { enumValues: { name: string }[] } }>(
        `{ __type(name: "${name}") { enumValues { name } } }`,
      );
      const declared = schema.data!.__type.enumValues.map((v) => v.name).sort();
      for (const locale of ['nl', 'en'] as const) {
        const values = res.data![locale].find((e) => e.name === name)!.values;
        expect(values.map((v) => v.value).sort()).toEqual(declared);
        for (const v of values) expect(v.label).toMatch(/^\p{Lu}/u);
      }
    }
    const label = (locale: 'nl' | 'en', name: string, value: string) =>
      res.data![locale].find((e) => e.name === name)!.values.find((v) => v.value === value)!.label;
    expect(label('nl', 'LegalAuthority', 'MAYOR')).toBe('Burgemeester');
    expect(label('en', 'LegalAuthority', 'MAYOR')).toBe('Mayor');
    expect(label('nl', 'ContentType', 'LEGAL_POWER')).toBe('Bevoegdheid');
    expect(label('en', 'PreventionLevel', 'AFTERCARE')).toBe('Aftercare and reintegration');
  });

  it('labels facet values with type labels and tag names in the asked locale', async () => {
    type Facets = {
      search: { facets: { field: string; values: { value: string; label: string }[] }[] };
    };
    const q = (locale: string) =>
      server.gql<Facets>(
        `{ search(query: "gebiedsverbod", locale: ${locale}) { facets { field values { value label } } } }`,
      );
    const [nl, en] = await Promise.all([q('NL'), q('EN')]);
    expect(nl.errors).toBeUndefined();
    const values = (res: typeof nl, field: string) =>
      res.data!.search.facets.find((f) => f.field === field)!.values;
    expect(values(nl, 'type')).toContainEqual({ value: 'LEGAL_POWER', label: 'Bevoegdheid' });
    expect(values(en, 'type')).toContainEqual({ value: 'LEGAL_POWER', label: 'Legal power' });
    expect(values(nl, 'tags')).toContainEqual({ value: 'openbare-orde', label: 'Openbare orde' });
    expect(values(en, 'tags')).toContainEqual({ value: 'openbare-orde', label: 'Public order' });
  });

  it('fetches several nodes by id in order, with null for ids that do not exist', async () => {
    const ids = await server.gql<Record<string, { id: string }>>(`{
      a: legalPower(slug: "gebiedsverbod") { id } b: guidance(slug: "verdieping") { id } }`);
    const { a, b } = ids.data!;
    const res = await server.gql<{ nodes: ({ slug: string; title: string } | null)[] }>(
      `query N($ids: [ID!]!) { nodes(ids: $ids, locale: EN) { ... on Content { slug title } } }`,
      { ids: [b.id, 'bm90LWFuLWlk', a.id] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual([
      { slug: 'verdieping', title: 'Going deeper' },
      null,
      { slug: 'gebiedsverbod', title: expect.any(String) },
    ]);
    const tooMany = await server.gql(`query N($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 101 }, () => a.id),
    });
    expectGraphqlError(tooMany, { code: 'BAD_USER_INPUT', message: /at most 100/ });
  });

  it('gives the role model a title and description, from the file or a default', async () => {
    const res = await server.gql<Record<string, { title: string; description: string }>>(`{
      nl: roleModel { title description } en: roleModel(locale: EN) { title description } }`);
    expect(res.errors).toBeUndefined();
    // The fixture's role model has neither: the defaults apply.
    expect(res.data!.nl.title).toBe('Rolmodel lokale aanpak');
    expect(res.data!.en.title).toBe('Role model of the local approach');
    expect(res.data!.en.description).toMatch(/prevention to aftercare/);
  });
});

describe('updatedAt on two installations of the same content', () => {
  it('is the same on SQLite and on PostgreSQL, seeded at different moments', async () => {
    const seed = await portalSeed();
    const query = '{ guidances(first: 100) { edges { node { slug updatedAt } } } }';
    const sqlite = await startServer('sqlite', seed);
    const first = await sqlite.gql(query);
    await sqlite.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const pg = await startServer('postgresql', seed);
    const second = await pg.gql(query);
    await pg.close();
    await fs.rm(seed, { recursive: true, force: true });
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
  });
});
