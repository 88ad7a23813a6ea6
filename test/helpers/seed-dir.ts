import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_SEED } from './app';

/** A writable copy of the fixture seed (or an empty folder) to change in a test. */
export async function copySeed(source = FIXTURE_SEED): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-seed-'));
  await fs.cp(source, dir, { recursive: true });
  return dir;
}

export async function writeSeedFile(dir: string, rel: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await fs.writeFile(path.join(dir, rel), text);
}

/**
 * Replaces the first match of `from` in a file. Fails when there is none: an edit that no
 * longer applies to the fixture would leave the test checking the unchanged file.
 */
export async function editFile(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await fs.readFile(file, 'utf8');
  if (typeof from === 'string' ? !text.includes(from) : !from.test(text))
    throw new Error(`${file} has no ${String(from)} to replace`);
  await fs.writeFile(file, text.replace(from, to));
}

const TAGS = ['openbare-orde', 'jeugd', 'zorg'];

/**
 * A generated seed with `n` legal powers (plus a few target groups and approaches), each
 * carrying tags, sources and relations, for paging and statement-count tests.
 */
export async function generatedSeed(n: number): Promise<string> {
  const dir = await copySeed();
  for (let i = 0; i < n; i += 1) {
    const slug = `bevoegdheid-${String(i).padStart(3, '0')}`;
    const next = `legal-powers/bevoegdheid-${String((i + 1) % n).padStart(3, '0')}`;
    // Titles interleave (not in slug order) so ordering by title is really exercised.
    const title = `${['Zeta', 'Alfa', 'Émile', 'beta', 'Gamma'][i % 5]} bevoegdheid ${String((i * 7) % n).padStart(3, '0')}`;
    await writeSeedFile(
      dir,
      `legal-powers/${slug}.nl.md`,
      [
        '---',
        `title: ${title}`,
        `summary: Gegenereerde bevoegdheid nummer ${i}.`,
        `authority: ${i % 2 ? 'MAYOR' : 'MUNICIPAL_EXECUTIVE'}`,
        `law: ${i % 3 ? 'Gemeentewet' : 'Wet openbare manifestaties'}`,
        'bwbId: BWBR0005416',
        `article: "${100 + i}"`,
        'conditions: [een voorwaarde, nog een voorwaarde]',
        'legalRemedy: bezwaar en beroep',
        'useInRadicalisationCases: als voorbeeld',
        `tags: [${TAGS[i % 3]}, ${TAGS[(i + 1) % 3]}]`,
        `targetGroups: [target-groups/${i % 2 ? 'eenlingen' : 'terugkeerders'}]`,
        'approaches: [prevention-approaches/casusoverleg]',
        ...(n > 1 ? [`related: [${next}]`] : []),
        'sources:',
        `  - { title: Bron ${i}, url: "https://example.org/${i}", publisher: Uitgever }`,
        `  - { title: Tweede bron ${i} }`,
        '---',
        `Tekst van bevoegdheid ${i}.`,
        '',
      ].join('\n'),
    );
  }
  return dir;
}
