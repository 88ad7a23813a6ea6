/**
 * Statements take at most this many bound values from one list, well inside what SQLite
 * (32,766) and PostgreSQL (65,535) accept, so no statement grows with the content.
 */
export const BATCH_SIZE = 500;

/** `items` in consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
