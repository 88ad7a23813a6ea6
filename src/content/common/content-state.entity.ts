import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A single row recording the content version, bumped by every seed run that changes content. */
@Entity({ tableName: 'content_state' })
export class ContentState {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
