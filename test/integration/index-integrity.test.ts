import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runSeed } from '../../src/seed/run';
import {
  createTestDatabase,
  FIXTURE_SEED,
  startServer,
  type GraphqlResponse,
  type TestDatabase,
  type TestServer,
} from '../helpers/app';
import { captureLogs, type CapturedLogs } from '../helpers/http';
import { holdIndexWriteLock, lockSearchIndex } from '../helpers/index-lock';
import { copySeed, writeSeedFile, editFile } from '../helpers/seed-dir';

/**
 * The embedded index's life on disk, end to end: real SQLite, real FTS5, the real app over
 * HTTP. DATA_DIR/search.sqlite is deleted, corrupted in place, replaced by an index of other
 * content, corrupted while the server is stopped, and held while a new content version is
 * swapped in. Whatever happens to the file, search answers correctly or SEARCH_UNAVAILABLE,
 * never from an index that does not hold exactly the content being served.
 */

const POLL_MS = 200;
/** How long a test waits for something the server does in the background. */
const DEADLINE_MS = 15_000;

/** Fast content-version polls, and no rate limit in the way of the many probes. */
const FAST = {
  CONTENT_VERSION_POLL_MS: String(POLL_MS),
  RATE_LIMIT_MAX: '100000',
  RATE_LIMIT_SEARCH_MAX: '100000',
};
/** As FAST, without the response cache: every search is answered by the index itself. */
const FAST_UNCACHED = { ...FAST, RESPONSE_CACHE_BYTES: '0' };

/** Words of the fixture seed, each with the item it finds first. */
const KNOWN = [
  { word: 'gebiedsverbod', slug: 'gebiedsverbod' },
  { word: 'noodbevel', slug: 'noodbevel' },
  { word: 'casusoverleg', slug: 'casusoverleg' },
] as const;

/** A word only the foreign seed holds (in one extra item); the fixture seed has nothing near it. */
const FOREIGN_WORD = 'quokka';

const SEARCH = `query Find($q: String!, $first: Int) {
  search(query: $q, first: $first) { totalCount edges { node { content { __typename slug title } } } }
}`;

interface SearchData {
  search: {
    totalCount: number;
    edges: { node: { content: { __typename: string; slug: string; title: string } } }[];
  } | null;
}

/** What matters about a search answer, in one comparable value. */
interface SearchSummary {
  status: number;
  codes: unknown[];
  total: number | null;
  first: string | null;
}

const indexFile = (dataDir: string) => path.join(dataDir, 'search.sqlite');
const sumFile = (dataDir: string) => `${indexFile(dataDir)}.sum`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

