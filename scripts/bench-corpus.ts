import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { words } from '../src/search/analysis/normalize';

/** Deterministic pseudo-random numbers, so every run measures the same corpus and queries. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

const FOLDERS = ['guidance', 'legal-powers', 'prevention-approaches', 'target-groups'] as const;
const AUTHORITIES = ['MAYOR', 'MUNICIPAL_EXECUTIVE', 'MUNICIPAL_COUNCIL', 'MINISTER'];
const LEVELS = ['GENERAL_PREVENTION', 'EARLY_SIGNALLING', 'SPECIFIC_PREVENTION', 'AFTERCARE'];
const KINDS = ['FOCUS_AREA', 'CONTEXT', 'REFERENCE', 'ROLE'];

const yamlString = (text: string) => JSON.stringify(text);
const list = (key: string, values: readonly string[]) =>
  values.length ? [`${key}:`, ...values.map((v) => `  - ${yamlString(v)}`)] : [];

/**
 * A seed folder holding the real seed/ plus `count` generated items of all four types, in
 * Dutch and (every other one) English, made from the real seed's own words: tags, sources,
 * relations to each other, a guidance tree under the real root, and bodies of a few hundred
 * words. What `npm run seed` reads, as an editor's folder of that size would look.
 */
export async function writeGeneratedSeed(target: string, count: number, seed = 7): Promise<void> {
  const source = path.resolve('seed');
  await fs.cp(source, target, { recursive: true });
  const rnd = random(seed);
  const tags = (
    parse(await fs.readFile(path.join(source, 'tags.yml'), 'utf8')) as { slug: string }[]
  ).map((t) => t.slug);
  const texts: string[] = [];
  for (const folder of FOLDERS)
    for (const name of await fs.readdir(path.join(source, folder)))
      texts.push(await fs.readFile(path.join(source, folder, name), 'utf8'));
  const vocabulary = [...new Set(texts.flatMap((t) => words(t)).filter((w) => w.length > 3))];
  const word = () => vocabulary[Math.floor(vocabulary.length * rnd() ** 2)];
  const sentence = (n: number) => {
    const ws = Array.from({ length: n }, word);
    return `${ws[0][0].toUpperCase()}${ws.join(' ').slice(1)}.`;
  };
  const paragraph = () =>
    Array.from({ length: 6 }, () => sentence(8 + Math.floor(rnd() * 8))).join(' ');
  const body = () =>
    [
      `## ${sentence(3)}`,
      paragraph(),
      paragraph(),
      `## ${sentence(4)}`,
      paragraph(),
      paragraph(),
    ].join('\n\n');
  const slugOf = (i: number) => `gegenereerd-${String(i).padStart(5, '0')}`;
  const folderOf = (i: number) => FOLDERS[i % FOLDERS.length];
  const refOf = (i: number) => `${folderOf(i)}/${slugOf(i)}`;
  /** Earlier generated items of one folder, for relations that point somewhere real. */
  const someOf = (folder: (typeof FOLDERS)[number], before: number, n: number) => {
    const offset = FOLDERS.indexOf(folder);
    const available = Math.floor((before - offset + FOLDERS.length - 1) / FOLDERS.length);
    const picks = new Set<string>();
    for (let k = 0; k < n && available > 0; k += 1)
      picks.add(refOf(offset + FOLDERS.length * Math.floor(rnd() * available)));
    return [...picks];
  };

  for (let i = 0; i < count; i += 1) {
    const folder = folderOf(i);
    const typeFields: string[] = [];
    if (folder === 'guidance') {
      const parents = someOf('guidance', i, 1);
      typeFields.push(
        `kind: ${KINDS[i % KINDS.length]}`,
        `parent: ${parents[0] ?? 'guidance/radicalisering-lokale-aanpak'}`,
        `position: ${i % 20}`,
      );
    } else if (folder === 'legal-powers') {
      typeFields.push(
        `authority: ${AUTHORITIES[i % AUTHORITIES.length]}`,
        `law: ${rnd() < 0.5 ? 'Gemeentewet' : 'Wet openbare manifestaties'}`,
        'bwbId: BWBR0005416',
        `article: "${100 + (i % 150)}"`,
        ...list('conditions', [sentence(10), sentence(12)]),
        `legalRemedy: ${yamlString(sentence(10))}`,
        `useInRadicalisationCases: ${yamlString(sentence(14))}`,
        ...list('targetGroups', someOf('target-groups', i, 2)),
        ...list('approaches', someOf('prevention-approaches', i, 2)),
      );
    } else if (folder === 'prevention-approaches') {
      typeFields.push(
        `level: ${LEVELS[i % LEVELS.length]}`,
        ...list('actors', [sentence(3), sentence(3)]),
        ...list('steps', [sentence(8), sentence(8), sentence(8)]),
        ...list('targetGroups', someOf('target-groups', i, 2)),
        ...list('legalPowers', someOf('legal-powers', i, 2)),
      );
    } else {
      typeFields.push(
        ...list('signals', [sentence(6), sentence(6)]),
        ...list('riskFactors', [sentence(6)]),
        ...list('protectiveFactors', [sentence(6)]),
      );
    }
    const related = [
      ...new Set([refOf(Math.floor(rnd() * i)), refOf(Math.floor(rnd() * i))]),
    ].filter((r) => i > 0 && r !== refOf(i));
    const nl = [
      '---',
      `title: ${yamlString(sentence(4).slice(0, -1))}`,
      `summary: ${yamlString(sentence(14).slice(0, 290))}`,
      ...list('tags', [...new Set([tags[i % tags.length], tags[(i * 7) % tags.length]])]),
      'sources:',
      `  - { title: ${yamlString(sentence(4))}, url: "https://example.org/bron/${i}" }`,
      ...list('related', related),
      ...typeFields,
      '---',
      body(),
      '',
    ];
    await fs.writeFile(path.join(target, folder, `${slugOf(i)}.nl.md`), nl.join('\n'));
    if (i % 2 === 0) {
      const en = [
        '---',
        `title: ${yamlString(sentence(4).slice(0, -1))}`,
        `summary: ${yamlString(sentence(12))}`,
        '---',
        body(),
        '',
      ];
      await fs.writeFile(path.join(target, folder, `${slugOf(i)}.en.md`), en.join('\n'));
    }
  }
}
