import path from 'node:path';
import { ContentType, descriptorOf } from '../../src/content/registry';
import { LegalReference } from '../../src/content/legal-power/legal-reference';
import { OfficialReference } from '../../src/content/legal-power/official-reference';
import { readSeed } from '../../src/seed/run';
import type { SeedItem, ValidatedSeed } from '../../src/seed/validate';

/**
 * Checks the real content in seed/ beyond what the seed validator enforces: coverage, the
 * lists the model expects to be filled, legal references, sources, the guidance tree, and
 * that no passage is copied from one item to another.
 */
const SEED = path.join(__dirname, '..', '..', 'seed');

type Fields = Readonly<Record<string, unknown>>;
const list = (fields: Fields, key: string) => (fields[key] as string[] | undefined) ?? [];

/**
 * Phrases of an editor talking about the item instead of to the reader: notes about what "this
 * item" says or why a field has a value, what "we" could not confirm, status lines dropped into
 * the text, and pointers up the page ("hierboven", "above"): signals and other lists live in
 * fields that a portal may show anywhere, or not at all.
 */
const NOTE_PHRASES: readonly RegExp[] = [
  /\bdit item\b/i,
  /\bthis item\b/i,
  /\bdaarom staat bij\b/i,
  /\bzijn ons niet bekend\b/i,
  /\bhebben wij niet kunnen\b/i,
  /\bhebben we niet kunnen\b/i,
  /\bwe could not (confirm|verify)\b/i,
  /\bwe have not been able\b/i,
  /\bwe were unable\b/i,
  /\bhebben wij niet\b/i,
  /\bnot known to us\b/i,
  /\bstand van zaken: /i,
  /\bstatus as of\b/i,
  /\bcontroleer bij toepassing\b/i,
  // Pointers up the page. "Above all", "and above" and "above the age of" do not point anywhere.
  /\bhierboven\b/i,
  /\bbovenstaande?\b/i,
  /(?<!\b(?:and|or) )\babove\b(?!\s+(?:all|the age)\b)/i,
];

/**
 * How many legal powers may open their use in radicalisation cases with the same words: at most
 * 3 with the same first three words, and at most 5 with the same first two (which catches "In
 * practice this", "In practice the", "In practice an", ...). Beyond that the examples read as a
 * filled-in template ("In de praktijk ... bijvoorbeeld").
 */
const MAX_SHARED_OPENING: readonly { words: number; items: number }[] = [
  { words: 3, items: 3 },
  { words: 2, items: 5 },
];

/** The first words of a text, lower case and without punctuation. */
const opening = (text: string, words: number) =>
  text
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .slice(0, words)
    .map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, ''))
    .join(' ');

let seed: ValidatedSeed;
const ofType = (type: ContentType) => seed.items.filter((i) => i.type === type);

/** Typed relations of every item, declared on either side (as the API serves them). */
function typedLinks(): Map<string, Set<string>> {
  const links = new Map(seed.items.map((i) => [i.ref, new Set<string>()]));
  for (const item of seed.items) {
    for (const to of ['targetGroups', 'approaches', 'legalPowers'].flatMap((k) =>
      list(item.nl, k),
    )) {
      links.get(item.ref)!.add(to);
      links.get(to)!.add(item.ref);
    }
  }
  return links;
}

const linkedOfType = (links: Map<string, Set<string>>, item: SeedItem, type: ContentType) =>
  [...links.get(item.ref)!].filter((ref) => ref.startsWith(`${descriptorOf(type).folder}/`));

