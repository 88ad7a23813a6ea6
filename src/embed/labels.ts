import { graphql } from './api';

const LABELS_QUERY = `query KbEnumLabels($locale: Locale!) {
  enumLabels(locale: $locale) { name values { value label } }
}`;

interface LabelsData {
  enumLabels: { name: string; values: { value: string; label: string }[] }[];
}

/** Label of an enum value: `labels.get('ContentType')?.get('GUIDANCE')`. */
export type EnumLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

const cache = new Map<string, Promise<EnumLabels>>();

/** The API's labels of every enum value in one locale, asked once per page for all elements. */
export function enumLabels(api: string, locale: 'NL' | 'EN'): Promise<EnumLabels> {
  const key = `${api}\u0000${locale}`;
  let labels = cache.get(key);
  if (!labels) {
    labels = graphql<LabelsData>(api, LABELS_QUERY, { locale }).then(
      (data) =>
        new Map(
          data.enumLabels.map((e) => [e.name, new Map(e.values.map((v) => [v.value, v.label]))]),
        ),
    );
    // A failed request is asked again next time.
    labels.catch(() => cache.delete(key));
    cache.set(key, labels);
  }
  return labels;
}
