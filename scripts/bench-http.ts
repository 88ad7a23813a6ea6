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
export const SEARCH_QUERY = `query Search { search(query: "radicalisering", first: 10) { totalCount
  edges { node { score content { __typename slug title summary } highlights { field snippet } } } } }`;

export interface HttpBenchRow {
  readonly name: string;
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly baseline: { reqPerSec: number; p50: number; p99: number };
}

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

function startServer(args: string[], env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const port = /PORT (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, child });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

type Request = { method: 'GET' | 'POST'; path: string; body?: string };
const get = (params: Record<string, string>): Request => ({
  method: 'GET',
  path: `/graphql?${new URLSearchParams(params).toString()}`,
});
const post = (query: string): Request => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query }),
});

async function load(url: string, request: Request, seconds: number, connections: number) {
  const options = {
    url: url + request.path,
    method: request.method,
    body: request.body,
    headers: { 'content-type': 'application/json' },
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
    const hasSearch = Boolean((await getSchema()).getQueryType()?.getFields().search);
    const searchQuery = hasSearch ? SEARCH_QUERY : PAGE_QUERY.replace('PortalPage', 'Search');
    const cases: BaselineCases = {
      sdl: printSchema(lexicographicSortSchema(await getSchema())),
      cases: {
        [PAGE_QUERY]: await answer(cached.url, PAGE_QUERY),
        [searchQuery]: await answer(cached.url, searchQuery),
      },
    };
    const file = path.join(dir, 'baseline.json');
    await fs.writeFile(file, JSON.stringify(cases));
    const baseline = await startServer(['baseline', file], {});
    servers.push(baseline);

    const sha256Hash = createHash('sha256').update(PAGE_QUERY).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    await answer(uncached.url, PAGE_QUERY, persisted);

    const pageGet = get({ query: PAGE_QUERY });
    const basePage = await load(baseline.url, pageGet, seconds, connections);
    const baseSearch = await load(baseline.url, post(searchQuery), seconds, connections);
    const row = async (
      name: string,
      url: string,
      request: Request,
      base: typeof basePage,
      s = seconds,
    ) =>
      ({
        name,
        ...(await load(url, request, s, connections)),
        baseline: base,
      }) satisfies HttpBenchRow;
    return [
      await row('portal page, GET, response cache hit', cached.url, pageGet, basePage, soakSeconds),
      await row('portal page, GET, no response cache', uncached.url, pageGet, basePage),
      await row(
        hasSearch ? 'search, POST, no response cache' : 'list query (no `search` in schema), POST',
        uncached.url,
        post(searchQuery),
        baseSearch,
      ),
      await row(
        'portal page, persisted query (APQ), GET',
        uncached.url,
        get({ extensions: JSON.stringify(persisted) }),
        basePage,
      ),
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
