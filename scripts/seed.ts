import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/db/orm';
import { SeedValidationError } from '../src/seed/errors';
import { formatReport, runSeed } from '../src/seed/run';
import { createSearchEngine } from '../src/search/create-engine';

const USAGE = 'usage: npm run seed -- [--dry-run] [--dir <seed folder>]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
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
  const dir = values.dir ? path.resolve(values.dir) : config.seedDir;
  const orm = await openDatabase(config);
  const search = await createSearchEngine({ ...config, seedDir: dir });
  try {
    const report = await runSeed(orm.em, { dir, dryRun: values['dry-run'], search });
    process.stdout.write(`${formatReport(report)}\n`);
    return 0;
  } finally {
    await search.close();
    await orm.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SeedValidationError || error instanceof ConfigError)
      process.stderr.write(`${error.message}\n`);
    else if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
    } else process.stderr.write(`Seed failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
