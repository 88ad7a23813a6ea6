import 'reflect-metadata';
import { formatHttpTable, runHttpBench } from './bench-http';
import { formatMemoryTable, runMemoryBench } from './bench-memory';
import { formatScaleTable, runScaleBench } from './bench-scale';
import { formatSearchTable, runSearchBench } from './bench-search';

const USAGE =
  'usage: npm run bench -- [http] [search] [scale] [memory] [--no-reference]   (no part: all parts; --no-reference: search without MiniSearch)';

/** `npm run bench`: each part is a module with a run and a format function; pick parts by name. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const named = args.filter((a) => !a.startsWith('--'));
  const parts = named.length ? named : ['http', 'search', 'scale', 'memory'];
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
    const rows = await runSearchBench({
      generated: Number(process.env.BENCH_DOCS ?? 100_000),
      warmUp: process.env.BENCH_WARM_UP ? Number(process.env.BENCH_WARM_UP) : undefined,
      reference: !args.includes('--no-reference'),
    });
    process.stdout.write(
      `Search (query mix: 1-3 words, a third with a typo, a third cut short)\n${formatSearchTable(rows)}\n`,
    );
  }
  if (parts.includes('scale')) {
    const items = Number(process.env.BENCH_ITEMS ?? 10_000);
    const rows = await runScaleBench({ items, seconds: Number(process.env.BENCH_SECONDS ?? 10) });
    process.stdout.write(
      `Scale (${items} generated items through npm run seed; portal page, no response cache, 50 connections)\n${formatScaleTable(rows)}\n`,
    );
  }
  if (parts.includes('memory')) {
    const seconds = Number(process.env.BENCH_MEMORY_SECONDS ?? 60);
    const rows = await runMemoryBench({ seconds });
    process.stdout.write(
      `Memory (npm start's entry point, a distinct query on every request for ${seconds} s, 50 connections)\n${formatMemoryTable(rows)}\n`,
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
