import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { toGlobalId } from '../../src/content/common/node-id';
import { runSeed } from '../../src/seed/run';
import { DIALECTS, startServer, type TestServer } from '../helpers/app';
import { expectRefusal, getGraphql, postGraphql, type HttpResult } from '../helpers/http';
import { copySeed, writeSeedFile, editFile } from '../helpers/seed-dir';

const TOKEN = 'voorbeeld-preview-token-123';
const PREVIEW = { 'x-preview-token': TOKEN };
const JSON_TYPE = { 'content-type': 'application/json' };

/** A seed with one new draft legal power and one existing guidance item turned into a draft. */
async function seedWithDrafts(): Promise<string> {
  const dir = await copySeed();
  await writeSeedFile(
    dir,
    'legal-powers/verborgen-bevoegdheid.nl.md',
    [
      '---',
      'title: Verborgen noodbevel in voorbereiding',
      'summary: Een bevoegdheid die nog niet gepubliceerd is.',
      'authority: MAYOR',
      'law: Gemeentewet',
      'bwbId: BWBR0005416',
      'article: "176"',
      'conditions: [een voorwaarde]',
      'legalRemedy: bezwaar en beroep',
      'useInRadicalisationCases: nog in te vullen',
      'tags: [zorg]',
      'related: [guidance/overzicht]',
      'targetGroups: [target-groups/eenlingen]',
      'draft: true',
      '---',
      'Tekst over het kwartelkoningsbevel.',
      '',
    ].join('\n'),
  );
  const definitie = path.join(dir, 'guidance/definitie.nl.md');
  await editFile(definitie, 'kind: DEFINITION', 'kind: DEFINITION\ndraft: true');
  const noodbevel = path.join(dir, 'legal-powers/noodbevel.nl.md');
  await fs.appendFile(
    noodbevel,
    '\nZie [de verborgen variant](kb:legal-powers/verborgen-bevoegdheid).\n',
  );
  return dir;
}

const DRAFT_ID = toGlobalId('LEGAL_POWER', 'verborgen-bevoegdheid');

const EVERYTHING = `{
  legalPowers(first: 100) { totalCount edges { node { slug draft } } }
  tagged: legalPowers(filter: { tags: ["zorg"] }) { totalCount }
  legalPower(slug: "verborgen-bevoegdheid") { title draft }
  content(type: GUIDANCE, slug: "definitie") { slug }
  node(id: "${DRAFT_ID}") { id }
  guidances(filter: { parent: "overzicht" }) { totalCount }
  overzicht: guidance(slug: "overzicht") { related { slug } children { slug } }
  eenlingen: targetGroupProfile(slug: "eenlingen") { legalPowers { slug } }
  noodbevel: legalPower(slug: "noodbevel") { body markdown: body(format: MARKDOWN) }
  search(query: "noodbevel") { totalCount edges { node { content { slug } } } facets { field values { value count } } }
}`;

interface Everything {
  legalPowers: { totalCount: number; edges: { node: { slug: string; draft: boolean } }[] };
  tagged: { totalCount: number };
  legalPower: { title: string; draft: boolean } | null;
  content: { slug: string } | null;
  node: { id: string } | null;
  guidances: { totalCount: number };
  overzicht: { related: { slug: string }[]; children: { slug: string }[] };
  eenlingen: { legalPowers: { slug: string }[] };
  noodbevel: { body: string; markdown: string };
  search: {
    totalCount: number;
    edges: { node: { content: { slug: string } } }[];
    facets: { field: string; values: { value: string; count: number }[] }[];
  };
}

const data = (res: HttpResult) => res.json.data as unknown as Everything;
const slugs = (list: { slug: string }[]) => list.map((i) => i.slug);
const facet = (everything: Everything, field: string) =>
  Object.fromEntries(
    everything.search.facets.find((f) => f.field === field)!.values.map((v) => [v.value, v.count]),
  );

