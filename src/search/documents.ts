import type { EntityManager } from '@mikro-orm/knex';
import { renderBody } from '../content/common/markdown';
import { type ContentType, Locale, TextFormat } from '../content/common/enums';

/** What a search engine indexes: one document per item and locale (English falls back to Dutch). */
export interface SearchDocument {
  /** `<TYPE>:<slug>:<locale>` */
  readonly id: string;
  readonly type: ContentType;
  readonly slug: string;
  readonly locale: Locale;
  readonly title: string;
  readonly summary: string;
  /** Plain text of the body. */
  readonly body: string;
  readonly tags: readonly { slug: string; name: string }[];
  /** Type-specific searchable text: law and article, conditions, signals, actors, ... */
  readonly extra: string;
}

export const documentId = (type: ContentType, slug: string, locale: Locale) =>
  `${type}:${slug}:${locale}`;

// Dutch words for enum values, so "burgemeester" finds the mayor's powers.
const LABELS: Record<string, string> = {
  MAYOR: 'burgemeester',
  MUNICIPAL_EXECUTIVE: 'college van burgemeester en wethouders',
  MUNICIPAL_COUNCIL: 'gemeenteraad',
  MINISTER: 'minister',
  PUBLIC_PROSECUTOR: 'openbaar ministerie officier van justitie',
  GENERAL_PREVENTION: 'algemene preventie',
  EARLY_SIGNALLING: 'vroegsignalering',
  SPECIFIC_PREVENTION: 'specifieke preventie',
  PERSON_CENTRED: 'persoonsgerichte aanpak',
  AFTERCARE: 'nazorg re-integratie',
};

interface Row {
  id: number;
  type: ContentType;
  slug: string;
  authority: string | null;
  law: string | null;
  article: string | null;
  level: string | null;
}
interface TranslationRow {
  content_id: number;
  locale: Locale;
  title: string;
  summary: string;
  body: string;
  fields: string | Record<string, unknown>;
}

const asText = (v: unknown): string =>
  Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : '';

/**
 * Builds the search documents of the given items (all items when `ids` is omitted) from the
 * database, in a fixed number of statements.
 */
export async function loadSearchDocuments(
  em: EntityManager,
  ids?: readonly number[],
): Promise<SearchDocument[]> {
  const knex = em.getKnex();
  const trx = em.getTransactionContext<Parameters<ReturnType<typeof knex>['transacting']>[0]>();
  const q = (table: string) => (trx ? knex(table).transacting(trx) : knex(table));
  const scope = (b: ReturnType<typeof q>, column: string) =>
    ids ? b.whereIn(column, [...ids]) : b;
  const rows = (await scope(
    q('content').select('id', 'type', 'slug', 'authority', 'law', 'article', 'level'),
    'id',
  )) as Row[];
  const translations = (await scope(
    q('content_translation').select('*'),
    'content_id',
  )) as TranslationRow[];
  const tagRows = (await scope(
    q('content_tag as ct')
      .join('tag as t', 't.id', 'ct.tag_id')
      .select('ct.content_id', 't.slug', 't.name_nl', 't.name_en'),
    'ct.content_id',
  )) as { content_id: number; slug: string; name_nl: string; name_en: string | null }[];

  const docs: SearchDocument[] = [];
  for (const row of rows) {
    const own = translations.filter((t) => Number(t.content_id) === Number(row.id));
    const nl = own.find((t) => t.locale === Locale.NL);
    if (!nl) continue;
    const tags = tagRows.filter((t) => Number(t.content_id) === Number(row.id));
    for (const locale of [Locale.NL, Locale.EN]) {
      const tr = own.find((t) => t.locale === locale) ?? nl;
      const fields = { ...parse(nl.fields), ...parse(tr.fields) };
      const extra = [
        row.law,
        row.article ? `artikel ${row.article} art. ${row.article}` : null,
        row.authority ? LABELS[row.authority] : null,
        row.level ? LABELS[row.level] : null,
        ...Object.values(fields).map(asText),
      ];
      docs.push({
        id: documentId(row.type, row.slug, locale),
        type: row.type,
        slug: row.slug,
        locale,
        title: tr.title || nl.title,
        summary: tr.summary || nl.summary,
        body: renderBody(tr.body || nl.body, TextFormat.PLAIN),
        tags: tags.map((t) => ({
          slug: t.slug,
          name: locale === Locale.EN && t.name_en ? t.name_en : t.name_nl,
        })),
        extra: extra.filter(Boolean).join('\n'),
      });
    }
  }
  return docs;
}

function parse(fields: string | Record<string, unknown>): Record<string, unknown> {
  return typeof fields === 'string' ? (JSON.parse(fields) as Record<string, unknown>) : fields;
}
