import { Field, ObjectType } from 'type-graphql';

const BEKENDMAKINGEN = 'https://zoek.officielebekendmakingen.nl';

/**
 * A citation of an official publication: the Staatsblad (`Stb. 2017, 51`) or parliamentary papers
 * (`Kamerstukken 35 917`, `Kamerstukken 35 917, nr. 3`, `Kamerstukken 35 917, nr. D`). It stands in
 * for the BWB id of a law whose id is not known, and links to the publication itself.
 */
export const OFFICIAL_REFERENCE_PATTERN =
  /^(?:Stb\. (\d{4}), (\d{1,4})|Kamerstukken (\d{2}) ?(\d{3})(?:, nr\. ([0-9A-Z]{1,4}))?)$/;

@ObjectType({
  simpleResolvers: true,
  description:
    'Citation of an official publication (Staatsblad or Kamerstukken) for a law whose BWB id is not given.',
})
export class OfficialReference {
  @Field({ description: 'The citation, e.g. "Stb. 2017, 51" or "Kamerstukken 35 917".' })
  citation!: string;

  @Field({
    description:
      'Link to the publication on zoek.officielebekendmakingen.nl (for a whole dossier of Kamerstukken, its first document).',
  })
  url!: string;

  /** Derived from the citation; never typed by hand. Null when the citation is not of a known form. */
  static of(citation: string): OfficialReference | null {
    const match = OFFICIAL_REFERENCE_PATTERN.exec(citation);
    if (!match) return null;
    const [, year, number, dossierHead, dossierTail, paper] = match;
    const ref = new OfficialReference();
    ref.citation = citation;
    ref.url = year
      ? `${BEKENDMAKINGEN}/stb-${year}-${number}.html`
      : `${BEKENDMAKINGEN}/kst-${dossierHead}${dossierTail}-${paper ?? '1'}.html`;
    return ref;
  }
}
