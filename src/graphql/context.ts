import type { EntityManager } from '@mikro-orm/knex';
import { ContentReader } from '../content/common/content.reader';

/** Per-request context: a forked EntityManager and the request's loaders. */
export interface Context {
  readonly em: EntityManager;
  readonly reader: ContentReader;
}

export function createContext(rootEm: EntityManager): Context {
  const em = rootEm.fork();
  return { em, reader: new ContentReader(em) };
}
