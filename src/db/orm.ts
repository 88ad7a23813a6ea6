import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MikroORM as PostgresOrm, type Options as PostgresOptions } from '@mikro-orm/postgresql';
import { MikroORM as SqliteOrm, type Options as SqliteOptions } from '@mikro-orm/sqlite';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { Config } from '../config';
import { ENTITIES } from './entities';

export type Orm = MikroORM & { em: EntityManager };
export type Dialect = 'sqlite' | 'postgresql';

export function sqlitePath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'content.sqlite');
}

export function dialectOf(config: Pick<Config, 'databaseUrl'>): Dialect {
  return config.databaseUrl ? 'postgresql' : 'sqlite';
}

const common = {
  entities: ENTITIES,
  discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
  allowGlobalContext: false,
  forceUtcTimezone: true,
  debug: false,
} as const;

/** ORM options for the configured database; the MikroORM CLI config reuses them. */
export function ormOptions(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): SqliteOptions | PostgresOptions {
  if (config.databaseUrl)
    return { ...common, clientUrl: config.databaseUrl, pool: { min: 0, max: 10 } };
  return { ...common, dbName: sqlitePath(config) };
}

/**
 * Connects and brings the schema up to date. The schema is derived from the entities and only
 * ever extended in place (`safe`: no column or table is dropped), so existing data survives.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Orm> {
  let orm: Orm;
  if (config.databaseUrl) {
    orm = (await PostgresOrm.init(ormOptions(config) as PostgresOptions)) as unknown as Orm;
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
    orm = (await SqliteOrm.init(ormOptions(config) as SqliteOptions)) as unknown as Orm;
    await orm.em.getConnection().execute('pragma foreign_keys = on');
    await updateSqliteSchema(orm);
    return orm;
  }
  const sql = await orm.schema.getUpdateSchemaSQL({ safe: true, wrap: false });
  if (sql.trim()) await orm.schema.updateSchema({ safe: true });
  return orm;
}

/**
 * SQLite cannot alter a column, so the schema update rebuilds a changed table (copy, drop,
 * rename), one autocommitted statement at a time. MikroORM 6 also reads enum check constraints
 * back incompletely, so it sees a change in `content` on every start. Hence: the entities'
 * schema is fingerprinted into `user_version` and the update runs only when that changes, and
 * then in one transaction, so another process reading meanwhile (a running server while
 * `npm run seed` starts) never sees a missing table, and a failure leaves the file as it was.
 */
async function updateSqliteSchema(orm: Orm): Promise<void> {
  const knex = orm.em.getKnex();
  const target = await orm.schema.getCreateSchemaSQL({ wrap: false });
  const fingerprint = Number.parseInt(
    createHash('sha256').update(target).digest('hex').slice(0, 7),
    16,
  );
  const [{ user_version: current }] =
    await knex.raw<{ user_version: number }[]>('pragma user_version');
  if (current === fingerprint) return;
  const statements = (await orm.schema.getUpdateSchemaSQL({ safe: true, wrap: false }))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^pragma foreign_keys/i.test(line));
  // Foreign keys are switched off outside the transaction (SQLite ignores the pragma inside
  // one) so dropping a rebuilt table does not cascade; the check before commit puts them back.
  await knex.raw('pragma foreign_keys = off');
  try {
    await knex.transaction(async (trx: Knex.Transaction) => {
      for (const statement of statements) await trx.raw(statement);
      const broken = await trx.raw<unknown[]>('pragma foreign_key_check');
      if (broken.length > 0)
        throw new Error(`schema update would break ${broken.length} foreign key(s)`);
      await trx.raw(`pragma user_version = ${fingerprint}`);
    });
  } finally {
    await knex.raw('pragma foreign_keys = on');
  }
}
