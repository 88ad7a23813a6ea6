import type { SearchDocument } from '../documents';
import { documentWords, ftsRow } from './analyse';
import { rowidFor, sequenceOf } from './partitions';
import type { SqliteDb } from './db';
import { INDEX_FORMAT } from './schema';

const BATCH = 200;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function adjustWords(db: SqliteDb, counts: Map<string, number>): Promise<void> {
  for (const batch of chunks([...counts], 500)) {
    await db.run(
      `INSERT INTO words (word, df) VALUES ${batch.map(() => '(?, ?)').join(', ')}
       ON CONFLICT (word) DO UPDATE SET df = df + excluded.df`,
      batch.flat(),
    );
  }
  await db.run('DELETE FROM words WHERE df <= 0');
}

/** Removes every locale's document of the given items (`<TYPE>:<slug>`). */
export async function removeItems(db: SqliteDb, items: readonly string[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const batch of chunks(items, 500)) {
    const marks = batch.map(() => '?').join(', ');
    const rows = await db.all<{ rowid: number; words: string }>(
      `SELECT rowid, words FROM docs WHERE item IN (${marks})`,
      batch,
    );
    for (const row of rows)
      for (const w of row.words.split(' ')) counts.set(w, (counts.get(w) ?? 0) - 1);
    const ids = rows.map((r) => r.rowid);
    if (ids.length === 0) continue;
    const idMarks = ids.map(() => '?').join(', ');
    await db.run(`DELETE FROM fts WHERE rowid IN (${idMarks})`, ids);
    await db.run(`DELETE FROM fts_title WHERE rowid IN (${idMarks})`, ids);
    await db.run(`DELETE FROM fts_head WHERE rowid IN (${idMarks})`, ids);
    await db.run(`DELETE FROM doc_tags WHERE rowid IN (${idMarks})`, ids);
    await db.run(`DELETE FROM docs WHERE rowid IN (${idMarks})`, ids);
  }
  await adjustWords(db, counts);
}

/** Inserts documents (their items must not be in the index). */
export async function insertDocuments(
  db: SqliteDb,
  docs: readonly SearchDocument[],
  isKnown: (word: string) => boolean,
): Promise<void> {
  const rows = await db.all<{ rowid: number }>('SELECT rowid FROM docs');
  let sequence = rows.reduce((m, r) => Math.max(m, sequenceOf(r.rowid)), 0) + 1;
  const counts = new Map<string, number>();
  for (const batch of chunks(docs, BATCH)) {
    const docRows: unknown[] = [];
    const ftsRows: unknown[] = [];
    const tagRows: unknown[] = [];
    const titleRows: unknown[] = [];
    const headRows: unknown[] = [];
    for (const doc of batch) {
      const rowid = rowidFor(doc.locale, doc.type, sequence);
      sequence += 1;
      const docWords = documentWords(doc);
      for (const w of docWords) counts.set(w, (counts.get(w) ?? 0) + 1);
      const row = ftsRow(doc, isKnown);
      docRows.push(
        rowid,
        doc.id,
        `${doc.type}:${doc.slug}`,
        doc.type,
        doc.slug,
        doc.locale,
        doc.title,
        doc.summary,
        doc.body,
        docWords.join(' '),
      );
      ftsRows.push(rowid, ...row);
      titleRows.push(rowid, row[0]);
      headRows.push(rowid, row[0], row[1], row[2]);
      for (const tag of doc.tags) tagRows.push(rowid, tag.slug);
    }
    await db.run(
      `INSERT INTO docs VALUES ${batch.map(() => `(${Array(10).fill('?').join(', ')})`).join(', ')}`,
      docRows,
    );
    await db.run(
      `INSERT INTO fts (rowid, title, summary, tags, body, extra) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      ftsRows,
    );
    await db.run(
      `INSERT INTO fts_title (rowid, title) VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
      titleRows,
    );
    await db.run(
      `INSERT INTO fts_head (rowid, title, summary, tags) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')}`,
      headRows,
    );
    if (tagRows.length) {
      await db.run(
        `INSERT OR IGNORE INTO doc_tags (rowid, tag) VALUES ${Array(tagRows.length / 2)
          .fill('(?, ?)')
          .join(', ')}`,
        tagRows,
      );
    }
  }
  await adjustWords(db, counts);
}

async function setMeta(db: SqliteDb, key: string, value: string): Promise<void> {
  await db.run(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [key, value],
  );
}

export const setVersion = (db: SqliteDb, version: number) =>
  setMeta(db, 'content_version', String(version));

export const setFormat = (db: SqliteDb) => setMeta(db, 'format', String(INDEX_FORMAT));

/** Snapshots the fts5vocab vocabulary for typo lookups; done once per write, not per query. */
export async function refreshTerms(db: SqliteDb): Promise<void> {
  await db.exec('DELETE FROM terms; INSERT INTO terms (term, docs) SELECT term, doc FROM vocab');
}
