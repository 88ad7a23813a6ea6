import type { EntityManager } from '@mikro-orm/knex';
import { readContentVersion, withContentLock } from '../content/common/content-state';
import { loadSnapshot } from '../content/read-model/load';
import { indexTarget } from '../search/documents';
import type { SearchEngine } from '../search/search-engine';
import { applyPlan } from './apply';
import { SeedValidationError } from './errors';
import { freshnessOf, freshnessWarnings } from './freshness';
import { loadLayers } from './layers';
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
  readonly synonyms: 'changed' | 'unchanged';
  /** Everything above that changes the database; 0 means the database already matched. */
  readonly changes: number;
  /** The content version after the run (null on a dry run). */
  readonly contentVersion: number | null;
  /** What happened to a shared search index (Meilisearch), when there is one. */
  readonly searchIndex?: { readonly ok: boolean; readonly message: string };
  /** Stale `asOf` dates and laws lapsing soon or lapsed: reported, never a reason to fail. */
  readonly warnings: readonly string[];
  readonly plan: SeedPlan;
}

export interface SeedOptions {
  /** The seed folder, or its layers: national first, then local ones (src/seed/layers.ts). */
  readonly dir: string | readonly string[];
  readonly dryRun?: boolean;
  /** A search index shared by all instances (Meilisearch), written after the database. */
  readonly search?: SearchEngine;
  /** How long to wait while another seed writes the same database (default 120 s). */
  readonly lockWaitMs?: number;
  /** Called once when another seed holds the database and this one starts waiting. */
  readonly onWait?: () => void;
  /** The day freshness warnings are judged against (default: now). */
  readonly now?: Date;
}

/**
 * Loads and validates the seed folder (or its layers, in order); throws SeedValidationError
 * listing every problem.
 */
export async function readSeed(dir: string | readonly string[]): Promise<ValidatedSeed> {
  const loaded = await loadLayers(typeof dir === 'string' ? [dir] : dir);
  const { seed, issues } = validateSeed(loaded);
  const label = loaded.rootLabel;
  if (!seed)
    throw new SeedValidationError(
      label ? issues.map((issue) => ({ ...issue, file: label(issue.file) })) : issues,
    );
  return seed;
}

/**
 * Makes the database equal to the seed folder: load, validate, then plan and apply in one
 * transaction that holds the content lock, so concurrent seeds run one after the other and
 * each plans against what the previous one committed. An invalid seed throws before anything
 * is written. Servers notice the new content version and follow; a shared search index is
 * brought to the new version here, after the commit.
 */
export async function runSeed(em: EntityManager, options: SeedOptions): Promise<SeedReport> {
  const seed = await readSeed(options.dir);
  let plan: SeedPlan;
  let version: number | null = null;
  if (options.dryRun) {
    plan = await planSeed(em.fork(), seed);
  } else {
    const waitMs = options.lockWaitMs ?? 120_000;
    ({ plan, version } = await withContentLock(
      em,
      { waitMs, onWait: options.onWait },
      async (trx) => {
        const planned = await planSeed(trx, seed);
        return { plan: planned, version: await applyPlan(trx, planned) };
      },
    ));
    version ??= await readContentVersion(em);
  }
  const searchIndex =
    options.search && !options.dryRun ? await updateSharedIndex(em, options.search) : undefined;
  return {
    dryRun: options.dryRun ?? false,
    created: plan.create.length,
    updated: plan.update.length,
    deleted: plan.delete.length,
    unchanged: plan.unchanged,
    tagsChanged: plan.tags.create.length + plan.tags.update.length + plan.tags.delete.length,
    linksChanged: plan.links.add.length + plan.links.remove.length,
    roleModel: plan.roleModel.change === 'none' ? 'unchanged' : 'changed',
    synonyms: plan.synonyms.change === 'none' ? 'unchanged' : 'changed',
    changes: planChangeCount(plan),
    contentVersion: version,
    searchIndex,
    warnings: freshnessWarnings(freshnessOf(seed, options.now ?? new Date())),
    plan,
  };
}

/** Brings a shared index to the database's content; the content stays applied if it fails. */
async function updateSharedIndex(
  em: EntityManager,
  engine: SearchEngine,
): Promise<{ ok: boolean; message: string }> {
  try {
    const snapshot = await loadSnapshot(em);
    const reader = await engine.open(indexTarget(snapshot));
    await reader.close();
    return { ok: true, message: `${engine.name} index at content version ${snapshot.version}` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `${engine.name} index not updated (${reason}); servers bring it up to date when it is reachable`,
    };
  }
}

export function formatReport(report: SeedReport): string {
  const head = report.dryRun ? 'Dry run (nothing written)' : 'Seed applied';
  const lines = [
    `${head}: ${report.changes} change${report.changes === 1 ? '' : 's'}`,
    `  items: ${report.created} created, ${report.updated} updated, ${report.deleted} deleted, ${report.unchanged} unchanged`,
    `  tags: ${report.tagsChanged} changed; relations: ${report.linksChanged} changed`,
    `  role model: ${report.roleModel}; synonyms: ${report.synonyms}`,
  ];
  const names = [
    ...report.plan.create.map((i) => `  + ${i.ref}`),
    ...report.plan.update.map((i) => `  ~ ${i.ref}`),
    ...report.plan.delete.map((i) => `  - ${i.ref}`),
  ];
  if (names.length && names.length <= 50) lines.push(...names);
  if (report.contentVersion !== null) lines.push(`  content version: ${report.contentVersion}`);
  if (report.searchIndex) lines.push(`  search: ${report.searchIndex.message}`);
  return lines.join('\n');
}
