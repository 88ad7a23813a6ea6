/**
 * Damerau-Levenshtein distance (optimal string alignment), stopping early once it exceeds
 * `max`: returns max + 1 in that case.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rows, reused from call to call: a typo search compares a word with many terms.
  if (buffer.length < 3 * cols) buffer = new Int32Array(6 * cols);
  let prevPrev = 0;
  let prev = cols;
  let cur = 2 * cols;
  for (let j = 0; j < cols; j += 1) buffer[prev + j] = j;
  for (let i = 1; i < rows; i += 1) {
    buffer[cur] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(buffer[prev + j] + 1, buffer[cur + j - 1] + 1, buffer[prev + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, buffer[prevPrev + j - 2] + 1);
      buffer[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const free = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = free;
  }
  return buffer[prev + cols - 1];
}

let buffer = new Int32Array(3 * 64);

/** Typos allowed for a query word, as Meilisearch does: 1 from 5 letters, 2 from 9. */
export function allowedTypos(word: string): number {
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}
