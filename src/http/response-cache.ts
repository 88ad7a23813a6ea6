import type { FastifyRequest } from 'fastify';
import { ByteLru } from '../lib/byte-lru';

export interface CachedResponse {
  readonly body: string;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly etag: string;
  readonly operationName: string | null;
}

export type CacheResult = 'HIT' | 'MISS' | 'BYPASS';

/**
 * Whole responses of anonymous queries, bounded in bytes. Keys carry the content version, and
 * the cache is emptied when the version changes, so an entry never outlives its content. Only
 * responses Apollo marked publicly cacheable (no errors) are stored.
 */
export class ResponseCache {
  private readonly lru: ByteLru<CachedResponse>;

  constructor(maxBytes: number) {
    this.lru = new ByteLru(maxBytes, (key, value) => 2 * key.length + 2 * value.body.length + 200);
  }

  get(key: string): CachedResponse | undefined {
    return this.lru.get(key);
  }

  set(key: string, response: CachedResponse): void {
    this.lru.set(key, response);
  }

  clear(): void {
    this.lru.clear();
  }
}

/**
 * What identifies the answer to a request at a content version: query (or persisted hash),
 * variables, operation name and Accept. Undefined when the request must not be answered from
 * a cache (credentials, a batch, no query).
 */
export function responseKey(
  request: FastifyRequest,
  contentVersion: number,
  accept: string,
): string | undefined {
  // Cookies do not change any answer of this unauthenticated API; credentials might one day.
  if (request.headers.authorization) return undefined;
  const params = request.method === 'GET' ? getParams(request) : request.body;
  if (!params || typeof params !== 'object' || Array.isArray(params)) return undefined;
  const { query, operationName, variables, extensions } = params as Record<string, unknown>;
  let source: string;
  if (typeof query === 'string') source = `q:${query}`;
  else {
    const hash = persistedHash(extensions);
    if (!hash) return undefined;
    source = `h:${hash}`;
  }
  const vars = typeof variables === 'string' ? variables : JSON.stringify(variables ?? null);
  const name = typeof operationName === 'string' ? operationName : '';
  return `${contentVersion}\u0000${accept}\u0000${name}\u0000${vars}\u0000${source}`;
}

function getParams(request: FastifyRequest): Record<string, unknown> | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  if (!query) return undefined;
  const extensions = query.extensions;
  if (typeof extensions !== 'string') return query;
  try {
    return { ...query, extensions: JSON.parse(extensions) as unknown };
  } catch {
    return undefined;
  }
}

function persistedHash(extensions: unknown): string | undefined {
  const pq = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  return typeof pq?.sha256Hash === 'string' ? pq.sha256Hash : undefined;
}
