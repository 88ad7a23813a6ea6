import type { QueryGroup } from '../../src/search/analysis/query';
import { matchExpression } from '../../src/search/sqlite-fts/match';

const group = (...alternatives: QueryGroup['alternatives']): QueryGroup => ({
  text: 'x',
  alternatives,
  docs: 1,
});

describe('FTS5 match expression', () => {
  const terms: Record<string, string[]> = { signa: ['signaal', 'signaler'], bestu: [] };
  const prefixTerms = (prefix: string) => terms[prefix];

  it('names the index terms of a prefix longer than the prefix indexes', () => {
    const expression = matchExpression(
      [group({ kind: 'term', term: 'signa', typo: false }, { kind: 'prefix', prefix: 'signa' })],
      { prefixTerms },
    );
    expect(expression).toBe('("signa" OR "signaal" OR "signaler")');
  });

  it('keeps FTS5 prefix syntax for short prefixes and for prefixes with too many terms', () => {
    const used: string[] = [];
    const expression = matchExpression(
      [
        group({ kind: 'prefix', prefix: 'sig' }),
        group({ kind: 'term', term: 'gemeent', typo: false }, { kind: 'prefix', prefix: 'gemee' }),
      ],
      {
        prefixTerms: (prefix) => {
          used.push(prefix);
          return undefined;
        },
      },
    );
    expect(expression).toBe('("sig"*) AND ("gemeent" OR "gemee"*)');
    expect(used).toEqual(['gemee']);
  });

  it('drops a prefix no index term starts with, and repeated operands', () => {
    expect(
      matchExpression(
        [
          group(
            { kind: 'term', term: 'bestu', typo: false },
            { kind: 'prefix', prefix: 'bestu' },
            { kind: 'term', term: 'bestu', typo: true },
          ),
        ],
        { prefixTerms },
      ),
    ).toBe('("bestu")');
  });

  it('refuses a term that is not plain letters and digits', () => {
    expect(() => matchExpression([group({ kind: 'term', term: 'a" OR "b', typo: false })])).toThrow(
      /unsafe FTS term/,
    );
  });
});
