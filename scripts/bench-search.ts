import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import pino from 'pino';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { Locale } from '../src/content/common/enums';
import { CONTENT_TYPES } from '../src/content/registry';
import { words } from '../src/search/analysis/normalize';
import { documentsOfItem, documentsTarget, type SearchDocument } from '../src/search/documents';
import { SqliteFtsEngine } from '../src/search/sqlite-fts/sqlite-fts.engine';
import { toSynonymGroups } from '../src/search/synonyms';

/** Deterministic pseudo-random numbers, so every run measures the same corpus and queries. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function time<T>(action: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await action();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/** Queries each engine answers before the measured ones, unless told otherwise. */
const WARM_UP = 1000;

/** 1-3 word queries from the corpus vocabulary, a third with a typo, a third cut short (typing). */
function queryMix(vocabulary: string[], count: number, rnd: () => number): string[] {
  const pick = () => vocabulary[Math.floor(rnd() * vocabulary.length)];
  return Array.from({ length: count }, (_, i) => {
    const ws = Array.from({ length: 1 + Math.floor(rnd() * 3) }, pick);
    const last = ws.length - 1;
    if (i % 3 === 1 && ws[last].length >= 5) {
      const at = 1 + Math.floor(rnd() * (ws[last].length - 2));
      ws[last] = ws[last].slice(0, at) + ws[last][at + 1] + ws[last][at] + ws[last].slice(at + 2);
    } else if (i % 3 === 2 && ws[last].length >= 4) {
      ws[last] = ws[last].slice(0, Math.max(2, Math.ceil(ws[last].length * 0.6)));
    }
    return ws.join(' ');
  });
}

/** A corpus of `n` documents made from the seed corpus's own words, with a Zipf-like spread. */
function generateCorpus(
  seedDocs: SearchDocument[],
  n: number,
  rnd: () => number,
): SearchDocument[] {
  const vocab = [...new Set(seedDocs.flatMap((d) => words(`${d.title} ${d.summary} ${d.body}`)))];
  const zipf = () => vocab[Math.floor(vocab.length * rnd() ** 2.2)];
  const text = (k: number) => Array.from({ length: k }, zipf).join(' ');
  const types = CONTENT_TYPES.map((d) => d.type);
  const tags = [...new Set(seedDocs.flatMap((d) => d.tags))];
  return Array.from({ length: n }, (_, i) => ({
    id: `${types[i % types.length]}:gen-${i}:nl`,
    type: types[i % types.length],
    slug: `gen-${i}`,
    locale: Locale.NL,
    title: text(3 + Math.floor(rnd() * 4)),
    summary: text(15),
    body: text(80),
    tags: [tags[i % tags.length], tags[(i * 7) % tags.length]],
    extra: text(10),
  }));
}

interface Row {
  corpus: string;
  engine: string;
  docs: number;
  buildMs: number;
  /** Bytes of the index file (embedded engine only). */
  indexBytes?: number;
  p50: number;
  p95: number;
  p99: number;
}

interface Engine {
  readonly name: string;
  readonly buildMs: number;
  readonly indexBytes?: number;
  run(query: string): unknown;
}

/** Queries an engine answers in a row before the other engines answer the same ones. */
const BLOCK = 25;

/**
 * Times each query of the mix once on every engine, the engines in turn, BLOCK queries at a
 * time (in alternating order), so that whatever else the machine does weighs on all of them
 * alike, while the garbage one engine leaves is mostly collected in its own block. First
 * a warm-up on other queries: V8 compiles and re-compiles a search's functions over its first
 * thousand or so calls, and a server that runs for days answers nearly all of its searches
 * after that. The warm-up queries come from the same vocabulary, so what engines keep per word
 * is warm too; no measured query has been asked before.
 */
