/**
 * Binary search: the first index in [0, length) at which `before` turns false, where `before`
 * holds for every index below that one and for none from it on (length when it always holds).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the strings that start with `prefix` lie in a sorted list: indexes [from, to). */
export function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const from = partitionPoint(sorted.length, (i) => sorted[i] < prefix);
  // Strings with the prefix sort before the prefix followed by the highest code unit.
  const end = `${prefix}\uffff`;
  const to = partitionPoint(sorted.length, (i) => sorted[i] < end);
  return [from, to];
}
