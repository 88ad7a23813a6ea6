import fs from 'node:fs/promises';
import path from 'node:path';
import { Locale } from '../../src/content/common/enums';
import { loadSnapshot } from '../../src/content/read-model/load';
import { createSearchEngine } from '../../src/search/create-engine';
import { indexTarget } from '../../src/search/documents';
import { runSeed } from '../../src/seed/run';
import { DIALECTS, expectGraphqlError, startServer, type TestServer } from '../helpers/app';
import { copySeed, editFile } from '../helpers/seed-dir';

const SEARCH = `query S($q: String!, $types: [ContentType!], $tags: [String!], $first: Int, $after: String, $locale: Locale) {
  search(query: $q, types: $types, tags: $tags, first: $first, after: $after, locale: $locale) {
    totalCount
    edges { cursor node { score highlights { field snippet } content { __typename slug locale title } } }
    pageInfo { hasNextPage endCursor }
    facets { field values { value count } }
  }
}`;

interface SearchData {
  search: {
    totalCount: number;
    edges: {
      cursor: string;
      node: {
        score: number;
        highlights: { field: string; snippet: string }[];
        content: { __typename: string; slug: string; locale: string; title: string };
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: { field: string; values: { value: string; count: number }[] }[];
  };
}

describe.each(DIALECTS)('search over GraphQL on %s (embedded engine)', (dialect) => {
  let server: TestServer;
  let seedDir: string;
  beforeAll(async () => {
    seedDir = await copySeed();
    server = await startServer(dialect, seedDir);
  });
  afterAll(async () => {
    await server.close();
    await fs.rm(seedDir, { recursive: true, force: true });
  });

  const search = (variables: Record<string, unknown>) => server.gql<SearchData>(SEARCH, variables);
  const raw = (variables: Record<string, unknown>) => server.gql(SEARCH, variables);

  it('finds items built from the seed at start-up, with highlights and facets', async () => {
    const res = await search({ q: 'gebiedsverbd' });
    expect(res.errors).toBeUndefined();
    const first = res.data!.search.edges[0].node;
    expect(first.content).toMatchObject({ __typename: 'LegalPower', slug: 'gebiedsverbod' });
    expect(first.highlights).toContainEqual({
      field: 'title',
      snippet: '<mark>Gebiedsverbod</mark>',
    });
    expect(res.data!.search.facets.map((f) => f.field)).toEqual(['type', 'tags']);
  });

  it('serves the requested locale and filters by type and tag', async () => {
    const en = await search({ q: 'area ban', locale: 'EN' });
    expect(en.data!.search.edges[0].node.content).toMatchObject({
      slug: 'gebiedsverbod',
      locale: 'EN',
      title: 'Area ban',
    });
    const typed = await search({ q: 'burgemeester', types: ['PREVENTION_APPROACH'] });
    expect(
      typed.data!.search.edges.every((e) => e.node.content.__typename === 'PreventionApproach'),
    ).toBe(true);
    const tagged = await search({ q: 'casusoverleg', tags: ['zorg'] });
    expect(tagged.data!.search.edges.map((e) => e.node.content.slug)).toContain('casusoverleg');
  });

  it('pages with opaque cursors tied to the search', async () => {
    const all = await search({ q: 'de', first: 100 });
    const total = all.data!.search.totalCount;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20 && seen.length < total; i += 1) {
      const page: { data?: SearchData | null } = await search({ q: 'de', first: 2, after });
      seen.push(
        ...page.data!.search.edges.map(
          (e) => `${e.node.content.__typename}:${e.node.content.slug}`,
        ),
      );
      after = page.data!.search.pageInfo.endCursor;
      if (!page.data!.search.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(
      all.data!.search.edges.map((e) => `${e.node.content.__typename}:${e.node.content.slug}`),
    );
    const other = await raw({ q: 'iets anders', after: all.data!.search.edges[0].cursor });
    expectGraphqlError(other, { code: 'BAD_USER_INPUT', message: /another search/ });
    expectGraphqlError(await raw({ q: 'x', first: 500 }), {
      code: 'BAD_USER_INPUT',
      path: ['search'],
    });
  });

  it('answers hostile strings with results or nothing, never an error', async () => {
    for (const q of ['"', 'NEAR(a b)', "' OR 1=1 --", '*', '\u0000', 'x'.repeat(10_000), '']) {
      const res = await search({ q });
      expect(res.errors).toBeUndefined();
    }
  });

  interface Suggested {
    suggest: { text: string; kind: string; content: { slug: string; locale: string } | null }[];
  }
  const suggest = async (prefix: string, locale = 'NL') =>
    (
      await server.gql<Suggested>(
        'query Suggest($prefix: String!, $locale: Locale) { suggest(prefix: $prefix, locale: $locale) { text kind content { slug locale } } }',
        { prefix, locale },
      )
    ).data!.suggest;

  it('completes the last word for search-as-you-type, and offers matching titles', async () => {
    expect(await suggest('openbare or')).toContainEqual({
      text: 'openbare orde',
      kind: 'WORD',
      content: null,
    });
    expect(await suggest('gebiedsv')).toContainEqual({
      text: 'Gebiedsverbod',
      kind: 'TITLE',
      content: { slug: 'gebiedsverbod', locale: 'NL' },
    });
  });

  it('suggests the words and titles of the requested locale, a complete word first', async () => {
    const english = await suggest('area', 'EN');
    expect(english[0]).toEqual({ text: 'area', kind: 'WORD', content: null });
    expect(english).toContainEqual({
      text: 'Area ban',
      kind: 'TITLE',
      content: { slug: 'gebiedsverbod', locale: 'EN' },
    });
    expect((await suggest('area')).filter((s) => s.kind === 'WORD')).toEqual([]);
  });

  it('follows the seed: exactly the changed items, and nothing when the seed fails', async () => {
    const { live } = server.app;
    const before = live.current;
    const edited = path.join(seedDir, 'legal-powers', 'noodbevel.nl.md');
    await editFile(edited, 'Noodbevel', 'Noodbevel kwartiermaker');
    await fs.writeFile(path.join(seedDir, 'target-groups', 'broken.nl.md'), '---\ntitle: x\n---\n');
    await expect(runSeed(server.app.orm.em, { dir: seedDir })).rejects.toThrow(
      /nothing was changed/,
    );
    await live.poll();
    expect(live.current).toBe(before);
    expect((await search({ q: 'kwartiermaker' })).data!.search.totalCount).toBe(0);

    await fs.rm(path.join(seedDir, 'target-groups', 'broken.nl.md'));
    await fs.rm(path.join(seedDir, 'target-groups', 'terugkeerders.nl.md'));
    await fs.rm(path.join(seedDir, 'target-groups', 'terugkeerders.en.md'));
    const report = await runSeed(server.app.orm.em, { dir: seedDir });
    expect(report).toMatchObject({ created: 0, updated: 1, deleted: 1 });
    await live.poll();
    const found = await search({ q: 'kwartiermaker' });
    expect(found.data!.search.edges.map((e) => e.node.content.slug)).toEqual(['noodbevel']);
    expect(
      (await search({ q: 'terugkeerders' })).data!.search.edges.map((e) => e.node.content.slug),
    ).not.toContain('terugkeerders');
    expect(live.current.snapshot.version).toBe(report.contentVersion);
    expect(live.current.search?.version).toBe(report.contentVersion);
    expect(
      (
        await live.current.search!.search({
          query: 'noodbevel',
          locale: Locale.NL,
          limit: 1,
          offset: 0,
        })
      ).hits[0].slug,
    ).toBe('noodbevel');
  });

  it('keeps answering while `npm run reindex` rebuilds the index, then reads the new one', async () => {
    const reindex = createSearchEngine(server.config);
    const rebuilding = reindex.rebuild(indexTarget(await loadSnapshot(server.app.orm.em)));
    const during = await search({ q: 'gebiedsverbod' });
    await (await rebuilding).close();
    await reindex.close();
    const reader = server.app.live.current.search;
    await server.app.live.poll();
    expect(server.app.live.current.search).not.toBe(reader);
    const after = await search({ q: 'gebiedsverbod' });
    expect(during.errors).toBeUndefined();
    expect(after.data!.search.edges[0].node.content.slug).toBe('gebiedsverbod');
  });
});

describe('search with Meilisearch configured but unreachable', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens there, so every request is refused.
    server = await startServer('sqlite', undefined, undefined, {
      env: { MEILI_HOST: 'http://127.0.0.1:9' },
    });
  });
  afterAll(() => server.close());

  it('starts, serves every non-search query and answers search with SEARCH_UNAVAILABLE', async () => {
    const list = await server.gql('{ legalPowers { totalCount } }');
    expect(list.errors).toBeUndefined();
    const res = await server.gql('{ search(query: "woning") { totalCount } }');
    expectGraphqlError(res, { code: 'SEARCH_UNAVAILABLE', path: ['search'] });
    const suggest = await server.gql('{ suggest(prefix: "won") { text kind } }');
    expectGraphqlError(suggest, { code: 'SEARCH_UNAVAILABLE' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: Record<string, string> };
    expect(body.checks.database).toBe('ok');
    expect(Object.entries(body.checks).find(([name]) => name !== 'database')?.[1]).toMatch(
      /^unavailable: Meilisearch/,
    );
  });
});
