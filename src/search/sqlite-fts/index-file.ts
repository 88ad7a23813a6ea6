import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { SqliteDb } from './db';

/**
 * The index file's life on disk. The file is never written in place: every change writes a
 * new file and renames it over the old one, with a checksum beside it (`<file>.sum`). So a
 * file whose bytes do not match its checksum was damaged, and readers of the old file keep
 * reading a complete index while a new one is written. Writers take a lock (`<file>.lock`,
 * an SQLite write lock, released by the OS if the process dies), so processes sharing a data
 * folder write one at a time.
 */

export interface FileSignature {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export async function signatureOf(file: string): Promise<FileSignature | undefined> {
  try {
    const { ino, size, mtimeMs } = await fs.stat(file);
    return { ino, size, mtimeMs };
  } catch {
    return undefined;
  }
}

export const sameSignature = (a?: FileSignature, b?: FileSignature) =>
  a !== undefined &&
  b !== undefined &&
  a.ino === b.ino &&
  a.size === b.size &&
  a.mtimeMs === b.mtimeMs;

export function checksumOf(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

const sumPath = (file: string) => `${file}.sum`;

export async function readChecksum(file: string): Promise<string | undefined> {
  const text = await fs.readFile(sumPath(file), 'utf8').catch(() => undefined);
  const sum = text?.trim();
  return sum && /^[0-9a-f]{64}$/.test(sum) ? sum : undefined;
}

/** A fresh path beside `file` to write to; random, so writers on other hosts never collide. */
export function tempPath(file: string): string {
  return `${file}.tmp-${randomBytes(8).toString('hex')}`;
}

/** Moves a finished file into place together with its checksum. */
export async function install(temp: string, file: string): Promise<void> {
  const sum = await checksumOf(temp);
  const sumTemp = `${temp}.sum`;
  await fs.writeFile(sumTemp, `${sum}\n`);
  await fs.rename(sumTemp, sumPath(file));
  await fs.rename(temp, file);
}

/** Runs `write` holding the index's write lock; waits while another process holds it. */
export async function withWriteLock<T>(file: string, write: () => Promise<T>): Promise<T> {
  const lock = await SqliteDb.open(`${file}.lock`, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  try {
    // A rebuild of a large index takes minutes; another writer waits for it rather than fail.
    await lock.exec('PRAGMA busy_timeout = 600000; BEGIN IMMEDIATE');
    try {
      return await write();
    } finally {
      // Closing the connection releases the lock as well, so a failed rollback changes nothing.
      await lock.exec('ROLLBACK').catch(() => undefined);
    }
  } finally {
    await lock.close();
  }
}

/**
 * Removes what writers that stopped midway left beside the file. Only a writer holding the
 * write lock writes temporary files, so whoever holds it may remove them all.
 */
export async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `${path.basename(file)}.tmp-`;
  const names = await fs.readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(prefix)))
    await fs.rm(path.join(path.dirname(file), name), { force: true });
}
