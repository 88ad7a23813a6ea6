import { LEGAL_POWER } from '../content/legal-power/legal-power.enums';
import type { ValidatedSeed } from './validate';

/** An item's `asOf` is stale once it is older than this many months. */
export const STALE_AFTER_MONTHS = 12;
/** A law's end date is close once it falls within this many months. */
export const LAPSE_WARNING_MONTHS = 6;

export interface ItemAge {
  readonly ref: string;
  /** `YYYY-MM-DD`, or null when the item does not say when its facts were checked. */
  readonly asOf: string | null;
  /** Whole days between `asOf` and today; null without `asOf`. */
  readonly ageDays: number | null;
}

export interface LawLapse {
  readonly ref: string;
  readonly law: string;
  /** `YYYY-MM-DD`: the date the legal basis lapses. */
  readonly validUntil: string;
  /** Whole days from today to `validUntil`; negative once it has lapsed. */
  readonly daysLeft: number;
}

export interface Freshness {
  /** Today, as `YYYY-MM-DD` (UTC). */
  readonly today: string;
  /** Every item, those without `asOf` first, then the oldest `asOf` first. */
  readonly items: readonly ItemAge[];
  /** Legal powers with an end date, the soonest first. */
  readonly lapses: readonly LawLapse[];
}

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** `today` moved by `months` calendar months (UTC), as `YYYY-MM-DD`. */
function monthsFrom(today: string, months: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return isoDay(date);
}

/** How old each item's facts are and when the laws behind legal powers lapse, as of `now`. */
export function freshnessOf(seed: ValidatedSeed, now: Date): Freshness {
  const today = isoDay(now);
  const items = seed.items
    .map((item): ItemAge => {
      const asOf = typeof item.nl.asOf === 'string' ? item.nl.asOf : null;
      return { ref: item.ref, asOf, ageDays: asOf === null ? null : daysBetween(asOf, today) };
    })
    .sort(
      (a, b) =>
        (a.asOf === null ? 0 : 1) - (b.asOf === null ? 0 : 1) ||
        (a.asOf ?? '').localeCompare(b.asOf ?? '') ||
        a.ref.localeCompare(b.ref),
    );
  const lapses = seed.items
    .filter((item) => item.type === LEGAL_POWER && typeof item.nl.validUntil === 'string')
    .map((item): LawLapse => {
      const validUntil = item.nl.validUntil as string;
      return {
        ref: item.ref,
        law: String(item.nl.law),
        validUntil,
        daysLeft: daysBetween(today, validUntil),
      };
    })
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.ref.localeCompare(b.ref));
  return { today, items, lapses };
}

/** What an editor should look at: stale `asOf` dates and laws lapsing soon or already lapsed. */
export function freshnessWarnings(freshness: Freshness): string[] {
  const staleBefore = monthsFrom(freshness.today, -STALE_AFTER_MONTHS);
  const soon = monthsFrom(freshness.today, LAPSE_WARNING_MONTHS);
  const stale = freshness.items
    .filter((i) => i.asOf !== null && i.asOf < staleBefore)
    .map(
      (i) =>
        `${i.ref}: asOf ${i.asOf} is more than ${STALE_AFTER_MONTHS} months old; check the facts and update it`,
    );
  const lapsing = freshness.lapses
    .filter((l) => l.validUntil <= soon)
    .map((l) =>
      l.daysLeft <= 0
        ? `${l.ref}: ${l.law} lapsed on ${l.validUntil}; check whether it was extended`
        : `${l.ref}: ${l.law} lapses on ${l.validUntil}, within ${LAPSE_WARNING_MONTHS} months`,
    );
  return [...stale, ...lapsing];
}

/** The report `npm run seed -- --report` prints. */
export function formatFreshness(freshness: Freshness): string {
  const age = (i: ItemAge) => (i.asOf === null ? 'no asOf   ' : i.asOf);
  const days = (i: ItemAge) => (i.ageDays === null ? '' : `  ${i.ageDays} days`);
  const left = (l: LawLapse) =>
    l.daysLeft < 0
      ? `lapsed ${-l.daysLeft} days ago`
      : l.daysLeft === 0
        ? 'lapses today'
        : `${l.daysLeft} days left`;
  const lines = [
    `Freshness on ${freshness.today}`,
    '',
    `Items by the age of their asOf, oldest first (${freshness.items.length}):`,
    ...freshness.items.map((i) => `  ${age(i)}  ${i.ref}${days(i)}`),
    '',
    `Legal powers by the date their law lapses (${freshness.lapses.length}):`,
    ...(freshness.lapses.length === 0
      ? ['  none has an end date']
      : freshness.lapses.map((l) => `  ${l.validUntil}  ${l.ref}  ${l.law}, ${left(l)}`)),
  ];
  const warnings = freshnessWarnings(freshness);
  if (warnings.length) lines.push('', 'Warnings:', ...warnings.map((w) => `  ${w}`));
  return lines.join('\n');
}
