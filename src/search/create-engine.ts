import path from 'node:path';
import type { Config } from '../config';
import { MeilisearchEngine } from './meilisearch/meilisearch.engine';
import type { SearchEngine } from './search-engine';
import { SqliteFtsEngine } from './sqlite-fts/sqlite-fts.engine';

export function searchIndexPath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'search.sqlite');
}

/** Meilisearch when MEILI_HOST is set, else the embedded SQLite FTS5 index in DATA_DIR. */
export function createSearchEngine(
  config: Pick<Config, 'meiliHost' | 'meiliApiKey' | 'dataDir'>,
): SearchEngine {
  if (config.meiliHost)
    return new MeilisearchEngine({ host: config.meiliHost, apiKey: config.meiliApiKey });
  return new SqliteFtsEngine(searchIndexPath(config));
}
