import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';

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

/** How long the update waits for another process's write lock before it gives up. */
const UPDATE_WAIT_MS = 600_000;

/** Knex's own pool, to hold one connection for the whole update. */
interface ConnectionPool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/** Runs one statement on the connection the schema update holds. */
type Run = <T = unknown>(sql: string, bindings?: readonly (string | number)[]) => Promise<T>;

interface ColumnInfo {
  readonly name: string;
  readonly type: string;
}

/**
 * Brings one table to its statement: created when missing; when it differs (a new column, a
 * new value in a checked enum), rebuilt as SQLite requires (a new table with the rows of the
 * old one, the old one dropped, the new one renamed) with its indexes. A column the entities
 * no longer describe is carried over, nullable, with its values: nothing is dropped.
 */
async function bringTable(run: Run, table: TableSql): Promise<void> {
  const [stored] = await run<{ sql: string }[]>(
    "select sql from sqlite_master where type = 'table' and name = ?",
    [table.name],
  );
  if (sameStatement(stored?.sql, table.create)) {
    for (const index of table.indexes) await bringIndex(run, index);
    return;
  }
  if (!stored) {
    await run(table.create);
  } else {
    const rebuilt = `${table.name}__rebuilt`;
    await run(table.create.replace(/^create table `[^`]+`/i, `create table \`${rebuilt}\``));
    const columns = (name: string) => run<ColumnInfo[]>(`pragma table_info(\`${name}\`)`);
    // SQLite compares column names without regard to case.
    const wanted = new Set((await columns(rebuilt)).map((c) => c.name.toLowerCase()));
    const old = await columns(table.name);
    for (const column of old.filter((c) => !wanted.has(c.name.toLowerCase())))
      await run(`alter table \`${rebuilt}\` add column \`${column.name}\` ${column.type}`);
    const kept = old.map((c) => `\`${c.name}\``).join(', ');
    try {
      await run(`insert into \`${rebuilt}\` (${kept}) select ${kept} from \`${table.name}\``);
    } catch (error) {
      const message = (error as Error).message;
      const hint = /CHECK constraint failed/.test(message)
        ? ' (for instance items of a content type this version does not register: seed without ' +
          'them with the version that wrote them, then start this one)'
        : '';
      throw new Error(
        `table ${table.name} holds rows this version refuses${hint}; nothing was changed: ${message}`,
        { cause: error },
      );
    }
    await run(`drop table \`${table.name}\``);
    await run(`alter table \`${rebuilt}\` rename to \`${table.name}\``);
  }
  for (const index of table.indexes) await bringIndex(run, index);
}

/** Creates an index that is missing, or that exists with another definition. */
async function bringIndex(run: Run, statement: string): Promise<void> {
  const name = /index `([^`]+)`/i.exec(statement)![1];
  const [stored] = await run<{ sql: string }[]>(
    "select sql from sqlite_master where type = 'index' and name = ?",
    [name],
  );
  if (stored?.sql.replace(/^create (unique )?index/i, (m) => m.toLowerCase()) === statement) return;
  if (stored) await run(`drop index \`${name}\``);
  await run(statement);
}

/**
 * SQLite cannot alter a column or a check constraint, and MikroORM 6 reads enum checks back
 * incompletely, so its own diff neither settles nor covers a new enum value (a new content
 * type would be refused by the old check). Instead the schema the entities describe is
 * fingerprinted into `user_version`; when that changes, every table whose statement differs
 * is rebuilt to it, keeping its rows, in one write transaction with a foreign-key check
 * before the commit. Processes starting together take turns: the write lock is taken first
 * and the fingerprint read again under it. Another process reading meanwhile never sees a
 * missing table, and a failure leaves the file as it was.
 */
export async function updateSqliteSchema(
  orm: MikroORM & { em: EntityManager },
  busyTimeoutMs: number,
): Promise<void> {
  const knex = orm.em.getKnex();
  const schema = await orm.schema.getCreateSchemaSQL({ wrap: false });
  const fingerprint = Number.parseInt(
    createHash('sha256').update(schema).digest('hex').slice(0, 7),
    16,
  );
  // Pragmas hold per connection, so every statement runs on one.
  const pool = knex.client as ConnectionPool;
  const connection = await pool.acquireConnection();
  const run: Run = async <T>(sql: string, bindings: readonly (string | number)[] = []) =>
    (await knex.raw(sql, [...bindings]).connection(connection)) as T;
  const storedFingerprint = async () =>
    (await run<{ user_version: number }[]>('pragma user_version'))[0].user_version;
  try {
    if ((await storedFingerprint()) === fingerprint) return;
    // Off outside the transaction (SQLite ignores the pragma inside one), so dropping a
    // rebuilt table does not cascade; the check before the commit stands in for them.
    await run('pragma foreign_keys = off');
    // Another process may hold the write lock for a long seed or its own update: wait for it.
    await run(`pragma busy_timeout = ${UPDATE_WAIT_MS}`);
    try {
      await run('begin immediate');
      try {
        if ((await storedFingerprint()) !== fingerprint) {
          for (const table of tablesOf(schema)) await bringTable(run, table);
          const broken = await run<unknown[]>('pragma foreign_key_check');
          if (broken.length > 0)
            throw new Error(`schema update would break ${broken.length} foreign key(s)`);
          await run(`pragma user_version = ${fingerprint}`);
        }
        await run('commit');
      } catch (error) {
        // The failure is what matters; SQLite may have rolled back on its own already.
        await run('rollback').catch(() => undefined);
        throw error;
      }
    } finally {
      await run('pragma foreign_keys = on');
      await run(`pragma busy_timeout = ${busyTimeoutMs}`);
    }
  } finally {
    await pool.releaseConnection(connection);
  }
}