describe.each(DIALECTS)('drafts and preview on %s', (dialect) => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await seedWithDrafts();
    server = await startServer(dialect, dir, undefined, {
      env: { PREVIEW_TOKEN: TOKEN, CONTENT_VERSION_POLL_MS: '100' },
    });
  });
  afterAll(async () => {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('leaves drafts out of every public answer', async () => {
    const res = await postGraphql(server.url, { query: EVERYTHING });
    expect(res.json.errors).toBeUndefined();
    const d = data(res);
    expect(slugs(d.legalPowers.edges.map((e) => e.node))).not.toContain('verborgen-bevoegdheid');
    expect(d.legalPowers.totalCount).toBe(3);
    expect(d.legalPowers.edges.every((e) => e.node.draft === false)).toBe(true);
    expect(d.tagged.totalCount).toBe(1); // crisismaatregel
    expect(d.legalPower).toBeNull();
    expect(d.content).toBeNull();
    expect(d.node).toBeNull();
    expect(d.guidances.totalCount).toBe(1); // ermee-aan-de-slag; definitie is a draft
    expect(slugs(d.overzicht.related)).not.toContain('verborgen-bevoegdheid');
    expect(slugs(d.overzicht.children)).toEqual(['ermee-aan-de-slag']);
    expect(slugs(d.eenlingen.legalPowers)).not.toContain('verborgen-bevoegdheid');
    // The link to the draft keeps its text and loses its target.
    expect(d.noodbevel.body).toContain('de verborgen variant');
    expect(d.noodbevel.body).not.toContain('verborgen-bevoegdheid');
    expect(d.noodbevel.markdown).toContain('Zie de verborgen variant.');
    expect(d.noodbevel.markdown).not.toContain('verborgen-bevoegdheid');
    expect(slugs(d.search.edges.map((e) => e.node.content))).toEqual(['noodbevel']);
    expect(d.search.totalCount).toBe(1);
    expect(facet(d, 'type')).toEqual({ LEGAL_POWER: 1 });
    expect(facet(d, 'tags').zorg).toBeUndefined();
  });

  it('shows drafts to a request with the preview token, marked as drafts', async () => {
    const res = await postGraphql(server.url, { query: EVERYTHING }, { ...JSON_TYPE, ...PREVIEW });
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
    const d = data(res);
    expect(d.legalPowers.totalCount).toBe(4);
    expect(
      d.legalPowers.edges.find((e) => e.node.slug === 'verborgen-bevoegdheid')?.node.draft,
    ).toBe(true);
    expect(d.tagged.totalCount).toBe(2);
    expect(d.legalPower).toEqual({ title: 'Verborgen noodbevel in voorbereiding', draft: true });
    expect(d.content).toEqual({ slug: 'definitie' });
    expect(d.node).toEqual({ id: DRAFT_ID });
    expect(d.guidances.totalCount).toBe(2);
    expect(slugs(d.overzicht.related)).toContain('verborgen-bevoegdheid');
    expect(slugs(d.overzicht.children).sort()).toEqual(['definitie', 'ermee-aan-de-slag']);
    expect(slugs(d.eenlingen.legalPowers)).toContain('verborgen-bevoegdheid');
    expect(d.noodbevel.body).toContain('data-kb-slug="verborgen-bevoegdheid"');
    expect(d.noodbevel.markdown).toContain('(kb:legal-powers/verborgen-bevoegdheid)');
    // Search covers published items only, also in preview.
    expect(d.search.totalCount).toBe(1);
  });

  it('never caches a preview answer, and keeps public answers cacheable', async () => {
    const query = '{ legalPowers { totalCount } }';
    const preview = await getGraphql(server.url, query, { headers: PREVIEW });
    expect(preview.json.data).toEqual({ legalPowers: { totalCount: 4 } });
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
    expect(preview.headers.get('x-cache')).toBe('BYPASS');
    expect(preview.headers.get('etag')).toBeNull();
    expect(preview.headers.get('vary')).toMatch(/x-preview-token/i);

    // The preview did not fill the response cache: the first public request misses.
    const first = await getGraphql(server.url, query);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.json.data).toEqual({ legalPowers: { totalCount: 3 } });
    expect(first.headers.get('cache-control')).toMatch(/public/);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const hit = await getGraphql(server.url, query);
    expect(hit.headers.get('x-cache')).toBe('HIT');

    // A cached public answer is not what a preview gets, nor a 304 for the public ETag.
    const again = await getGraphql(server.url, query, {
      headers: { ...PREVIEW, 'if-none-match': etag },
    });
    expect(again.status).toBe(200);
    expect(again.json.data).toEqual({ legalPowers: { totalCount: 4 } });
    expect(again.headers.get('x-cache')).toBe('BYPASS');
  });

  it('keeps drafts out of persisted queries registered by a preview', async () => {
    const query = '{ legalPowers(first: 50) { edges { node { slug } } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const registered = await postGraphql(
      server.url,
      { query, extensions },
      { ...JSON_TYPE, ...PREVIEW },
    );
    expect(registered.text).toContain('verborgen-bevoegdheid');
    expect(registered.headers.get('cache-control')).toBe('private, no-store');

    const url = new URL('/graphql', server.url);
    url.searchParams.set('extensions', JSON.stringify(extensions));
    const publicGet = await fetch(url);
    const text = await publicGet.text();
    expect(publicGet.status).toBe(200);
    expect(text).toContain('noodbevel');
    expect(text).not.toContain('verborgen-bevoegdheid');
    const previewGet = await fetch(url, { headers: PREVIEW });
    expect(await previewGet.text()).toContain('verborgen-bevoegdheid');
    expect(previewGet.headers.get('cache-control')).toBe('private, no-store');
  });

  it('publishes a draft when draft: true is removed', async () => {
    const file = path.join(dir, 'legal-powers/verborgen-bevoegdheid.nl.md');
    await editFile(file, 'draft: true\n', '');
    await runSeed(server.app.orm.em, { dir });
    await server.app.live.poll();
    const d = data(await postGraphql(server.url, { query: EVERYTHING }));
    expect(d.legalPower).toEqual({ title: 'Verborgen noodbevel in voorbereiding', draft: false });
    expect(d.node).toEqual({ id: DRAFT_ID });
    expect(slugs(d.eenlingen.legalPowers)).toContain('verborgen-bevoegdheid');
    expect(d.search.totalCount).toBe(2);
    expect(facet(d, 'tags').zorg).toBe(1);
  });
});

