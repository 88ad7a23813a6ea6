import { hash as digest } from 'node:crypto';

/**
 * A strong validator: the content version and a hash of what determines the response bytes
 * (the bytes themselves, or the request they answer at that version).
 */
export function strongEtag(contentVersion: number, source: string): string {
  const hash = digest('sha256', source, 'base64url').slice(0, 27);
  return `"v${contentVersion}-${hash}"`;
}

/** RFC 9110 If-None-Match: `*` or any listed tag, compared weakly (W/ prefixes ignored). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}
