import { registerEnumType } from 'type-graphql';
import type { ContentTypeDescriptor } from './common/descriptor';
import { defineLabels } from './common/labels';
import { guidance } from './guidance/guidance.descriptor';
import { legalPower } from './legal-power/legal-power.descriptor';
import { preventionApproach } from './prevention-approach/prevention-approach.descriptor';
import { targetGroup } from './target-group/target-group.descriptor';

/**
 * Every content type, one descriptor each. The ORM entities, the GraphQL schema (the
 * `ContentType` enum included), the seed pipeline, the read model and the search partitions
 * are derived from this list. Append new types at the end: search partitions follow the order.
 */
const REGISTERED = [
  guidance,
  legalPower,
  preventionApproach,
  targetGroup,
] as const satisfies readonly ContentTypeDescriptor[];

export const CONTENT_TYPES: readonly ContentTypeDescriptor[] = REGISTERED;

/** The name of a registered content type, e.g. `LEGAL_POWER`. */
export type ContentType = (typeof REGISTERED)[number]['type'];

/** The registered type names by name, used like an enum: `ContentType.LEGAL_POWER`. */
export const ContentType = Object.freeze(
  Object.fromEntries(CONTENT_TYPES.map((d) => [d.type, d.type])),
) as { readonly [T in ContentType]: T };

registerEnumType(ContentType, {
  name: 'ContentType',
  description: 'The kinds of content.',
  valuesConfig: Object.fromEntries(
    CONTENT_TYPES.map((d) => [d.type, { description: d.description }]),
  ),
});
defineLabels('ContentType', Object.fromEntries(CONTENT_TYPES.map((d) => [d.type, d.label])));

const byType = new Map<string, ContentTypeDescriptor>(CONTENT_TYPES.map((d) => [d.type, d]));
const byFolder = new Map<string, ContentTypeDescriptor>(CONTENT_TYPES.map((d) => [d.folder, d]));

export function isContentType(name: string): name is ContentType {
  return byType.has(name);
}

/** The descriptor of a registered type. */
export function descriptorOf(type: string): ContentTypeDescriptor {
  const descriptor = byType.get(type);
  if (!descriptor) throw new Error(`unknown content type ${type}`);
  return descriptor;
}

/** The type whose seed folder is `folder`, if any. */
export function typeOfFolder(folder: string): ContentType | undefined {
  return byFolder.get(folder)?.type as ContentType | undefined;
}

/**
 * The name relations, `kb:` links and seed runs give an item: `<type-folder>/<slug>`. An item of
 * a type no longer registered keeps its type's name in place of a folder, which no seed file
 * matches.
 */
export function itemRef(type: string, slug: string): string {
  return `${byType.get(type)?.folder ?? type}/${slug}`;
}

/** The seed folders of all types, in registry order. */
export const TYPE_FOLDERS: readonly string[] = CONTENT_TYPES.map((d) => d.folder);
