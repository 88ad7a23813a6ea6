import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  createTestDatabase,
  startServer,
  type TestDatabase,
  type TestServer,
} from '../helpers/app';
import { captureLogs, type CapturedLogs } from '../helpers/http';

interface Readiness {
  readonly status: number;
  readonly text: string;
  readonly body: { status: string; checks: Record<string, string> };
}

async function readyz(server: TestServer): Promise<Readiness> {
  const res = await fetch(`${server.url}/readyz`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Readiness['body'] };
}

async function admin(url: string, sql: string): Promise<void> {
  const target = new URL(url);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A TCP relay in front of PostgreSQL that can stop passing bytes on, as a network that drops
 * packets does: connections stay open and nothing answers.
 */
async function packetDropper(
  target: URL,
): Promise<{ port: number; drop(on: boolean): void; close(): Promise<void> }> {
  const [host, port] = [target.hostname, Number(target.port || 5432)];
  let dropping = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk) => dropping || upstream.write(chunk));
    upstream.on('data', (chunk) => dropping || client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    drop(on) {
      dropping = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('/readyz in production on PostgreSQL', () => {
  let db: TestDatabase;
  let server: TestServer;
  let logs: CapturedLogs;
  let dbName: string;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    dbName = new URL(db.env.DATABASE_URL).pathname.slice(1);
    logs = captureLogs('info');
    server = await startServer('postgresql', undefined, db, {
      env: { NODE_ENV: 'production' },
      logger: logs.logger,
    });
  });
  afterAll(async () => {
    await server.close().catch(() => undefined);
    await db.drop();
  });

  it('is ready while the database answers with content', async () => {
    expect(await readyz(server)).toMatchObject({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', search: 'ok' } },
    });
  });

  it('names the failing check without host, port, database or driver text, and logs those', async () => {
    await admin(db.env.DATABASE_URL, `drop database ${dbName} with (force)`);
    const res = await readyz(server);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'unavailable',
      checks: { database: 'unavailable', search: 'ok' },
    });
    expect(res.text).not.toMatch(new RegExp(`${dbName}|127\\.0\\.0\\.1|5432|ECONN|postgres`, 'i'));
    const warning = logs.lines.find((l) => l.msg === 'readiness check fails');
    expect(warning).toMatchObject({ check: 'database' });
    expect(String(warning?.reason)).toContain(dbName);
  });

  it('stays unavailable when the database comes back empty, without schema', async () => {
    await admin(db.env.DATABASE_URL, `create database ${dbName}`);
    const res = await readyz(server);
    expect(res.status).toBe(503);
    expect(res.body.checks.database).toBe('unavailable');
  });
});

describe('/readyz when the database stops answering', () => {
  let db: TestDatabase;
  let relay: Awaited<ReturnType<typeof packetDropper>>;
  let server: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    const url = new URL(db.env.DATABASE_URL);
    relay = await packetDropper(url);
    url.host = `127.0.0.1:${relay.port}`;
    server = await startServer('postgresql', undefined, {
      ...db,
      env: { ...db.env, DATABASE_URL: url.toString() },
    });
  });
  afterAll(async () => {
    relay.drop(false);
    await relay.close();
    await server.close().catch(() => undefined);
    await db.drop();
  });

  it('answers 503 within its check timeout instead of waiting for the driver', async () => {
    expect((await readyz(server)).status).toBe(200);
    relay.drop(true);
    for (let probe = 0; probe < 3; probe += 1) {
      const res = await readyz(server);
      expect(res.status).toBe(503);
      expect(res.body.checks.database).toBe('unavailable: no answer within 1500 ms');
    }
    relay.drop(false);
  });
});

describe('/readyz on a database with the schema but no content', () => {
  let server: TestServer;
  let emptySeed: string;
  beforeAll(async () => {
    emptySeed = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-empty-seed-'));
    await fs.writeFile(path.join(emptySeed, 'tags.yml'), '[]\n');
    server = await startServer('sqlite', emptySeed, undefined, {
      env: { NODE_ENV: 'production' },
    });
  });
  afterAll(async () => {
    await server.close();
    await fs.rm(emptySeed, { recursive: true, force: true });
  });

  it('is unavailable and says why in words of its own', async () => {
    const res = await readyz(server);
    expect(res.status).toBe(503);
    expect(res.body.checks.database).toBe(
      'unavailable: the database holds no content; run npm run seed',
    );
  });
});
