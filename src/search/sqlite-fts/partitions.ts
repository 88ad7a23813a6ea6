import { ContentType, Locale } from '../../content/common/enums';

/**
 * Row ids carry locale and type in their high bits (partition * 2^32 + sequence), so a locale
 * or type filter is a rowid range that FTS5 seeks to directly, and counting one type is a
 * range count, with no join.
 */
const TYPES: readonly ContentType[] = [
  ContentType.GUIDANCE,
  ContentType.LEGAL_POWER,
  ContentType.PREVENTION_APPROACH,
  ContentType.TARGET_GROUP,
];
const LOCALES: readonly Locale[] = [Locale.NL, Locale.EN];
const SPAN = 2 ** 32;

export function rowidFor(locale: Locale, type: ContentType, sequence: number): number {
  return (LOCALES.indexOf(locale) * TYPES.length + TYPES.indexOf(type)) * SPAN + sequence;
}

export const sequenceOf = (rowid: number) => rowid % SPAN;

export type Range = readonly [number, number];

export function typeRange(locale: Locale, type: ContentType): Range {
  const start = rowidFor(locale, type, 0);
  return [start, start + SPAN - 1];
}

/** One range per type, in partition order. */
export const typeRanges = (locale: Locale): { type: ContentType; range: Range }[] =>
  TYPES.map((type) => ({ type, range: typeRange(locale, type) }));

/** Ranges covering a locale, one per requested type (or one for all types). */
export function rangesFor(locale: Locale, types?: readonly ContentType[]): Range[] {
  if (!types?.length) {
    const start = rowidFor(locale, TYPES[0], 0);
    return [[start, start + TYPES.length * SPAN - 1]];
  }
  return TYPES.filter((t) => types.includes(t)).map((t) => typeRange(locale, t));
}