/** Polls `probe` until it returns something truthy; fails naming `what` after the deadline. */
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms = DEADLINE_MS,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting until ${what}`);
    await sleep(50);
  }
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}

/** Whether the index file's bytes match the checksum written beside it. */
async function checksumState(dataDir: string): Promise<'match' | 'mismatch' | 'missing'> {
  if (!(await exists(indexFile(dataDir))) || !(await exists(sumFile(dataDir)))) return 'missing';
  const sum = (await fs.readFile(sumFile(dataDir), 'utf8')).trim();
  return sum === (await sha256(indexFile(dataDir))) ? 'match' : 'mismatch';
}

/**
 * Overwrites 8 KiB in the middle of the file in place, as bytes on disk going bad would.
 * With `keepTimes`, the file's modification time is put back as well.
 */
async function corruptInPlace(file: string, keepTimes = false): Promise<void> {
  const { size, atime, mtime } = await fs.stat(file);
  const length = Math.min(8 * 1024, Math.floor(size / 2));
  const at = Math.floor((size - length) / 2);
  const handle = await fs.open(file, 'r+');
  try {
    await handle.write(randomBytes(length), 0, length, at);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (keepTimes) await fs.utimes(file, atime, mtime);
}

async function search(server: TestServer, q: string, first = 10): Promise<SearchSummary> {
  const res: GraphqlResponse<SearchData> = await server.gql<SearchData>(SEARCH, { q, first });
  return {
    status: res.status,
    codes: (res.errors ?? []).map((e) => e.extensions?.code),
    total: res.data?.search?.totalCount ?? null,
    first: res.data?.search?.edges[0]?.node.content.slug ?? null,
  };
}

const found = (slug: string): SearchSummary => ({
  status: 200,
  codes: [],
  total: expect.any(Number) as number,
  first: slug,
});

const NOTHING: SearchSummary = { status: 200, codes: [], total: 0, first: null };
const UNAVAILABLE: SearchSummary = {
  status: 200,
  codes: ['SEARCH_UNAVAILABLE'],
  total: null,
  first: null,
};

async function readyz(server: TestServer): Promise<{ status: number; search: string }> {
  const res = await fetch(`${server.url}/readyz`);
  const body = (await res.json()) as { checks: Record<string, string> };
  return { status: res.status, search: body.checks.search };
}

/**
 * Every known word finds its item. `round` changes the page size, so each search is a new
 * question to the index (a reader caches results per query and page) rather than a cached answer.
 */
async function expectKnownWordsFound(server: TestServer, round = 0): Promise<void> {
  const answers = await Promise.all(
    KNOWN.map(({ word }) => search(server, word, 1 + (round % 50))),
  );
  expect(answers).toEqual(KNOWN.map(({ slug }) => found(slug)));
}

/** Whether the server logged that it found its index in `state` (and is bringing it back). */
const noticed = (logs: CapturedLogs, state: 'missing' | 'broken') =>
  logs.lines.some((l) => l.index === state && /bringing it back/.test(String(l.msg)));

describe('search index integrity (embedded SQLite FTS5, over HTTP)', () => {
  /** Run after each test, last registered first: servers close before their folders go. */
  let cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    const pending = cleanups.reverse();
    cleanups = [];
    for (const cleanup of pending) await cleanup().catch(() => undefined);
  });

  async function newDatabase(): Promise<TestDatabase> {
    const db = await createTestDatabase('sqlite');
    cleanups.push(() => db.drop());
    return db;
  }

  async function tempSeed(): Promise<string> {
    const dir = await copySeed();
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    return dir;
  }

  /** The app on `db` (kept when the server closes, so a restart finds its DATA_DIR). */
  async function serve(
    db: TestDatabase,
    options: { seedDir?: string; env?: Record<string, string>; logs?: CapturedLogs } = {},
  ): Promise<TestServer> {
    const server = await startServer('sqlite', options.seedDir ?? FIXTURE_SEED, db, {
      env: options.env ?? FAST_UNCACHED,
      logger: options.logs?.logger,
    });
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= server.close());
    cleanups.push(close);
    return { ...server, close };
  }

  it('keeps answering from the open index while a deleted index file is rebuilt', async () => {
    const db = await newDatabase();
    const logs = captureLogs();
    const server = await serve(db, { logs });
    const { live } = server.app;
    await expectKnownWordsFound(server);
    const reader = live.current.search;
    expect(reader).toBeDefined();

    // Another writer holds the index, so the rebuild waits and the window stays open.
    const lock = await holdIndexWriteLock(db.dataDir);
    cleanups.push(() => lock.release());
    await fs.rm(indexFile(db.dataDir));
    await fs.rm(sumFile(db.dataDir));
    await until('the server notices the index is missing', () =>
      Promise.resolve(noticed(logs, 'missing')),
    );

    for (let round = 1; round <= 4; round += 1) {
      expect(await exists(indexFile(db.dataDir))).toBe(false);
      await expectKnownWordsFound(server, round);
      expect(await readyz(server)).toEqual({ status: 200, search: 'ok' });
      expect(live.current.search).toBe(reader);
      await sleep(POLL_MS / 2);
    }

    await lock.release();
    let round = 10;
    await until('the index file is back and served', async () => {
      round += 1;
      await expectKnownWordsFound(server, round);
      expect((await readyz(server)).status).toBe(200);
      return (await exists(indexFile(db.dataDir))) && live.current.search !== reader;
    });
    expect(await checksumState(db.dataDir)).toBe('match');
    await expectKnownWordsFound(server, round + 1);
    expect(await readyz(server)).toEqual({ status: 200, search: 'ok' });
  });

  it('never answers wrongly from an index corrupted in place while serving, and rebuilds it', async () => {
    const db = await newDatabase();
    const server = await serve(db);
    const { live } = server.app;
    await expectKnownWordsFound(server);

    await corruptInPlace(indexFile(db.dataDir));
    expect(await checksumState(db.dataDir)).toBe('mismatch');
    // A round that started before the corruption may be running; the second one starts after.
    await live.poll();
    const polling = live.poll();
    let done = false;
    void polling.then(() => (done = true));

    // During and after that round: correct hits or SEARCH_UNAVAILABLE, never anything else.
    let round = 0;
    const outcomes = new Set<string>();
    await until('search works again on a sound index', async () => {
      round += 1;
      const [ready, ...answers] = await Promise.all([
        readyz(server),
        ...KNOWN.map(({ word }) => search(server, word, 1 + (round % 50))),
      ]);
      answers.forEach((answer, i) => {
        expect([found(KNOWN[i].slug), UNAVAILABLE]).toContainEqual(answer);
        outcomes.add(answer.codes.length ? 'unavailable' : 'found');
      });
      expect([200, 503]).toContain(ready.status);
      if (ready.status === 503) expect(ready.search).toMatch(/^unavailable: /);
      return (
        done &&
        ready.status === 200 &&
        answers.every((a) => a.codes.length === 0) &&
        (await checksumState(db.dataDir)) === 'match'
      );
    });
    await expectKnownWordsFound(server, round + 1);
    expect(await readyz(server)).toEqual({ status: 200, search: 'ok' });
    expect(outcomes.has('found')).toBe(true);
  });

  it('answers SEARCH_UNAVAILABLE and /readyz 503 while an index corrupted in place waits to be rebuilt', async () => {
    const db = await newDatabase();
    const logs = captureLogs();
    const server = await serve(db, { logs });
    await expectKnownWordsFound(server);

    // Another writer holds the index, so the server's rebuild waits and the state is stable.
    const lock = await holdIndexWriteLock(db.dataDir);
    cleanups.push(() => lock.release());
    await corruptInPlace(indexFile(db.dataDir));
    await until('the server notices the index is broken', () =>
      Promise.resolve(noticed(logs, 'broken')),
    );

    for (let round = 1; round <= 3; round += 1) {
      for (const { word } of KNOWN) expect(await search(server, word, round)).toEqual(UNAVAILABLE);
      const suggest = await server.gql('{ suggest(prefix: "gebieds") { text kind } }');
      expect(suggest.errors?.map((e) => e.extensions?.code)).toEqual(['SEARCH_UNAVAILABLE']);
      const ready = await readyz(server);
      expect(ready.status).toBe(503);
      expect(ready.search).toMatch(/^unavailable: /);
      // Everything but search keeps working.
      const other = await server.gql<{ legalPower: { title: string } }>(
        '{ legalPower(slug: "gebiedsverbod") { title } }',
      );
      expect(other).toEqual({ status: 200, data: { legalPower: { title: 'Gebiedsverbod' } } });
      await sleep(POLL_MS / 2);
    }

    await lock.release();
    let round = 10;
    await until('search works again', async () => {
      round += 1;
      const answer = await search(server, KNOWN[0].word, round);
      expect([found(KNOWN[0].slug), UNAVAILABLE]).toContainEqual(answer);
      return answer.codes.length === 0;
    });
    await expectKnownWordsFound(server, round + 1);
    expect(await readyz(server)).toEqual({ status: 200, search: 'ok' });
    expect(await checksumState(db.dataDir)).toBe('match');
  });

  describe('an index built from other content', () => {
    /** search.sqlite and search.sqlite.sum of a server whose seed has one extra item. */
    let foreign: string;

    beforeAll(async () => {
      const seedDir = await copySeed();
      const db = await createTestDatabase('sqlite');
      try {
        await writeSeedFile(
          seedDir,
          'prevention-approaches/quokka-aanpak.nl.md',
          [
            '---',
            'title: Quokka',
            `summary: Een ${FOREIGN_WORD} die alleen in deze inhoud voorkomt.`,
            'level: GENERAL_PREVENTION',
            'actors: [gemeente]',
            'steps: [kennismaken]',
            '---',
            `Over de ${FOREIGN_WORD}.`,
            '',
          ].join('\n'),
        );
        const server = await startServer('sqlite', seedDir, db, { env: FAST_UNCACHED });
        try {
          // The foreign index really holds the word, and the usual ones.
          expect(await search(server, FOREIGN_WORD)).toEqual(found('quokka-aanpak'));
          await expectKnownWordsFound(server);
        } finally {
          await server.close();
        }
        foreign = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-foreign-index-'));
        await fs.copyFile(indexFile(db.dataDir), indexFile(foreign));
        await fs.copyFile(sumFile(db.dataDir), sumFile(foreign));
        expect(await checksumState(foreign)).toBe('match');
      } finally {
        await db.drop();
        await fs.rm(seedDir, { recursive: true, force: true });
      }
    });

    afterAll(() => fs.rm(foreign, { recursive: true, force: true }));

    /** The server answers from its own content only. */
    async function expectOwnContent(server: TestServer, round = 0): Promise<void> {
      expect(await search(server, FOREIGN_WORD, 1 + (round % 50))).toEqual(NOTHING);
      const suggest = await server.gql<{ suggest: string[] }>(
        '{ suggest(prefix: "quok") { text kind } }',
      );
      expect(suggest.errors).toBeUndefined();
      expect(suggest.data!.suggest).not.toContain(FOREIGN_WORD);
      await expectKnownWordsFound(server, round);
      expect(await readyz(server)).toEqual({ status: 200, search: 'ok' });
    }

    it('found at start-up, is brought to the content being served, never served as it is', async () => {
      const db = await newDatabase();
      await fs.copyFile(indexFile(foreign), indexFile(db.dataDir));
      await fs.copyFile(sumFile(foreign), sumFile(db.dataDir));

      const server = await serve(db);
      await expectOwnContent(server);
      expect(await checksumState(db.dataDir)).toBe('match');
      expect(await sha256(indexFile(db.dataDir))).not.toBe(await sha256(indexFile(foreign)));
    });

    it('put in place while serving, is not adopted, and not served after a restart either', async () => {
      const db = await newDatabase();
      const first = await serve(db);
      await expectOwnContent(first);

      // As another process would: both files written under temporary names, then renamed.
      const file = indexFile(db.dataDir);
      await fs.copyFile(sumFile(foreign), path.join(db.dataDir, 'foreign.sum.tmp'));
      await fs.copyFile(indexFile(foreign), path.join(db.dataDir, 'foreign.sqlite.tmp'));
      await fs.rename(path.join(db.dataDir, 'foreign.sum.tmp'), `${file}.sum`);
      await fs.rename(path.join(db.dataDir, 'foreign.sqlite.tmp'), file);

      // Several rounds of the poll, each seeing the replaced file, with searches between them.
      for (let round = 1; round <= 4; round += 1) {
        await first.app.live.poll();
        await expectOwnContent(first, round);
        await sleep(POLL_MS);
      }

      await first.close();
      const second = await serve(db);
      await expectOwnContent(second);
      expect(await checksumState(db.dataDir)).toBe('match');
    });
  });

  it('replaced by a damaged file while serving, writes it anew and keeps answering', async () => {
    const db = await newDatabase();
    const server = await serve(db);
    await expectKnownWordsFound(server);

    // A copy whose bytes went bad, put in place under the index's name by another process.
    const file = indexFile(db.dataDir);
    const damaged = path.join(db.dataDir, 'damaged.sqlite.tmp');
    await fs.copyFile(file, damaged);
    await corruptInPlace(damaged);
    const damagedHash = await sha256(damaged);
    await fs.rename(damaged, file);
    expect(await checksumState(db.dataDir)).toBe('mismatch');

    await server.app.live.poll();
    await expectKnownWordsFound(server, 1);
    expect(await readyz(server)).toEqual({ status: 200, search: 'ok' });
    expect(await checksumState(db.dataDir)).toBe('match');
    expect(await sha256(file)).not.toBe(damagedHash);
  });

  it('removes what a writer that stopped midway left, when it next writes the index', async () => {
    const db = await newDatabase();
    await fs.mkdir(db.dataDir, { recursive: true });
    const left = ['search.sqlite.tmp-0123456789abcdef', 'search.sqlite.tmp-4242-1-journal'];
    for (const name of left) await fs.writeFile(path.join(db.dataDir, name), 'half written');
    const server = await serve(db);
    await expectKnownWordsFound(server);
    const names = await fs.readdir(db.dataDir);
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['search.sqlite', 'search.sqlite.sum']));
  });

  it('rebuilds an index corrupted while the server was stopped before serving it', async () => {
    const db = await newDatabase();
    const first = await serve(db);
    await expectKnownWordsFound(first);
    await first.close();

    // Bytes going bad: same size, the same modification time (to the millisecond), other bytes.
    const file = indexFile(db.dataDir);
    const { size, mtimeMs } = await fs.stat(file);
    await corruptInPlace(file, true);
    const now = await fs.stat(file);
    expect(now.size).toBe(size);
    expect(Math.abs(now.mtimeMs - mtimeMs)).toBeLessThan(1);
    expect(await checksumState(db.dataDir)).toBe('mismatch');
    const corrupted = await sha256(file);

    const second = await serve(db);
    expect(await readyz(second)).toEqual({ status: 200, search: 'ok' });
    await expectKnownWordsFound(second);
    expect(await checksumState(db.dataDir)).toBe('match');
    expect(await sha256(file)).not.toBe(corrupted);
  });

  it('answers a request that spans a version swap wholly from one version', async () => {
    const db = await newDatabase();
    const seedDir = await tempSeed();
    // The response cache stays on: it must not mix versions either.
    const server = await serve(db, { seedDir, env: FAST });
    const { live } = server.app;

    const SWAP = `query Swap($q: String!) {
      contentVersion
      legalPower(slug: "gebiedsverbod") { title }
      search(query: $q) {
        edges { node { content { slug title } highlights { field snippet } } }
      }
    }`;
    interface SwapData {
      contentVersion: number;
      legalPower: { title: string };
      search: {
        edges: {
          node: {
            content: { slug: string; title: string };
            highlights: { field: string; snippet: string }[];
          };
        }[];
      };
    }
    /** What a Swap answer says, for the item both of its parts are about. */
    const view = (res: GraphqlResponse<SwapData>) => {
      const hit = res.data?.search.edges.find((e) => e.node.content.slug === 'gebiedsverbod');
      return {
        status: res.status,
        errors: res.errors,
        contentVersion: res.data?.contentVersion,
        legalPowerTitle: res.data?.legalPower.title,
        searchTitle: hit?.node.content.title,
        titleHighlight: hit?.node.highlights.find((h) => h.field === 'title')?.snippet,
      };
    };
    const oldVersion = live.current.snapshot.version;

    const lock = await lockSearchIndex(db.dataDir);
    cleanups.push(() => lock.release());
    const held = server.gql<SwapData>(SWAP, { q: 'gebiedsverbod' });
    let answered = false;
    void held.then(
      () => (answered = true),
      () => (answered = true),
    );
    // Let the request arrive and start waiting on the index.
    await sleep(200);

    const edited = path.join(seedDir, 'legal-powers', 'gebiedsverbod.nl.md');
    await editFile(edited, 'title: Gebiedsverbod', 'title: Gebiedsverbod rond gebedshuizen');
    const report = await runSeed(server.app.orm.em, { dir: seedDir });
    expect(report).toMatchObject({ updated: 1, created: 0, deleted: 0 });
    const newVersion = report.contentVersion!;
    expect(newVersion).not.toBe(oldVersion);
    const polling = live.poll();

    await sleep(500);
    // The request and the new version's index both wait on the index until it is let go.
    expect(answered).toBe(false);
    expect(live.current.snapshot.version).toBe(oldVersion);
    await lock.release();
    const before = view(await held);
    await polling;
    expect(live.current.snapshot.version).toBe(newVersion);
    const after = view(await server.gql<SwapData>(SWAP, { q: 'gebiedsverbod' }));

    expect(before).toEqual({
      status: 200,
      errors: undefined,
      contentVersion: oldVersion,
      legalPowerTitle: 'Gebiedsverbod',
      searchTitle: 'Gebiedsverbod',
      titleHighlight: '<mark>Gebiedsverbod</mark>',
    });
    expect(after).toEqual({
      status: 200,
      errors: undefined,
      contentVersion: newVersion,
      legalPowerTitle: 'Gebiedsverbod rond gebedshuizen',
      searchTitle: 'Gebiedsverbod rond gebedshuizen',
      titleHighlight: '<mark>Gebiedsverbod</mark> rond gebedshuizen',
    });
  });
});
