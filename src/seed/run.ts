import type { EntityManager } from '@mikro-orm/knex';
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
  /** Everything above that changes the database; 0 means the database already matched. */
  readonly changes: number;
  readonly contentVersion: number | null;
  readonly plan: SeedPlan;
}

export interface SeedOptions {
  readonly dir: string;
  readonly dryRun?: boolean;
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
  const execute = async (tx: EntityManager) => {
    const plan = await planSeed(tx, seed);
    const version = options.dryRun ? null : await applyPlan(tx, plan);
    return { plan, version };
  };
  const { plan, version } = options.dryRun ? await execute(fork) : await fork.transactional(execute);
  return {
    dryRun: options.dryRun ?? false,
    created: plan.create.length,
    updated: plan.update.length,
    deleted: plan.delete.length,
    unchanged: plan.unchanged,
    tagsChanged: plan.tags.create.length + plan.tags.update.length + plan.tags.delete.length,
    linksChanged: plan.links.add.length + plan.links.remove.length,
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
