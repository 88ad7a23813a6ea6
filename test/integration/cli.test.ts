import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/app';
import { copySeed, writeSeedFile, editFile } from '../helpers/seed-dir';

// The commands as users run them: the compiled entry points (`npm test` builds first).
const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const SEED = path.join(ROOT, 'dist', 'scripts', 'seed.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('start-up configuration', () => {
  it.each([
    [{ PORT: 'vierduizend' }, /^Invalid configuration: PORT: /],
    [
      { DATABASE_URL: 'mysql://localhost/kb' },
      /^Invalid configuration: DATABASE_URL: must be a postgres:\/\//,
    ],
    [{ MEILI_HOST: 'not a url' }, /^Invalid configuration: MEILI_HOST: /],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL: /],
    [{ CORS_ORIGINS: 'intranet' }, /^Invalid configuration: CORS_ORIGINS: /],
    [{ NODE_ENV: 'staging' }, /^Invalid configuration: NODE_ENV: /],
  ])('stops on %o with one clear line', async (env, message) => {
    const result = await run(MAIN, [], { DATA_DIR: '/nonexistent-kb-data', ...env });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

/** A copy of the fixture seed with one item checked long ago and two laws with an end date. */
async function seedWithDates(): Promise<string> {
  const dir = await copySeed();
  const power = (title: string, validUntil: string) =>
    `---\ntitle: ${title}\nsummary: Tijdelijk.\nauthority: MINISTER\nlaw: ${title}\nofficialReference: Stb. 2017, 51\narticle: "2"\nvalidUntil: ${validUntil}\nconditions: [een]\nlegalRemedy: beroep\nuseInRadicalisationCases: zelden\nasOf: 2999-01-01\n---\nTekst.\n`;
  await writeSeedFile(dir, 'legal-powers/vervallen.nl.md', power('Vervallen wet', '2001-03-01'));
  await writeSeedFile(dir, 'legal-powers/blijvend.nl.md', power('Lange wet', '2999-12-31'));
  const old = path.join(dir, 'guidance', 'definitie.nl.md');
  await editFile(old, /^title:/m, 'asOf: 2000-01-01\ntitle:');
  return dir;
}

describe('npm run seed -- --report', () => {
  it('lists items by the age of their asOf and laws by their end date, without a database', async () => {
    const dir = await seedWithDates();
    const result = await run(SEED, ['--report', '--dir', dir], {
      DATA_DIR: '/nonexistent-kb-data',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const items = lines.slice(
      lines.indexOf('Items by the age of their asOf, oldest first (14):') + 1,
    );
    // Items without asOf first, then the oldest (one fixture item has a 2025 asOf of its own).
    const dated = items.filter((l) => /^ {2}\d{4}-/.test(l)).slice(0, 4);
    expect(dated.map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      '2000-01-01 guidance/definitie',
      '2025-12-09 guidance/ermee-aan-de-slag',
      '2999-01-01 legal-powers/blijvend',
      '2999-01-01 legal-powers/vervallen',
    ]);
    expect(items.slice(0, 10).every((l) => l.startsWith('  no asOf'))).toBe(true);
    expect(result.stdout).toMatch(
      /Legal powers by the date their law lapses \(2\):\n {2}2001-03-01 {2}legal-powers\/vervallen {2}Vervallen wet, lapsed \d+ days ago\n {2}2999-12-31 {2}legal-powers\/blijvend {2}Lange wet, \d+ days left/,
    );
    await fs.rm(dir, { recursive: true });
  });
});

describe.each(DIALECTS)('commands on %s', (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await db.drop();
  });

  it('starts on the real seed/, seeds itself once, serves GraphQL and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ...db.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listen line in: ${output}`)), 30000);
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(output).toMatch(/Seed applied: \d+ changes/);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ guidances { totalCount } legalPowers { totalCount } }' }),
    });
    const body = (await res.json()) as {
      data: { guidances: { totalCount: number }; legalPowers: { totalCount: number } };
    };
    expect(body.data.guidances.totalCount).toBeGreaterThanOrEqual(3);
    expect(body.data.legalPowers.totalCount).toBeGreaterThanOrEqual(3);
    // The server runs with the default heap limit (HEAP_LIMIT_MB), in a process of its own.
    const children = await fs.readFile(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8');
    const server = children.trim().split(/\s+/)[0];
    const cmdline = (await fs.readFile(`/proc/${server}/cmdline`, 'utf8')).split('\0');
    expect(cmdline).toContain('--max-old-space-size=512');
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    await expect(fs.stat(`/proc/${server}`)).rejects.toThrow(); // the signal reached it

    const again = await run(SEED, [], { ...db.env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Seed applied: 0 changes/);
  });

  it('npm run seed: dry run, apply, and an invalid seed that exits 1 listing every problem', async () => {
    const dry = await run(SEED, ['--dry-run', '--dir', 'test/fixtures/seed'], db.env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run \(nothing written\): \d+ changes\n {2}items: 12 created/);
    const applied = await run(SEED, ['--dir', 'test/fixtures/seed'], db.env);
    expect(applied.stdout).toMatch(/items: 12 created, 0 updated, 0 deleted, 0 unchanged/);

    const dir = await copySeed();
    await fs.writeFile(
      path.join(dir, 'legal-powers', 'noodbevel.nl.md'),
      '---\ntitle: Noodbevel\n---\nTekst.\n',
    );
    await fs.writeFile(path.join(dir, 'stray.txt'), 'x');
    const bad = await run(SEED, ['--dir', dir], db.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^The seed has \d+ problems; nothing was changed:/);
    expect(bad.stderr).toContain(
      'legal-powers/noodbevel.nl.md: summary: required field is missing',
    );
    expect(bad.stderr).toContain(
      'legal-powers/noodbevel.nl.md: authority: required field is missing',
    );
    expect(bad.stderr).toContain('stray.txt: unexpected file at the top of the seed folder');
    const after = await run(SEED, ['--dry-run', '--dir', 'test/fixtures/seed'], db.env);
    expect(after.stdout).toMatch(/^Dry run \(nothing written\): 0 changes/);
    await fs.rm(dir, { recursive: true });

    const dated = await seedWithDates();
    const warned = await run(SEED, ['--dir', dated], db.env);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/^Seed applied: /);
    const warnings = warned.stderr.trim().split('\n');
    expect(warnings).toEqual(
      expect.arrayContaining([
        'Warning: guidance/definitie: asOf 2000-01-01 is more than 12 months old; check the facts and update it',
        'Warning: legal-powers/vervallen: Vervallen wet lapsed on 2001-03-01; check whether it was extended',
      ]),
    );
    expect(warnings.filter((w) => /blijvend|2999/.test(w))).toEqual([]);
    await fs.rm(dated, { recursive: true });

    const usage = await run(SEED, ['--frobnicate'], db.env);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/usage: npm run seed/);
  });

  it('npm start and npm run seed report synonyms.yml problems as file: field: reason', async () => {
    const broken = await copySeed();
    await fs.writeFile(
      path.join(broken, 'synonyms.yml'),
      '- terms: [PGA]\n- terms: [ZVH, "!?"]\n- words: [a, b]\n',
    );
    const commands: [string, Record<string, string>][] = [
      [MAIN, { ...db.env, SEED_DIR: broken, PORT: '0', LOG_LEVEL: 'silent' }],
      [SEED, db.env],
    ];
    for (const [script, env] of commands) {
      const result = await run(script, script === SEED ? ['--dir', broken] : [], env);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        'The seed has 4 problems; nothing was changed:',
        '  synonyms.yml: 0.terms: a group needs at least two terms',
        '  synonyms.yml: 1.terms.1: a term needs a letter or a digit',
        '  synonyms.yml: 2.terms: required field is missing',
        '  synonyms.yml: 2.words: unknown field',
      ]);
    }
    await fs.writeFile(path.join(broken, 'synonyms.yml'), 'terms: [a, b]\n');
    const whole = await run(SEED, ['--dir', broken], db.env);
    expect(whole.stderr).toContain('synonyms.yml: (whole file): Invalid input: expected array');
    await fs.rm(broken, { recursive: true });
  });
});
