import { MeiliSearch, MeiliSearchApiError, type Hit } from 'meilisearch';
import type { ContentType, Locale } from '../../content/common/enums';
import { escapeHtml } from '../analysis/highlight';
import type { SearchDocument } from '../documents';
import {
  SearchUnavailableError,
  type IndexChanges,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  type StagedChanges,
} from '../search-engine';
import type { SynonymGroups } from '../synonyms';
import {
  meiliFilter,
  meiliSettings,
  meiliTotal,
  toMeiliDocument,
  type MeiliDocument,
} from './settings';

const INDEX = 'content';
const META = 'content_meta';
const TASK_TIMEOUT = 60_000;
const PRE = '\u0001';
const POST = '\u0002';

export interface MeiliOptions {
  readonly host: string;
  readonly apiKey?: string;
  readonly synonyms: SynonymGroups;
  readonly indexUid?: string;
}

/** Foreign errors become SearchUnavailableError here, and only here, keeping the cause. */
async function guard<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof SearchUnavailableError) throw error;
    throw new SearchUnavailableError(`Meilisearch: ${what} failed`, { cause: error });
  }
}

/** Highlighted text with our own escaping: Meilisearch returns raw text. */
const marked = (text: string | undefined) =>
  escapeHtml(text ?? '')
    .replaceAll(PRE, '<mark>')
    .replaceAll(POST, '</mark>');

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly client: MeiliSearch;
  private readonly uid: string;

  constructor(private readonly options: MeiliOptions) {
    this.client = new MeiliSearch({ host: options.host, apiKey: options.apiKey, timeout: 5_000 });
    this.uid = options.indexUid ?? INDEX;
  }

  indexedVersion(): Promise<number | null> {
    return guard('reading the index version', async () => {
      try {
        const doc = await this.client.index(`${this.uid}_${META}`).getDocument('state');
        return Number(doc.version);
      } catch (error) {
        if (error instanceof MeiliSearchApiError && error.cause?.code === 'document_not_found')
          return null;
        if (error instanceof MeiliSearchApiError && error.cause?.code === 'index_not_found')
          return null;
        throw error;
      }
    });
  }

  private async setVersion(version: number): Promise<void> {
    await this.client
      .index(`${this.uid}_${META}`)
      .addDocuments([{ id: 'state', version }], { primaryKey: 'id' })
      .waitTask({ timeout: TASK_TIMEOUT });
  }

  // Meilisearch has no transactions: the writes happen at commit, after the database commit.
  stage(changes: IndexChanges): Promise<StagedChanges> {
    const commit = () =>
      guard('updating the index', async () => {
        const index = this.client.index<MeiliDocument>(this.uid);
        await index
          .updateSettings(meiliSettings(this.options.synonyms))
          .waitTask({ timeout: TASK_TIMEOUT });
        const items = [...changes.remove, ...changes.upsert.map((d) => `${d.type}:${d.slug}`)];
        if (items.length) {
          await index
            .deleteDocuments({
              filter: `item IN [${items.map((i) => JSON.stringify(i)).join(', ')}]`,
            })
            .waitTask({ timeout: TASK_TIMEOUT });
        }
        if (changes.upsert.length) {
          await index
            .addDocuments(changes.upsert.map(toMeiliDocument), { primaryKey: 'id' })
            .waitTask({ timeout: TASK_TIMEOUT });
        }
        await this.setVersion(changes.contentVersion);
      });
    return Promise.resolve({ commit, rollback: () => Promise.resolve() });
  }

  rebuild(documents: readonly SearchDocument[], contentVersion: number): Promise<void> {
    return guard('rebuilding the index', async () => {
      const temp = `${this.uid}_rebuild_${Date.now()}`;
      await this.client.createIndex(temp, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT });
      const index = this.client.index<MeiliDocument>(temp);
      await index
        .updateSettings(meiliSettings(this.options.synonyms))
        .waitTask({ timeout: TASK_TIMEOUT });
      for (let i = 0; i < documents.length; i += 5_000) {
        await index
          .addDocuments(documents.slice(i, i + 5_000).map(toMeiliDocument))
          .waitTask({ timeout: TASK_TIMEOUT });
      }
      await this.client
        .createIndex(this.uid, { primaryKey: 'id' })
        .waitTask({ timeout: TASK_TIMEOUT });
      await this.client
        .swapIndexes([{ indexes: [this.uid, temp], rename: false }])
        .waitTask({ timeout: TASK_TIMEOUT });
      await this.client.deleteIndex(temp).waitTask({ timeout: TASK_TIMEOUT });
      await this.setVersion(contentVersion);
    });
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return guard('search', async () => {
      const base = { indexUid: this.uid, q: request.query.slice(0, 1000) };
      const { results } = await this.client.multiSearch({
        queries: [
          {
            ...base,
            filter: meiliFilter(request.locale, request.types, request.tags),
            limit: request.limit,
            offset: request.offset,
            facets: ['tags'],
            showRankingScore: true,
            attributesToHighlight: ['title', 'summary', 'body'],
            attributesToCrop: ['body'],
            cropLength: 30,
            highlightPreTag: PRE,
            highlightPostTag: POST,
          },
          // Type counts ignore the type filter, as the embedded engine's do.
          {
            ...base,
            filter: meiliFilter(request.locale, undefined, request.tags),
            limit: 0,
            facets: ['type'],
          },
        ],
      });
      const [page, types] = results as [(typeof results)[number], (typeof results)[number]];
      const facet = (r: typeof page, field: string) =>
        Object.entries(r.facetDistribution?.[field] ?? {})
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return {
        total: meiliTotal(
          types.facetDistribution?.type,
          request.types,
          page.estimatedTotalHits ?? page.totalHits ?? 0,
        ),
        facets: [
          { field: 'type' as const, values: facet(types, 'type') },
          { field: 'tags' as const, values: facet(page, 'tags') },
        ],
        hits: (page.hits as Hit<MeiliDocument>[]).map((hit) => ({
          type: hit.type as ContentType,
          slug: hit.slug,
          score: hit._rankingScore ?? 0,
          highlights: (['title', 'summary', 'body'] as const).flatMap((field) => {
            const text = field === 'body' ? hit._formatted?.body : hit._formatted?.[field];
            return text?.includes(PRE) ? [{ field, snippet: marked(text) }] : [];
          }),
        })),
      };
    });
  }

  suggest(prefix: string, locale: Locale, limit: number): Promise<string[]> {
    return guard('suggest', async () => {
      const res = await this.client.index<MeiliDocument>(this.uid).search(prefix.slice(0, 200), {
        filter: meiliFilter(locale),
        limit,
        attributesToRetrieve: ['title'],
      });
      return [...new Set(res.hits.map((h) => h.title))];
    });
  }

  health(): Promise<void> {
    return guard('health check', async () => {
      await this.client.health();
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
