import type { EntityManager } from '@mikro-orm/knex';
import { RoleModel } from '../content/role-model/role-model.entity';
import type { SeedRoleModel } from './role-model';

/** What a seed run does to the stored role model; `none` when the hashes match. */
export interface RoleModelPlan {
  readonly change: 'create' | 'update' | 'delete' | 'none';
  readonly model: SeedRoleModel | null;
}

export async function planRoleModel(
  em: EntityManager,
  model: SeedRoleModel | null | undefined,
): Promise<RoleModelPlan> {
  const row = await em.findOne(RoleModel, { id: 1 });
  if (!model) return { change: row ? 'delete' : 'none', model: null };
  if (!row) return { change: 'create', model };
  return { change: row.contentHash === model.hash ? 'none' : 'update', model };
}

/** Applies the plan inside the caller's transaction; the caller flushes. */
export async function applyRoleModel(
  em: EntityManager,
  plan: RoleModelPlan,
  now: Date,
): Promise<void> {
  if (plan.change === 'none') return;
  const row = await em.findOne(RoleModel, { id: 1 });
  if (plan.change === 'delete' || !plan.model) {
    if (row) em.remove(row);
    return;
  }
  const values = { contentHash: plan.model.hash, data: plan.model.data, updatedAt: now };
  if (row) Object.assign(row, values);
  else em.create(RoleModel, { id: 1, ...values });
}
