/**
 * The API the components talk to. kb.js is served at `<api>/embed/v1/kb.js`, so without an `api`
 * attribute the base is two folders up from the module itself (any path prefix of a proxy kept).
 */
export const SCRIPT_API = new URL('../../', import.meta.url).href.replace(/\/$/, '');

/** `api` attribute or the script's own base, without a trailing slash. */
export function apiBase(attribute: string | null | undefined): string {
  return (attribute?.trim() || SCRIPT_API).replace(/\/+$/, '');
}

/** A request that did not give data: network, HTTP status or GraphQL errors, in words. */
export class KbRequestError extends Error {
  override name = 'KbRequestError';
}

interface GraphqlPayload<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string }[];
}

/** POSTs one GraphQL operation as JSON to `${api}/graphql` (no cookies: the API is public). */
export async function graphql<T>(
  api: string,
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    credentials: 'omit',
    signal,
  });
  let payload: GraphqlPayload<T> | undefined;
  try {
    payload = (await response.json()) as GraphqlPayload<T>;
  } catch {
    // Not JSON: the status line says what went wrong.
  }
  if (payload?.errors?.length) {
    throw new KbRequestError(payload.errors.map((error) => error.message).join('; '));
  }
  if (!response.ok || !payload?.data) {
    throw new KbRequestError(`HTTP ${response.status} ${response.statusText}`.trim());
  }
  return payload.data;
}

/** What a link to an item carries; the `kb-open` event's detail. */
export interface ItemLink {
  readonly type: string;
  readonly slug: string;
  readonly path: string;
  readonly url?: string | null;
  readonly title?: string;
}

/** Where a link to an item points on the portal: its absolute `url` when set, else its `path`. */
export function hrefOf(item: Pick<ItemLink, 'path' | 'url'>): string {
  return item.url ?? item.path;
}

/** One page of a GraphQL connection. */
export interface Connection<N> {
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
  readonly edges: readonly { node: N }[];
}