describe('the preview token', () => {
  let dir: string;
  let withToken: TestServer;
  let withoutToken: TestServer;
  beforeAll(async () => {
    dir = await seedWithDrafts();
    withToken = await startServer('sqlite', dir, undefined, { env: { PREVIEW_TOKEN: TOKEN } });
    withoutToken = await startServer('sqlite', dir);
  });
  afterAll(async () => {
    await withToken.close();
    await withoutToken.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const QUERY = { query: '{ legalPowers { totalCount } }' };

  it.each([
    ['a wrong token', 'verkeerd-token-van-genoeg-tekens'],
    ['a token with one character more', `${TOKEN}x`],
    ['an empty token', ''],
  ])('refuses %s with 401 PREVIEW_TOKEN_INVALID', async (_case, token) => {
    const res = await postGraphql(withToken.url, QUERY, { ...JSON_TYPE, 'x-preview-token': token });
    expectRefusal(res, 401, 'PREVIEW_TOKEN_INVALID');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).not.toContain('totalCount');
    const get = await getGraphql(withToken.url, QUERY.query, {
      headers: { 'x-preview-token': token },
    });
    expectRefusal(get, 401, 'PREVIEW_TOKEN_INVALID');
  });

  it('refuses the header with 403 PREVIEW_DISABLED when the server has no token', async () => {
    const res = await postGraphql(withoutToken.url, QUERY, { ...JSON_TYPE, ...PREVIEW });
    expectRefusal(res, 403, 'PREVIEW_DISABLED');
    const plain = await postGraphql(withoutToken.url, QUERY);
    expect(plain.json.data).toEqual({ legalPowers: { totalCount: 3 } });
  });

  it('answers requests without the header publicly on both servers', async () => {
    for (const server of [withToken, withoutToken]) {
      const res = await getGraphql(server.url, QUERY.query);
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual({ legalPowers: { totalCount: 3 } });
    }
  });
});
