/** A display name in both locales. */
export interface Label {
  readonly nl: string;
  readonly en: string;
}

const byEnum = new Map<string, Readonly<Record<string, Label>>>();

/**
 * Records the display names of the values of GraphQL enum `name`, served by `enumLabels`; every
 * value must have one (the type says so). Returns the labels for direct use.
 */
export function defineLabels<V extends string>(
  name: string,
  labels: Readonly<Record<V, Label>>,
): Readonly<Record<V, Label>> {
  byEnum.set(name, Object.freeze({ ...labels }));
  return labels;
}

/** The labelled enums by name, in name order. */
export function labelledEnums(): [string, Readonly<Record<string, Label>>][] {
  return [...byEnum].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** A label in a locale (`Locale` value `nl` or `en`). */
export function labelIn(label: Label, locale: string): string {
  return locale === 'en' ? label.en : label.nl;
}

/** The label of `value` of enum `name` in `locale`; the value itself when it has none. */
export function labelOf(name: string, value: string, locale: string): string {
  const label = byEnum.get(name)?.[value];
  return label ? labelIn(label, locale) : value;
}
