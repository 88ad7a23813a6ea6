import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/db/orm';
import { createSearchEngine } from '../src/search/create-engine';
import { rebuildIndex } from '../src/search/indexer';

/** Rebuilds the search index from the database into a fresh index and swaps it in. */
async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await openDatabase(config);
  const search = await createSearchEngine(config);
  try {
    const started = Date.now();
    const { documents, version } = await rebuildIndex(search, orm.em);
    process.stdout.write(
      `Reindexed ${documents} documents (content version ${version}) into ${search.name} in ${Date.now() - started} ms\n`,
    );
  } finally {
    await search.close();
    await orm.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `Reindex failed: ${(error as Error).stack ?? String(error)}\n`,
  );
  process.exit(1);
});
