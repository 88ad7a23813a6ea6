import { SLUG_PATTERN } from '../../lib/slug';

const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Global Node ids: base64url of `<type>:<slug>`. They are derived from the seed identity, so an
 * id stays valid across re-seeds and database moves.
 */
export function toGlobalId(type: string, slug: string): string {
  return Buffer.from(`${type}:${slug}`, 'utf8').toString('base64url');
}

/** Type and slug of a global id; undefined for anything that is not shaped like one. */
export function fromGlobalId(id: string): { type: string; slug: string } | undefined {
  if (id.length > 200 || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep < 0) return undefined;
  const type = decoded.slice(0, sep);
  const slug = decoded.slice(sep + 1);
  return TYPE_NAME.test(type) && SLUG_PATTERN.test(slug) ? { type, slug } : undefined;
}
