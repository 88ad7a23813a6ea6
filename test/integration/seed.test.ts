import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { CONTENT_ENTITIES } from '../../src/content/entities';
import { openDatabase, sqlitePath, type Orm } from '../../src/db/orm';
import { SeedValidationError } from '../../src/seed/errors';
import { runSeed } from '../../src/seed/run';
import { createTestDatabase, DIALECTS, FIXTURE_SEED, type TestDatabase } from '../helpers/app';
import { copySeed, writeSeedFile } from '../helpers/seed-dir';

type Mutation = (dir: string) => Promise<void>;
const edit =
  (rel: string, change: (text: string) => string): Mutation =>
  async (dir) => {
    const file = path.join(dir, rel);
    await fs.writeFile(file, change(await fs.readFile(file, 'utf8')));
  };
const add =
  (rel: string, text: string): Mutation =>
  (dir) =>
    writeSeedFile(dir, rel, text);
const remove =
  (rel: string): Mutation =>
  (dir) =>
    fs.rm(path.join(dir, rel));

interface ExpectedIssue {
  file?: string;
  field?: string;
  message: RegExp;
}
const BAD_INPUTS: [string, Mutation, ExpectedIssue][] = [
  [
    'an unknown field',
    edit('legal-powers/noodbevel.nl.md', (t) => t.replace('law:', 'lawyer: x\nlaw:')),
    { file: 'legal-powers/noodbevel.nl.md', field: 'lawyer', message: /unknown field/ },
  ],
  [
    'a missing required field',
    edit('legal-powers/noodbevel.nl.md', (t) => t.replace(/^legalRemedy:.*\n/m, '')),
    { file: 'legal-powers/noodbevel.nl.md', field: 'legalRemedy', message: /required/ },
  ],
  [
    'a wrong type',
    edit('guidance/definitie.nl.md', (t) => t.replace('position: 1', 'position: eerste')),
    { file: 'guidance/definitie.nl.md', field: 'position', message: /number/ },
  ],
  [
    'an enum value that does not exist',
    edit('legal-powers/noodbevel.nl.md', (t) => t.replace('authority: MAYOR', 'authority: KING')),
    { field: 'authority', message: /MAYOR/ },
  ],
  [
    'a dangling relation',
    edit('legal-powers/noodbevel.nl.md', (t) =>
      t.replace('law:', 'targetGroups: [target-groups/niemand]\nlaw:'),
    ),
    { field: 'targetGroups.0', message: /target-groups\/niemand, which does not exist/ },
  ],
  [
    'a relation to the wrong type',
    edit('legal-powers/noodbevel.nl.md', (t) =>
      t.replace('law:', 'approaches: [legal-powers/gebiedsverbod]\nlaw:'),
    ),
    { field: 'approaches.0', message: /prevention-approaches\/<slug>/ },
  ],
  [
    'a legal power with neither a BWB id nor an official reference',
    edit('legal-powers/noodbevel.nl.md', (t) => t.replace(/^bwbId:.*\n/m, '')),
    {
      file: 'legal-powers/noodbevel.nl.md',
      field: 'bwbId',
      message: /give the BWB id or, when it is not known, officialReference/,
    },
  ],
  [
    'an official reference that cites no Staatsblad or Kamerstukken',
    edit('legal-powers/noodbevel.nl.md', (t) =>
      t.replace('law:', 'officialReference: Staatscourant 2017\nlaw:'),
    ),
    { field: 'officialReference', message: /Staatsblad or Kamerstukken/ },
  ],
  [
    'an end date that is not a date',
    edit('legal-powers/noodbevel.nl.md', (t) => t.replace('law:', 'validUntil: 2027-02-30\nlaw:')),
    { field: 'validUntil', message: /real calendar date/ },
  ],
  [
    'an enabling body that is the deciding body',
    edit('legal-powers/noodbevel.nl.md', (t) => t.replace('law:', 'enabledBy: MAYOR\nlaw:')),
    { field: 'enabledBy', message: /same body as authority/ },
  ],
  [
    'an orphan translation',
    add('target-groups/spookgroep.en.md', '---\ntitle: Ghost\nsummary: None.\n---\n'),
    { file: 'target-groups/spookgroep.en.md', message: /without its Dutch original/ },
  ],
  [
    'a bad file name',
    add('legal-powers/Hoofdletters.nl.md', '---\ntitle: x\n---\n'),
    { file: 'legal-powers/Hoofdletters.nl.md', message: /bad file name/ },
  ],
  [
    'a file in an unknown locale',
    add('legal-powers/noodbevel.de.md', '---\ntitle: x\n---\n'),
    { file: 'legal-powers/noodbevel.de.md', message: /bad file name/ },
  ],
  [
    'an unknown folder',
    add('legal-power/noodbevel.nl.md', '---\ntitle: x\n---\n'),
    { file: 'legal-power/', message: /unknown folder/ },
  ],
  [
    'invalid YAML',
    edit('guidance/definitie.nl.md', (t) => t.replace('kind: DEFINITION', 'kind: [DEFINITION')),
    { file: 'guidance/definitie.nl.md', message: /invalid YAML/ },
  ],
  [
    'duplicate YAML keys',
    edit('guidance/definitie.nl.md', (t) =>
      t.replace('kind: DEFINITION', 'kind: DEFINITION\nkind: ROLE'),
    ),
    { file: 'guidance/definitie.nl.md', message: /invalid YAML/ },
  ],
  [
    'missing front matter',
    edit('target-groups/eenlingen.nl.md', (t) => t.replace(/^---\n/, '')),
    { file: 'target-groups/eenlingen.nl.md', message: /missing front matter/ },
  ],
  [
    'a summary over 300 characters',
    edit('target-groups/eenlingen.nl.md', (t) =>
      t.replace(/^summary:.*$/m, `summary: ${'lang '.repeat(70)}`),
    ),
    { field: 'summary', message: /at most 300/ },
  ],
  [
    'a kb: link to a missing item',
    edit('guidance/definitie.nl.md', (t) => `${t}\nZie [dit](kb:legal-powers/weg).\n`),
    {
      file: 'guidance/definitie.nl.md',
      field: 'body',
      message: /kb:legal-powers\/weg names an item that does not exist/,
    },
  ],
  [
    'a malformed kb: link',
    edit('guidance/definitie.nl.md', (t) => `${t}\nZie [dit](kb:wetten/172a).\n`),
    { field: 'body', message: /not of the form/ },
  ],
  [
    'an unknown tag',
    edit('target-groups/eenlingen.nl.md', (t) =>
      t.replace('tags: [zorg]', 'tags: [zorg, onbekend]'),
    ),
    { field: 'tags.1', message: /unknown tag "onbekend"/ },
  ],
  [
    'a duplicate tag in tags.yml',
    edit('tags.yml', (t) => `${t}- slug: zorg\n  name: { nl: Zorg twee }\n`),
    { file: 'tags.yml', message: /twice/ },
  ],
  ['a missing tags.yml', remove('tags.yml'), { file: 'tags.yml', message: /missing/ }],
  [
    'a bad BWB id',
    edit('legal-powers/noodbevel.nl.md', (t) => t.replace('BWBR0005416', 'BWB5416')),
    { field: 'bwbId', message: /BWB id/ },
  ],
  [
    'an impossible date',
    edit('guidance/overzicht.nl.md', (t) => t.replace('2025-01-15', '2025-02-30')),
    { field: 'sources.0.date', message: /calendar date/ },
  ],
  [
    'a parent cycle',
    edit('guidance/overzicht.nl.md', (t) =>
      t.replace('kind: OVERVIEW', 'kind: OVERVIEW\nparent: guidance/definitie'),
    ),
    { field: 'parent', message: /loops/ },
  ],
  [
    'a Dutch-only field in a translation',
    edit('legal-powers/gebiedsverbod.en.md', (t) =>
      t.replace('title:', 'authority: MAYOR\ntitle:'),
    ),
    { file: 'legal-powers/gebiedsverbod.en.md', field: 'authority', message: /unknown field/ },
  ],
  [
    'an empty Dutch body',
    edit('prevention-approaches/nazorg.nl.md', (t) => t.replace(/---\n[^-]*$/, '---\n')),
    { field: 'body', message: /body/ },
  ],
  [
    'a self reference',
    edit('legal-powers/noodbevel.nl.md', (t) =>
      t.replace('law:', 'related: [legal-powers/noodbevel]\nlaw:'),
    ),
    { field: 'related.0', message: /itself/ },
  ],
  [
    'a front matter that is a list',
    edit('target-groups/eenlingen.nl.md', () => '---\n- een\n- twee\n---\nTekst.\n'),
    { file: 'target-groups/eenlingen.nl.md', message: /mapping/ },
  ],
];

