import type { EntityManager } from '@mikro-orm/knex';
import type { SynonymsDocument } from '../content/common/synonyms.entity';
import type { StoredDocument } from '../content/read-model/snapshot';
import type { RoleModel } from '../content/role-model/role-model.entity';

/**
 * Seed files stored whole, one row each (role-model.yml, synonyms.yml): what a seed run does
 * to each, decided by comparing hashes.
 */
export interface DocumentPlan<T> {
  readonly change: 'create' | 'update' | 'delete' | 'none';
  readonly document: StoredDocument<T> | null;
}

/** The entity of a stored document: a single row with id 1, its data and its hash. */
type DocumentEntity = typeof RoleModel | typeof SynonymsDocument;

export async function planDocument<T>(
  em: EntityManager,
  entity: DocumentEntity,
  document: StoredDocument<T> | null | undefined,
): Promise<DocumentPlan<T>> {
  const row = await em.findOne(entity, { id: 1 });
  if (!document) return { change: row ? 'delete' : 'none', document: null };
  if (!row) return { change: 'create', document };
  return { change: row.contentHash === document.hash ? 'none' : 'update', document };
}

/** Applies the plan inside the caller's transaction, with native statements. */
export async function applyDocument<T>(
  em: EntityManager,
  entity: DocumentEntity,
  plan: DocumentPlan<T>,
  now: Date,
): Promise<void> {
  if (plan.change === 'none') return;
  if (plan.change === 'delete' || !plan.document) {
    await em.nativeDelete(entity, { id: 1 });
    return;
  }
  const values = { contentHash: plan.document.hash, data: plan.document.data, updatedAt: now };
  if (plan.change === 'update') await em.nativeUpdate(entity, { id: 1 }, values as never);
  else await em.insertMany(entity as typeof RoleModel, [{ id: 1, ...values } as never]);
}
