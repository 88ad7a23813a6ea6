import { Entity } from '@mikro-orm/core';
import { ContentEntity } from '../common/content.entity';
import { ContentType } from '../common/enums';

/** Target-group profiles have only translated type-specific fields (signals, factors). */
@Entity({ discriminatorValue: ContentType.TARGET_GROUP })
export class TargetGroupProfile extends ContentEntity {}
