import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { buildApp } from '../../src/app';
import { SeedValidationError, type SeedIssue } from '../../src/seed/errors';
import { readSeed } from '../../src/seed/run';
import pino from 'pino';
import { createTestDatabase, FIXTURE_SEED, startServer, type TestServer } from '../helpers/app';
import { copySeed, writeSeedFile, editFile } from '../helpers/seed-dir';

const LAYER = path.join(__dirname, '..', 'fixtures', 'layer-voorbeeldstad');
/** How problems name the layers: their path from the working folder (the repository). */
const NATIONAL_LABEL = 'test/fixtures/seed';

/** The problems a seed of these layers has (none: an empty list). */
async function problems(dirs: string[]): Promise<SeedIssue[]> {
  try {
    await readSeed(dirs);
    return [];
  } catch (error) {
    if (error instanceof SeedValidationError) return [...error.issues];
    throw error;
  }
}

describe('seed layers served', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', `${FIXTURE_SEED},${LAYER}`);
  });
  afterAll(async () => {
    await server.close();
  });

  it('adds the local items and tags of a later layer', async () => {
    const res = await server.gql<{
      guidance: { title: string; parent: { slug: string }; tags: { slug: string }[] };
      tags: { slug: string }[];
    }>(`{
      guidance(slug: "meldpunt-voorbeeldstad") { title parent { slug } tags { slug } }
      tags { slug }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.guidance).toEqual({
      title: 'Meldpunt zorg en veiligheid Voorbeeldstad',
      parent: { slug: 'overzicht' },
      tags: [{ slug: 'voorbeeldstad' }],
    });
    expect(res.data!.tags.map((t) => t.slug)).toContain('voorbeeldstad');
  });

  it('overrides the declared fields of a national item and keeps the rest', async () => {
    const res = await server.gql<{
      guidance: {
        title: string;
        summary: string;
        kind: string;
        tags: { slug: string }[];
        sources: { publisher: string }[];
        body: string;
        children: { slug: string }[];
      };
      en: { title: string; summary: string };
    }>(`{
      guidance(slug: "overzicht") {
        title summary kind tags { slug } sources { publisher } body(format: MARKDOWN)
        children { slug }
      }
      en: guidance(slug: "overzicht", locale: EN) { title summary }
    }`);
    expect(res.errors).toBeUndefined();
    const g = res.data!.guidance;
    // From the national file:
    expect(g.title).toBe('Overzicht lokale aanpak');
    expect(g.kind).toBe('OVERVIEW');
    expect(g.sources).toEqual([{ publisher: 'VNG' }]);
    // From the local override:
    expect(g.summary).toBe(
      'Startpunt van de handreiking, met de contactpersonen van de gemeente Voorbeeldstad.',
    );
    expect(g.tags.map((t) => t.slug)).toEqual(['openbare-orde', 'voorbeeldstad']);
    // The local body follows the national one.
    expect(g.body.indexOf('Dit is het **startpunt**')).toBe(0);
    expect(g.body).toContain('## Contact in Voorbeeldstad');
    expect(g.children.map((c) => c.slug)).toContain('meldpunt-voorbeeldstad');
    // The English file was not overridden.
    expect(res.data!.en).toEqual({
      title: 'Overview of the local approach',
      summary: 'Entry point of the guidance on the local approach.',
    });
  });
});

describe('seed layer validation', () => {
  let layer: string;
  beforeEach(async () => {
    layer = await copySeed(LAYER);
  });
  afterEach(async () => {
    await fs.rm(layer, { recursive: true, force: true });
  });

  it('passes for the example layer', async () => {
    expect(await problems([FIXTURE_SEED, LAYER])).toEqual([]);
  });

  it('refuses a second definition of an item without override, naming both files', async () => {
    await writeSeedFile(
      layer,
      'guidance/definitie.nl.md',
      '---\ntitle: Onze definitie\nsummary: Lokaal.\nkind: DEFINITION\n---\nTekst.\n',
    );
    expect(await problems([FIXTURE_SEED, layer])).toEqual([
      {
        file: `${layer}/guidance/definitie.nl.md`,
        message: expect.stringMatching(
          new RegExp(
            `defines guidance/definitie, which ${NATIONAL_LABEL}/guidance/definitie\\.nl\\.md already defines; .*override: true`,
          ),
        ) as unknown,
      },
    ]);
  });

  it('refuses the same new item in two local layers, naming both', async () => {
    const second = await copySeed(LAYER);
    try {
      await fs.rm(path.join(second, 'guidance/overzicht.nl.md'));
      await fs.rm(path.join(second, 'tags.yml'));
      const found = await problems([FIXTURE_SEED, layer, second]);
      expect(found).toHaveLength(1);
      expect(found[0].file).toBe(`${second}/guidance/meldpunt-voorbeeldstad.nl.md`);
      expect(found[0].message).toContain(`${layer}/guidance/meldpunt-voorbeeldstad.nl.md`);
    } finally {
      await fs.rm(second, { recursive: true, force: true });
    }
  });

  it('refuses overrides of fields that stay national, naming the layer file and field', async () => {
    const file = path.join(layer, 'guidance/overzicht.nl.md');
    await editFile(file, 'override: true', 'override: true\nkind: ROLE');
    const found = await problems([FIXTURE_SEED, layer]);
    expect(found).toEqual([
      {
        file: `${layer}/guidance/overzicht.nl.md`,
        field: 'kind',
        message: expect.stringMatching(
          /cannot override this field; it may override title, summary/,
        ) as unknown,
      },
    ]);
  });

  it('says which layer an invalid overridden value comes from', async () => {
    const file = path.join(layer, 'guidance/overzicht.nl.md');
    await editFile(file, 'tags: [openbare-orde, voorbeeldstad]', 'tags: [openbare-orde, onbekend]');
    const found = await problems([FIXTURE_SEED, layer]);
    expect(found).toEqual([
      {
        file: `${layer}/guidance/overzicht.nl.md`,
        field: 'tags.1',
        message: 'unknown tag "onbekend"; add it to tags.yml first',
      },
    ]);
  });

  it('names the national layer for a problem in a national file', async () => {
    const national = await copySeed();
    try {
      const file = path.join(national, 'legal-powers/noodbevel.nl.md');
      await editFile(file, /^law: .*\n/m, '');
      const found = await problems([national, layer]);
      expect(found).toEqual([
        {
          file: `${national}/legal-powers/noodbevel.nl.md`,
          field: 'law',
          message: 'required field is missing',
        },
      ]);
    } finally {
      await fs.rm(national, { recursive: true, force: true });
    }
  });

  it('refuses an override with nothing to override, and a local tag defined twice', async () => {
    await writeSeedFile(
      layer,
      'guidance/definitie.en.md',
      '---\noverride: true\nsummary: Our own words.\n---\n',
    );
    await fs.appendFile(path.join(layer, 'tags.yml'), '- slug: jeugd\n  name: { nl: Jongeren }\n');
    const found = await problems([FIXTURE_SEED, layer]);
    expect(found).toEqual(
      expect.arrayContaining([
        {
          file: `${layer}/guidance/definitie.en.md`,
          field: 'override',
          message: 'nothing to override: no earlier layer has guidance/definitie.en.md',
        },
        {
          file: `${layer}/tags.yml`,
          field: '1.slug',
          message: 'the tag jeugd is defined in an earlier layer already',
        },
      ]),
    );
    expect(found).toHaveLength(2);
  });

  it('stops start-up naming a layer folder that does not exist', async () => {
    const db = await createTestDatabase('sqlite');
    const missing = path.join(layer, 'bestaat-niet');
    try {
      const config = loadConfig({ ...db.env, SEED_DIR: `${FIXTURE_SEED},${missing}` });
      const started = buildApp(config, { logger: pino({ level: 'silent' }) });
      await expect(started).rejects.toThrow(ConfigError);
      await expect(started).rejects.toThrow(
        `Invalid configuration: SEED_DIR: the folder ${missing} does not exist`,
      );
    } finally {
      await db.drop();
    }
  });
});
