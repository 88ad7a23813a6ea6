import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/app';
import { getGraphql } from '../helpers/http';
import { copySeed } from '../helpers/seed-dir';
import type { Dialect } from '../../src/db/orm';

// Every server and seed here is its own process, started from the compiled entry points as in
// production (`npm test` builds first): servers follow the database, seeds only write it.
const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const SEED = path.join(ROOT, 'dist', 'scripts', 'seed.js');

const POLL_MS = 200;
/**
 * Two poll intervals plus loading the new version and bringing the index to it, with room for a
 * machine busy with other work (20 readers share it with the server): convergence, not speed.
 */
const CONVERGE_MS = 10_000;
/** These tests poll and load servers far beyond what one client may; rate limits are not tested. */
const NO_RATE_LIMITS = { RATE_LIMIT_MAX: '1000000', RATE_LIMIT_SEARCH_MAX: '1000000' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Processes, and what each test leaves behind (cleaned up after each test, also on failure)

interface Proc {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<Proc>();
const cleanups: (() => Promise<unknown>)[] = [];

function spawnNode(script: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (output.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output.stderr += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const proc = { child, output, exit };
  running.add(proc);
  void exit.then(() => running.delete(proc));
  return proc;
}

const tail = (proc: Proc, lines = 30) =>
  `${proc.output.stdout}\n${proc.output.stderr}`.trim().split('\n').slice(-lines).join('\n');

async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

async function testDatabase(dialect: Dialect): Promise<TestDatabase> {
  const db = await createTestDatabase(dialect);
  cleanups.push(() => db.drop());
  return db;
}

async function seedCopy(): Promise<string> {
  const dir = await copySeed();
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

afterEach(async () => {
  for (const proc of running) proc.child.kill('SIGKILL');
  await Promise.all([...running].map((proc) => proc.exit));
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Server {
  readonly proc: Proc;
  readonly url: string;
}

/** `node dist/src/main.js` on a free port; resolves once it listens. */
async function startServerProcess(env: Record<string, string>): Promise<Server> {
  const proc = spawnNode(MAIN, [], {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    CONTENT_VERSION_POLL_MS: String(POLL_MS),
    ...NO_RATE_LIMITS,
    ...env,
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within 30 s:\n${tail(proc)}`)),
      30_000,
    );
    proc.child.stdout!.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(proc.output.stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void proc.exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${tail(proc)}`));
    });
  });
  return { proc, url };
}

async function stopServer(server: Server): Promise<void> {
  server.proc.child.kill('SIGTERM');
  const { code } = await server.proc.exit;
  expect(code).toBe(0);
}

interface SeedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** "Seed applied: N changes", or null when the run did not report one. */
  readonly changes: number | null;
}

function startSeed(env: Record<string, string>, dir: string): Proc {
  return spawnNode(SEED, ['--dir', dir], { LOG_LEVEL: 'silent', ...env });
}

async function seedResult(proc: Proc): Promise<SeedRun> {
  const { code, signal } = await proc.exit;
  const applied = /^Seed applied: (\d+) changes?$/m.exec(proc.output.stdout);
  return { code, signal, ...proc.output, changes: applied ? Number(applied[1]) : null };
}

/** `npm run seed -- --dir <dir>` in its own process, to the end. */
const runSeedCli = (env: Record<string, string>, dir: string) => seedResult(startSeed(env, dir));

// ---------------------------------------------------------------------------------------------
// Content, versions and queries

/** Gives a legal power in a seed folder a new Dutch title. */
async function retitle(dir: string, slug: string, title: string): Promise<void> {
  const file = path.join(dir, 'legal-powers', `${slug}.nl.md`);
  const text = await fs.readFile(file, 'utf8');
  const changed = text.replace(/^title: .*$/m, `title: ${title}`);
  expect(changed).not.toBe(text);
  await fs.writeFile(file, changed);
}

/** The content version in PostgreSQL, through the test's own connection. */
async function pgVersion(client: Client): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    'select version from content_state where id = 1',
  );
  return rows[0]?.version ?? 0;
}

