import type { EntityClass } from '@mikro-orm/core';
import type { z } from 'zod';
import type { ContentEntity } from './content.entity';
import type { ContentObjectClass } from './content.type';
import type { Label } from './labels';

/**
 * Everything the rest of the system needs to know about one content type. Each type folder
 * exports one descriptor; src/content/registry.ts lists them, and the ORM entities, the GraphQL
 * schema, the seed pipeline, the read model and the search partitions are all derived from
 * that list.
 */
export interface ContentTypeDescriptor {
  /** Name in the `ContentType` GraphQL enum and in global ids, e.g. `LEGAL_POWER`. */
  readonly type: string;
  /** Description of the enum value. */
  readonly description: string;
  /** Display name of the type (singular), served by `enumLabels` and on facets. */
  readonly label: Label;
  /** Seed folder, and the prefix of relations and `kb:` links, e.g. `legal-powers`. */
  readonly folder: string;
  /** Stem of the JSON Schema files in schema/content/, e.g. `legal-power`. */
  readonly schemaName: string;
  /** MikroORM entity (single-table inheritance on `content`). */
  readonly entity: EntityClass<ContentEntity>;
  /** GraphQL object type; the read model builds one view per item and locale from it. */
  readonly object: ContentObjectClass;
  /** type-graphql resolvers: the type's queries and its relation fields. */
  readonly resolvers: readonly (new () => object)[];
  /**
   * The type's own front-matter fields of the Dutch (canonical) and English files; the common
   * fields and the relation fields (from `links` and `tree`) are added to them.
   */
  readonly fields: { readonly nl: z.ZodRawShape; readonly en: z.ZodRawShape };
  /**
   * Checks across the Dutch front-matter fields that one field's schema cannot express (for
   * example "one of these two is required"); each problem names its field.
   */
  readonly checkNl?: (
    fields: Readonly<Record<string, unknown>>,
  ) => readonly { readonly field: string; readonly message: string }[];
  /** Language-neutral front-matter fields stored as columns of the entity. */
  readonly neutralFields: readonly string[];
  /** Translated type-specific fields, stored per locale; English falls back to Dutch. */
  readonly translatedFields: readonly string[];
  /** Typed relations: front-matter field -> the `type` of the items it names. */
  readonly links: Readonly<Record<string, string>>;
  /** Items form a tree through `parent` (an item of the same type) and `position`. */
  readonly tree?: boolean;
  /** Language-neutral text that search should find the item by (law, article, labels). */
  readonly searchText?: (fields: Readonly<Record<string, unknown>>) => readonly string[];
}