/** The database's complete content: the SQLite file's bytes, or every PostgreSQL row. */
async function snapshot(orm: Orm, db: TestDatabase, dialect: string): Promise<string> {
  if (dialect === 'sqlite') {
    const bytes = await fs.readFile(sqlitePath({ dataDir: db.dataDir }));
    return createHash('sha256').update(bytes).digest('hex');
  }
  const knex = orm.em.getKnex();
  const tables = [
    'content',
    'content_translation',
    'source',
    'tag',
    'content_tag',
    'content_link',
    'content_state',
  ];
  const dump: Record<string, unknown> = {};
  for (const table of tables) dump[table] = await knex(table).select('*').orderByRaw('1, 2');
  return JSON.stringify(dump);
}

describe.each(DIALECTS)('seed pipeline on %s', (dialect) => {
  let db: TestDatabase;
  let orm: Orm;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    const report = await runSeed(orm.em, { dir: FIXTURE_SEED });
    expect(report.created).toBe(12);
  });
  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('reports no changes when the files did not change', async () => {
    const before = await snapshot(orm, db, dialect);
    const report = await runSeed(orm.em, { dir: FIXTURE_SEED });
    expect(report).toMatchObject({
      changes: 0,
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: 12,
      contentVersion: 1,
    });
    expect(await snapshot(orm, db, dialect)).toBe(before);
  });

  it.each(BAD_INPUTS)(
    'rejects %s, names file, field and reason, and changes nothing',
    async (_kind, mutate, expected) => {
      const dir = await copySeed();
      await mutate(dir);
      const before = await snapshot(orm, db, dialect);
      const error = await runSeed(orm.em, { dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedValidationError);
      const issues = (error as SeedValidationError).issues;
      expect(issues).toContainEqual(
        expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) }),
      );
      expect(await snapshot(orm, db, dialect)).toBe(before);
      await fs.rm(dir, { recursive: true });
    },
  );

  it('collects every problem of a run at once', async () => {
    const dir = await copySeed();
    for (const [, mutate] of BAD_INPUTS.slice(0, 5)) await mutate(dir);
    const error = (await runSeed(orm.em, { dir }).catch((e: unknown) => e)) as SeedValidationError;
    expect(error.issues.length).toBeGreaterThanOrEqual(4);
    expect(error.message).toMatch(/nothing was changed/);
    await fs.rm(dir, { recursive: true });
  });

  it('plans but writes nothing on a dry run', async () => {
    const dir = await copySeed();
    await edit('legal-powers/noodbevel.nl.md', (t) =>
      t.replace('Noodbevel', 'Noodbevel (gewijzigd)'),
    )(dir);
    const before = await snapshot(orm, db, dialect);
    const report = await runSeed(orm.em, { dir, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, updated: 1, changes: 1, contentVersion: null });
    expect(await snapshot(orm, db, dialect)).toBe(before);
    await fs.rm(dir, { recursive: true });
  });

  it('updates exactly the changed item, deletes removed items and bumps the content version', async () => {
    const dir = await copySeed();
    await edit('legal-powers/noodbevel.nl.md', (t) =>
      t.replace('title: Noodbevel', 'title: Noodbevel burgemeester'),
    )(dir);
    await remove('target-groups/terugkeerders.nl.md')(dir);
    await remove('target-groups/terugkeerders.en.md')(dir);
    await edit('prevention-approaches/nazorg.nl.md', (t) =>
      t.replace('level: AFTERCARE', 'level: AFTERCARE\nrelated: [legal-powers/noodbevel]'),
    )(dir);
    const knex = orm.em.getKnex();
    const stamp = async (slug: string): Promise<unknown> =>
      knex('content').where({ slug }).first('updated_at');
    const untouched = await stamp('gebiedsverbod');

    const report = await runSeed(orm.em, { dir });
    expect(report).toMatchObject({
      created: 0,
      updated: 2,
      deleted: 1,
      unchanged: 9,
      contentVersion: 2,
    });
    expect(report.plan.update.map((i) => i.ref).sort()).toEqual([
      'legal-powers/noodbevel',
      'prevention-approaches/nazorg',
    ]);
    expect(report.plan.delete.map((i) => i.ref)).toEqual(['target-groups/terugkeerders']);
    expect(await stamp('gebiedsverbod')).toEqual(untouched);
    expect(await knex('content').where({ slug: 'terugkeerders' })).toHaveLength(0);
    const orphans = await knex('content_translation as t')
      .leftJoin('content as c', 'c.id', 't.content_id')
      .whereNull('c.id');
    expect(orphans).toHaveLength(0);
    expect(
      await knex('content_link as l').leftJoin('content as c', 'c.id', 'l.to_id').whereNull('c.id'),
    ).toHaveLength(0);
    const title = await knex('content_translation as t')
      .join('content as c', 'c.id', 't.content_id')
      .where({ 'c.slug': 'noodbevel', 't.locale': 'nl' })
      .first('t.title');
    expect(title).toEqual({ title: 'Noodbevel burgemeester' });

    expect(await runSeed(orm.em, { dir })).toMatchObject({ changes: 0, contentVersion: 2 });
    const back = await runSeed(orm.em, { dir: FIXTURE_SEED });
    expect(back).toMatchObject({ created: 1, updated: 2, deleted: 0, contentVersion: 3 });
    await fs.rm(dir, { recursive: true });
  });
});
