import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';

/** One table of the schema the entities describe: its CREATE TABLE and CREATE INDEX statements. */
interface TableSql {
  readonly name: string;
  readonly create: string;
  readonly indexes: readonly string[];
}

function tablesOf(schema: string): TableSql[] {
  const tables = new Map<string, { name: string; create: string; indexes: string[] }>();
  for (const statement of schema.split(/;\s*\n/).map((s) => s.trim())) {
    const table = /^create table `([^`]+)`/i.exec(statement)?.[1];
    if (table) tables.set(table, { name: table, create: statement, indexes: [] });
    const indexed = /^create (?:unique )?index `[^`]+` on `([^`]+)`/i.exec(statement)?.[1];
    if (indexed) tables.get(indexed)?.indexes.push(statement);
  }
  return [...tables.values()];
}

/** SQLite keeps a table's statement as written, but for the keywords' case. */
const sameStatement = (stored: string | undefined, wanted: string) =>
  stored?.replace(/^create table/i, 'create table') === wanted.replace(/;$/, '');

/**
 * Brings one table to its statement: created when missing; when it differs (a new column, a
 * new value in a checked enum), rebuilt as SQLite requires (a new table with the rows of the
 * columns both have, the old one dropped, the new one renamed) with its indexes.
 */
async function bringTable(trx: Knex.Transaction, table: TableSql): Promise<void> {
  const [stored] = await trx.raw<{ sql: string }[]>(
    "select sql from sqlite_master where type = 'table' and name = ?",
    [table.name],
  );
  if (sameStatement(stored?.sql, table.create)) {
    for (const index of table.indexes) await bringIndex(trx, index);
    return;
  }
  if (!stored) {
    await trx.raw(table.create);
  } else {
    const rebuilt = `${table.name}__rebuilt`;
    await trx.raw(table.create.replace(/^create table `[^`]+`/i, `create table \`${rebuilt}\``));
    const columns = async (name: string) =>
      (await trx.raw<{ name: string }[]>(`pragma table_info(\`${name}\`)`)).map((c) => c.name);
    const old = new Set(await columns(table.name));
    const kept = (await columns(rebuilt)).filter((c) => old.has(c)).map((c) => `\`${c}\``);
    await trx.raw(
      `insert into \`${rebuilt}\` (${kept.join(', ')}) select ${kept.join(', ')} from \`${table.name}\``,
    );
    await trx.raw(`drop table \`${table.name}\``);
    await trx.raw(`alter table \`${rebuilt}\` rename to \`${table.name}\``);
  }
  for (const index of table.indexes) await bringIndex(trx, index);
}

/** Creates an index that is missing, or that exists with another definition. */
async function bringIndex(trx: Knex.Transaction, statement: string): Promise<void> {
  const name = /index `([^`]+)`/i.exec(statement)![1];
  const [stored] = await trx.raw<{ sql: string }[]>(
    "select sql from sqlite_master where type = 'index' and name = ?",
    [name],
  );
  if (stored?.sql.replace(/^create (unique )?index/i, (m) => m.toLowerCase()) === statement) return;
  if (stored) await trx.raw(`drop index \`${name}\``);
  await trx.raw(statement);
}

/**
 * SQLite cannot alter a column or a check constraint, and MikroORM 6 reads enum checks back
 * incompletely, so its own diff neither settles nor covers a new enum value (a new content
 * type would be refused by the old check). Instead the schema the entities describe is
 * fingerprinted into `user_version`; when that changes, every table whose statement differs
 * is rebuilt to it, keeping its rows, in one transaction with a foreign-key check before the
 * commit. Another process reading meanwhile never sees a missing table, and a failure leaves
 * the file as it was.
 */
export async function updateSqliteSchema(orm: MikroORM & { em: EntityManager }): Promise<void> {
  const knex = orm.em.getKnex();
  const schema = await orm.schema.getCreateSchemaSQL({ wrap: false });
  const fingerprint = Number.parseInt(
    createHash('sha256').update(schema).digest('hex').slice(0, 7),
    16,
  );
  const [{ user_version: current }] =
    await knex.raw<{ user_version: number }[]>('pragma user_version');
  if (current === fingerprint) return;
  // Foreign keys are switched off outside the transaction (SQLite ignores the pragma inside
  // one) so dropping a rebuilt table does not cascade; the check before commit puts them back.
  await knex.raw('pragma foreign_keys = off');
  try {
    await knex.transaction(async (trx: Knex.Transaction) => {
      for (const table of tablesOf(schema)) await bringTable(trx, table);
      const broken = await trx.raw<unknown[]>('pragma foreign_key_check');
      if (broken.length > 0)
        throw new Error(`schema update would break ${broken.length} foreign key(s)`);
      await trx.raw(`pragma user_version = ${fingerprint}`);
    });
  } finally {
    await knex.raw('pragma foreign_keys = on');
  }
}
