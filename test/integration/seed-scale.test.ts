import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { CONTENT_ENTITIES } from '../../src/content/entities';
import { openDatabase, type Orm } from '../../src/db/orm';
import { runSeed } from '../../src/seed/run';
import { createTestDatabase, DIALECTS, FIXTURE_SEED, type TestDatabase } from '../helpers/app';
import { generatedSeed } from '../helpers/seed-dir';

const ROOT = path.join(__dirname, '..', '..');
const ITEMS = 2_500;

describe.each(DIALECTS)('seeding thousands of items on %s', (dialect) => {
  let db: TestDatabase;
  let orm: Orm;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    dir = await generatedSeed(ITEMS);
  });
  afterAll(async () => {
    await orm.close();
    await db.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('creates, re-checks, updates and deletes them in statements of bounded size', async () => {
    const created = await runSeed(orm.em, { dir });
    expect(created).toMatchObject({ created: ITEMS + 12, deleted: 0, contentVersion: 1 });
    expect(await runSeed(orm.em, { dir })).toMatchObject({ changes: 0, contentVersion: 1 });

    const names = (await fs.readdir(path.join(dir, 'legal-powers'))).filter((n) =>
      n.startsWith('bevoegdheid-'),
    );
    // Every other generated item goes; each points at the next, so the rest change too.
    for (const name of names.filter((_n, i) => i % 2 === 0))
      await fs.rm(path.join(dir, 'legal-powers', name));
    const kept = names.filter((_n, i) => i % 2 === 1);
    for (const name of kept) {
      const file = path.join(dir, 'legal-powers', name);
      const text = await fs.readFile(file, 'utf8');
      await fs.writeFile(
        file,
        text.replace(/^related: .*\n/m, '').replace('Tekst', 'Nieuwe tekst'),
      );
    }
    const changed = await runSeed(orm.em, { dir });
    expect(changed).toMatchObject({
      deleted: names.length - kept.length,
      updated: kept.length,
      contentVersion: 2,
    });
    const rows: { n: number | string }[] = await orm.em
      .getConnection()
      .execute("select count(*) as n from content where slug like 'bevoegdheid-%'");
    expect(Number(rows[0].n)).toBe(kept.length);
  });
});

describe('npm run seed when the database refuses to write', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    const orm = await openDatabase(loadConfig(db.env), CONTENT_ENTITIES);
    await orm.close();
    const admin = new Client({ connectionString: db.env.DATABASE_URL });
    await admin.connect();
    const name = new URL(db.env.DATABASE_URL).pathname.slice(1);
    await admin.query(`alter database ${name} set default_transaction_read_only = on`);
    await admin.end();
  });
  afterAll(() => db.drop());

  it('says so in one line, without the statement or a stack trace, and exits 1', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(ROOT, 'dist/scripts/seed.js'), '--dir', FIXTURE_SEED],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...db.env } },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^Seed failed, nothing was changed: .*read-only transaction/);
    expect(lines[0].length).toBeLessThanOrEqual(400);
    expect(result.stderr).not.toMatch(/\n\s+at |insert into/i);
  });
});
