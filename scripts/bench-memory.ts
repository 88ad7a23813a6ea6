import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const MAIN = path.join(__dirname, '..', 'src', 'main.js');
const SEED = path.join(__dirname, '..', '..', 'seed');

export interface MemoryBenchRow {
  readonly heapLimit: string;
  readonly requests: number;
  readonly errors: number;
  /** Resident memory (MB) of the server's processes after start-up, at most, and at the end. */
  readonly startMb: number;
  readonly maxMb: number;
  readonly endMb: number;
  /** V8 heap in use (MB) at the end, from /metrics; undefined when the server had died. */
  readonly heapUsedMb?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory (MB) of a process and its children, from /proc. */
async function residentMb(pid: number): Promise<number> {
  let kb = 0;
  const pids = [pid];
  try {
    const children = await fs.readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
    pids.push(...children.split(/\s+/).filter(Boolean).map(Number));
  } catch {
    // no children file: the process alone
  }
  for (const p of pids) {
    const status = await fs.readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return Math.round(kb / 1024);
}

async function until(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become ready`);
}

/** A different query on every request: new documents, new cache entries, new searches. */
function distinctQuery(n: number): string {
  return `query Q${n} { search(query: "radicalisering ${n}", first: ${1 + (n % 10)}) { totalCount
    edges { node { content { slug title } highlights { snippet } } } }
    legalPowers(first: ${1 + (n % 50)}) { totalCount edges { node { slug title summary } } } }`;
}

/**
 * `npm start`'s entry point (dist/src/main.js) in production mode on the real seed, loaded for
 * `seconds` with a distinct query on every request, while the resident memory of its processes
 * is sampled every second. One run per heap limit.
 */
export async function runMemoryBench({
  seconds = 60,
  limits = ['512', '0'],
  connections = 50,
} = {}): Promise<MemoryBenchRow[]> {
  const rows: MemoryBenchRow[] = [];
  for (const limit of limits) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-bench-memory-'));
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        SEED_DIR: SEED,
        HEAP_LIMIT_MB: limit,
        RATE_LIMIT_MAX: '100000000',
        RATE_LIMIT_SEARCH_MAX: '100000000',
      },
      stdio: 'inherit',
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await until(`${url}/readyz`, child);
      const startMb = await residentMb(child.pid!);
      let maxMb = startMb;
      const sampler = setInterval(() => {
        void residentMb(child.pid!).then((mb) => (maxMb = Math.max(maxMb, mb)));
      }, 1000);
      let n = 0;
      const result = await autocannon({
        url: `${url}/graphql`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ query: distinctQuery((n += 1)) }),
            }),
          },
        ],
      });
      clearInterval(sampler);
      const endMb = await residentMb(child.pid!);
      const metrics = await fetch(`${url}/metrics`).then(
        (r) => r.text(),
        () => '',
      );
      const heapUsed = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(metrics)?.[1];
      rows.push({
        heapLimit: limit === '0' ? "Node's own" : `${limit} MB`,
        requests: result.requests.total,
        errors: result.errors + result.timeouts + result.non2xx,
        startMb,
        maxMb: Math.max(maxMb, endMb),
        endMb,
        heapUsedMb: heapUsed === undefined ? undefined : Math.round(Number(heapUsed) / 2 ** 20),
      });
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

export function formatMemoryTable(rows: readonly MemoryBenchRow[]): string {
  const lines = [
    '| heap limit (HEAP_LIMIT_MB) | requests | errors | resident after start | at most | at the end | heap used at the end |',
    '| -------------------------- | -------: | -----: | -------------------: | ------: | ---------: | -------------------: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.heapLimit} | ${r.requests} | ${r.errors} | ${r.startMb} MB | ${r.maxMb} MB | ${r.endMb} MB | ${r.heapUsedMb === undefined ? 'server died' : `${r.heapUsedMb} MB`} |`,
    );
  }
  return lines.join('\n');
}
