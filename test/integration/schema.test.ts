import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Knex } from '@mikro-orm/knex';
import { loadConfig } from '../../src/config';
import { CONTENT_ENTITIES } from '../../src/content/entities';
import { openDatabase, sqlitePath } from '../../src/db/orm';
import { runSeed } from '../../src/seed/run';
import { createTestDatabase, FIXTURE_SEED, type TestDatabase } from '../helpers/app';
import { copySeed, writeSeedFile } from '../helpers/seed-dir';

const TABLES = ['content', 'content_translation', 'source', 'content_link', 'content_tag'];

const rows = (knex: Knex) =>
  Promise.all(
    TABLES.map(async (t) => JSON.stringify(await knex(t).select('*').orderByRaw('1, 2'))),
  );

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');

describe('SQLite schema at start-up', () => {
  let db: TestDatabase;
  let file: string;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    file = sqlitePath({ dataDir: db.dataDir });
    const orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    await runSeed(orm.em, { dir: FIXTURE_SEED });
    await orm.close();
  });
  afterEach(() => db.drop());

  it('leaves the file untouched when the schema is current', async () => {
    const before = await sha256(file);
    const orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    await orm.close();
    expect(await sha256(file)).toBe(before);
  });

  it('brings a file from an older schema up to date in one step, keeping every row', async () => {
    let orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    const knex = orm.em.getKnex();
    const before = await rows(knex);
    const [{ user_version: current }] =
      await knex.raw<{ user_version: number }[]>('pragma user_version');
    // What a file written by an earlier version looks like: no schema fingerprint yet.
    await knex.raw('pragma user_version = 0');
    await orm.close();

    orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    const after = orm.em.getKnex();
    expect(await after.raw('pragma user_version')).toEqual([{ user_version: current }]);
    expect(await after.raw('pragma foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(await rows(after)).toEqual(before);
    expect(current).toBeGreaterThan(0);
    expect(before.every((r) => r !== '[]')).toBe(true);
    await orm.close();
  });

  it('takes a content type registered after the file was made, keeping every row', async () => {
    let orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    const knex = orm.em.getKnex();
    const before = await rows(knex);
    // What a release that did not know target groups yet left: its check on `type` lacks them.
    await knex.raw('pragma writable_schema = on');
    await knex.raw(
      `update sqlite_master set sql = replace(sql, ', ''TARGET_GROUP''', '') where name = 'content'`,
    );
    await knex.raw('pragma writable_schema = off');
    await knex.raw('pragma user_version = 0');
    await orm.close();

    orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    const after = orm.em.getKnex();
    const [content] = await after.raw<{ sql: string }[]>(
      "select sql from sqlite_master where name = 'content'",
    );
    expect(content.sql).toContain("'TARGET_GROUP'");
    expect(await rows(after)).toEqual(before);
    expect(await after.raw('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const dir = await copySeed();
    await writeSeedFile(
      dir,
      'target-groups/nieuwe-groep.nl.md',
      '---\ntitle: Nieuwe groep\nsummary: Een nieuwe groep.\nsignals: [een]\nriskFactors: [twee]\nprotectiveFactors: [drie]\n---\nTekst.\n',
    );
    expect(await runSeed(orm.em, { dir })).toMatchObject({ created: 1, deleted: 0 });
    await orm.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
});
