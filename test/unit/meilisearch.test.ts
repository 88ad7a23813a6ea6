import { Locale } from '../../src/content/common/enums';
import { ContentType } from '../../src/content/registry';
import {
  MEILI_SEARCH_PARAMS,
  meiliFilter,
  meiliId,
  meiliSettings,
  meiliTotal,
  titleSuggestions,
  toMeiliDocument,
} from '../../src/search/meilisearch/settings';
import { itemDiff } from '../../src/search/documents';
import { toSynonymGroups } from '../../src/search/synonyms';

describe('Meilisearch index settings', () => {
  const settings = meiliSettings(
    toSynonymGroups([{ terms: ['PGA', 'persoonsgerichte aanpak', 'Persoonsgerichte Aanpak'] }]),
  );

  it('uses the typo thresholds of the embedded engine: 1 typo from 5 letters, 2 from 9', () => {
    expect(settings.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    });
  });

  it('ranks title before summary and tags before the body', () => {
    expect(settings.searchableAttributes).toEqual([
      'title',
      'summary',
      'tagNames',
      'extra',
      'body',
    ]);
    expect(settings.rankingRules).toContain('attribute');
  });

  it('maps every synonym term to the others, normalised, in both directions', () => {
    expect(settings.synonyms).toEqual({
      pga: ['persoonsgerichte aanpak'],
      'persoonsgerichte aanpak': ['pga'],
    });
  });

  it('filters on type, locale and tags, and drops Dutch stop words', () => {
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(['type', 'locale', 'tags']),
    );
    expect(settings.stopWords).toEqual(expect.arrayContaining(['de', 'het', 'een']));
  });

  it('drops the question and function words of both languages, not content words', () => {
    expect(settings.stopWords).toEqual(
      expect.arrayContaining(['hoe', 'wat', 'welke', 'mag', 'kan', 'how', 'what', 'does', 'can']),
    );
    for (const word of ['zorg', 'woning', 'burgemeester', 'mayor', 'werkt', 'herken'])
      expect(settings.stopWords).not.toContain(word);
  });

  it('drops the most frequent words first when not every word matches', () => {
    expect(MEILI_SEARCH_PARAMS.matchingStrategy).toBe('frequency');
  });

  it('suggests item titles, one per item', () => {
    const hit = { title: 'Noodbevel', type: ContentType.LEGAL_POWER, slug: 'noodbevel' };
    expect(titleSuggestions([hit, hit])).toEqual([
      { kind: 'title', text: 'Noodbevel', type: ContentType.LEGAL_POWER, slug: 'noodbevel' },
    ]);
  });
});

describe('Meilisearch documents and filters', () => {
  it('maps a search document with an id Meilisearch accepts', () => {
    const doc = toMeiliDocument(
      {
        id: 'LEGAL_POWER:noodbevel:nl',
        type: ContentType.LEGAL_POWER,
        slug: 'noodbevel',
        locale: Locale.NL,
        title: 'Noodbevel',
        summary: 'Samenvatting',
        body: 'Tekst',
        tags: [{ slug: 'openbare-orde', name: 'Openbare orde' }],
        extra: 'Gemeentewet artikel 175',
      },
      'h1',
    );
    expect(doc).toEqual({
      id: 'LEGAL_POWER_noodbevel_nl',
      item: 'LEGAL_POWER:noodbevel',
      hash: 'h1',
      type: 'LEGAL_POWER',
      slug: 'noodbevel',
      locale: 'nl',
      title: 'Noodbevel',
      summary: 'Samenvatting',
      body: 'Tekst',
      extra: 'Gemeentewet artikel 175',
      tags: ['openbare-orde'],
      tagNames: ['Openbare orde'],
    });
    expect(meiliId('a:b/c d')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('quotes every filter value, so a tag cannot change the filter', () => {
    expect(meiliFilter('nl', ['LEGAL_POWER'], ['zorg", OR type = "x'])).toEqual([
      'locale = "nl"',
      'type IN ["LEGAL_POWER"]',
      'tags = "zorg\\", OR type = \\"x"',
    ]);
  });

  it('takes the total from the type facet counts of the requested types, not the estimate', () => {
    const counts = { LEGAL_POWER: 1200, GUIDANCE: 30, TARGET_GROUP: 4 };
    expect(meiliTotal(counts, undefined, 1000)).toBe(1234);
    expect(meiliTotal(counts, ['GUIDANCE', 'TARGET_GROUP'], 1000)).toBe(34);
    expect(meiliTotal(counts, [], 1000)).toBe(1234);
    expect(meiliTotal({}, ['GUIDANCE'], 0)).toBe(0);
    expect(meiliTotal(undefined, undefined, 987)).toBe(987);
  });
});

describe('bringing an index to new content item by item', () => {
  it('rewrites exactly the items whose hash changed, removes those gone and adds the new', () => {
    const indexed = new Map([
      ['LEGAL_POWER:noodbevel', 'a'],
      ['LEGAL_POWER:noodverordening', 'b'],
      ['GUIDANCE:oud', 'c'],
    ]);
    const wanted = new Map([
      ['LEGAL_POWER:noodbevel', 'a'],
      ['LEGAL_POWER:noodverordening', 'b2'],
      ['GUIDANCE:nieuw', 'd'],
    ]);
    const { remove, write } = itemDiff(indexed, wanted);
    expect(remove.sort()).toEqual(['GUIDANCE:oud', 'LEGAL_POWER:noodverordening']);
    expect(write.sort()).toEqual(['GUIDANCE:nieuw', 'LEGAL_POWER:noodverordening']);
    expect(itemDiff(wanted, wanted)).toEqual({ remove: [], write: [] });
  });
});
