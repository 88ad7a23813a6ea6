import fs from 'node:fs';
import path from 'node:path';
import { MikroORM as PostgresOrm, type Options as PostgresOptions } from '@mikro-orm/postgresql';
import { MikroORM as SqliteOrm, type Options as SqliteOptions } from '@mikro-orm/sqlite';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
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
  }
  const sql = await orm.schema.getUpdateSchemaSQL({ safe: true, wrap: false });
  if (sql.trim()) await orm.schema.updateSchema({ safe: true });
  return orm;
}
