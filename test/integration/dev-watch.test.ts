import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/app';
import { copySeed, writeSeedFile } from '../helpers/seed-dir';

// `npm run dev` as editors run it: the compiled server with --watch, in its own process, over
// real files (`npm test` builds first).
const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const LAYER = path.join(__dirname, '..', 'fixtures', 'layer-voorbeeldstad');

/** Generous: the server applies a save within about a second; a loaded machine may take longer. */
const WAIT_MS = 15_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntil<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + WAIT_MS;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until)
      throw new Error(
        `not seen within ${WAIT_MS} ms: ${what} (${last instanceof Error ? last.message : 'no match'})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm run dev', () => {
  let db: TestDatabase;
  let national: string;
  let local: string;
  let child: ChildProcess;
  let stderr = '';
  let url: string;

  const gql = async <T>(query: string): Promise<T> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const title = async (slug: string) =>
    (await gql<{ guidance: { title: string } | null }>(`{ guidance(slug: "${slug}") { title } }`))
      .guidance?.title ?? null;
  const edit = async (dir: string, rel: string, change: (text: string) => string) => {
    const file = path.join(dir, rel);
    await fs.writeFile(file, change(await fs.readFile(file, 'utf8')));
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    national = await copySeed();
    local = await copySeed(LAYER);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [MAIN, '--watch'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ...db.env,
        SEED_DIR: `${national},${local}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        // Slower than the default: only the watcher may bring changes in quickly.
        CONTENT_VERSION_POLL_MS: '60000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await waitUntil('the server answering', async () =>
      (await fetch(`${url}/healthz`)).ok ? true : undefined,
    );
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await db.drop();
    await fs.rm(national, { recursive: true, force: true });
    await fs.rm(local, { recursive: true, force: true });
  });

  it('serves the layers, GraphiQL and the embed demo at start', async () => {
    expect(await title('overzicht')).toBe('Overzicht lokale aanpak');
    expect(await title('meldpunt-voorbeeldstad')).toBe('Meldpunt zorg en veiligheid Voorbeeldstad');
    const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('graphiql');
    const demo = await fetch(`${url}/embed/demo`);
    expect(demo.status).toBe(200);
    expect(demo.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('applies a saved edit without a restart', async () => {
    await edit(national, 'guidance/definitie.nl.md', (t) =>
      t.replace('title: Wat is radicalisering', 'title: Wat is radicalisering precies'),
    );
    await waitUntil('the new title', async () =>
      (await title('definitie')) === 'Wat is radicalisering precies' ? true : undefined,
    );
  });

  it('keeps the last good content live while a file is broken, says why, and recovers', async () => {
    const before = stderr.length;
    await edit(national, 'guidance/definitie.nl.md', (t) =>
      t.replace('title: Wat is radicalisering precies', 'titel: Kapot'),
    );
    const said = await waitUntil('the problem reported', () =>
      Promise.resolve(
        stderr.slice(before).includes('guidance/definitie.nl.md: title: required field is missing')
          ? stderr.slice(before)
          : undefined,
      ),
    );
    expect(said).toContain('guidance/definitie.nl.md: titel: unknown field');
    expect(said).toContain(national); // which layer
    expect(await title('definitie')).toBe('Wat is radicalisering precies');

    await edit(national, 'guidance/definitie.nl.md', (t) =>
      t.replace('titel: Kapot', 'title: Wat is radicalisering, hersteld'),
    );
    await waitUntil('the fixed title', async () =>
      (await title('definitie')) === 'Wat is radicalisering, hersteld' ? true : undefined,
    );
    expect(child.exitCode).toBeNull();
  });

  it('picks up added and deleted files, in a local layer too', async () => {
    await writeSeedFile(
      local,
      'guidance/jeugdteam-voorbeeldstad.nl.md',
      '---\ntitle: Jeugdteam Voorbeeldstad\nsummary: Lokaal aanspreekpunt.\nkind: REFERENCE\n---\nTekst.\n',
    );
    await waitUntil('the added item', async () =>
      (await title('jeugdteam-voorbeeldstad')) === 'Jeugdteam Voorbeeldstad' ? true : undefined,
    );
    await edit(local, 'guidance/overzicht.nl.md', (t) =>
      t.replace('override: true', 'override: true\ntitle: Overzicht voor Voorbeeldstad'),
    );
    await waitUntil('the overridden title', async () =>
      (await title('overzicht')) === 'Overzicht voor Voorbeeldstad' ? true : undefined,
    );

    await fs.rm(path.join(local, 'guidance/jeugdteam-voorbeeldstad.nl.md'));
    await waitUntil('the deleted item gone', async () =>
      (await title('jeugdteam-voorbeeldstad')) === null ? true : undefined,
    );
    // Deleting the override brings the national title back.
    await fs.rm(path.join(local, 'guidance/overzicht.nl.md'));
    await waitUntil('the national title back', async () =>
      (await title('overzicht')) === 'Overzicht lokale aanpak' ? true : undefined,
    );
  });
});
