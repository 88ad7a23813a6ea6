import {
  Collection,
  Entity,
  Enum,
  ManyToMany,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import type { ContentTranslation } from './content-translation.entity';
import type { Source } from './source.entity';
import type { Tag } from './tag.entity';

/**
 * One content item of any type (single-table inheritance on `type`). Language-neutral fields
 * live here; translated fields live in ContentTranslation, one row per locale.
 */
@Entity({ tableName: 'content', abstract: true, discriminatorColumn: 'type' })
@Unique({ properties: ['type', 'slug'] })
export abstract class ContentEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /**
   * The content type (`ContentTypeDescriptor.type`); its allowed values are the
   * discriminator values of the registered types' entities.
   */
  @Enum({ type: 'string' })
  type!: string;

  @Property({ type: 'string', length: 120 })
  slug!: string;

  /** Hash of the item's seed files; the seed plan compares it to find changes. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  /** Folded Dutch title, for accent-insensitive ordering. */
  @Property({ type: 'string', length: 400 })
  sortTitleNl!: string;

  /** Folded English title, or the Dutch one when there is no translation. */
  @Property({ type: 'string', length: 400 })
  sortTitleEn!: string;

  /** "Stand van zaken": the date the facts were last checked (YYYY-MM-DD). */
  @Property({ type: 'string', length: 10, nullable: true })
  asOf?: string | null;

  /** Kept out of every public answer; served only to preview requests. */
  @Property({ type: 'boolean', default: false })
  draft: boolean = false;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @OneToMany('ContentTranslation', 'content', { orphanRemoval: true })
  translations = new Collection<ContentTranslation>(this);

  @OneToMany('Source', 'content', { orphanRemoval: true, orderBy: { position: 'asc' } as never })
  sources = new Collection<Source>(this);

  @ManyToMany({
    entity: 'Tag',
    pivotTable: 'content_tag',
    joinColumn: 'content_id',
    inverseJoinColumn: 'tag_id',
    fixedOrder: true,
  })
  tags = new Collection<Tag>(this);
}
