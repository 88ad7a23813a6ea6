import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { ContentEntity } from './content.entity';

/** A source an item cites, in the order the editor listed them. */
@Entity({ tableName: 'source' })
export class Source {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne('ContentEntity', { ref: true, deleteRule: 'cascade', fieldName: 'content_id' })
  content!: Ref<ContentEntity>;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'string', length: 400 })
  title!: string;

  @Property({ type: 'string', length: 2000, nullable: true })
  url?: string | null;

  @Property({ type: 'string', length: 400, nullable: true })
  publisher?: string | null;

  @Property({ type: 'string', length: 10, nullable: true })
  date?: string | null;
}
