import path from 'node:path';
import sqlite3 from 'sqlite3';

/**
 * Holds an exclusive lock on the embedded search index in `dataDir`, as another process
 * writing it would, so that searches wait on it until `release` is called.
 */
export function lockSearchIndex(dataDir: string): Promise<{ release(): Promise<void> }> {
  const db = new sqlite3.Database(path.join(dataDir, 'search.sqlite'), sqlite3.OPEN_READWRITE);
  const exec = (sql: string) =>
    new Promise<void>((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
  return exec('BEGIN EXCLUSIVE').then(() => ({
    release: () =>
      exec('ROLLBACK').then(
        () => new Promise<void>((resolve, reject) => db.close((e) => (e ? reject(e) : resolve()))),
      ),
  }));
}
