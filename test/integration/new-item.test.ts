import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { TYPE_FOLDERS } from '../../src/content/registry';
import { SeedValidationError } from '../../src/seed/errors';
import { readSeed } from '../../src/seed/run';
import { FIXTURE_SEED } from '../helpers/app';
import { copySeed, editFile } from '../helpers/seed-dir';

// `npm run new` as editors run it: the compiled script (`npm test` builds first).
const ROOT = path.join(__dirname, '..', '..');
const NEW = path.join(ROOT, 'dist', 'scripts', 'new.js');
const LAYER = path.join(__dirname, '..', 'fixtures', 'layer-voorbeeldstad');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNew(args: string[], seedDir: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEW, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', SEED_DIR: seedDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run new', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await copySeed();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes a draft of every type, in Dutch and English, that passes seed validation', async () => {
    for (const folder of TYPE_FOLDERS) {
      const run = await runNew([folder, `nieuw-${folder}`, '--en'], dir);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`${folder}/nieuw-${folder}.nl.md`);
      expect(run.stdout).toContain(`${folder}/nieuw-${folder}.en.md`);
    }
    const seed = await readSeed(dir);
    for (const folder of TYPE_FOLDERS) {
      const item = seed.items.find((i) => i.ref === `${folder}/nieuw-${folder}`);
      expect(item).toBeDefined();
      expect(item!.nl.draft).toBe(true);
      expect(item!.en).not.toBeNull();
      expect(item!.bodyNl).not.toBe('');
    }
  });

  it('writes only the Dutch file unless asked for English', async () => {
    const run = await runNew(['guidance', 'alleen-nederlands'], dir);
    expect(run.code).toBe(0);
    const names = await fs.readdir(path.join(dir, 'guidance'));
    expect(names.filter((n) => n.startsWith('alleen-nederlands'))).toEqual([
      'alleen-nederlands.nl.md',
    ]);
    const text = await fs.readFile(path.join(dir, 'guidance/alleen-nederlands.nl.md'), 'utf8');
    expect(text).toMatch(/^draft: true$/m);
    expect(text).toMatch(/^kind: \w+ # one of OVERVIEW, /m);
  });

  it('keeps a scaffolded item from being published while it holds placeholders', async () => {
    await runNew(['target-groups', 'nog-leeg'], dir);
    const file = path.join(dir, 'target-groups/nog-leeg.nl.md');
    await editFile(file, 'draft: true\n', '');
    const error = await readSeed(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const issues = (error as SeedValidationError).issues;
    expect(issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['title', 'summary', 'signals.0', 'body']),
    );
    expect(issues.every((i) => i.file === 'target-groups/nog-leeg.nl.md')).toBe(true);
    expect(issues[0].message).toMatch(/placeholder "TODO:" of npm run new/);
  });

  it.each([
    ['an existing slug', ['legal-powers', 'noodbevel'], /legal-powers\/noodbevel exists already/],
    ['a slug with capitals', ['legal-powers', 'Noodbevel-2'], /"Noodbevel-2" is not a slug/],
    ['a slug with a double hyphen', ['guidance', 'a--b'], /"a--b" is not a slug/],
    [
      'an unknown type folder',
      ['wetten', 'iets'],
      /Unknown type folder "wetten"; expected one of guidance, /,
    ],
    ['a missing slug', ['guidance'], /Expected a type folder and a slug/],
  ])('refuses %s with a clear message and writes nothing', async (_case, args, message) => {
    const before = await listing(dir);
    const run = await runNew(args, dir);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(await listing(dir)).toEqual(before);
  });

  it('writes into the last layer and refuses a slug an earlier layer holds', async () => {
    const layer = await copySeed(LAYER);
    try {
      const taken = await runNew(['guidance', 'definitie'], `${FIXTURE_SEED},${layer}`);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toMatch(
        /guidance\/definitie exists already .* override file in your layer/,
      );
      const run = await runNew(['guidance', 'lokale-aanpak'], `${FIXTURE_SEED},${layer}`);
      expect(run.code).toBe(0);
      await expect(
        fs.access(path.join(layer, 'guidance/lokale-aanpak.nl.md')),
      ).resolves.toBeUndefined();
      await expect(readSeed([FIXTURE_SEED, layer])).resolves.toBeDefined();
    } finally {
      await fs.rm(layer, { recursive: true, force: true });
    }
  });
});

async function listing(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries.sort();
}
