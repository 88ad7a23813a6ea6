import { MeiliSearch, MeiliSearchApiError, type Hit } from 'meilisearch';
import type { Locale } from '../../content/common/enums';
import { chunks } from '../../lib/batch';
import { canonicalJson, sha256 } from '../../lib/hash';
import { escapeHtml } from '../analysis/highlight';
import { itemDiff, itemOf, type SearchDocument } from '../documents';
import {
  SearchUnavailableError,
  type IndexState,
  type IndexTarget,
  type SearchEngine,
  type SearchReader,
  type SearchRequest,
  type SearchResult,
  type Suggestion,
} from '../search-engine';
import {
  MEILI_SEARCH_PARAMS,
  meiliFilter,
  meiliSettings,
  meiliTotal,
  titleSuggestions,
  toMeiliDocument,
  type MeiliDocument,
} from './settings';

const INDEX = 'content';
const META = 'content_meta';
const TASK_TIMEOUT = 60_000;
const PAGE = 5_000;
const PRE = '\u0001';
const POST = '\u0002';

export interface MeiliOptions {
  readonly host: string;
  readonly apiKey?: string;
  readonly indexUid?: string;
}

/** What the shared index says it holds. */
interface MeiliState {
  readonly version: number;
  readonly fingerprint: string;
  /** Hash of the index settings (synonyms included). */
  readonly settings: string;
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

const isMissing = (error: unknown) =>
  error instanceof MeiliSearchApiError &&
  (error.cause?.code === 'document_not_found' || error.cause?.code === 'index_not_found');

/** Highlighted text with our own escaping: Meilisearch returns raw text. */
const marked = (text: string | undefined) =>
  escapeHtml(text ?? '')
    .replaceAll(PRE, '<mark>')
    .replaceAll(POST, '</mark>');

const settingsHash = (target: IndexTarget) => sha256(canonicalJson(meiliSettings(target.synonyms)));

/**
 * Meilisearch through its official client. The index is shared by every instance: the seed
 * writes it after its database commit, and an instance that finds it behind the content
 * version it serves brings it up to date item by item (never back to an older version).
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly client: MeiliSearch;
  private readonly uid: string;

  constructor(options: MeiliOptions) {
    this.client = new MeiliSearch({ host: options.host, apiKey: options.apiKey, timeout: 5_000 });
    this.uid = options.indexUid ?? INDEX;
  }

  open(target: IndexTarget): Promise<SearchReader> {
    return guard('bringing the index up to date', async () => {
      const state = await this.state();
      const current =
        state?.fingerprint === target.fingerprint && state.settings === settingsHash(target);
      // A newer version written by a seed is the database's too; this instance follows soon.
      const behind = !current && !(state && state.version > target.version);
      if (behind) await this.sync(target);
      return this.reader(target, behind ? 'updated' : 'found');
    });
  }

  rebuild(target: IndexTarget): Promise<SearchReader> {
    return guard('rebuilding the index', async () => {
      const temp = `${this.uid}_rebuild_${Date.now()}`;
      await this.client.createIndex(temp, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT });
      const index = this.client.index<MeiliDocument>(temp);
      await index
        .updateSettings(meiliSettings(target.synonyms))
        .waitTask({ timeout: TASK_TIMEOUT });
      await this.add(temp, target, [...target.items.keys()]);
      await this.client
        .createIndex(this.uid, { primaryKey: 'id' })
        .waitTask({ timeout: TASK_TIMEOUT });
      await this.client
        .swapIndexes([{ indexes: [this.uid, temp], rename: false }])
        .waitTask({ timeout: TASK_TIMEOUT });
      await this.client.deleteIndex(temp).waitTask({ timeout: TASK_TIMEOUT });
      await this.setState(target);
      return this.reader(target, 'built');
    });
  }

  async check(reader: SearchReader): Promise<IndexState> {
    try {
      const state = await this.state();
      if (!state) return 'missing';
      if (state.fingerprint === (reader as MeiliReader).fingerprint) return 'current';
      // An older version is brought forward by `open`. A newer one comes from a seed, which
      // this instance follows at its next poll; the same version written otherwise comes
      // from another release, which would only write it back.
      return state.version < reader.version ? 'missing' : 'replaced';
    } catch {
      return 'broken';
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private reader(target: IndexTarget, opened: SearchReader['opened']): MeiliReader {
    return new MeiliReader(this.client, this.uid, target.version, target.fingerprint, opened);
  }

  private async state(): Promise<MeiliState | undefined> {
    try {
      const doc = await this.client.index(`${this.uid}_${META}`).getDocument('state');
      return {
        version: Number(doc.version),
        fingerprint: String(doc.fingerprint),
        settings: String(doc.settings),
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  private async setState(target: IndexTarget): Promise<void> {
    const state = {
      id: 'state',
      version: target.version,
      fingerprint: target.fingerprint,
      settings: settingsHash(target),
    };
    await this.client
      .index(`${this.uid}_${META}`)
      .addDocuments([state], { primaryKey: 'id' })
      .waitTask({ timeout: TASK_TIMEOUT });
  }

  /** Rewrites exactly the items whose hash differs from the target's. */
  private async sync(target: IndexTarget): Promise<void> {
    const index = this.client.index<MeiliDocument>(this.uid);
    await index.updateSettings(meiliSettings(target.synonyms)).waitTask({ timeout: TASK_TIMEOUT });
    const indexed = new Map<string, string>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await index.getDocuments({ fields: ['item', 'hash'], limit: PAGE, offset });
      for (const doc of page.results as Pick<MeiliDocument, 'item' | 'hash'>[])
        indexed.set(doc.item, doc.hash);
      if (page.results.length < PAGE) break;
    }
    const { remove, write } = itemDiff(indexed, target.items);
    for (const batch of chunks(remove)) {
      await index
        .deleteDocuments({ filter: `item IN [${batch.map((i) => JSON.stringify(i)).join(', ')}]` })
        .waitTask({ timeout: TASK_TIMEOUT });
    }
    await this.add(this.uid, target, write);
    await this.setState(target);
  }

  private async add(uid: string, target: IndexTarget, items: readonly string[]): Promise<void> {
    const index = this.client.index<MeiliDocument>(uid);
    for (const batch of chunks(items, 1_000)) {
      const documents = target
        .documents(batch)
        .map((d: SearchDocument) => toMeiliDocument(d, target.items.get(itemOf(d)) ?? ''));
      await index.addDocuments(documents, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT });
    }
  }
}

/** Searches the shared index; the fingerprint says which content it was opened for. */
class MeiliReader implements SearchReader {
  readonly engine = 'meilisearch';

  constructor(
    private readonly client: MeiliSearch,
    private readonly uid: string,
    readonly version: number,
    readonly fingerprint: string,
    readonly opened: SearchReader['opened'],
  ) {}

  search(request: SearchRequest): Promise<SearchResult> {
    return guard('search', async () => {
      const base = { indexUid: this.uid, q: request.query.slice(0, 1000), ...MEILI_SEARCH_PARAMS };
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
          type: hit.type,
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

  suggest(prefix: string, locale: Locale, limit: number): Promise<Suggestion[]> {
    return guard('suggest', async () => {
      const res = await this.client.index<MeiliDocument>(this.uid).search(prefix.slice(0, 200), {
        ...MEILI_SEARCH_PARAMS,
        filter: meiliFilter(locale),
        limit,
        attributesToRetrieve: ['title', 'type', 'slug'],
      });
      return titleSuggestions(res.hits);
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
