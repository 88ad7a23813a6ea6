import { partitionPoint, prefixRange } from '../../src/lib/sorted';

describe('binary search over sorted lists', () => {
  const words = ['gebied', 'gebiedsverbod', 'gebiedsverboden', 'gemeente', 'zorg'];

  it('finds where a condition turns false', () => {
    expect(partitionPoint(words.length, (i) => words[i] < 'gebiedsverbod')).toBe(1);
    expect(partitionPoint(words.length, () => true)).toBe(5);
    expect(partitionPoint(words.length, () => false)).toBe(0);
    expect(partitionPoint(0, () => true)).toBe(0);
  });

  it('gives the range of the strings that start with a prefix', () => {
    expect(prefixRange(words, 'gebieds')).toEqual([1, 3]);
    expect(prefixRange(words, 'ge')).toEqual([0, 4]);
    expect(prefixRange(words, 'zorg')).toEqual([4, 5]);
    const [from, to] = prefixRange(words, 'jeugd');
    expect(to - from).toBe(0);
  });
});
