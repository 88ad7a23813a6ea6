import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { scaffoldItem, ScaffoldError } from '../src/seed/scaffold';
import { isUsageError } from './usage-error';

const USAGE =
  'usage: npm run new -- <type-folder> <slug> [--en] [--dir <seed folder>]\n' +
  '  writes <seed folder>/<type-folder>/<slug>.nl.md (and .en.md with --en) as a draft;\n' +
  '  the seed folder defaults to the last folder of SEED_DIR';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      en: { type: 'boolean', default: false },
      dir: { type: 'string' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 2) {
    process.stderr.write(`Expected a type folder and a slug.\n${USAGE}\n`);
    return 2;
  }
  const [folder, slug] = positionals as [string, string];
  const config = loadConfig();
  const written = await scaffoldItem({
    layers: config.seedDirs,
    dir: values.dir ? path.resolve(values.dir) : undefined,
    folder,
    slug,
    english: values.en,
  });
  for (const file of written) {
    const rel = path.relative(process.cwd(), file);
    process.stdout.write(`Wrote ${rel.startsWith('..') ? file : rel}\n`);
  }
  process.stdout.write(
    'Fill in every TODO, then remove "draft: true" to publish (npm run dev shows it live, npm run seed applies it).\n',
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ScaffoldError || error instanceof ConfigError)
      process.stderr.write(`${error.message}\n`);
    else if (isUsageError(error)) process.stderr.write(`${error.message}\n${USAGE}\n`);
    else process.stderr.write(`npm run new failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
