import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { ContentEntity } from '../common/content.entity';
import { GUIDANCE, GuidanceKind } from './guidance.enums';

@Entity({ discriminatorValue: GUIDANCE })
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
