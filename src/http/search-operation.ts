import { Kind, parse, visit, BREAK } from 'graphql';
import type { FastifyRequest } from 'fastify';

type QueryLookup = (sha256: string) => Promise<string | undefined>;

/**
 * Whether a request asks for a `search` field (the expensive one), read from the parsed
 * document so that aliases, fragments or `search` inside a string do not fool it. Persisted
 * queries are looked up by hash. A document that does not parse is not search; Apollo refuses it.
 */
export async function requestsSearch(
  request: FastifyRequest,
  lookup: QueryLookup,
  maxTokens: number,
): Promise<boolean> {
  const operations = Array.isArray(request.body)
    ? (request.body as unknown[])
    : [paramsOf(request)];
  for (const params of operations) {
    const query = await queryOf(params, lookup);
    if (query !== undefined && documentHasSearch(query, maxTokens)) return true;
  }
  return false;
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

export function documentHasSearch(query: string, maxTokens: number): boolean {
  if (!query.includes('search')) return false;
  let found = false;
  try {
    visit(parse(query, { maxTokens, noLocation: true }), {
      [Kind.FIELD](node) {
        if (node.name.value !== 'search') return undefined;
        found = true;
        return BREAK;
      },
    });
  } catch {
    return false;
  }
  return found;
}
