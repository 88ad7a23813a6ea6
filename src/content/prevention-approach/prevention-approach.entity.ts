import { Entity, Enum } from '@mikro-orm/core';
import { ContentEntity } from '../common/content.entity';
import { ContentType, PreventionLevel } from '../common/enums';

@Entity({ discriminatorValue: ContentType.PREVENTION_APPROACH })
export class PreventionApproach extends ContentEntity {
  @Enum({ items: () => PreventionLevel, type: 'string', nullable: true })
  level!: PreventionLevel;
}
