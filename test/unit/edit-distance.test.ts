import { editDistance } from '../../src/search/analysis/edit-distance';

describe('edit distance (optimal string alignment)', () => {
  it.each([
    ['radicalisering', 'radicalsering', 2, 1], // a letter left out
    ['terrorisme', 'terroirsme', 2, 1], // two letters swapped
    ['kitten', 'sitting', 3, 3],
    ['gebiedsverbod', 'gebiedsverbod', 2, 0],
    ['', 'abc', 3, 3],
    ['ab', 'ba', 1, 1],
  ])('%s -> %s (at most %i) is %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });

  it('stops at max + 1 once the distance exceeds the maximum', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('noodverordening', 'noodbevel', 2)).toBe(3);
  });

  it('gives the same answers in any order, whatever was compared before', () => {
    // The rows are reused from call to call; a long pair must not leave anything behind.
    const long = editDistance('persoonsgerichteaanpakken', 'persoonsgerichtaanpak', 5);
    expect(editDistance('wijk', 'wijken', 2)).toBe(2);
    expect(editDistance('persoonsgerichteaanpakken', 'persoonsgerichtaanpak', 5)).toBe(long);
    expect(long).toBe(4);
  });
});
