import type { ContentSnapshot } from '../read-model/snapshot';

/** What content resolvers need of a request: the one content version it is answered from. */
export interface ContentContext {
  readonly content: ContentSnapshot;
}
