import path from 'node:path';
import type { Config } from '../config';
import { MeilisearchEngine } from './meilisearch/meilisearch.engine';
import type { SearchEngine } from './search-engine';
import { SqliteFtsEngine } from './sqlite-fts/sqlite-fts.engine';
import { loadSynonyms } from './synonyms';

export function searchIndexPath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'search.sqlite');
}

/** Meilisearch when MEILI_HOST is set, else the embedded SQLite FTS5 index in DATA_DIR. */
export async function createSearchEngine(config: Config): Promise<SearchEngine> {
  const synonyms = await loadSynonyms(config.seedDir);
  if (config.meiliHost) {
    return new MeilisearchEngine({ host: config.meiliHost, apiKey: config.meiliApiKey, synonyms });
  }
  return new SqliteFtsEngine(searchIndexPath(config), synonyms);
}
