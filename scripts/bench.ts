import 'reflect-metadata';
import { formatHttpTable, runHttpBench } from './bench-http';
import { formatSearchTable, runSearchBench } from './bench-search';

const USAGE = 'usage: npm run bench -- [http] [search]   (no argument: all parts)';

/** `npm run bench`: each part is a module with a run and a format function; pick parts by name. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const parts = args.length ? args : ['http', 'search'];
  let status = 0;
  if (parts.includes('http')) {
    const seconds = Number(process.env.BENCH_SECONDS ?? 10);
    const rows = await runHttpBench({ seconds });
    process.stdout.write(`HTTP (autocannon over loopback)\n${formatHttpTable(rows)}\n\n`);
    if (rows[0] && rows[0].errors > 0) {
      process.stderr.write('the cached page query had errors under load\n');
      status = 1;
    }
  }
  if (parts.includes('search')) {
    const rows = await runSearchBench({ generated: Number(process.env.BENCH_DOCS ?? 100_000) });
    process.stdout.write(
      `Search (query mix: 1-3 words, a third with a typo, a third cut short)\n${formatSearchTable(rows)}\n`,
    );
  }
  return status;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
