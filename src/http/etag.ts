import { createHash } from 'node:crypto';
import { ByteLru } from '../lib/byte-lru';

/** A strong validator: the content version and a hash of the response bytes. */
export function strongEtag(contentVersion: number, body: string): string {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return `"v${contentVersion}-${hash}"`;
}

/**
 * ETags of answers that are fixed once their request and content state are: every request
 * key gets its body hashed once per state (a state is one content version and its search
 * index), and the next request with that key reuses the tag. Answers that used the search
 * index are hashed every time, as two indexes of one version may order equal scores differently.
 */
export class EtagMemo<State extends object> {
  private readonly byState = new WeakMap<State, ByteLru<string>>();

  constructor(private readonly maxBytes = 1 << 20) {}

  etagOf(state: State, version: number, key: string | undefined, body: string): string {
    if (key === undefined) return strongEtag(version, body);
    let memo = this.byState.get(state);
    if (!memo) {
      memo = new ByteLru(this.maxBytes, (k, tag) => 2 * (k.length + tag.length) + 100);
      this.byState.set(state, memo);
    }
    let etag = memo.get(key);
    if (etag === undefined) {
      etag = strongEtag(version, body);
      memo.set(key, etag);
    }
    return etag;
  }
}

/** RFC 9110 If-None-Match: `*` or any listed tag, compared weakly (W/ prefixes ignored). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}
