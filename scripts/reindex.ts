import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/config';
import { CONTENT_ENTITIES } from '../src/content/entities';
import { loadSnapshot } from '../src/content/read-model/load';
import { openDatabase } from '../src/db/orm';
import { createSearchEngine } from '../src/search/create-engine';
import { describeFailure } from '../src/lib/errors';
import { indexTarget } from '../src/search/documents';

/**
 * Rebuilds the search index from the database's current content into a fresh index and swaps
 * it in; running servers switch to it (it holds the version they serve).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await openDatabase(config, CONTENT_ENTITIES);
  const search = createSearchEngine(config);
  try {
    const started = Date.now();
    const snapshot = await loadSnapshot(orm.em);
    const target = indexTarget(snapshot);
    const reader = await search.rebuild(target);
    await reader.close();
    process.stdout.write(
      `Reindexed ${target.items.size} items (content version ${snapshot.version}) into ${search.name} in ${Date.now() - started} ms\n`,
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
      : `Reindex failed: ${describeFailure(error)}\n`,
  );
  process.exit(1);
});
