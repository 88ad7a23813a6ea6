import { Entity } from '@mikro-orm/core';
import { ContentEntity } from '../common/content.entity';
import { TARGET_GROUP } from './target-group.enums';

/** Target-group profiles have only translated type-specific fields (signals, factors). */
@Entity({ discriminatorValue: TARGET_GROUP })
export class TargetGroupProfile extends ContentEntity {}
