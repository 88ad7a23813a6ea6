import { createHash } from 'node:crypto';
import { execute, parse } from 'graphql';
import { createContext, type RequestReport } from '../../src/graphql/context';
import type { LiveState } from '../../src/graphql/live-content';
import { getSchema } from '../../src/graphql/schema';
import { EtagMemo, ifNoneMatchHits, strongEtag } from '../../src/http/etag';
import type { SearchReader } from '../../src/search/search-engine';

const tagOf = (version: number, body: string) =>
  `"v${version}-${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

describe('ETags', () => {
  it('name the content version and the bytes', () => {
    expect(strongEtag(4, '{"data":{}}')).toBe(tagOf(4, '{"data":{}}'));
    expect(strongEtag(4, '{"data":{}}')).not.toBe(strongEtag(5, '{"data":{}}'));
    expect(strongEtag(4, '{"data":{}}')).not.toBe(strongEtag(4, '{"data":null}'));
  });

  it('are hashed once per request key and content state, and anew for a new state', () => {
    const memo = new EtagMemo<object>();
    const state = {};
    expect(memo.etagOf(state, 1, 'k', 'first')).toBe(tagOf(1, 'first'));
    // The same key at the same state has the same bytes, so they are not hashed again.
    expect(memo.etagOf(state, 1, 'k', 'first')).toBe(tagOf(1, 'first'));
    expect(memo.etagOf(state, 1, 'other', 'second')).toBe(tagOf(1, 'second'));
    expect(memo.etagOf({}, 2, 'k', 'third')).toBe(tagOf(2, 'third'));
  });

  it('are hashed every time for answers without a key (answers from the index)', () => {
    const memo = new EtagMemo<object>();
    const state = {};
    expect(memo.etagOf(state, 1, undefined, 'first')).toBe(tagOf(1, 'first'));
    expect(memo.etagOf(state, 1, undefined, 'second')).toBe(tagOf(1, 'second'));
  });

  it('match If-None-Match lists, weak or strong, and *', () => {
    const tag = strongEtag(1, 'x');
    expect(ifNoneMatchHits(`"other", W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});

describe('a request report', () => {
  /** A reader that answers every suggestion with one word, as any index would. */
  const reader = {
    engine: 'sqlite-fts',
    version: 1,
    opened: 'found',
    suggest: () => Promise.resolve([{ kind: 'word', text: 'woning' }]),
  } as unknown as SearchReader;
  const live = { snapshot: { version: 1 }, search: reader } as unknown as LiveState;

  const run = async (query: string) => {
    const report: RequestReport = { operationName: null, log: console };
    const result = await execute({
      schema: await getSchema(),
      document: parse(query),
      contextValue: createContext(live, report),
    });
    expect(result.errors).toBeUndefined();
    return report.usedIndex ?? false;
  };

  it('says when the answer came from the search index', async () => {
    expect(await run('{ suggest(prefix: "won") { text kind } }')).toBe(true);
    expect(await run('{ contentVersion }')).toBe(false);
  });
});
