import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Locale } from './enums';
import type { ContentEntity } from './content.entity';

/** The translated fields of one item in one locale. */
@Entity({ tableName: 'content_translation' })
@Unique({ properties: ['content', 'locale'] })
export class ContentTranslation {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne('ContentEntity', { ref: true, deleteRule: 'cascade', fieldName: 'content_id' })
  content!: Ref<ContentEntity>;

  @Enum({ items: () => Locale, type: 'string' })
  locale!: Locale;

  @Property({ type: 'string', length: 400 })
  title!: string;

  @Property({ type: 'text' })
  summary!: string;

  /** Markdown source; empty means "not translated" and falls back to Dutch. */
  @Property({ type: 'text' })
  body!: string;

  /** Type-specific translated fields (conditions, signals, ...); absent keys fall back. */
  @Property({ type: 'json' })
  fields!: Record<string, unknown>;
}
