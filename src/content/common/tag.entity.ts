import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A tag from seed/tags.yml. */
@Entity({ tableName: 'tag' })
export class Tag {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 120, unique: true })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  nameNl!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  nameEn?: string | null;
}