async function measure(
  corpus: string,
  docs: number,
  engines: readonly Engine[],
  { queries, warmUp }: { queries: string[]; warmUp: string[] },
): Promise<Row[]> {
  for (const engine of engines) for (const q of warmUp) await engine.run(q);
  const times = engines.map((): number[] => []);
  for (let from = 0; from < queries.length; from += BLOCK) {
    const block = queries.slice(from, from + BLOCK);
    const order = (from / BLOCK) % 2 === 0 ? [...engines.keys()] : [...engines.keys()].reverse();
    for (const e of order)
      for (const q of block) times[e].push((await time(() => engines[e].run(q)))[1]);
  }
  return engines.map((engine, e) => {
    const sorted = times[e].sort((a, b) => a - b);
    return {
      corpus,
      engine: engine.name,
      docs,
      buildMs: engine.buildMs,
      indexBytes: engine.indexBytes,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  });
}

function miniSearch(docs: SearchDocument[]) {
  const mini = new MiniSearch<SearchDocument>({
    fields: ['title', 'summary', 'body', 'extra'],
    storeFields: ['slug'],
    searchOptions: {
      boost: { title: 10, summary: 4, extra: 3 },
      combineWith: 'AND',
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
    },
  });
  mini.addAll(docs);
  return mini;
}

export interface SearchBenchOptions {
  /** Generated documents (100,000 by default). */
  generated?: number;
  queries?: number;
  /** Queries each engine answers before the measured ones (1,000 by default). */
  warmUp?: number;
  /** Also run MiniSearch as the reference (default); off for corpora it cannot hold. */
  reference?: boolean;
}

export async function runSearchBench(options: SearchBenchOptions = {}): Promise<Row[]> {
  const n = options.generated ?? 100_000;
  const rnd = random(42);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-bench-'));
  const rows: Row[] = [];
  try {
    const app = await buildApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), {
      logger: pino({ level: 'silent' }),
    });
    const { snapshot } = app.live.current;
    const seedDocs = snapshot.items.flatMap(documentsOfItem).filter((d) => d.locale === Locale.NL);
    await app.close();
    const synonyms = toSynonymGroups(snapshot.synonyms?.data ?? []);
    const types = CONTENT_TYPES.map((d) => d.type);
    const vocabulary = [
      ...new Set(seedDocs.flatMap((d) => words(d.title + ' ' + d.summary))),
    ].filter((w) => w.length >= 3);
    const measured = new Set<string>();
    const queries = queryMix(vocabulary, options.queries ?? 1000, rnd);
    for (const q of queries) measured.add(q);
    const warmUp = queryMix(vocabulary, options.warmUp ?? WARM_UP, random(7)).filter(
      (q) => !measured.has(q),
    );
    const mix = { queries, warmUp };

    for (const [corpus, docs] of [
      ['seed', seedDocs],
      [`generated`, generateCorpus(seedDocs, n, rnd)],
    ] as const) {
      const file = path.join(dir, `${corpus}.sqlite`);
      const engine = new SqliteFtsEngine(file);
      const target = documentsTarget(docs, { version: 1, synonyms, types });
      const [reader, buildMs] = await time(() => engine.rebuild(target));
      const engines: Engine[] = [
        {
          name: 'sqlite-fts (embedded)',
          buildMs,
          indexBytes: (await fs.stat(file)).size,
          run: (q) => reader.search({ query: q, locale: Locale.NL, limit: 10, offset: 0 }),
        },
      ];
      if (options.reference !== false) {
        const [mini, miniMs] = await time(() => miniSearch(docs));
        engines.push({
          name: 'MiniSearch (reference)',
          buildMs: miniMs,
          run: (q) => mini.search(q).slice(0, 10),
        });
      }
      rows.push(...(await measure(corpus, docs.length, engines, mix)));
      await engine.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return rows;
}

export function formatSearchTable(rows: Row[]): string {
  const head =
    '| corpus | engine | documents | index build | index size | p50 | p95 | p99 |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |';
  const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
  const mb = (bytes?: number) =>
    bytes === undefined
      ? 'in memory'
      : `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`;
  return [
    head,
    ...rows.map(
      (r) =>
        `| ${r.corpus} | ${r.engine} | ${r.docs} | ${ms(r.buildMs)} | ${mb(r.indexBytes)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} |`,
    ),
  ].join('\n');
}

if (require.main === module) {
  const generated = Number(process.env.BENCH_DOCS ?? 100_000);
  runSearchBench({
    generated,
    warmUp: Number(process.env.BENCH_WARM_UP ?? WARM_UP),
    reference: !process.argv.includes('--no-reference'),
  })
    .then((rows) =>
      process.stdout.write(
        `Search (query mix: 1-3 words, a third with a typo, a third cut short)\n${formatSearchTable(rows)}\n`,
      ),
    )
    .catch((error: unknown) => {
      process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
}