/** The content version in an SQLite data folder, through a short-lived read-only connection. */
function sqliteVersion(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(
      path.join(dataDir, 'content.sqlite'),
      sqlite3.OPEN_READONLY,
      (error) => {
        if (error) return reject(error);
        db.configure('busyTimeout', 5_000);
        db.get<{ version: number }>('select version from content_state where id = 1', (e, row) =>
          db.close(() => (e ? reject(e) : resolve(row?.version ?? 0))),
        );
      },
    );
  });
}

interface Answer<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: unknown[];
}

async function post<T>(url: string, query: string): Promise<Answer<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

interface ItemAndSearch {
  contentVersion: number;
  legalPower: { title: string } | null;
  search: { edges: { node: { content: { slug: string; title: string } } }[] };
}

/** One legal power's title, and what a search for `word` finds, in one request. */
const itemAndSearch = (url: string, slug: string, word: string) =>
  post<ItemAndSearch>(
    url,
    `{ contentVersion legalPower(slug: "${slug}") { title }
       search(query: "${word}") { edges { node { content { slug title } } } } }`,
  );

/** The item carries `title`, and searching for `word` finds it under that title. */
const serves = (answer: Answer<ItemAndSearch>, slug: string, title: string) =>
  answer.status === 200 &&
  answer.errors === undefined &&
  answer.data?.legalPower?.title === title &&
  answer.data.search.edges.some(
    (e) => e.node.content.slug === slug && e.node.content.title === title,
  );

/**
 * Polls `probe` until `done` holds, for at most `withinMs` (convergence, not performance: the
 * deadline only bounds how long a test waits); fails with the last observation and `context`.
 */
async function eventually<T>(
  what: string,
  withinMs: number,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  context: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    let last: unknown;
    try {
      const value = await probe();
      if (done(value)) return value;
      last = value;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() >= deadline)
      throw new Error(
        `${what}: not reached within ${withinMs} ms; last seen: ${JSON.stringify(last)}\n${context()}`,
      );
    await sleep(50);
  }
}

// ---------------------------------------------------------------------------------------------

