import { ContentEntity } from '../content/common/content.entity';
import { ContentLink } from '../content/common/content-link.entity';
import { ContentState } from '../content/common/content-state.entity';
import { ContentTranslation } from '../content/common/content-translation.entity';
import { Source } from '../content/common/source.entity';
import { Tag } from '../content/common/tag.entity';
import { Guidance } from '../content/guidance/guidance.entity';
import { LegalPower } from '../content/legal-power/legal-power.entity';
import { PreventionApproach } from '../content/prevention-approach/prevention-approach.entity';
import { RoleModel } from '../content/role-model/role-model.entity';
import { TargetGroupProfile } from '../content/target-group/target-group.entity';

export const ENTITIES = [
  ContentEntity,
  Guidance,
  LegalPower,
  PreventionApproach,
  TargetGroupProfile,
  ContentTranslation,
  Source,
  Tag,
  ContentLink,
  ContentState,
  RoleModel,
];
