import { Entity, Enum } from '@mikro-orm/core';
import { ContentEntity } from '../common/content.entity';
import { PREVENTION_APPROACH, PreventionLevel } from './prevention-approach.enums';

@Entity({ discriminatorValue: PREVENTION_APPROACH })
export class PreventionApproach extends ContentEntity {
  @Enum({ items: () => PreventionLevel, type: 'string', nullable: true })
  level!: PreventionLevel;
}
