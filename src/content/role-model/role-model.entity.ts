import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { RoleModelData } from './role-model.data';

/**
 * The role model from seed/role-model.yml: a single row holding the validated document and
 * its hash, so a seed run rewrites it only when the file changed.
 */
@Entity({ tableName: 'role_model' })
export class RoleModel {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  /** Hash of the validated document; the seed plan compares it to find changes. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'json' })
  data!: RoleModelData;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
