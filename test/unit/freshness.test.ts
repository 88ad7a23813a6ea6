import { LEGAL_POWER } from '../../src/content/legal-power/legal-power.enums';
import { formatFreshness, freshnessOf, freshnessWarnings } from '../../src/seed/freshness';
import type { SeedItem, ValidatedSeed } from '../../src/seed/validate';

const item = (
  ref: string,
  nl: Record<string, unknown>,
  type: SeedItem['type'] = 'GUIDANCE',
): SeedItem => ({
  type,
  slug: ref.split('/')[1],
  ref,
  nl: { title: ref, summary: ref, ...nl },
  en: null,
  bodyNl: 'Tekst.',
  bodyEn: '',
  hash: ref,
});
const power = (slug: string, law: string, validUntil?: string) =>
  item(
    `legal-powers/${slug}`,
    { law, asOf: '2026-11-01', ...(validUntil ? { validUntil } : {}) },
    LEGAL_POWER,
  );

const seed: ValidatedSeed = {
  tags: [],
  items: [
    item('guidance/vers', { asOf: '2026-10-01' }),
    item('guidance/zonder-datum', {}),
    item('guidance/oud', { asOf: '2025-11-29' }),
    item('guidance/net-op-tijd', { asOf: '2025-12-01' }),
    power('twbmt', 'Twbmt', '2027-03-01'),
    power('later', 'Een wet', '2027-06-02'),
    power('vervallen', 'Oude wet', '2026-11-01'),
    power('zonder-einde', 'Gemeentewet'),
  ],
};
const NOW = new Date('2026-12-01T10:00:00Z');

describe('freshness of the seed', () => {
  it('lists items without asOf first, then the oldest, and laws by the date they lapse', () => {
    const f = freshnessOf(seed, NOW);
    expect(f.today).toBe('2026-12-01');
    expect(f.items.slice(0, 4)).toEqual([
      { ref: 'guidance/zonder-datum', asOf: null, ageDays: null },
      { ref: 'guidance/oud', asOf: '2025-11-29', ageDays: 367 },
      { ref: 'guidance/net-op-tijd', asOf: '2025-12-01', ageDays: 365 },
      { ref: 'guidance/vers', asOf: '2026-10-01', ageDays: 61 },
    ]);
    expect(f.lapses).toEqual([
      { ref: 'legal-powers/vervallen', law: 'Oude wet', validUntil: '2026-11-01', daysLeft: -30 },
      { ref: 'legal-powers/twbmt', law: 'Twbmt', validUntil: '2027-03-01', daysLeft: 90 },
      { ref: 'legal-powers/later', law: 'Een wet', validUntil: '2027-06-02', daysLeft: 183 },
    ]);
  });

  it('warns about an asOf older than 12 months and laws lapsing within 6 months or lapsed', () => {
    expect(freshnessWarnings(freshnessOf(seed, NOW))).toEqual([
      'guidance/oud: asOf 2025-11-29 is more than 12 months old; check the facts and update it',
      'legal-powers/vervallen: Oude wet lapsed on 2026-11-01; check whether it was extended',
      'legal-powers/twbmt: Twbmt lapses on 2027-03-01, within 6 months',
    ]);
  });

  it('prints both lists and the warnings', () => {
    const report = formatFreshness(freshnessOf(seed, NOW));
    expect(report).toContain('Items by the age of their asOf, oldest first (8):');
    expect(report).toMatch(
      /no asOf {3} {2}guidance\/zonder-datum\n {2}2025-11-29 {2}guidance\/oud {2}367 days/,
    );
    expect(report).toContain('2026-11-01  legal-powers/vervallen  Oude wet, lapsed 30 days ago');
    expect(report).toContain('2027-03-01  legal-powers/twbmt  Twbmt, 90 days left');
    expect(report).toMatch(/Warnings:\n {2}guidance\/oud: asOf 2025-11-29/);
  });
});
