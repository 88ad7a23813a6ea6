import type { Locale } from '../../content/common/enums';
import { ByteLru } from '../../lib/byte-lru';
import {
  collapseSpace,
  highlight,
  indexTokens,
  stemmedTokens,
  type Matcher,
  type TokenIndex,
} from '../analysis/highlight';
import { isQuestion, normalize, words as wordsOf } from '../analysis/normalize';
import {
  analyseQuery,
  dropOrder,
  matchedBy,
  type Alternative,
  type QueryGroup,
} from '../analysis/query';
import {
  SearchUnavailableError,
  type FacetResult,
  type SearchReader,
  type Suggestion,
  type SearchRequest,
  type SearchResult,
} from '../search-engine';
import type { SynonymGroups } from '../synonyms';
import type { SqlitePool } from './db';
import type { FileSignature } from './index-file';
import { matchTree, type MatchTree } from './match';
import type { Partitions } from './partitions';
import { knownTiers } from './known-tiers';
import { MemoryIndex } from './memory-index';
import { countByTag, countByType, rankedRowids, type Scope } from './ranking';
import { rankingTiers } from './tiers';
import type { IndexVocabulary } from './vocabulary';

interface HitRow {
  rowid: number;
  type: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
}

/** Bytes of document text (with its stemmed words) a reader keeps for highlighting. */
const HIT_CACHE_BYTES = 32 * 1024 * 1024;
/** Bytes of whole results a reader keeps: the index never changes, so neither do they. */
const RESULT_CACHE_BYTES = 8 * 1024 * 1024;
const HIGHLIGHTED = ['title', 'summary', 'body'] as const;
/**
 * Text of an index whose documents are all indexed for highlighting up front: what they weigh
 * in the document cache (text twice, 64 bytes a word) stays well under HIT_CACHE_BYTES.
 */
const PRELOAD_TEXT_BYTES = 1024 * 1024;

/** About what a result weighs in memory: its strings twice (UTF-16), 64 bytes an object. */
function resultBytes(key: string, { hits, facets }: SearchResult): number {
  let bytes = 2 * key.length + 64;
  for (const hit of hits) {
    bytes += 2 * (hit.type.length + hit.slug.length) + 128;
    for (const h of hit.highlights) bytes += 2 * (h.field.length + h.snippet.length) + 64;
  }
  for (const facet of facets) for (const v of facet.values) bytes += 2 * v.value.length + 64;
  return bytes;
}

interface TitleEntry {
  readonly type: string;
  readonly slug: string;
  readonly title: string;
  readonly words: readonly string[];
}

/**
 * A document as highlighting needs it: its texts, and for an index read in whole, their words
 * indexed (a text shown again and again is looked up, not read).
 */
interface HitDocument {
  readonly row: HitRow;
  readonly tokens?: Readonly<Record<(typeof HIGHLIGHTED)[number], TokenIndex>>;
}

/**
 * Searches one index file as it was when the reader opened it: the file is never written in
 * place, so what the reader holds (connections, vocabulary, the stemmed words of documents it
 * highlighted) stays true until it is closed.
 */
export class SqliteFtsReader implements SearchReader {
  readonly engine = 'sqlite-fts';
  private readonly documents = new ByteLru<HitDocument>(HIT_CACHE_BYTES, (key, { row, tokens }) => {
    const text = row.title.length + row.summary.length + row.body.length;
    const words = tokens
      ? tokens.title.tokens.length + tokens.summary.tokens.length + tokens.body.tokens.length
      : 0;
    return key.length + 2 * text + 64 * words;
  });
  /** Whether documents are indexed for highlighting (all of a small index, read up front). */
  private indexDocuments = false;

  private readonly results = new ByteLru<SearchResult>(RESULT_CACHE_BYTES, resultBytes);

  /** Whether a word is one of the index's words (one function, so its compound splits are kept). */
  private readonly isKnown = (word: string) => this.vocab.hasWord(word);
  /**
   * Each group's operands, with and without word columns: the tiers ask for the same groups
   * again and again, and type-ahead for the same words (analyseQuery keeps their alternatives).
   */
  private readonly operands = new WeakMap<
    readonly Alternative[],
    Map<boolean, MatchTree[number]>
  >();

  constructor(
    readonly version: number,
    readonly opened: SearchReader['opened'],
    /** The file as it was verified; the engine compares it with the file on disk. */
    readonly signature: FileSignature,
    private readonly db: SqlitePool,
    private readonly vocab: IndexVocabulary,
    private readonly synonyms: SynonymGroups,
    private readonly partitions: Partitions,
    /** Largest index also held in memory. */
    private readonly memoryDocs: number,
    private readonly onClose: () => void = () => undefined,
  ) {}

