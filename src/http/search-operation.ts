import { Kind, parse, visit, BREAK } from 'graphql';
import type { FastifyRequest } from 'fastify';

type QueryLookup = (sha256: string) => Promise<string | undefined>;

/** What a request asks of search: full `search` (the expensive one), only `suggest`, or neither. */
export type SearchUse = 'search' | 'suggest' | null;

/**
 * What a request asks of search, read from the parsed documents so that aliases, fragments or
 * `search` inside a string do not fool it: `search` if any operation asks for it, else `suggest`
 * if one asks for type-ahead. Persisted queries are looked up by hash. A document that does not
 * parse asks for neither; Apollo refuses it.
 */
export async function searchUseOf(
  request: FastifyRequest,
  lookup: QueryLookup,
  maxTokens: number,
): Promise<SearchUse> {
  const operations = Array.isArray(request.body)
    ? (request.body as unknown[])
    : [paramsOf(request)];
  let use: SearchUse = null;
  for (const params of operations) {
    const query = await queryOf(params, lookup);
    const found = query === undefined ? null : documentSearchUse(query, maxTokens);
    if (found === 'search') return found;
    use ??= found;
  }
  return use;
}

function paramsOf(request: FastifyRequest): unknown {
  if (request.method !== 'GET') return request.body;
  const params = request.query as Record<string, unknown>;
  if (typeof params.extensions !== 'string') return params;
  try {
    return { ...params, extensions: JSON.parse(params.extensions) as unknown };
  } catch {
    return params;
  }
}

async function queryOf(params: unknown, lookup: QueryLookup): Promise<string | undefined> {
  if (!params || typeof params !== 'object') return undefined;
  const { query, extensions } = params as { query?: unknown; extensions?: unknown };
  if (typeof query === 'string') return query;
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? lookup(hash) : undefined;
}

export function documentSearchUse(query: string, maxTokens: number): SearchUse {
  if (!query.includes('search') && !query.includes('suggest')) return null;
  let use: SearchUse = null;
  try {
    visit(parse(query, { maxTokens, noLocation: true }), {
      [Kind.FIELD](node) {
        if (node.name.value === 'search') {
          use = 'search';
          return BREAK;
        }
        if (node.name.value === 'suggest') use = 'suggest';
        return undefined;
      },
    });
  } catch {
    return null;
  }
  return use;
}
