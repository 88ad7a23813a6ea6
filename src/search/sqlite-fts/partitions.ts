import { type Locale, LOCALES } from '../../content/common/enums';

const SPAN = 2 ** 32;

export type Range = readonly [number, number];

/**
 * Row ids carry locale and type in their high bits (partition * 2^32 + sequence), so a locale
 * or type filter is a rowid range that FTS5 seeks to directly, and counting one type is a
 * range count, with no join. The types come from the content registry, in its order; an index
 * records that order and is rebuilt when it changes.
 */
export class Partitions {
  constructor(readonly types: readonly string[]) {}

  rowidFor(locale: Locale, type: string, sequence: number): number {
    const index = this.types.indexOf(type);
    if (index < 0) throw new Error(`no search partition for content type ${type}`);
    return (LOCALES.indexOf(locale) * this.types.length + index) * SPAN + sequence;
  }

  typeRange(locale: Locale, type: string): Range {
    const start = this.rowidFor(locale, type, 0);
    return [start, start + SPAN - 1];
  }

  /** One range per type, in partition order. */
  typeRanges(locale: Locale): { type: string; range: Range }[] {
    return this.types.map((type) => ({ type, range: this.typeRange(locale, type) }));
  }

  /** Ranges covering a locale, one per requested type (or one for all types). */
  rangesFor(locale: Locale, types?: readonly string[]): Range[] {
    if (!types?.length) {
      const start = this.rowidFor(locale, this.types[0], 0);
      return [[start, start + this.types.length * SPAN - 1]];
    }
    return this.types.filter((t) => types.includes(t)).map((t) => this.typeRange(locale, t));
  }
}

export const sequenceOf = (rowid: number) => rowid % SPAN;
