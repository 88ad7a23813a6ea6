import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import type { ContentEntity } from './content.entity';

export enum LinkKind {
  /** A typed relation (legal power <-> target group, approach <-> legal power, ...). */
  TYPED = 'TYPED',
  /** The generic "see also" relation. */
  RELATED = 'RELATED',
}

/**
 * A relation between two items. Relations are symmetric: a link declared in either item's
 * file is stored in both directions, so reading from either side is one indexed lookup.
 */
@Entity({ tableName: 'content_link' })
@Unique({ properties: ['from', 'to', 'kind'] })
export class ContentLink {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne('ContentEntity', { ref: true, deleteRule: 'cascade', fieldName: 'from_id' })
  from!: Ref<ContentEntity>;

  @ManyToOne('ContentEntity', { ref: true, deleteRule: 'cascade', fieldName: 'to_id' })
  to!: Ref<ContentEntity>;

  @Enum({ items: () => LinkKind, type: 'string' })
  kind!: LinkKind;

  /** Order in which the declaring file listed the target. */
  @Property({ type: 'integer' })
  position!: number;
}