  /**
   * Results of repeated searches (type-ahead, popular queries) on an index on disk are computed
   * once. An index held in memory answers in well under a millisecond; keeping its results
   * would cost more (every kept result is copied by each young-generation garbage collection)
   * than answering again.
   */
  search(request: SearchRequest): Promise<SearchResult> {
    return this.using(async () => {
      if (await this.memoryIndex()) return this.find(request);
      const key = JSON.stringify([
        request.query,
        request.locale,
        request.types ?? null,
        request.tags ?? null,
        request.limit,
        request.offset,
      ]);
      let result = this.results.get(key);
      if (!result) {
        result = await this.find(request);
        this.results.set(key, result);
      }
      return result;
    });
  }

  /** Searches in progress; closing waits for them. */
  private active = 0;
  private idle?: () => void;

  private async using<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed)
      throw new SearchUnavailableError(
        'this search index was replaced; the next request uses the new one',
      );
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) this.idle?.();
    }
  }

  private async find(request: SearchRequest): Promise<SearchResult> {
    const { db, vocab } = this;
    const groups = analyseQuery(request.query, vocab, this.synonyms);
    if (groups.length === 0) return { total: 0, hits: [], facets: [] };
    const all: Scope = {
      ranges: this.partitions.rangesFor(request.locale),
      typeRanges: this.partitions.typeRanges(request.locale),
      tags: request.tags ?? [],
    };
    const scope: Scope = {
      ...all,
      ranges: this.partitions.rangesFor(request.locale, request.types),
    };
    const question = isQuestion(request.query);
    const express = (gs: readonly QueryGroup[], wordColumns?: readonly string[]): MatchTree =>
      gs.map((g) => {
        let byColumns = this.operands.get(g.alternatives);
        if (!byColumns)
          this.operands.set(g.alternatives, (byColumns = new Map<boolean, MatchTree[number]>()));
        let ors = byColumns.get(!!wordColumns);
        if (!ors) {
          [ors] = matchTree([g], {
            prefixTerms: (prefix, max) => vocab.termsWithPrefix(prefix, max),
            wordColumns,
          });
          byColumns.set(!!wordColumns, ors);
        }
        return ors;
      });
    let kept = groups;
    for (;;) {
      const levels = dropOrder(kept);
      const tiers = rankingTiers(levels, express, question);
      // Every document the loosest query matches is a result; the tiers put those with all
      // words first.
      const need = request.offset + request.limit;
      const memory = await this.memoryIndex();
      if (memory) {
        const known = knownTiers(memory, tiers, all, scope, need);
        if (known.byType.length === 0 && kept.length > 1) {
          const rarest = levels.at(-1)!;
          kept = kept.filter((g) => !rarest.includes(g));
          continue;
        }
        return this.page(request, groups, known.byType, known.byTag, known.ranked());
      }
      const loosest = tiers.at(-1)!.expression;
      const [byType, byTag, ranked] = await Promise.all([
        countByType(db, loosest, all),
        countByTag(db, loosest, scope),
        rankedRowids(db, tiers, scope, need),
      ]);
      // The rarest word matches nothing in this locale (word counts span both): drop it too.
      if (byType.length === 0 && kept.length > 1) {
        const rarest = levels.at(-1)!;
        kept = kept.filter((g) => !rarest.includes(g));
        continue;
      }
      return this.page(request, groups, byType, byTag, ranked);
    }
  }

  /** The index in memory when it is small (read once per reader), else undefined. */
  private memory?: Promise<MemoryIndex | undefined>;

  private memoryIndex(): Promise<MemoryIndex | undefined> {
    if (!this.memory) {
      this.memory = MemoryIndex.load(this.db.primary, this.memoryDocs).then(async (memory) => {
        if (memory) await this.preloadDocuments();
        return memory;
      });
      this.memory.catch(() => (this.memory = undefined));
    }
    return this.memory;
  }

  /**
   * The documents of a small index, indexed for highlighting once when the reader first
   * searches, instead of one by one as they first show up in results.
   */
  private async preloadDocuments(): Promise<void> {
    const size = await this.db.get<{ bytes: number | null }>(
      'SELECT sum(length(title) + length(summary) + length(body)) AS bytes FROM docs',
    );
    if ((size?.bytes ?? 0) > PRELOAD_TEXT_BYTES) return;
    const rows = await this.db.all<{ rowid: number }>('SELECT rowid FROM docs');
    this.indexDocuments = true;
    await this.documentsOf(rows.map((r) => r.rowid));
  }

  private async page(
    request: SearchRequest,
    groups: readonly QueryGroup[],
    byType: FacetResult['values'],
    byTag: FacetResult['values'],
    ranked: readonly { rowid: number; score: number }[],
  ): Promise<SearchResult> {
    const wanted = request.types?.length ? new Set<string>(request.types) : undefined;
    const total = byType
      .filter((f) => !wanted || wanted.has(f.value))
      .reduce((sum, f) => sum + f.count, 0);
    const page = ranked.slice(request.offset, request.offset + request.limit);
    const documents = await this.documentsOf(page.map((p) => p.rowid));
    const matcher: Matcher = { ...matchedBy(groups), hasWord: this.isKnown };
    return {
      total,
      facets: [
        { field: 'type', values: byType },
        { field: 'tags', values: byTag },
      ],
      hits: page.flatMap(({ rowid, score }) => {
        const doc = documents.get(rowid);
        if (!doc) return [];
        return [
          {
            type: doc.row.type,
            slug: doc.row.slug,
            score: Math.round(score * 1000) / 1000,
            highlights: HIGHLIGHTED.flatMap((field) => {
              const window = field === 'body' ? 30 : 0;
              const snippet = highlight(doc.row[field], matcher, window, doc.tokens?.[field]);
              return snippet ? [{ field, snippet }] : [];
            }),
          },
        ];
      }),
    };
  }

  /** The documents of the given rows, read from the index only when not kept already. */
  private async documentsOf(rowids: readonly number[]): Promise<Map<number, HitDocument>> {
    const found = new Map<number, HitDocument>();
    const missing: number[] = [];
    for (const rowid of rowids) {
      const doc = this.documents.get(String(rowid));
      if (doc) found.set(rowid, doc);
      else missing.push(rowid);
    }
    if (missing.length === 0) return found;
    const rows = await this.db.all<HitRow>(
      'SELECT rowid, type, slug, title, summary, body FROM docs WHERE rowid IN (SELECT value FROM json_each(?))',
      [JSON.stringify(missing)],
    );
    for (const read of rows) {
      // As highlight wants the texts: white space collapsed, once.
      const row = {
        ...read,
        title: collapseSpace(read.title),
        summary: collapseSpace(read.summary),
        body: collapseSpace(read.body),
      };
      const tokens = this.indexDocuments
        ? {
            title: indexTokens(stemmedTokens(row.title), this.isKnown),
            summary: indexTokens(stemmedTokens(row.summary), this.isKnown),
            body: indexTokens(stemmedTokens(row.body), this.isKnown),
          }
        : undefined;
      const doc = { row, tokens };
      this.documents.set(String(row.rowid), doc);
      found.set(row.rowid, doc);
    }
    return found;
  }

  async suggest(prefix: string, locale: Locale, limit: number): Promise<Suggestion[]> {
    const text = normalize(prefix.slice(0, 200));
    const match = /([\p{L}\p{N}]+)$/u.exec(text);
    if (!match || limit <= 0) return [];
    const head = text.slice(0, match.index).replace(/\s+/g, ' ');
    const last = match[1];
    const words = this.vocab
      .wordsByFrequency(locale)
      .filter((w) => w.startsWith(last))
      .sort((a, b) => Number(b === last) - Number(a === last))
      .slice(0, limit)
      .map((w): Suggestion => ({ kind: 'word', text: `${head}${w}` }));
    const titles = await this.using(() => this.titlesOf(locale));
    const typed = wordsOf(head);
    const found = titles
      .filter(
        (t) =>
          t.words.some((w) => w.startsWith(last)) &&
          typed.every((w) => t.words.some((tw) => tw.startsWith(w))),
      )
      .sort((a, b) => a.title.length - b.title.length)
      .map((t): Suggestion => ({ kind: 'title', text: t.title, type: t.type, slug: t.slug }));
    // Half of the list for titles when there are enough words, the rest for words.
    const titleCount = Math.min(
      found.length,
      Math.max(limit - words.length, Math.floor(limit / 2)),
    );
    return [...words.slice(0, limit - titleCount), ...found.slice(0, titleCount)];
  }

  /** Item titles of a locale with their words, read once per reader (its index never changes). */
  private readonly titles = new Map<Locale, Promise<TitleEntry[]>>();

  private titlesOf(locale: Locale): Promise<TitleEntry[]> {
    let titles = this.titles.get(locale);
    if (!titles) {
      titles = this.db
        .all<{ type: string; slug: string; title: string }>(
          'SELECT type, slug, title FROM docs WHERE locale = ? ORDER BY rowid',
          [locale],
        )
        .then((rows) => rows.map((r) => ({ ...r, words: wordsOf(r.title) })));
      this.titles.set(locale, titles);
      titles.catch(() => this.titles.delete(locale));
    }
    return titles;
  }

  private closed?: Promise<void>;

  /** Closes the connections once the searches in progress are done; later searches are refused. */
  close(): Promise<void> {
    if (!this.closed) {
      const drained =
        this.active === 0 ? Promise.resolve() : new Promise<void>((done) => (this.idle = done));
      // The engine keeps the reader until its connections are closed, so its own close waits.
      this.closed = drained.then(() => this.db.close()).finally(this.onClose);
    }
    return this.closed;
  }
}
