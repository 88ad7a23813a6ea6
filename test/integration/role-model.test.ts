import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { sqlitePath, type Dialect } from '../../src/db/orm';
import { SeedValidationError } from '../../src/seed/errors';
import { runSeed } from '../../src/seed/run';
import { DIALECTS, startServer, type TestServer } from '../helpers/app';
import { copySeed, editFile } from '../helpers/seed-dir';

const REAL_SEED = path.join(__dirname, '..', '..', 'seed');
const SVG_NAMESPACE = 'xmlns="http://www.w3.org/2000/svg"';

const ROLE_MODEL = `query RoleModel($locale: Locale) {
  roleModel(locale: $locale) {
    locale
    groups { id label }
    actors { id label description group { id label } content { type slug locale title } }
    phases { id label position }
    tasks { id label phase { id } actors { id } content { type slug } }
    edges { from { id } to { id } label }
  }
}`;

interface Svg {
  status: number;
  type: string | null;
  text: string;
}

async function getSvg(server: TestServer, query = ''): Promise<Svg> {
  const res = await fetch(`${server.url}/visuals/role-model.svg${query}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

type XmlNode = Record<string, unknown>;
interface XmlText {
  tspan: { '#text'?: string }[];
}
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['text', 'tspan', 'rect', 'line'].includes(name),
});

/** Parses the SVG with a real XML parser and returns the root and its visible text blocks. */
function parseSvg(text: string): { svg: XmlNode; texts: string[] } {
  expect(XMLValidator.validate(text)).toBe(true);
  const svg = (parser.parse(text) as { svg: XmlNode }).svg;
  const texts = ((svg.text as XmlText[] | undefined) ?? []).map((t) =>
    t.tspan.map((s) => s['#text'] ?? '').join(' '),
  );
  return { svg, texts };
}

/**
 * Retries `check` for a few seconds: a running server notices a new seed run when it next
 * polls the content version, and serves cached responses until then.
 */
async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The database's complete content, to prove a rejected seed wrote nothing. */
async function snapshot(server: TestServer, dialect: Dialect): Promise<string> {
  if (dialect === 'sqlite') {
    const bytes = await fs.readFile(sqlitePath({ dataDir: server.db.dataDir }));
    return createHash('sha256').update(bytes).digest('hex');
  }
  const knex = server.app.orm.em.getKnex();
  const tables = ['content', 'content_translation', 'content_link', 'content_state', 'role_model'];
  const dump: Record<string, unknown> = {};
  for (const table of tables) dump[table] = await knex(table).select('*').orderByRaw('1');
  return JSON.stringify(dump);
}

const BAD_ROLE_MODELS: [string, (yml: string) => string, { field: string; message: RegExp }][] = [
  [
    'an edge from an unknown actor',
    (y) => y.replace('from: politie', 'from: brandweer'),
    { field: 'edges.1.from', message: /actor "brandweer", which is not in actors/ },
  ],
  [
    'a link to content that does not exist',
    (y) => y.replace('legal-powers/noodbevel]', 'legal-powers/bestaat-niet]'),
    { field: 'actors.0.content.1', message: /legal-powers\/bestaat-niet, which does not exist/ },
  ],
  [
    'an unknown field',
    (y) => y.replace('    group: gemeente\n', '    group: gemeente\n    kleur: rood\n'),
    { field: 'actors.0.kleur', message: /unknown field/ },
  ],
  [
    'a duplicate id',
    (y) => y.replace('id: nazorg-regelen', 'id: signaleren'),
    { field: 'tasks.1.id', message: /duplicate id "signaleren"/ },
  ],
  [
    'a task in an unknown phase',
    (y) => y.replace('phase: nazorg\n', 'phase: opsporing\n'),
    { field: 'tasks.1.phase', message: /phase "opsporing"/ },
  ],
];

describe.each(DIALECTS)('role model on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(dialect);
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the role model in English, falling back to Dutch label by label', async () => {
    const res = await server.gql(ROLE_MODEL, { locale: 'EN' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.roleModel).toEqual({
      locale: 'EN',
      groups: [
        { id: 'gemeente', label: 'Municipality' },
        { id: 'partners', label: 'Partners' },
      ],
      actors: [
        {
          id: 'burgemeester',
          label: 'Mayor',
          description: 'Keeps public order.',
          group: { id: 'gemeente', label: 'Municipality' },
          content: [
            { type: 'LEGAL_POWER', slug: 'gebiedsverbod', locale: 'EN', title: 'Area ban' },
            { type: 'LEGAL_POWER', slug: 'noodbevel', locale: 'NL', title: 'Noodbevel' },
          ],
        },
        {
          id: 'wijkteam',
          label: 'Wijkteam',
          description: 'Helpt in de wijk & signaleert <zorgen>.',
          group: { id: 'partners', label: 'Partners' },
          content: [],
        },
        {
          id: 'politie',
          label: 'Police',
          description: 'Enforces.',
          group: { id: 'partners', label: 'Partners' },
          content: [
            {
              type: 'PREVENTION_APPROACH',
              slug: 'casusoverleg',
              locale: 'EN',
              title: 'Case consultation',
            },
          ],
        },
      ],
      phases: [
        { id: 'signalering', label: 'Signalering', position: 1 },
        { id: 'nazorg', label: 'Aftercare', position: 2 },
      ],
      tasks: [
        {
          id: 'signaleren',
          label: 'Noticing concerns',
          phase: { id: 'signalering' },
          actors: [{ id: 'wijkteam' }, { id: 'politie' }],
          content: [
            { type: 'GUIDANCE', slug: 'overzicht' },
            { type: 'PREVENTION_APPROACH', slug: 'casusoverleg' },
          ],
        },
        {
          id: 'nazorg-regelen',
          label: 'Nazorg regelen',
          phase: { id: 'nazorg' },
          actors: [{ id: 'burgemeester' }],
          content: [],
        },
      ],
      edges: [
        { from: { id: 'wijkteam' }, to: { id: 'burgemeester' }, label: 'reports concerns to' },
        {
          from: { id: 'politie' },
          to: { id: 'burgemeester' },
          label: 'levert politiegegevens aan',
        },
      ],
    });
  });

  it('serves Dutch by default', async () => {
    const res = await server.gql<{
      roleModel: { locale: string; actors: { label: string }[]; edges: { label: string }[] };
    }>(ROLE_MODEL);
    expect(res.data!.roleModel.locale).toBe('NL');
    expect(res.data!.roleModel.actors.map((a) => a.label)).toEqual([
      'Burgemeester',
      'Wijkteam',
      'Politie',
    ]);
    expect(res.data!.roleModel.edges.map((e) => e.label)).toEqual([
      'meldt zorgen aan',
      'levert politiegegevens aan',
    ]);
  });

  it('draws an accessible, self-contained SVG with escaped text', async () => {
    const res = await getSvg(server);
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/svg+xml; charset=utf-8');
    const { svg, texts } = parseSvg(res.text);
    expect(svg['@_role']).toBe('img');
    // The accessible name is the title alone; the long text is the description.
    const titleId = String(svg['@_aria-labelledby']);
    const descId = String(svg['@_aria-describedby']);
    expect(titleId).not.toContain(' ');
    expect(svg.title).toMatchObject({ '@_id': titleId, '#text': expect.stringMatching(/\w/) });
    expect(svg.desc).toMatchObject({ '@_id': descId, '#text': expect.stringMatching(/Wijkteam/) });
    expect(texts).toEqual(expect.arrayContaining(['Burgemeester', 'Wijkteam', 'Politie']));
    expect(texts.join('\n')).toContain('Helpt in de wijk & signaleert <zorgen>.');
    expect(texts).toEqual(expect.arrayContaining(['meldt zorgen aan', '1. Signalering']));
    expect(res.text.replace(SVG_NAMESPACE, '')).not.toMatch(/http|href|@import|url\((?!#)/i);
    const sizes = [...res.text.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(res.text).not.toMatch(/font-face|woff|\.ttf/);
    const etag = (await fetch(`${server.url}/visuals/role-model.svg`)).headers.get('etag')!;
    const again = await fetch(`${server.url}/visuals/role-model.svg`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('draws the SVG in English on ?locale=en and rejects an unknown locale', async () => {
    const { texts } = parseSvg((await getSvg(server, '?locale=en')).text);
    expect(texts).toEqual(expect.arrayContaining(['Mayor', 'Wijkteam', 'Police', '2. Aftercare']));
    expect((await getSvg(server, '?locale=de')).status).toBe(400);
  });

  it.each(BAD_ROLE_MODELS)(
    'rejects %s, naming the field, and changes nothing',
    async (_k, mutate, expected) => {
      const dir = await copySeed();
      const file = path.join(dir, 'role-model.yml');
      await fs.writeFile(file, mutate(await fs.readFile(file, 'utf8')));
      const before = await snapshot(server, dialect);
      const error = await runSeed(server.app.orm.em, { dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedValidationError);
      expect((error as SeedValidationError).issues).toContainEqual({
        file: 'role-model.yml',
        field: expected.field,
        message: expect.stringMatching(expected.message),
      });
      expect((error as SeedValidationError).message).toMatch(/ {2}role-model\.yml: \S+: /);
      expect(await snapshot(server, dialect)).toBe(before);
      await fs.rm(dir, { recursive: true });
    },
  );

  it('plans the role model by hash: updated when the file changes, untouched otherwise', async () => {
    const dir = await copySeed();
    const file = path.join(dir, 'role-model.yml');
    await editFile(file, 'Wijkteam', 'Buurtteam');
    const changed = await runSeed(server.app.orm.em, { dir });
    expect(changed).toMatchObject({ roleModel: 'changed', changes: 1, updated: 0 });
    await eventually(async () => {
      const res = await server.gql<{ roleModel: { actors: { label: string }[] } }>(ROLE_MODEL);
      expect(res.data!.roleModel.actors[1].label).toBe('Buurtteam');
    });

    await fs.rm(file);
    expect(await runSeed(server.app.orm.em, { dir })).toMatchObject({ roleModel: 'changed' });
    await eventually(async () => {
      const empty = await server.gql<{ roleModel: { actors: unknown[] } }>(ROLE_MODEL);
      expect(empty.data!.roleModel.actors).toEqual([]);
    });
    expect((await getSvg(server)).status).toBe(404);

    const back = await runSeed(server.app.orm.em, { dir: server.config.seedDirs });
    expect(back).toMatchObject({ roleModel: 'changed', changes: 1 });
    const again = await runSeed(server.app.orm.em, { dir: server.config.seedDirs });
    expect(again).toMatchObject({ roleModel: 'unchanged', changes: 0 });
    await fs.rm(dir, { recursive: true });
  });
});

describe.each(DIALECTS)('role model of the real seed on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(dialect, REAL_SEED);
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(['nl', 'en'] as const)(
    'draws every actor of seed/role-model.yml (%s)',
    async (locale) => {
      const model = parseYaml(
        await fs.readFile(path.join(REAL_SEED, 'role-model.yml'), 'utf8'),
      ) as {
        actors: { label: { nl: string; en?: string } }[];
      };
      const res = await getSvg(server, `?locale=${locale}`);
      expect(res.status).toBe(200);
      const { svg, texts } = parseSvg(res.text);
      expect(svg.title).toBeDefined();
      expect(svg.desc).toBeDefined();
      const labels = model.actors.map((a) => a.label[locale] ?? a.label.nl);
      expect(labels.length).toBeGreaterThanOrEqual(11);
      for (const label of labels) expect(texts).toContain(label);
      expect(res.text.replace(SVG_NAMESPACE, '')).not.toMatch(/http/i);
    },
  );
});
