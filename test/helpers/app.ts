import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { buildApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Dialect } from '../../src/db/orm';
import { createScratchDatabase } from '../../scripts/scratch-database';

export const FIXTURE_SEED = path.join(__dirname, '..', 'fixtures', 'seed');

/** PostgreSQL server used by the tests; each run gets a database of its own. */
export const PG_ADMIN_URL =
  process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgresql'];

export interface TestDatabase {
  readonly env: Record<string, string>;
  readonly dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: an SQLite file in a temp folder, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-test-'));
  if (dialect === 'sqlite') {
    return {
      env: { DATA_DIR: dataDir },
      dataDir,
      drop: () => fs.rm(dataDir, { recursive: true, force: true }),
    };
  }
  const scratch = await createScratchDatabase(
    PG_ADMIN_URL,
    `kb_test_${process.pid}_${randomBytes(4).toString('hex')}`,
  );
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: scratch.url },
    dataDir,
    async drop() {
      await scratch.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  readonly app: App;
  readonly url: string;
  readonly db: TestDatabase;
  readonly config: Config;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>>;
  /** Runs `action` and returns how many SQL statements the app sent meanwhile. */
  countStatements(action: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment for loadConfig (limits, caches, NODE_ENV, ...). */
  readonly env?: Record<string, string>;
  readonly logger?: Logger;
}

/** The real app on a free port, over a fresh database seeded from `seedDir` on start-up. */
export async function startServer(
  dialect: Dialect,
  seedDir = FIXTURE_SEED,
  db?: TestDatabase,
  options: StartOptions = {},
): Promise<TestServer> {
  const database = db ?? (await createTestDatabase(dialect));
  const config = loadConfig({
    ...database.env,
    SEED_DIR: seedDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await buildApp(config, { logger: options.logger ?? pino({ level: 'silent' }) });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  return {
    app,
    url,
    db: database,
    config,
    async gql(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async countStatements(action) {
      const knex = app.orm.em.getKnex();
      let count = 0;
      // The server's once-a-second content-version check is not part of any request.
      const listener = (query: { sql?: string }) => {
        if (!query.sql?.includes('content_state')) count += 1;
      };
      knex.on('query', listener);
      try {
        await action();
      } finally {
        knex.removeListener('query', listener);
      }
      return count;
    },
    async close() {
      await app.close();
      if (!db) await database.drop();
    },
  };
}

/** Asserts a GraphQL error with the given code (and path), the way clients see it. */
export function expectGraphqlError(
  res: GraphqlResponse,
  expected: { code: string; path?: (string | number)[]; message?: RegExp },
): void {
  expect(res.errors).toBeDefined();
  const error = res.errors!.find((e) => e.extensions?.code === expected.code);
  expect(error).toBeDefined();
  if (expected.path) expect(error!.path).toEqual(expected.path);
  if (expected.message) expect(error!.message).toMatch(expected.message);
  expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.js:\d+/);
}
