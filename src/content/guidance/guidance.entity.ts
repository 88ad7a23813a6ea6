import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { ContentEntity } from '../common/content.entity';
import { ContentType, GuidanceKind } from '../common/enums';

@Entity({ discriminatorValue: ContentType.GUIDANCE })
export class Guidance extends ContentEntity {
  @Enum({ items: () => GuidanceKind, type: 'string', nullable: true })
  kind!: GuidanceKind;

  @ManyToOne(() => Guidance, {
    ref: true,
    nullable: true,
    deleteRule: 'set null',
    fieldName: 'parent_id',
  })
  parent?: Ref<Guidance> | null;

  @Property({ type: 'integer', nullable: true })
  position!: number;
}
