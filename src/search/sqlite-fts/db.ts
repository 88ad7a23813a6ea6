import sqlite3 from 'sqlite3';
import { SearchUnavailableError } from '../search-engine';

/** A promise-based handle on one sqlite3 connection. Errors keep the driver error as cause. */
export class SqliteDb {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(
    file: string,
    mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE,
  ): Promise<SqliteDb> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (error) =>
        error
          ? reject(
              new SearchUnavailableError(`cannot open the search index ${file}`, { cause: error }),
            )
          : resolve(new SqliteDb(db)),
      );
    });
  }

  run(sql: string, params: unknown[] = []): Promise<{ lastID: number; changes: number }> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve({ lastID: this.lastID, changes: this.changes });
      });
    });
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params, (error: Error | null, rows: T[]) =>
        error ? reject(error) : resolve(rows),
      );
    });
  }

  async get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(sql, (error: Error | null) => (error ? reject(error) : resolve()));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.close((error: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}

/** Several read connections used in turn, so independent queries of one search run in parallel. */
export class SqlitePool {
  private next = 0;
  private constructor(private readonly connections: SqliteDb[]) {}

  /** `size` read-only connections to `file`. */
  static async open(
    file: string,
    size: number,
    prepare: (db: SqliteDb) => Promise<void>,
  ): Promise<SqlitePool> {
    const connections: SqliteDb[] = [];
    try {
      for (let i = 0; i < size; i += 1) {
        const db = await SqliteDb.open(file, sqlite3.OPEN_READONLY);
        connections.push(db);
        await prepare(db);
      }
    } catch (error) {
      await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
      throw error;
    }
    return new SqlitePool(connections);
  }

  private pick(): SqliteDb {
    this.next = (this.next + 1) % this.connections.length;
    return this.connections[this.next];
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.pick().all<T>(sql, params);
  }

  get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return this.pick().get<T>(sql, params);
  }

  /** The first connection, for reads done once when the pool opens (metadata, vocabulary). */
  get primary(): SqliteDb {
    return this.connections[0];
  }

  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.close()));
  }
}

/** What readers need: queries, whichever connection runs them. */
export type SqliteReader = Pick<SqliteDb, 'all' | 'get'>;
