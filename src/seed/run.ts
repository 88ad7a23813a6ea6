import type { EntityManager } from '@mikro-orm/knex';
import { ContentEntity } from '../content/common/content.entity';
import { stageIndexChanges, type ChangedItems } from '../search/indexer';
import type { SearchEngine, StagedChanges } from '../search/search-engine';
import { applyPlan } from './apply';
import { SeedValidationError } from './errors';
import { loadSeed } from './load';
import { planChangeCount, planSeed, type SeedPlan } from './plan';
import { validateSeed, type ValidatedSeed } from './validate';

export interface SeedReport {
  readonly dryRun: boolean;
  readonly created: number;
  readonly updated: number;
  readonly deleted: number;
  readonly unchanged: number;
  readonly tagsChanged: number;
  readonly linksChanged: number;
  readonly roleModel: 'changed' | 'unchanged';
  /** Everything above that changes the database; 0 means the database already matched. */
  readonly changes: number;
  readonly contentVersion: number | null;
  readonly plan: SeedPlan;
}

export interface SeedOptions {
  readonly dir: string;
  readonly dryRun?: boolean;
  /** Search engine to keep in step with the database (none: database only). */
  readonly search?: SearchEngine;
}

async function changedItems(em: EntityManager, plan: SeedPlan): Promise<ChangedItems> {
  const wanted = [...plan.create, ...plan.update];
  const rows = wanted.length
    ? await em.find(
        ContentEntity,
        { $or: wanted.map((i) => ({ type: i.type, slug: i.slug })) },
        { fields: ['id'] },
      )
    : [];
  return {
    upsertIds: rows.map((r) => r.id),
    removed: plan.delete.map((d) => `${d.type}:${d.slug}`),
  };
}

/** Loads and validates the seed folder; throws SeedValidationError listing every problem. */
export async function readSeed(dir: string): Promise<ValidatedSeed> {
  const { seed, issues } = validateSeed(await loadSeed(dir));
  if (!seed) throw new SeedValidationError(issues);
  return seed;
}

/**
 * Makes the database equal to the seed folder: load, validate, plan, and apply in one
 * transaction. An invalid seed throws before anything is written.
 */
export async function runSeed(em: EntityManager, options: SeedOptions): Promise<SeedReport> {
  const seed = await readSeed(options.dir);
  const fork = em.fork();
  let plan: SeedPlan;
  let version: number | null = null;
  if (options.dryRun) {
    plan = await planSeed(fork, seed);
  } else {
    // The index changes are staged inside the database transaction and made visible only
    // once it commits, so a failed seed leaves database and index as they were.
    await fork.begin();
    let staged: StagedChanges | undefined;
    try {
      plan = await planSeed(fork, seed);
      version = await applyPlan(fork, plan);
      if (options.search && planChangeCount(plan) > 0) {
        staged = await stageIndexChanges(
          options.search,
          fork,
          await changedItems(fork, plan),
          version,
        );
      }
      await fork.commit();
    } catch (error) {
      await staged?.rollback();
      if (fork.isInTransaction()) await fork.rollback();
      throw error;
    }
    await staged?.commit();
  }
  return {
    dryRun: options.dryRun ?? false,
    created: plan.create.length,
    updated: plan.update.length,
    deleted: plan.delete.length,
    unchanged: plan.unchanged,
    tagsChanged: plan.tags.create.length + plan.tags.update.length + plan.tags.delete.length,
    linksChanged: plan.links.add.length + plan.links.remove.length,
    roleModel: plan.roleModel.change === 'none' ? 'unchanged' : 'changed',
    changes: planChangeCount(plan),
    contentVersion: version,
    plan,
  };
}

export function formatReport(report: SeedReport): string {
  const head = report.dryRun ? 'Dry run (nothing written)' : 'Seed applied';
  const lines = [
    `${head}: ${report.changes} change${report.changes === 1 ? '' : 's'}`,
    `  items: ${report.created} created, ${report.updated} updated, ${report.deleted} deleted, ${report.unchanged} unchanged`,
    `  tags: ${report.tagsChanged} changed; relations: ${report.linksChanged} changed`,
    `  role model: ${report.roleModel}`,
  ];
  const names = [
    ...report.plan.create.map((i) => `  + ${i.ref}`),
    ...report.plan.update.map((i) => `  ~ ${i.ref}`),
    ...report.plan.delete.map((i) => `  - ${i.ref}`),
  ];
  if (names.length && names.length <= 50) lines.push(...names);
  if (report.contentVersion !== null) lines.push(`  content version: ${report.contentVersion}`);
  return lines.join('\n');
}
