import fs from 'node:fs/promises';
import { loadSnapshot } from '../../src/content/read-model/load';
import { DIALECTS, startServer, type GraphqlResponse, type TestServer } from '../helpers/app';
import { generatedSeed } from '../helpers/seed-dir';

const TOTAL = 50 + 3; // generated legal powers + the three of the fixture

interface Page {
  legalPowers: {
    totalCount: number;
    edges: { cursor: string; node: { slug: string; title: string; updatedAt: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

const PAGE = `query Page($first: Int, $after: String, $order: ContentOrder, $locale: Locale, $filter: LegalPowerFilter) {
  legalPowers(first: $first, after: $after, orderBy: $order, locale: $locale, filter: $filter) {
    totalCount
    edges { cursor node { slug title updatedAt } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

const RICH_PAGE = `query Rich($first: Int) {
  legalPowers(first: $first) {
    totalCount
    edges { node {
      id title summary body tags { slug name } sources { title url }
      related { title tags { name } sources { title } }
      targetGroups { title approaches { title } }
      approaches { title level }
    } }
  }
}`;

describe.each(DIALECTS)('paging and statement counts on %s', (dialect) => {
  let server: TestServer;
  let seedDir: string;
  beforeAll(async () => {
    seedDir = await generatedSeed(50);
    // The statement-count query is deliberately heavy; lift the cost limit so it runs.
    server = await startServer(dialect, seedDir, undefined, {
      env: { GRAPHQL_MAX_COST: '1000000' },
    });
  });
  afterAll(async () => {
    await server.close();
    await fs.rm(seedDir, { recursive: true, force: true });
  });

  async function walk(
    variables: Record<string, unknown>,
    first: number,
  ): Promise<Page['legalPowers']['edges']> {
    const seen: Page['legalPowers']['edges'] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const res: GraphqlResponse<Page> = await server.gql<Page>(PAGE, {
        ...variables,
        first,
        after,
      });
      expect(res.errors).toBeUndefined();
      const page: Page['legalPowers'] = res.data!.legalPowers;
      expect(page.edges.length).toBeLessThanOrEqual(first);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges);
      if (!page.pageInfo.hasNextPage) return seen;
      expect(page.edges).toHaveLength(first);
      after = page.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  it.each([
    ['title ascending', { field: 'TITLE', direction: 'ASC' }, 7],
    ['title descending', { field: 'TITLE', direction: 'DESC' }, 10],
    ['updatedAt ascending', { field: 'UPDATED_AT', direction: 'ASC' }, 6],
    ['updatedAt descending', { field: 'UPDATED_AT', direction: 'DESC' }, 53],
  ])('pages forward by %s without gaps or duplicates', async (_name, order, first) => {
    const all = await server.gql<Page>(PAGE, { first: 100, order });
    const expected = all.data!.legalPowers.edges.map((e) => e.node.slug);
    expect(expected).toHaveLength(TOTAL);
    expect(all.data!.legalPowers.totalCount).toBe(TOTAL);
    const walked = (await walk({ order }, first)).map((e) => e.node.slug);
    expect(walked).toEqual(expected);
    expect(new Set(walked).size).toBe(TOTAL);
  });

  it('orders titles accent- and case-insensitively', async () => {
    const all = await server.gql<Page>(PAGE, { first: 100 });
    const titles = all.data!.legalPowers.edges.map((e) => e.node.title);
    const folded = titles.map((t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    expect(folded).toEqual([...folded].sort());
    expect(titles.findIndex((t) => t.startsWith('Émile'))).toBeLessThan(
      titles.findIndex((t) => t.startsWith('Gamma')),
    );
    expect(titles.findIndex((t) => t.startsWith('beta'))).toBeLessThan(
      titles.findIndex((t) => t.startsWith('Émile')),
    );
  });

  it('pages a filtered list and keeps totalCount to the filter', async () => {
    const filter = { authority: ['MAYOR'], tags: ['jeugd'] };
    const walked = await walk({ filter }, 4);
    const first = await server.gql<Page>(PAGE, { first: 1, filter });
    expect(walked).toHaveLength(first.data!.legalPowers.totalCount);
    expect(walked.length).toBeGreaterThan(4);
  });

  it('answers reads without a single SQL statement once the content is loaded', async () => {
    // The counter sees the ORM's statements: loading a version takes a few.
    expect(await server.countStatements(() => loadSnapshot(server.app.orm.em))).toBeGreaterThan(0);
    const reads = [
      () => server.gql(RICH_PAGE, { first: 5 }),
      () => server.gql(RICH_PAGE, { first: 50 }),
      () =>
        server.gql(
          `{ guidances(filter: { topLevel: true }) { edges { node { slug children { slug parent { slug } } } } } }`,
        ),
      () =>
        server.gql(
          `{ node(id: "${Buffer.from('LEGAL_POWER:bevoegdheid-001').toString('base64url')}") { id ... on LegalPower { title } } }`,
        ),
      () => server.gql('{ tags { slug name } roleModel { actors { label content { slug } } } }'),
      () =>
        server.gql(
          '{ search(query: "bevoegdheid", first: 20) { totalCount edges { node { content { slug title tags { slug } } } } } }',
        ),
      () =>
        server.gql(PAGE, {
          first: 3,
          filter: { authority: ['MAYOR'], law: 'gemeentewet', targetGroup: 'eenlingen' },
        }),
    ];
    for (const read of reads) {
      let res: GraphqlResponse | undefined;
      const statements = await server.countStatements(async () => {
        res = await read();
      });
      expect(res?.errors).toBeUndefined();
      expect(statements).toBe(0);
    }
  });
});
