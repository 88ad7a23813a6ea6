import { highlight, indexTokens, stemmedTokens } from '../../src/search/analysis/highlight';

const WORDS = new Set(['woning', 'sluiting', 'gebied', 'verbod', 'burgemeester']);
const hasWord = (w: string) => WORDS.has(w);

describe('highlighting', () => {
  const text =
    'De burgemeester kan een gebiedsverbod opleggen. Bij ernstige overlast volgt woningsluiting, ' +
    'en de burgemeesters van de regio overleggen daarover.';

  it('marks words by stem, by prefix and through a compound part', () => {
    const m = { terms: new Set(['verbod']), prefixes: ['woning'], hasWord };
    expect(highlight(text, m)).toBe(
      'De burgemeester kan een <mark>gebiedsverbod</mark> opleggen. Bij ernstige overlast volgt ' +
        '<mark>woningsluiting</mark>, en de burgemeesters van de regio overleggen daarover.',
    );
  });

  it('gives the same snippet from the text as from its token index, in a window or not', () => {
    const matchers = [
      { terms: new Set(['burgemeester']), prefixes: [], hasWord },
      { terms: new Set(['sluiting', 'gebied']), prefixes: ['overl'], hasWord },
      { terms: new Set(['regio']), prefixes: ['d'], hasWord },
      { terms: new Set(['nergens']), prefixes: [], hasWord },
    ];
    for (const m of matchers)
      for (const window of [0, 5, 8]) {
        const indexed = highlight(text, m, window, indexTokens(stemmedTokens(text), hasWord));
        expect({ terms: [...m.terms], window, snippet: highlight(text, m, window) }).toEqual({
          terms: [...m.terms],
          window,
          snippet: indexed,
        });
      }
  });
});
