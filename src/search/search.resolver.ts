import { GraphQLError } from 'graphql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { pageSize } from '../content/common/connection';
import type { ContentContext } from '../content/common/context';
import { Locale } from '../content/common/enums';
import { labelOf } from '../content/common/labels';
import { capped } from '../content/common/list-input';
import { tagName } from '../content/read-model/item';
import type { ContentSnapshot } from '../content/read-model/snapshot';
import { ContentType } from '../content/registry';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { BadUserInputError, ErrorCode } from '../lib/errors';
import { canonicalJson, sha256 } from '../lib/hash';
import type { SearchContext } from './context';
import { searchLatency } from './metrics';
import { SearchUnavailableError, type SearchReader } from './search-engine';
import { SearchConnection } from './search.type';
import { Suggestion, SuggestionKind } from './suggestion.type';

const MAX_SEARCH_RESULTS = 1000;

type Context = ContentContext & SearchContext;

function readerOf(ctx: Context): SearchReader {
  if (!ctx.search)
    throw new GraphQLError('Search is temporarily unavailable; other queries keep working', {
      extensions: { code: ErrorCode.SEARCH_UNAVAILABLE },
    });
  if (ctx.report) ctx.report.usedIndex = true;
  return ctx.search;
}

async function guarded<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      throw new GraphQLError('Search is temporarily unavailable; other queries keep working', {
        extensions: { code: ErrorCode.SEARCH_UNAVAILABLE },
        originalError: error,
      });
    }
    throw error;
  }
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description: 'Full-text search over all content, Dutch-aware, best match first.',
  })
  async search(
    @Arg('query', { description: 'What the user typed; any text is safe.' }) query: string,
    @Arg('locale', () => Locale, {
      nullable: true,
      defaultValue: Locale.NL,
      description: 'Locale to search and serve.',
    })
    locale: Locale | null,
    @Arg('types', () => [ContentType], {
      nullable: true,
      description: 'Only these types (at most 20 entries).',
    })
    givenTypes: ContentType[] | null,
    @Arg('tags', () => [String], {
      nullable: true,
      description: 'Only items carrying all these tag slugs (at most 20).',
    })
    givenTags: string[] | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 10,
      description: 'Page size, 0 to 100.',
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts.',
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<SearchConnection> {
    const limit = pageSize(first ?? 10);
    // Each distinct value once: a repeated tag or type asks for nothing more.
    const types = distinct(capped('types', givenTypes));
    const tags = distinct(capped('tags', givenTags));
    const lang = locale ?? Locale.NL;
    const key = sha256(canonicalJson({ query, lang, types, tags })).slice(0, 16);
    const offset = after === null || after === undefined ? 0 : decodeOffset(after, key);
    const reader = readerOf(ctx);
    const stopTimer = searchLatency.startTimer({ engine: reader.engine });
    const result = await guarded(() =>
      reader.search({
        query,
        locale: lang,
        types: types ?? undefined,
        tags: tags ?? undefined,
        limit,
        offset,
      }),
    ).finally(() => stopTimer());
    const edges = result.hits.flatMap((hit, i) => {
      const item = ctx.content.item(hit.type, hit.slug);
      const content = item && ctx.content.view(item, lang);
      return content
        ? [
            {
              cursor: encodeCursor(['s', key, offset + i + 1]),
              node: { score: hit.score, content, highlights: [...hit.highlights] },
            },
          ]
        : [];
    });
    const total = Math.min(result.total, MAX_SEARCH_RESULTS);
    return {
      totalCount: result.total,
      edges,
      pageInfo: {
        hasNextPage: offset + result.hits.length < total,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      facets: result.facets.map((f) => ({
        field: f.field,
        values: f.values.map((v) => ({
          ...v,
          label: facetLabel(ctx.content, f.field, v.value, lang),
        })),
      })),
    };
  }

  @Query(() => [Suggestion], {
    description:
      'Completions for search-as-you-type, in the locale: the text with its last word completed (a complete word included), and titles of matching items.',
  })
  async suggest(
    @Arg('prefix', { description: 'What the user has typed so far.' }) prefix: string,
    @Arg('locale', () => Locale, {
      nullable: true,
      defaultValue: Locale.NL,
      description: 'Locale whose words and titles are suggested.',
    })
    locale: Locale | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 8, description: 'How many, 0 to 20.' })
    first: number | null,
    @Ctx() ctx: Context,
  ): Promise<Suggestion[]> {
    const limit = pageSize(first ?? 8, 20);
    const lang = locale ?? Locale.NL;
    const found = await guarded(() => readerOf(ctx).suggest(prefix, lang, limit));
    return found.flatMap((s): Suggestion[] => {
      if (s.kind === 'word') return [{ text: s.text, kind: SuggestionKind.WORD, content: null }];
      const item = ctx.content.item(s.type, s.slug);
      const content = item && ctx.content.view(item, lang);
      return content ? [{ text: content.title, kind: SuggestionKind.TITLE, content }] : [];
    });
  }
}

function distinct<T>(values: readonly T[] | null | undefined): T[] | null {
  return values ? [...new Set(values)] : null;
}

function decodeOffset(after: string, key: string): number {
  const decoded = decodeCursor(after);
  if (!Array.isArray(decoded) || decoded[0] !== 's' || !Number.isSafeInteger(decoded[2])) {
    throw new BadUserInputError('after', 'is not a cursor returned by this search');
  }
  if (decoded[1] !== key)
    throw new BadUserInputError('after', 'belongs to another search; start again without `after`');
  const offset = decoded[2] as number;
  if (offset < 0 || offset >= MAX_SEARCH_RESULTS)
    throw new BadUserInputError('after', `pages end after ${MAX_SEARCH_RESULTS} results`);
  return offset;
}

/** A facet value's display name: the type's label, or the tag's name in `locale`. */
function facetLabel(model: ContentSnapshot, field: string, value: string, locale: Locale): string {
  if (field === 'type') return labelOf('ContentType', value, locale);
  const tag = model.tag(value);
  return tag ? tagName(tag, locale) : value;
}