/** Sentences of a Markdown body, without markup, lower case and with single spaces. */
function sentences(markdown: string): string[] {
  const text = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(#+|[-*+]|\d+\.|>)\s+/gm, '')
    .replace(/[*_`]/g, '');
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.toLowerCase().replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').length >= 12);
}

beforeAll(async () => {
  seed = await readSeed(SEED);
});

describe('the content in seed/', () => {
  it('validates: every relation, tag and kb: link resolves', () => {
    expect(seed.items.length).toBeGreaterThan(0);
  });

  it('covers the theme with enough items of each type', () => {
    expect(ofType(ContentType.GUIDANCE).length).toBeGreaterThanOrEqual(12);
    expect(ofType(ContentType.LEGAL_POWER).length).toBeGreaterThanOrEqual(18);
    expect(ofType(ContentType.PREVENTION_APPROACH).length).toBeGreaterThanOrEqual(12);
    expect(ofType(ContentType.TARGET_GROUP).length).toBeGreaterThanOrEqual(8);
  });

  it('has an English title and summary for every item, and an English body for guidance', () => {
    const missing = seed.items.filter((i) => !i.en?.title || !i.en.summary).map((i) => i.ref);
    expect(missing).toEqual([]);
    const noBody = ofType(ContentType.GUIDANCE).filter((i) => !i.bodyEn.trim());
    expect(noBody.map((i) => i.ref)).toEqual([]);
  });

  it('keeps every summary within 300 characters', () => {
    const long = seed.items.flatMap((i) =>
      [i.nl, i.en].filter((f) => f && String(f.summary).length > 300).map(() => i.ref),
    );
    expect(long).toEqual([]);
  });

  it('identifies the law of every legal power by BWB id or, where unknown, an official reference', () => {
    for (const power of ofType(ContentType.LEGAL_POWER)) {
      const { bwbId, officialReference, article } = power.nl as Record<string, string | undefined>;
      if (bwbId) {
        expect(LegalReference.of(bwbId, String(article)).url).toMatch(
          /^https:\/\/wetten\.overheid\.nl\/jci1\.3:c:BWBR\d{7}&artikel=\d+(:\d+)?[a-z]*$/,
        );
      } else {
        expect({
          ref: power.ref,
          url: OfficialReference.of(String(officialReference))?.url,
        }).toEqual({
          ref: power.ref,
          url: expect.stringMatching(/^https:\/\/zoek\.officielebekendmakingen\.nl\/(stb|kst)-/),
        });
      }
    }
  });

  it('dates every item with asOf', () => {
    expect(seed.items.filter((i) => typeof i.nl.asOf !== 'string').map((i) => i.ref)).toEqual([]);
  });

  it('cites documents: at most 10 % of the source URLs are bare homepages', () => {
    const urls = seed.items.flatMap((i) =>
      ((i.nl.sources as { url?: string }[] | undefined) ?? []).flatMap((s) =>
        s.url ? [s.url] : [],
      ),
    );
    const homepages = urls.filter((u) => {
      const { pathname, search } = new URL(u);
      return (pathname === '/' || pathname === '') && search === '';
    });
    expect(urls.length).toBeGreaterThan(0);
    expect(homepages.length).toBeLessThanOrEqual(Math.floor(urls.length * 0.1));
  });

  it('reads as publication, not as editorial notes', () => {
    const found: string[] = [];
    for (const item of seed.items) {
      const texts = [item.bodyNl, item.bodyEn, JSON.stringify(item.nl), JSON.stringify(item.en)];
      for (const phrase of NOTE_PHRASES) {
        if (texts.some((t) => phrase.test(t))) found.push(`${item.ref}: ${String(phrase)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('varies how legal powers open their use in radicalisation cases', () => {
    const repeated: string[] = [];
    for (const locale of ['nl', 'en'] as const) {
      for (const { words, items } of MAX_SHARED_OPENING) {
        const byOpening = new Map<string, string[]>();
        for (const power of ofType(ContentType.LEGAL_POWER)) {
          const text = power[locale]?.useInRadicalisationCases;
          if (typeof text !== 'string') continue;
          const key = opening(text, words);
          byOpening.set(key, [...(byOpening.get(key) ?? []), power.ref]);
        }
        for (const [key, refs] of byOpening) {
          if (refs.length > items) {
            repeated.push(`${locale} "${key} ...": ${refs.length} items (${refs.join(', ')})`);
          }
        }
      }
    }
    expect(repeated).toEqual([]);
  });

  it('cites every source with a URL or a publisher', () => {
    const bare = seed.items.flatMap((i) =>
      ((i.nl.sources as { title: string; url?: string; publisher?: string }[] | undefined) ?? [])
        .filter((s) => !s.url && !s.publisher)
        .map((s) => `${i.ref}: ${s.title}`),
    );
    expect(bare).toEqual([]);
  });

  it('fills the lists the model expects', () => {
    const links = typedLinks();
    const problems: string[] = [];
    const atLeast = (item: SeedItem, what: string, count: number, min: number) => {
      if (count < min) problems.push(`${item.ref}: ${what} has ${count}, expected at least ${min}`);
    };
    for (const p of ofType(ContentType.LEGAL_POWER))
      atLeast(p, 'conditions', list(p.nl, 'conditions').length, 1);
    for (const a of ofType(ContentType.PREVENTION_APPROACH)) {
      atLeast(a, 'actors', list(a.nl, 'actors').length, 1);
      atLeast(a, 'steps', list(a.nl, 'steps').length, 1);
      atLeast(a, 'target groups', linkedOfType(links, a, ContentType.TARGET_GROUP).length, 1);
    }
    for (const g of ofType(ContentType.TARGET_GROUP)) {
      atLeast(g, 'signals', list(g.nl, 'signals').length, 4);
      atLeast(g, 'riskFactors', list(g.nl, 'riskFactors').length, 4);
      atLeast(g, 'protectiveFactors', list(g.nl, 'protectiveFactors').length, 3);
      atLeast(g, 'approaches', linkedOfType(links, g, ContentType.PREVENTION_APPROACH).length, 1);
      atLeast(g, 'legal powers', linkedOfType(links, g, ContentType.LEGAL_POWER).length, 1);
    }
    expect(problems).toEqual([]);
  });

  it('arranges the guidance as one tree with every item reachable from its root', () => {
    const guidance = ofType(ContentType.GUIDANCE);
    const roots = guidance.filter((g) => g.nl.parent === undefined);
    expect(roots).toHaveLength(1);
    const reached = new Set([roots[0].ref]);
    for (let grew = true; grew;) {
      grew = false;
      for (const g of guidance) {
        if (!reached.has(g.ref) && reached.has(String(g.nl.parent))) {
          reached.add(g.ref);
          grew = true;
        }
      }
    }
    expect(guidance.map((g) => g.ref).filter((ref) => !reached.has(ref))).toEqual([]);
  });

  it('copies no sentence of 12 or more words from one item to another', () => {
    const copies: string[] = [];
    for (const body of ['bodyNl', 'bodyEn'] as const) {
      const seen = new Map<string, string>();
      for (const item of seed.items) {
        for (const sentence of new Set(sentences(item[body]))) {
          const first = seen.get(sentence);
          if (first && first !== item.ref) copies.push(`${first} and ${item.ref}: "${sentence}"`);
          else seen.set(sentence, item.ref);
        }
      }
    }
    expect(copies).toEqual([]);
  });
});
