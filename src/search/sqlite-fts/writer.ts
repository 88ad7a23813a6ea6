import { chunks } from '../../lib/batch';
import { itemDiff, itemOf, type SearchDocument } from '../documents';
import type { IndexTarget } from '../search-engine';
import { documentWords, ftsRow } from './analyse';
import type { SqliteDb } from './db';
import { sequenceOf, type Partitions } from './partitions';
import { INDEX_FORMAT } from './schema';

const BATCH = 200;

/** Counts of words per locale, keyed `<locale> <word>`. */
type WordCounts = Map<string, number>;
const countWord = (counts: WordCounts, locale: string, word: string, by: number) =>
  counts.set(`${locale} ${word}`, (counts.get(`${locale} ${word}`) ?? 0) + by);

async function adjustWords(db: SqliteDb, counts: WordCounts): Promise<void> {
  for (const batch of chunks([...counts])) {
    await db.run(
      `INSERT INTO words (locale, word, df) VALUES ${batch.map(() => '(?, ?, ?)').join(', ')}
       ON CONFLICT (locale, word) DO UPDATE SET df = df + excluded.df`,
      batch.flatMap(([key, n]) => [...key.split(' '), n]),
    );
  }
  await db.run('DELETE FROM words WHERE df <= 0');
}

/** Removes every locale's document of the given items (`<TYPE>:<slug>`). */
export async function removeItems(db: SqliteDb, items: readonly string[]): Promise<void> {
  const counts: WordCounts = new Map();
  for (const batch of chunks(items)) {
    const marks = batch.map(() => '?').join(', ');
    const rows = await db.all<{ rowid: number; locale: string; words: string }>(
      `SELECT rowid, locale, words FROM docs WHERE item IN (${marks})`,
      batch,
    );
    await db.run(`DELETE FROM items WHERE item IN (${marks})`, batch);
    for (const row of rows)
      for (const w of row.words.split(' ')) countWord(counts, row.locale, w, -1);
    const ids = rows.map((r) => r.rowid);
    if (ids.length === 0) continue;
    const idMarks = ids.map(() => '?').join(', ');
    for (const table of ['fts', 'fts_title', 'fts_head', 'doc_tags', 'docs'])
      await db.run(`DELETE FROM ${table} WHERE rowid IN (${idMarks})`, ids);
  }
  await adjustWords(db, counts);
}

/** Inserts documents (their items must not be in the index) and the items' hashes. */
export async function insertDocuments(
  db: SqliteDb,
  docs: readonly SearchDocument[],
  hashes: ReadonlyMap<string, string>,
  partitions: Partitions,
  isKnown: (word: string) => boolean,
): Promise<void> {
  const rows = await db.all<{ rowid: number }>('SELECT rowid FROM docs');
  let sequence = rows.reduce((m, r) => Math.max(m, sequenceOf(r.rowid)), 0) + 1;
  const counts: WordCounts = new Map();
  for (const batch of chunks(docs, BATCH)) {
    const docRows: unknown[] = [];
    const ftsRows: unknown[] = [];
    const tagRows: unknown[] = [];
    const titleRows: unknown[] = [];
    const headRows: unknown[] = [];
    for (const doc of batch) {
      const rowid = partitions.rowidFor(doc.locale, doc.type, sequence);
      sequence += 1;
      const docWords = documentWords(doc);
      for (const w of docWords) countWord(counts, doc.locale, w, 1);
      const row = ftsRow(doc, isKnown);
      docRows.push(
        rowid,
        doc.id,
        itemOf(doc),
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
      `INSERT INTO fts (rowid, title, summary, tags, body, extra, parts) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
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
  const items = [...new Set(docs.map(itemOf))];
  for (const batch of chunks(items)) {
    await db.run(
      `INSERT INTO items (item, hash) VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
      batch.flatMap((item) => [item, hashes.get(item) ?? '']),
    );
  }
  await adjustWords(db, counts);
}

/** Items whose documents must be removed, and items whose documents must be (re)written. */
export async function itemChanges(
  db: SqliteDb,
  target: IndexTarget,
): Promise<{ remove: string[]; write: string[] }> {
  const rows = await db.all<{ item: string; hash: string }>('SELECT item, hash FROM items');
  return itemDiff(new Map(rows.map((r) => [r.item, r.hash])), target.items);
}

export interface IndexMeta {
  readonly format: number;
  readonly types: readonly string[];
  readonly fingerprint: string;
  readonly version: number;
}

export async function writeMeta(db: SqliteDb, target: IndexTarget): Promise<void> {
  const meta: Record<string, string> = {
    format: String(INDEX_FORMAT),
    types: JSON.stringify(target.types),
    fingerprint: target.fingerprint,
    content_version: String(target.version),
  };
  for (const [key, value] of Object.entries(meta)) {
    await db.run(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }
}

/** The index's layout and content, or undefined when it has no (readable) record of them. */
export async function readMeta(db: Pick<SqliteDb, 'all'>): Promise<IndexMeta | undefined> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM meta');
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  const [format, types, fingerprint, version] = [
    'format',
    'types',
    'fingerprint',
    'content_version',
  ].map((k) => meta.get(k));
  if (!format || !types || !fingerprint || !version) return undefined;
  return {
    format: Number(format),
    types: JSON.parse(types) as string[],
    fingerprint,
    version: Number(version),
  };
}

/** Snapshots the fts5vocab vocabulary for typo lookups; done once per write, not per query. */
export async function refreshTerms(db: SqliteDb): Promise<void> {
  await db.exec('DELETE FROM terms; INSERT INTO terms (term, docs) SELECT term, doc FROM vocab');
}
