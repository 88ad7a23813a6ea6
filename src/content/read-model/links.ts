import type { Locale } from '../common/enums';

/** How items are linked: paths from a template, absolute URLs under the public base URL. */
export interface LinkSettings {
  /** Path of an item, with `{type}` (its seed folder), `{slug}` and `{locale}`. */
  readonly template: string;
  /** Base URL the items are published under, without a trailing slash; unset: no URLs. */
  readonly publicUrl?: string;
}

/** Items link to `/<type-folder>/<slug>` unless configured otherwise. */
export const DEFAULT_LINKS: LinkSettings = Object.freeze({ template: '/{type}/{slug}' });

/** The path of an item from the link template. */
export function itemPath(
  links: LinkSettings,
  folder: string,
  slug: string,
  locale: Locale,
): string {
  return links.template.replace(/\{(type|slug|locale)\}/g, (_, name: string) =>
    name === 'type' ? folder : name === 'slug' ? slug : locale,
  );
}

/** The absolute URL of a path, when a public base URL is configured. */
export function itemUrl(links: LinkSettings, path: string): string | null {
  if (!links.publicUrl) return null;
  return /^https?:\/\//.test(path)
    ? path
    : `${links.publicUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}
