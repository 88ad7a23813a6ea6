import type { EntityManager } from '@mikro-orm/knex';
import { ContentState } from '../content/common/content-state.entity';
import { loadSearchDocuments } from './documents';
import type { SearchEngine, StagedChanges } from './search-engine';

export interface ChangedItems {
  /** Database ids of created and updated items. */
  readonly upsertIds: readonly number[];
  /** `<TYPE>:<slug>` of deleted items. */
  readonly removed: readonly string[];
}

/** Writes exactly the changed items to the index, staged until the caller commits. */
export async function stageIndexChanges(
  engine: SearchEngine,
  em: EntityManager,
  changed: ChangedItems,
  contentVersion: number,
): Promise<StagedChanges> {
  const upsert = changed.upsertIds.length ? await loadSearchDocuments(em, changed.upsertIds) : [];
  return engine.stage({ upsert, remove: changed.removed, contentVersion });
}

async function contentVersion(em: EntityManager): Promise<number> {
  return (await em.fork().findOne(ContentState, { id: 1 }))?.version ?? 0;
}

/** Rebuilds the whole index from the database into a fresh index, swapped in at once. */
export async function rebuildIndex(
  engine: SearchEngine,
  em: EntityManager,
): Promise<{ documents: number; version: number }> {
  const fork = em.fork();
  const version = await contentVersion(fork);
  const documents = await loadSearchDocuments(fork);
  await engine.rebuild(documents, version);
  return { documents: documents.length, version };
}

/** Start-up: builds the index when it is missing or older than the database content. */
export async function ensureIndex(
  engine: SearchEngine,
  em: EntityManager,
): Promise<'current' | 'rebuilt'> {
  const [indexed, current] = await Promise.all([engine.indexedVersion(), contentVersion(em)]);
  if (indexed !== null && indexed >= current) return 'current';
  await rebuildIndex(engine, em);
  return 'rebuilt';
}
