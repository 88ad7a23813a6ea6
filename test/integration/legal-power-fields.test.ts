import fs from 'node:fs/promises';
import { DIALECTS, startServer, type TestServer } from '../helpers/app';
import { copySeed, writeSeedFile } from '../helpers/seed-dir';

// A power whose law has no known BWB id and an end date, and one the council must enable.
const TEMPORARY = `---
title: Tijdelijke maatregel
summary: Een maatregel op grond van een tijdelijke wet.
authority: MINISTER
law: Tijdelijke wet
officialReference: Kamerstukken 35 917, nr. 3
article: "2"
validUntil: 2027-03-01
conditions: [gevaar voor de nationale veiligheid]
legalRemedy: beroep bij de rechtbank
useInRadicalisationCases: na een strafzaak
asOf: 2026-11-30
---
Tekst.
`;
const ENABLED = `---
title: Cameratoezicht
summary: Camera's op openbare plaatsen.
authority: MAYOR
enabledBy: MUNICIPAL_COUNCIL
law: Gemeentewet
bwbId: BWBR0005416
article: 151c
conditions: [de raad heeft de bevoegdheid bij verordening gegeven]
legalRemedy: bezwaar en beroep
useInRadicalisationCases: rond een evenement
---
Tekst.
`;

describe.each(DIALECTS)(
  'legal powers: who enables, official references, end dates on %s',
  (dialect) => {
    let server: TestServer;
    let dir: string;
    beforeAll(async () => {
      dir = await copySeed();
      await writeSeedFile(dir, 'legal-powers/tijdelijke-maatregel.nl.md', TEMPORARY);
      await writeSeedFile(dir, 'legal-powers/cameratoezicht.nl.md', ENABLED);
      server = await startServer(dialect, dir);
    });
    afterAll(async () => {
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    });

    const FIELDS = `slug authority enabledBy validUntil asOf
    legalReference { bwbId juriconnect url } officialReference { citation url }`;

    it('serves the official reference and the end date where the BWB id is not known', async () => {
      const res = await server.gql(`{ legalPower(slug: "tijdelijke-maatregel") { ${FIELDS} } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.legalPower).toEqual({
        slug: 'tijdelijke-maatregel',
        authority: 'MINISTER',
        enabledBy: null,
        validUntil: '2027-03-01',
        asOf: '2026-11-30',
        legalReference: null,
        officialReference: {
          citation: 'Kamerstukken 35 917, nr. 3',
          url: 'https://zoek.officielebekendmakingen.nl/kst-35917-3.html',
        },
      });
    });

    it('tells who decides apart from who enables, and the mayor filter finds the power', async () => {
      const res = await server.gql<{
        legalPower: Record<string, unknown>;
        legalPowers: { edges: { node: { slug: string } }[] };
      }>(`{ legalPower(slug: "cameratoezicht") { ${FIELDS} }
          legalPowers(filter: { authority: [MAYOR] }) { edges { node { slug } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.legalPower).toEqual({
        slug: 'cameratoezicht',
        authority: 'MAYOR',
        enabledBy: 'MUNICIPAL_COUNCIL',
        validUntil: null,
        asOf: null,
        legalReference: {
          bwbId: 'BWBR0005416',
          juriconnect: 'jci1.3:c:BWBR0005416&artikel=151c',
          url: 'https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=151c',
        },
        officialReference: null,
      });
      expect(res.data!.legalPowers.edges.map((e) => e.node.slug)).toContain('cameratoezicht');
    });
  },
);
