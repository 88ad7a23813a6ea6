import { Entity, Enum, Property } from '@mikro-orm/core';
import { ContentEntity } from '../common/content.entity';
import { LEGAL_POWER, LegalAuthority } from './legal-power.enums';

@Entity({ discriminatorValue: LEGAL_POWER })
export class LegalPower extends ContentEntity {
  @Enum({ items: () => LegalAuthority, type: 'string', nullable: true })
  authority!: LegalAuthority;

  @Property({ type: 'string', length: 200, nullable: true })
  law!: string;

  @Property({ type: 'string', length: 12, nullable: true })
  bwbId!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  article!: string;
}
