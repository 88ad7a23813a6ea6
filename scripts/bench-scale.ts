import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeGeneratedSeed } from './bench-corpus';
import { get, load, PAGE_QUERY, startServer, type Server } from './bench-http';
import { createScratchDatabase } from './scratch-database';

const SEED = path.join(__dirname, 'seed.js');
const ADMIN_URL =
  process.env.BENCH_PG_URL ??
  process.env.TEST_PG_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScaleRow {
  readonly database: 'sqlite' | 'postgresql';
  readonly items: number;
  /** `npm run seed` of the whole folder into an empty database, and once more unchanged. */
  readonly seedMs: number;
  readonly reseedMs: number;
  /** First start on the seeded database: read model and embedded index built. */
  readonly firstStartMs: number;
  /** A later start: the index is there and only checked. */
  readonly startMs: number;
  /** Building the read model of this content once more (every instance, every version). */
  readonly loadMs: number;
  /** Resident memory of the (restarted) server after the load test. */
  readonly rssMb: number;
  readonly reqPerSec: number;
  /** The same page on the seed corpus, in the same run. */
  readonly baseReqPerSec: number;
}

function seed(dir: string, env: Record<string, string>): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SEED, '--dir', dir], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`seed failed: ${stderr}`)),
    );
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

async function residentMb(server: Server): Promise<number> {
  const status = await fs.readFile(`/proc/${server.child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function database(
  kind: ScaleRow['database'],
  dir: string,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dataDir = path.join(dir, `data-${kind}`);
  if (kind === 'sqlite') return { env: { DATA_DIR: dataDir }, drop: () => Promise.resolve() };
  const scratch = await createScratchDatabase(ADMIN_URL, `kb_bench_${process.pid}`);
  return { env: { DATA_DIR: dataDir, DATABASE_URL: scratch.url }, drop: scratch.drop };
}

/**
 * The scale case: `items` generated items (plus the real seed) seeded through `npm run seed`
 * on SQLite and on PostgreSQL, then served without the response cache; the portal page's
 * throughput is compared with the same page on the seed corpus in the same run.
 */
export async function runScaleBench({ items = 10_000, seconds = 10, connections = 50 } = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-bench-scale-'));
  const seedDir = path.join(dir, 'seed');
  const rows: ScaleRow[] = [];
  const page = get({ query: PAGE_QUERY });
  const serverEnv = { RESPONSE_CACHE_BYTES: '0', RATE_LIMIT_MAX: '100000000' };
  try {
    await writeGeneratedSeed(seedDir, items);
    const small = await startServer([], { ...serverEnv, DATA_DIR: path.join(dir, 'small') });
    const base = await load(small.url, page, seconds, connections);
    await stop(small);
    for (const kind of ['sqlite', 'postgresql'] as const) {
      const db = await database(kind, dir);
      try {
        const seedMs = await seed(seedDir, db.env);
        const reseedMs = await seed(seedDir, db.env);
        const env = { ...serverEnv, ...db.env, SEED_DIR: seedDir };
        const timed = async () => {
          const started = performance.now();
          const server = await startServer([], env);
          return { server, ms: performance.now() - started - (server.loadMs ?? 0) };
        };
        const first = await timed();
        await stop(first.server);
        const { server, ms: startMs } = await timed();
        try {
          const result = await load(server.url, page, seconds, connections);
          rows.push({
            database: kind,
            items,
            seedMs,
            reseedMs,
            firstStartMs: first.ms,
            startMs,
            loadMs: server.loadMs ?? 0,
            rssMb: await residentMb(server),
            reqPerSec: result.reqPerSec,
            baseReqPerSec: base.reqPerSec,
          });
        } finally {
          await stop(server);
        }
      } finally {
        await db.drop();
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return rows;
}

export function formatScaleTable(rows: readonly ScaleRow[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    '| database | generated items | seed | re-seed (no changes) | first start (index built) | later start | read model build | resident memory | page req/s | seed corpus req/s | ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.items} | ${s(r.seedMs)} | ${s(r.reseedMs)} | ${s(r.firstStartMs)} | ${s(r.startMs)} | ${Math.round(r.loadMs)} ms | ${r.rssMb} MB | ${Math.round(r.reqPerSec)} | ${Math.round(r.baseReqPerSec)} | ${(r.reqPerSec / r.baseReqPerSec).toFixed(2)} |`,
    ),
  ].join('\n');
}
