import fs from 'node:fs';
import path from 'node:path';
import { MikroORM as PostgresOrm, type Options as PostgresOptions } from '@mikro-orm/postgresql';
import { MikroORM as SqliteOrm, type Options as SqliteOptions } from '@mikro-orm/sqlite';
import { IsolationLevel, type EntityClass, type MikroORM } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { Config } from '../config';
import { updateSqliteSchema } from './sqlite-schema';

export type Orm = MikroORM & { em: EntityManager };
export type Dialect = 'sqlite' | 'postgresql';

export function sqlitePath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'content.sqlite');
}

export function dialectOf(config: Pick<Config, 'databaseUrl'>): Dialect {
  return config.databaseUrl ? 'postgresql' : 'sqlite';
}

/** The entity classes the ORM manages (src/content/entities.ts lists them). */
export type Entities = readonly EntityClass<object>[];

/** How long an SQLite statement waits for another process's lock before it fails. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

interface SqliteConnection {
  exec(sql: string, done: (error: Error | null) => void): void;
}

/** ORM options for the configured database; the MikroORM CLI config reuses them. */
export function ormOptions(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  entities: Entities,
): SqliteOptions | PostgresOptions {
  const common = {
    entities: [...entities],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: false,
  };
  if (config.databaseUrl)
    return { ...common, clientUrl: config.databaseUrl, pool: { min: 0, max: 10 } };
  return {
    ...common,
    dbName: sqlitePath(config),
    pool: {
      // Per connection: wait for another process's lock instead of failing at once.
      afterCreate(connection: SqliteConnection, done: (error: Error | null) => void) {
        connection.exec(
          `pragma foreign_keys = on; pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`,
          done,
        );
      },
    },
  };
}

/**
 * Connects and brings the schema up to date. The schema is derived from the entities and only
 * ever extended in place (`safe`: no column or table is dropped), so existing data survives.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  entities: Entities,
): Promise<Orm> {
  // DATA_DIR also holds the embedded search index, whichever database is used.
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (config.databaseUrl) {
    const orm = (await PostgresOrm.init(
      ormOptions(config, entities) as PostgresOptions,
    )) as unknown as Orm;
    await closedOnFailure(orm, () => updatePostgresSchema(orm));
    return orm;
  }
  const orm = (await SqliteOrm.init(
    ormOptions(config, entities) as SqliteOptions,
  )) as unknown as Orm;
  await closedOnFailure(orm, async () => {
    // Write-ahead logging: a seed writing and servers reading the file never wait for each other.
    await orm.em.getKnex().raw('pragma journal_mode = wal');
    await updateSqliteSchema(orm, SQLITE_BUSY_TIMEOUT_MS);
  });
  return orm;
}

/** A database that cannot be brought up to date is closed again, so no connection lingers. */
async function closedOnFailure(orm: Orm, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    await orm.close().catch(() => undefined);
    throw error;
  }
}

/** Any lock id will do, as long as nothing else on the database uses it. */
const SCHEMA_LOCK = 7_263_001;

/**
 * Brings a PostgreSQL schema up to date under a session advisory lock, so instances starting
 * together on a new database do not create the same tables at once.
 */
async function updatePostgresSchema(orm: Orm): Promise<void> {
  const knex = orm.em.getKnex();
  await knex.transaction(async (trx: Knex.Transaction) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [SCHEMA_LOCK]);
    const sql = await orm.schema.getUpdateSchemaSQL({ safe: true, wrap: false });
    if (sql.trim()) await trx.raw(sql);
  });
}

/**
 * Rows of one entity's table as plain objects keyed by property name (a relation as the id it
 * holds), without creating entities: for reading thousands of rows that are not changed.
 */
export function plainRows(
  em: EntityManager,
  entity: string,
  orderBy: Record<string, 'asc'> = {},
  fields: readonly string[] = ['*'],
): Promise<Record<string, unknown>[]> {
  return em
    .createQueryBuilder<Record<string, unknown>>(entity)
    .select([...fields])
    .orderBy(orderBy)
    .execute('all');
}

export function isPostgres(em: EntityManager): boolean {
  return em.getPlatform().getConfig().get('clientUrl', '').startsWith('postgres');
}

/** A transaction on a fork of `em`, ended by `commit` or `rollback`. */
export interface Transaction {
  readonly em: EntityManager;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * Begins a transaction through the connection. (`em.begin()`/`em.commit()` would flush the
 * unit of work, and a flush switches on Node's promise hooks for the life of the process, a
 * cost every later request pays; statements inside use native queries instead.)
 */
export async function beginTransaction(
  em: EntityManager,
  options: { isolationLevel?: IsolationLevel; readOnly?: boolean } = {},
): Promise<Transaction> {
  const fork = em.fork();
  const connection = fork.getConnection();
  const ctx = await connection.begin(options);
  fork.setTransactionContext(ctx);
  return {
    em: fork,
    commit: () => connection.commit(ctx),
    rollback: () => connection.rollback(ctx),
  };
}

/**
 * Runs `read` in one read-only transaction: every statement sees the same committed state, so
 * what is read belongs to one content version.
 */
export async function readConsistently<T>(
  em: EntityManager,
  read: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const trx = await beginTransaction(
    em,
    isPostgres(em) ? { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true } : {},
  );
  try {
    return await read(trx.em);
  } finally {
    await trx.rollback();
  }
}
