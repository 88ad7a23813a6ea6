import { ContentType } from './enums';

/**
 * Global Node ids: base64url of `<ContentType>:<slug>`. They are derived from the seed
 * identity, so an id stays valid across re-seeds and database moves.
 */
export function toGlobalId(type: ContentType, slug: string): string {
  return Buffer.from(`${type}:${slug}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string): { type: ContentType; slug: string } | undefined {
  if (id.length > 200 || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  const type = decoded.slice(0, sep) as ContentType;
  const slug = decoded.slice(sep + 1);
  if (
    sep < 0 ||
    !Object.values(ContentType).includes(type) ||
    !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)
  ) {
    return undefined;
  }
  return { type, slug };
}
