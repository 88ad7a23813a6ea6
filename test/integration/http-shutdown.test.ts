import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, FIXTURE_SEED, type TestDatabase } from '../helpers/app';
import { lockSearchIndex } from '../helpers/index-lock';

const ROOT = path.join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting until ${what}`);
}

describe('graceful shutdown (npm start, PostgreSQL)', () => {
  let db: TestDatabase;
  let child: ChildProcess;
  let locker: Client;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    locker = new Client({ connectionString: db.env.DATABASE_URL });
    await locker.connect();
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await locker.end();
    await db.drop();
  });

  it('finishes an in-flight request on SIGTERM, then closes the database and exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ...db.env,
        SEED_DIR: FIXTURE_SEED,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await until(async () => (await fetch(`${base}/readyz`)).ok, 'the server is ready');

    // Hold the search index so the request stays in flight until we let go.
    const lock = await lockSearchIndex(db.dataDir);
    const inFlight = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Slow { search(query: "noodbevel") { totalCount } }' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    child.kill('SIGTERM');
    await until(() => Promise.resolve(output.includes('shutting down')), 'shutdown starts');
    await lock.release();

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { search: { totalCount: 1 } } });
    expect(await exited).toBe(0);
    const dbName = new URL(db.env.DATABASE_URL).pathname.slice(1);
    const left = await locker.query<{ n: string }>(
      'select count(*) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [dbName],
    );
    expect(left.rows[0].n).toBe('0');
  });
});