describe('content consistency across servers and seeds (real processes)', () => {
  it('two servers on one PostgreSQL database, with data folders they create themselves, both serve and find what a seed from a third process wrote', async () => {
    const db = await testDatabase('postgresql');
    const root = await tempDir('kb-consistency-');
    const dataDirs = [path.join(root, 'a', 'data'), path.join(root, 'b', 'data')];
    for (const dir of dataDirs) expect(existsSync(dir)).toBe(false);
    const seedDir = await seedCopy();

    const servers = await Promise.all(
      dataDirs.map((dataDir) =>
        startServerProcess({
          DATABASE_URL: db.env.DATABASE_URL,
          DATA_DIR: dataDir,
          SEED_DIR: seedDir,
        }),
      ),
    );
    for (const server of servers) {
      const before = await itemAndSearch(server.url, 'noodbevel', 'kwartiermaker');
      expect(before.data?.legalPower?.title).toBe('Noodbevel');
      expect(before.data?.search.edges).toEqual([]);
    }

    const changed = await seedCopy();
    const title = 'Noodbevel van de kwartiermaker';
    await retitle(changed, 'noodbevel', title);
    const seed = await runSeedCli(
      { DATABASE_URL: db.env.DATABASE_URL, DATA_DIR: path.join(root, 'seed', 'data') },
      changed,
    );
    expect({ code: seed.code, stderr: seed.stderr }).toEqual({ code: 0, stderr: '' });
    expect(seed.changes).toBeGreaterThan(0);

    await Promise.all(
      servers.map((server) =>
        eventually(
          `server at ${server.url} serves and finds the new title`,
          CONVERGE_MS,
          () => itemAndSearch(server.url, 'noodbevel', 'kwartiermaker'),
          (answer) => serves(answer, 'noodbevel', title),
          () => tail(server.proc),
        ),
      ),
    );
    for (const dir of dataDirs) expect(existsSync(path.join(dir, 'search.sqlite'))).toBe(true);
  });

  describe.each(DIALECTS)('a seed killed with SIGKILL right after its commit, on %s', (dialect) => {
    let pg: Client | undefined;
    afterEach(async () => {
      await pg?.end();
      pg = undefined;
    });

    it('the running server follows the database and finds the new word, and so does a server started afterwards', async () => {
      const db = await testDatabase(dialect);
      const seedDir = await seedCopy();
      const env = { ...db.env, SEED_DIR: seedDir };
      if (db.env.DATABASE_URL) {
        pg = new Client({ connectionString: db.env.DATABASE_URL });
        await pg.connect();
      }
      const client = pg;
      const readVersion = () => (client ? pgVersion(client) : sqliteVersion(db.dataDir));

      const server = await startServerProcess(env);
      const before = await readVersion();
      expect(before).toBeGreaterThan(0);
      const unchanged = await itemAndSearch(server.url, 'noodbevel', 'kwartiermaker');
      expect(unchanged.data?.legalPower?.title).toBe('Noodbevel');
      expect(unchanged.data?.search.edges).toEqual([]);

      const changed = await seedCopy();
      const title = 'Noodbevel met kwartiermaker';
      await retitle(changed, 'noodbevel', title);
      const seed = startSeed(env, changed);
      let committed = false;
      while (seed.child.exitCode === null && seed.child.signalCode === null) {
        if ((await readVersion()) > before) {
          committed = true;
          seed.child.kill('SIGKILL');
          break;
        }
      }
      const result = await seedResult(seed);
      // Killed, or it finished first; either way it must not have failed.
      if (result.signal === null)
        expect({ code: result.code, stderr: result.stderr }).toEqual({
          code: 0,
          stderr: '',
        });
      else
        expect({ committed, signal: result.signal }).toEqual({
          committed: true,
          signal: 'SIGKILL',
        });
      expect(await readVersion()).toBe(before + 1);

      await eventually(
        'the running server serves and finds the new title',
        CONVERGE_MS,
        () => itemAndSearch(server.url, 'noodbevel', 'kwartiermaker'),
        (answer) => serves(answer, 'noodbevel', title),
        () => tail(server.proc),
      );
      await stopServer(server);

      const restarted = await startServerProcess(env);
      const answer = await itemAndSearch(restarted.url, 'noodbevel', 'kwartiermaker');
      expect(answer.data?.contentVersion).toBe(before + 1);
      expect(serves(answer, 'noodbevel', title)).toBe(true);
    });
  });

  describe('two seeds at once on PostgreSQL', () => {
    let pg: Client | undefined;
    afterEach(async () => {
      await pg?.end();
      pg = undefined;
    });

    it('run one after the other: the database equals one folder entirely, the version rises once per applied seed, and the cached server serves the result', async () => {
      const db = await testDatabase('postgresql');
      const seedDir = await seedCopy();
      const env = { ...db.env, SEED_DIR: seedDir };
      const server = await startServerProcess(env);
      pg = new Client({ connectionString: db.env.DATABASE_URL });
      await pg.connect();
      const client = pg;

      const PAGE =
        'query Page { a: legalPower(slug: "noodbevel") { title } b: legalPower(slug: "gebiedsverbod") { title } contentVersion }';
      const titles = async () => {
        const { rows } = await client.query<{ slug: string; title: string }>(
          `select c.slug, t.title from content c join content_translation t on t.content_id = c.id
           where c.slug in ('noodbevel', 'gebiedsverbod') and t.locale = 'nl' order by c.slug`,
        );
        return Object.fromEntries(rows.map((r) => [r.slug, r.title]));
      };
      const v0 = await pgVersion(client);
      const miss = await getGraphql(server.url, PAGE);
      const hit = await getGraphql(server.url, PAGE);
      expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
      expect(hit.json.data).toEqual({
        a: { title: 'Noodbevel' },
        b: { title: 'Gebiedsverbod' },
        contentVersion: v0,
      });

      const folderA = await seedCopy();
      await retitle(folderA, 'noodbevel', 'Noodbevel volgens map A');
      const folderB = await seedCopy();
      await retitle(folderB, 'gebiedsverbod', 'Gebiedsverbod volgens map B');
      const contentOf = {
        [folderA]: { gebiedsverbod: 'Gebiedsverbod', noodbevel: 'Noodbevel volgens map A' },
        [folderB]: { gebiedsverbod: 'Gebiedsverbod volgens map B', noodbevel: 'Noodbevel' },
      };

      const runs = await Promise.all([runSeedCli(env, folderA), runSeedCli(env, folderB)]);
      const failed = runs.filter((r) => r.code !== 0);
      expect(failed.length).toBeLessThanOrEqual(1);
      for (const run of failed) expect(`${run.stdout}\n${run.stderr}`).toMatch(/another seed/i);
      for (const run of runs.filter((r) => r.code === 0))
        expect({ stderr: run.stderr, reported: run.changes !== null }).toEqual({
          stderr: '',
          reported: true,
        });

      const final = await titles();
      expect(Object.values(contentOf)).toContainEqual(final);
      const winner = Object.keys(contentOf).find(
        (dir) => JSON.stringify(contentOf[dir]) === JSON.stringify(final),
      )!;
      // The whole folder, not just the two titles: a dry run of it finds nothing to change.
      const dry = spawnNode(SEED, ['--dry-run', '--dir', winner], { LOG_LEVEL: 'silent', ...env });
      expect((await dry.exit).code).toBe(0);
      expect(dry.output.stdout).toMatch(/^Dry run \(nothing written\): 0 changes/);

      const applied = runs.filter((r) => r.code === 0 && (r.changes ?? 0) > 0).length;
      const version = await pgVersion(client);
      expect(version).toBe(v0 + applied);

      const first = await eventually(
        'the server reaches the final version',
        CONVERGE_MS,
        () => getGraphql(server.url, PAGE),
        (res) => (res.json.data as { contentVersion?: number } | null)?.contentVersion === version,
        () => tail(server.proc),
      );
      const expected = {
        a: { title: final.noodbevel },
        b: { title: final.gebiedsverbod },
        contentVersion: version,
      };
      expect({ cache: first.headers.get('x-cache'), data: first.json.data }).toEqual({
        cache: 'MISS',
        data: expected,
      });
      const again = await getGraphql(server.url, PAGE);
      expect({ cache: again.headers.get('x-cache'), data: again.json.data }).toEqual({
        cache: 'HIT',
        data: expected,
      });
    });
  });

  it('20 uncached readers on SQLite get only complete answers while three seeds run one after another', async () => {
    const db = await testDatabase('sqlite');
    const seedDir = await seedCopy();
    const env = { ...db.env, SEED_DIR: seedDir };
    const server = await startServerProcess({ ...env, RESPONSE_CACHE_BYTES: '0' });
    const v0 = await sqliteVersion(db.dataDir);

    const QUERY = `{ contentVersion
      legalPowers(first: 50) { totalCount edges { node { slug title } } }
      search(query: "burgemeester") { totalCount edges { node { content { slug title } } } } }`;
    const problems: string[] = [];
    const versions = new Set<number>();
    let requests = 0;
    let stop = false;
    const reader = async () => {
      while (!stop) {
        requests += 1;
        try {
          const res = await post<{ contentVersion: number }>(server.url, QUERY);
          if (res.status !== 200 || res.errors !== undefined || !res.data)
            problems.push(JSON.stringify(res).slice(0, 500));
          else versions.add(res.data.contentVersion);
        } catch (error) {
          problems.push(String(error));
        }
      }
    };
    const readers = Array.from({ length: 20 }, reader);
    try {
      await eventually(
        'the readers get answers',
        CONVERGE_MS,
        () => Promise.resolve(versions.size),
        (n) => n > 0,
      );
      const changes: [string, string][] = [
        ['noodbevel', 'Noodbevel, eerste wijziging'],
        ['gebiedsverbod', 'Gebiedsverbod, tweede wijziging'],
        ['crisismaatregel', 'Crisismaatregel, derde wijziging'],
      ];
      for (const [slug, title] of changes) {
        await retitle(seedDir, slug, title);
        const run = await runSeedCli(db.env, seedDir);
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
        expect(run.changes).toBeGreaterThan(0);
      }
      expect(await sqliteVersion(db.dataDir)).toBe(v0 + 3);
      await eventually(
        'the readers see the version after the three seeds',
        CONVERGE_MS,
        () => Promise.resolve(versions),
        (seen) => seen.has(v0 + 3),
        () => tail(server.proc),
      );
    } finally {
      stop = true;
      await Promise.all(readers);
    }

    expect({ problems: problems.slice(0, 5), count: problems.length }).toEqual({
      problems: [],
      count: 0,
    });
    expect(requests).toBeGreaterThan(20);
    expect(versions.has(v0)).toBe(true);
    const last = await post<{ contentVersion: number }>(server.url, QUERY);
    expect(last.data?.contentVersion).toBe(v0 + 3);
  });
});
