import { DIALECTS, expectGraphqlError, startServer, type TestServer } from '../helpers/app';

const ITEM = `
  id slug type locale availableLocales title summary updatedAt asOf
  body(format: HTML) tags { slug name } sources { title url publisher date }
  related { slug type }
`;

describe.each(DIALECTS)('GraphQL API over HTTP on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(dialect);
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves one legal power by slug with its legal reference and typed relations', async () => {
    const res = await server.gql(
      `query One($slug: String!) { legalPower(slug: $slug) { ${ITEM}
        authority law article conditions duration legalRemedy useInRadicalisationCases
        legalReference { bwbId article juriconnect url }
        targetGroups { slug } approaches { slug } } }`,
      { slug: 'gebiedsverbod' },
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.legalPower).toMatchObject({
      slug: 'gebiedsverbod',
      type: 'LEGAL_POWER',
      locale: 'NL',
      availableLocales: ['NL', 'EN'],
      title: 'Gebiedsverbod',
      authority: 'MAYOR',
      law: 'Gemeentewet',
      article: '172a',
      conditions: [
        'herhaaldelijk de openbare orde verstoord',
        'ernstige vrees voor verdere verstoring',
      ],
      duration: 'ten hoogste drie maanden',
      legalReference: {
        bwbId: 'BWBR0005416',
        article: '172a',
        juriconnect: 'jci1.3:c:BWBR0005416&artikel=172a',
        url: 'https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=172a',
      },
      tags: [{ slug: 'openbare-orde', name: 'Openbare orde' }],
      sources: [
        {
          title: 'Gemeentewet',
          url: 'https://wetten.overheid.nl/BWBR0005416/',
          publisher: null,
          date: null,
        },
      ],
      related: [{ slug: 'noodbevel', type: 'LEGAL_POWER' }],
      targetGroups: [{ slug: 'jongeren-online' }],
      approaches: [{ slug: 'casusoverleg' }],
    });
  });

  it('shows a relation declared on one side on both sides', async () => {
    const res = await server.gql<{
      targetGroupProfile: { legalPowers: { slug: string }[]; approaches: { slug: string }[] };
      legalPower: { related: { slug: string }[] };
    }>(`{ targetGroupProfile(slug: "jongeren-online") { legalPowers { slug } approaches { slug } }
          legalPower(slug: "noodbevel") { related { slug } } }`);
    expect(res.data!.targetGroupProfile.legalPowers.map((p) => p.slug)).toEqual(['gebiedsverbod']);
    expect(res.data!.targetGroupProfile.approaches.map((a) => a.slug).sort()).toEqual([
      'casusoverleg',
      'weerbaarheid',
    ]);
    expect(res.data!.legalPower.related).toEqual([{ slug: 'gebiedsverbod' }]);
  });

  it('answers every singular root field, and null for a missing or malformed slug', async () => {
    const res = await server.gql(`{
      guidance(slug: "overzicht") { slug kind position parent { slug } children { slug position } }
      preventionApproach(slug: "casusoverleg") { slug level actors steps targetGroups { slug } legalPowers { slug } }
      targetGroupProfile(slug: "eenlingen") { slug signals riskFactors protectiveFactors }
      content(type: LEGAL_POWER, slug: "noodbevel") { __typename slug }
      missing: legalPower(slug: "bestaat-niet") { slug }
      malformed: guidance(slug: "../../etc") { slug }
      wrongType: content(type: GUIDANCE, slug: "noodbevel") { slug }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      guidance: {
        slug: 'overzicht',
        kind: 'OVERVIEW',
        position: 0,
        parent: null,
        children: [
          { slug: 'ermee-aan-de-slag', position: 0 },
          { slug: 'definitie', position: 1 },
        ],
      },
      preventionApproach: {
        slug: 'casusoverleg',
        level: 'PERSON_CENTRED',
        actors: ['gemeente', 'politie', 'OM'],
        steps: ['melding', 'weging', 'casusoverleg', 'monitoren'],
        targetGroups: [{ slug: 'jongeren-online' }, { slug: 'eenlingen' }],
        legalPowers: [{ slug: 'crisismaatregel' }, { slug: 'gebiedsverbod' }],
      },
      targetGroupProfile: {
        slug: 'eenlingen',
        signals: ['fascinatie voor geweld'],
        riskFactors: ['sociaal isolement'],
        protectiveFactors: ['behandeling'],
      },
      content: { __typename: 'LegalPower', slug: 'noodbevel' },
      missing: null,
      malformed: null,
      wrongType: null,
    });
  });

  it('lists every type as a connection with totalCount', async () => {
    const res = await server.gql<
      Record<string, { totalCount: number; edges: { node: { slug: string } }[] }>
    >(`{
      guidances { totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      legalPowers { totalCount edges { node { slug } } }
      preventionApproaches { totalCount edges { node { slug } } }
      targetGroupProfiles { totalCount edges { node { slug } } }
      tags { slug name }
    }`);
    expect(res.errors).toBeUndefined();
    const slugs = (key: string) => res.data![key].edges.map((e) => e.node.slug);
    // Default order: title, accent- and case-insensitive.
    expect(slugs('guidances')).toEqual(['ermee-aan-de-slag', 'overzicht', 'definitie']);
    expect(slugs('legalPowers')).toEqual(['crisismaatregel', 'gebiedsverbod', 'noodbevel']);
    expect(slugs('preventionApproaches')).toEqual(['casusoverleg', 'nazorg', 'weerbaarheid']);
    expect(slugs('targetGroupProfiles')).toEqual(['eenlingen', 'jongeren-online', 'terugkeerders']);
    expect(res.data!.guidances.totalCount).toBe(3);
    expect(res.data!.tags).toEqual([
      { slug: 'jeugd', name: 'Jeugd' },
      { slug: 'openbare-orde', name: 'Openbare orde' },
      { slug: 'zorg', name: 'Zorg' },
    ]);
  });

  it('falls back to Dutch field by field and says which locale it served', async () => {
    const res = await server.gql(`{
      en: legalPower(slug: "gebiedsverbod", locale: EN) { locale title summary conditions duration legalRemedy body(format: PLAIN) tags { name } }
      untranslated: legalPower(slug: "noodbevel", locale: EN) { locale title availableLocales }
      partial: targetGroupProfile(slug: "terugkeerders", locale: EN) { locale title signals riskFactors body(format: PLAIN) }
      guidance(slug: "overzicht", locale: EN) { locale title body(format: MARKDOWN) children { locale title } }
      tags(locale: EN) { slug name }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      en: {
        locale: 'EN',
        title: 'Area ban',
        summary: 'The mayor can ban someone from an area.',
        conditions: ['repeatedly disturbed public order'],
        duration: 'ten hoogste drie maanden',
        legalRemedy: 'bezwaar en beroep',
        body: 'Het gebiedsverbod staat in de Gemeentewet.',
        tags: [{ name: 'Public order' }],
      },
      untranslated: { locale: 'NL', title: 'Noodbevel', availableLocales: ['NL'] },
      partial: {
        locale: 'EN',
        title: 'Returnees',
        signals: ['contact with network'],
        riskFactors: ['trauma'],
        body: 'Terugkeer vraagt een plan.',
      },
      guidance: {
        locale: 'EN',
        title: 'Overview of the local approach',
        body: 'This is the **entry point**.',
        children: [
          { locale: 'NL', title: 'Ermee aan de slag' },
          { locale: 'NL', title: 'Wat is radicalisering' },
        ],
      },
      tags: [
        { slug: 'jeugd', name: 'Young people' },
        { slug: 'openbare-orde', name: 'Public order' },
        { slug: 'zorg', name: 'Zorg' },
      ],
    });
  });

  it('renders bodies as sanitised HTML, Markdown and plain text and resolves kb: links', async () => {
    const res = await server.gql<Record<string, Record<string, string>>>(`{
      a: guidance(slug: "overzicht") { html: body markdown: body(format: MARKDOWN) plain: body(format: PLAIN) }
      b: guidance(slug: "ermee-aan-de-slag") { html: body(format: HTML) }
    }`);
    const a = res.data!.a;
    expect(a.markdown).toBe(
      'Dit is het **startpunt**. Zie ook [het gebiedsverbod](kb:legal-powers/gebiedsverbod).',
    );
    expect(a.plain).toBe('Dit is het startpunt. Zie ook het gebiedsverbod.');
    expect(a.html).toContain('<strong>startpunt</strong>');
    const id = Buffer.from('LEGAL_POWER:gebiedsverbod').toString('base64url');
    expect(a.html).toContain(
      `<a href="/legal-powers/gebiedsverbod" data-kb-id="${id}" data-kb-type="LEGAL_POWER" data-kb-slug="gebiedsverbod">het gebiedsverbod</a>`,
    );
    expect(res.data!.b.html).toBe(
      '<p>Begin met een &lt;script&gt;alert(1)&lt;/script&gt; plan.</p>',
    );
  });

  it('filters every list by its filters', async () => {
    const slugs = async (field: string, filter: string): Promise<string[]> => {
      const res = await server.gql<Record<string, { edges: { node: { slug: string } }[] }>>(
        `{ list: ${field}(filter: ${filter}) { totalCount edges { node { slug } } } }`,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.list.edges.map((e) => e.node.slug).sort();
    };
    expect(await slugs('legalPowers', '{ tags: ["openbare-orde"] }')).toEqual(['gebiedsverbod']);
    expect(await slugs('legalPowers', '{ authority: [MAYOR] }')).toEqual([
      'crisismaatregel',
      'gebiedsverbod',
      'noodbevel',
    ]);
    expect(await slugs('legalPowers', '{ authority: [MINISTER, PUBLIC_PROSECUTOR] }')).toEqual([]);
    expect(await slugs('legalPowers', '{ law: "gemeentewet" }')).toEqual([
      'gebiedsverbod',
      'noodbevel',
    ]);
    expect(await slugs('legalPowers', '{ law: "Wet verplichte ggz", authority: [MAYOR] }')).toEqual(
      ['crisismaatregel'],
    );
    expect(await slugs('legalPowers', '{ targetGroup: "eenlingen" }')).toEqual(['crisismaatregel']);
    expect(await slugs('legalPowers', '{ approach: "casusoverleg" }')).toEqual([
      'crisismaatregel',
      'gebiedsverbod',
    ]);
    expect(
      await slugs('preventionApproaches', '{ level: [GENERAL_PREVENTION, AFTERCARE] }'),
    ).toEqual(['nazorg', 'weerbaarheid']);
    expect(await slugs('preventionApproaches', '{ targetGroup: "jongeren-online" }')).toEqual([
      'casusoverleg',
      'weerbaarheid',
    ]);
    expect(await slugs('preventionApproaches', '{ legalPower: "crisismaatregel" }')).toEqual([
      'casusoverleg',
    ]);
    expect(await slugs('preventionApproaches', '{ tags: ["jeugd"] }')).toEqual(['weerbaarheid']);
    expect(await slugs('targetGroupProfiles', '{ tags: ["zorg"] }')).toEqual(['eenlingen']);
    expect(await slugs('targetGroupProfiles', '{ approach: "nazorg" }')).toEqual(['terugkeerders']);
    expect(await slugs('targetGroupProfiles', '{ legalPower: "gebiedsverbod" }')).toEqual([
      'jongeren-online',
    ]);
    expect(await slugs('guidances', '{ kind: [ROLE, DEFINITION] }')).toEqual([
      'definitie',
      'ermee-aan-de-slag',
    ]);
    expect(await slugs('guidances', '{ parent: "overzicht" }')).toEqual([
      'definitie',
      'ermee-aan-de-slag',
    ]);
    expect(await slugs('guidances', '{ topLevel: true }')).toEqual(['overzicht']);
    // Several tags: items carrying all of them.
    expect(await slugs('guidances', '{ tags: ["openbare-orde", "jeugd"] }')).toEqual([
      'ermee-aan-de-slag',
    ]);
    expect(await slugs('guidances', '{ tags: ["openbare-orde"] }')).toEqual([
      'ermee-aan-de-slag',
      'overzicht',
    ]);
    expect(await slugs('guidances', '{ tags: ["bestaat-niet"] }')).toEqual([]);
  });

  it('round-trips node ids for every type and answers null for unknown ids', async () => {
    const list = await server.gql<
      Record<string, { edges: { node: { id: string; slug: string; __typename: string } }[] }>
    >(`{
      guidances(first: 1) { edges { node { id slug __typename } } }
      legalPowers(first: 1) { edges { node { id slug __typename } } }
      preventionApproaches(first: 1) { edges { node { id slug __typename } } }
      targetGroupProfiles(first: 1) { edges { node { id slug __typename } } }
    }`);
    const nodes = Object.values(list.data!).map((c) => c.edges[0].node);
    expect(nodes.map((n) => n.__typename)).toEqual([
      'Guidance',
      'LegalPower',
      'PreventionApproach',
      'TargetGroupProfile',
    ]);
    for (const node of nodes) {
      const res = await server.gql<{ node: { id: string; __typename: string; slug: string } }>(
        'query N($id: ID!) { node(id: $id) { id __typename ... on Content { slug } } }',
        { id: node.id },
      );
      expect(res.data!.node).toEqual({ id: node.id, __typename: node.__typename, slug: node.slug });
    }
    const unknown = await server.gql(`{
      a: node(id: "${Buffer.from('LEGAL_POWER:bestaat-niet').toString('base64url')}") { id }
      b: node(id: "not base64 at all!") { id }
      c: node(id: "${Buffer.from('SOMETHING:noodbevel').toString('base64url')}") { id }
    }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ a: null, b: null, c: null });
  });

  it('orders by updatedAt and by title descending', async () => {
    const res = await server.gql<
      Record<string, { edges: { node: { slug: string; updatedAt: string } }[] }>
    >(`{
      desc: legalPowers(orderBy: { field: TITLE, direction: DESC }) { edges { node { slug updatedAt } } }
      updated: legalPowers(orderBy: { field: UPDATED_AT }) { edges { node { slug updatedAt } } }
    }`);
    expect(res.data!.desc.edges.map((e) => e.node.slug)).toEqual([
      'noodbevel',
      'gebiedsverbod',
      'crisismaatregel',
    ]);
    const times = res.data!.updated.edges.map((e) => Date.parse(e.node.updatedAt));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  it('rejects bad arguments with BAD_USER_INPUT naming the argument', async () => {
    expectGraphqlError(await server.gql('{ legalPowers(first: 101) { totalCount } }'), {
      code: 'BAD_USER_INPUT',
      path: ['legalPowers'],
      message: /^first: must be between 0 and 100/,
    });
    expectGraphqlError(await server.gql('{ guidances(first: -1) { totalCount } }'), {
      code: 'BAD_USER_INPUT',
      path: ['guidances'],
    });
    expectGraphqlError(await server.gql('{ guidances(after: "bm9wZQ") { totalCount } }'), {
      code: 'BAD_USER_INPUT',
      message: /^after: is not a cursor/,
    });
    expectGraphqlError(await server.gql('{ guidances(after: "!!!") { totalCount } }'), {
      code: 'BAD_USER_INPUT',
    });
    const page = await server.gql<{ legalPowers: { pageInfo: { endCursor: string } } }>(
      '{ legalPowers(first: 1) { pageInfo { endCursor } } }',
    );
    const cursor = page.data!.legalPowers.pageInfo.endCursor;
    expectGraphqlError(
      await server.gql(
        'query Q($c: String) { legalPowers(after: $c, orderBy: { field: UPDATED_AT }) { totalCount } }',
        { c: cursor },
      ),
      { code: 'BAD_USER_INPUT', message: /another order/ },
    );
    expectGraphqlError(
      await server.gql('query Q($c: String) { guidances(after: $c) { totalCount } }', {
        c: cursor,
      }),
      { code: 'BAD_USER_INPUT', message: /another order or type/ },
    );
    const badEnum = await server.gql('{ legalPowers(locale: FR) { totalCount } }');
    expect(badEnum.status).toBe(400);
    expectGraphqlError(badEnum, { code: 'GRAPHQL_VALIDATION_FAILED' });
    const badVariable = await server.gql(
      'query Q($n: Int) { legalPowers(first: $n) { totalCount } }',
      { n: 'tien' },
    );
    expectGraphqlError(badVariable, { code: 'BAD_USER_INPUT' });
    const missing = await server.gql('{ legalPower { slug } }');
    expectGraphqlError(missing, { code: 'GRAPHQL_VALIDATION_FAILED', message: /slug/ });
  });

  it('accepts first: 0 and returns only the count', async () => {
    const res = await server.gql(
      '{ legalPowers(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }',
    );
    expect(res.data).toEqual({
      legalPowers: { totalCount: 3, edges: [], pageInfo: { hasNextPage: true, endCursor: null } },
    });
  });
});
