import { Entity, Enum, Property } from '@mikro-orm/core';
import { ContentEntity } from '../common/content.entity';
import { LEGAL_POWER, LegalAuthority } from './legal-power.enums';

@Entity({ discriminatorValue: LEGAL_POWER })
export class LegalPower extends ContentEntity {
  @Enum({ items: () => LegalAuthority, type: 'string', nullable: true })
  authority!: LegalAuthority;

  @Enum({ items: () => LegalAuthority, type: 'string', nullable: true })
  enabledBy?: LegalAuthority | null;

  @Property({ type: 'string', length: 200, nullable: true })
  law!: string;

  @Property({ type: 'string', length: 12, nullable: true })
  bwbId?: string | null;

  @Property({ type: 'string', length: 60, nullable: true })
  officialReference?: string | null;

  /** `YYYY-MM-DD`: the date the legal basis lapses. */
  @Property({ type: 'string', length: 10, nullable: true })
  validUntil?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  article!: string;
}
