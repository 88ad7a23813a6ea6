import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Knex } from '@mikro-orm/knex';
import sqlite3 from 'sqlite3';
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

  it('keeps a column the entities no longer describe, with its values, through a rebuild', async () => {
    let orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    let knex = orm.em.getKnex();
    // What a later release may have added: a column this version does not know.
    await knex.raw('alter table content add column review_note text');
    await knex.raw("update content set review_note = 'nagekeken' || id");
    await knex.raw('pragma user_version = 0');
    const before = await rows(knex);
    await orm.close();

    orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    knex = orm.em.getKnex();
    expect(await rows(knex)).toEqual(before);
    expect(before[0]).toContain('"review_note":"nagekeken');
    expect(await knex.raw('pragma user_version')).not.toEqual([{ user_version: 0 }]);
    await orm.close();
  });

  it('refuses, changing nothing, a file with items of a type this version does not know', async () => {
    let orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    let knex = orm.em.getKnex();
    // What a later release with a fifth type leaves: a wider check, and an item of that type.
    await knex.raw('pragma writable_schema = on');
    await knex.raw(
      "update sqlite_master set sql = replace(sql, '''TARGET_GROUP''', '''TARGET_GROUP'', ''CASE_STUDY''') where name = 'content'",
    );
    await knex.raw('pragma writable_schema = off');
    await orm.close();
    orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    knex = orm.em.getKnex();
    await knex.raw('pragma user_version = 0');
    const columns = (await knex.raw<{ name: string }[]>('pragma table_info(content)'))
      .map((c) => c.name)
      .filter((c) => c !== 'id');
    const values = columns.map((c) =>
      c === 'type' ? "'CASE_STUDY'" : c === 'slug' ? "'casus'" : c,
    );
    await knex.raw(
      `insert into content (${columns.join(', ')}) select ${values.join(', ')} from content limit 1`,
    );
    const before = await rows(knex);
    await orm.close();

    await expect(openDatabase(loadConfig(db.env), CONTENT_ENTITIES)).rejects.toThrow(
      /table content holds rows this version refuses.*CHECK constraint failed/,
    );
    const raw = new sqlite3.Database(file);
    const all = (sql: string) =>
      new Promise<unknown[]>((resolve, reject) =>
        raw.all(sql, (error, result) => (error ? reject(error) : resolve(result))),
      );
    expect(await all('pragma user_version')).toEqual([{ user_version: 0 }]);
    expect(await all("select slug from content where type = 'CASE_STUDY'")).toEqual([
      { slug: 'casus' },
    ]);
    expect(await all("select name from sqlite_master where name like '%rebuilt%'")).toEqual([]);
    expect(before.every((r) => r !== '[]')).toBe(true);
    await new Promise((resolve) => raw.close(resolve));
  });

  it('lets processes that open an older file together take turns at its update', async () => {
    let orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    const before = await rows(orm.em.getKnex());
    await orm.em.getKnex().raw('pragma user_version = 0');
    await orm.close();

    const opened = await Promise.all(
      [1, 2, 3].map(() => openDatabase(loadConfig(db.env), CONTENT_ENTITIES)),
    );
    for (const o of opened) expect(await rows(o.em.getKnex())).toEqual(before);
    await Promise.all(opened.map((o) => o.close()));
    orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    expect(await orm.em.getKnex().raw('pragma integrity_check')).toEqual([
      { integrity_check: 'ok' },
    ]);
    await orm.close();
  });
});
