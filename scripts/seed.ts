import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { ContentLockedError } from '../src/content/common/content-state';
import { CONTENT_ENTITIES } from '../src/content/entities';
import { openDatabase } from '../src/db/orm';
import { describeFailure } from '../src/lib/errors';
import { createSearchEngine } from '../src/search/create-engine';
import { SeedValidationError } from '../src/seed/errors';
import { formatFreshness, freshnessOf } from '../src/seed/freshness';
import { formatReport, readSeed, runSeed } from '../src/seed/run';
import { isUsageError } from './usage-error';

const USAGE =
  'usage: npm run seed -- [--dry-run | --report] [--dir <seed folder>[,<layer folder>...]]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      dir: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const dir = values.dir
    ? values.dir
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => path.resolve(d))
    : config.seedDirs;
  if (values.report) {
    // Reads and validates the files only; the database is not opened.
    process.stdout.write(`${formatFreshness(freshnessOf(await readSeed(dir), new Date()))}\n`);
    return 0;
  }
  const orm = await openDatabase(config, CONTENT_ENTITIES);
  // The embedded index belongs to each server, which follows the database by itself; only a
  // shared index (Meilisearch) is written here.
  const search = config.meiliHost ? createSearchEngine(config) : undefined;
  try {
    const report = await runSeed(orm.em, {
      dir,
      dryRun: values['dry-run'],
      search,
      onWait: () =>
        process.stdout.write('Another seed is writing this database; waiting for it…\n'),
    });
    process.stdout.write(`${formatReport(report)}\n`);
    for (const warning of report.warnings) process.stderr.write(`Warning: ${warning}\n`);
    if (report.searchIndex && !report.searchIndex.ok)
      process.stderr.write(`Warning: ${report.searchIndex.message}\n`);
    return 0;
  } finally {
    await search?.close();
    await orm.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof SeedValidationError ||
      error instanceof ConfigError ||
      error instanceof ContentLockedError
    )
      process.stderr.write(`${error.message}\n`);
    else if (isUsageError(error)) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
    } else {
      process.stderr.write(
        `Seed failed, nothing was changed: ${describeFailure(error)}\n(set LOG_LEVEL=debug for the details)\n`,
      );
      if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${(error as Error).stack}\n`);
    }
    process.exit(1);
  },
);
