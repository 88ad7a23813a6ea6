import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from '../src/graphql/schema';
import type { BaselineCases } from './bench-http-server';

const SERVER = path.join(__dirname, 'bench-http-server.js');

/** What an intranet portal page asks for: a guidance page, its children, relations and powers. */
export const PAGE_QUERY = `query PortalPage { guidance(slug: "rol-van-de-gemeente") { title summary body
  children { slug title summary } related { __typename slug title } tags { name } }
  legalPowers(first: 10, filter: { authority: [MAYOR] }) { totalCount edges { node { slug title summary } } } }`;
/** What a portal's search box sends: ten hits with highlights, for a mix of everyday queries. */
export const SEARCH_WORDS = [
  'radicalisering',
  'gebiedsverbod',
  'persoonsgerichte aanpak',
  'jongeren online',
  'burgemeester bevoegdheid',
  'casusoverleg zorg',
  'terugkeerders',
  'signalen herkennen',
];
export const searchQuery = (
  words: string,
) => `query Search { search(query: ${JSON.stringify(words)}, first: 10) { totalCount
  edges { node { score content { __typename slug title summary } highlights { field snippet } } } } }`;

export interface HttpBenchRow {
  readonly name: string;
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly baseline: { reqPerSec: number; p50: number; p99: number };
}

export interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  /** Milliseconds the server took to build its read model once more after start-up. */
  readonly loadMs?: number;
}

export function startServer(args: string[], env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, ...args], {
    // Production mode, as deployed (graphql-js skips its development checks), for every server.
    env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /PORT (\d+)/.exec(output)?.[1];
      const loaded = /LOADED (\d+)/.exec(output)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, child, loadMs: Number(loaded) });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

export type Request = { method: 'GET' | 'POST'; path: string; body?: string };
/** One request, or several sent in turn on every connection. */
export type Load = Request | readonly Request[];
export const get = (params: Record<string, string>): Request => ({
  method: 'GET',
  path: `/graphql?${new URLSearchParams(params).toString()}`,
});
const post = (query: string): Request => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query }),
});

export async function load(url: string, load: Load, seconds: number, connections: number) {
  const requests: readonly Request[] = Array.isArray(load) ? load : [load as Request];
  const options = {
    url: url + requests[0].path,
    headers: { 'content-type': 'application/json' },
    requests: requests.map((r) => ({ method: r.method, path: r.path, body: r.body })),
    connections,
  };
  // Warm-up with one connection: JIT, document and response caches, without a cold stampede.
  await autocannon({ ...options, connections: 1, duration: 2 });
  const r = await autocannon({ ...options, duration: seconds });
  return {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

async function answer(
  url: string,
  query: string,
  extensions?: object,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, extensions }),
  });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!json.data || json.errors) throw new Error(`bench query failed: ${JSON.stringify(json)}`);
  return json.data;
}

/**
 * The HTTP benchmark: the real app (response cache on, and off) and a bare node:http +
 * graphql-js baseline over in-memory data, each in its own process, loaded by autocannon over
 * loopback. `seconds` per run; the cached page query runs `soakSeconds` (30) at 50 connections.
 */
export async function runHttpBench({ seconds = 10, soakSeconds = 30, connections = 50 } = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-bench-http-'));
  const servers: Server[] = [];
  const env = { DATA_DIR: dir, RATE_LIMIT_MAX: '100000000', RATE_LIMIT_SEARCH_MAX: '100000000' };
  try {
    const cached = await startServer([], env);
    servers.push(cached);
    // Its own database: two processes on one SQLite file would contend for its locks.
    const uncachedDir = path.join(dir, 'uncached');
    const uncached = await startServer([], {
      ...env,
      DATA_DIR: uncachedDir,
      RESPONSE_CACHE_BYTES: '0',
    });
    servers.push(uncached);
    const searches = SEARCH_WORDS.map(searchQuery);
    const cases: BaselineCases = {
      sdl: printSchema(lexicographicSortSchema(await getSchema())),
      cases: { [PAGE_QUERY]: await answer(cached.url, PAGE_QUERY) },
    };
    for (const query of searches) cases.cases[query] = await answer(cached.url, query);
    const file = path.join(dir, 'baseline.json');
    await fs.writeFile(file, JSON.stringify(cases));
    const baseline = await startServer(['baseline', file], {});
    servers.push(baseline);

    const sha256Hash = createHash('sha256').update(PAGE_QUERY).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    await answer(uncached.url, PAGE_QUERY, persisted);

    const pageGet = get({ query: PAGE_QUERY });
    const pageApq = get({ extensions: JSON.stringify(persisted) });
    // Each case runs right after its baseline, so both meet the machine in the same state.
    const row = async (name: string, url: string, request: Load, same: Load, s = seconds) => {
      const base = await load(baseline.url, same, seconds, connections);
      return {
        name,
        ...(await load(url, request, s, connections)),
        baseline: base,
      } satisfies HttpBenchRow;
    };
    const searchLoad = searches.map(post);
    return [
      await row('portal page, GET, response cache hit', cached.url, pageGet, pageGet, soakSeconds),
      await row('portal page, GET, no response cache', uncached.url, pageGet, pageGet),
      await row(
        `search, POST, no response cache (${searches.length} queries in turn)`,
        uncached.url,
        searchLoad,
        searchLoad,
      ),
      await row('portal page, persisted query (APQ), GET', uncached.url, pageApq, pageGet),
    ];
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function formatHttpTable(rows: readonly HttpBenchRow[], connections = 50): string {
  const head = `| case (${connections} connections) | req/s | p50 | p99 | errors | baseline req/s | baseline p50 / p99 | vs baseline |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`;
  const ms = (v: number) => `${v} ms`;
  return [
    head,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${Math.round(r.reqPerSec)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} | ${Math.round(r.baseline.reqPerSec)} | ${ms(r.baseline.p50)} / ${ms(r.baseline.p99)} | ${(r.reqPerSec / r.baseline.reqPerSec).toFixed(2)}× |`,
    ),
  ].join('\n');
}
