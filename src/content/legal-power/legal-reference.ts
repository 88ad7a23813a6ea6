import { Field, ObjectType } from 'type-graphql';

const WETTEN = 'https://wetten.overheid.nl';

@ObjectType({
  simpleResolvers: true,
  description: 'Reference to an article of Dutch law in the Basiswettenbestand (BWB).',
})
export class LegalReference {
  @Field({ description: 'BWB id of the law, e.g. "BWBR0005416" (Gemeentewet).' })
  bwbId!: string;

  @Field({ description: 'Article, e.g. "172a".' })
  article!: string;

  @Field({ description: 'Juriconnect (JCI 1.3) identifier of the article, current version.' })
  juriconnect!: string;

  @Field({ description: 'Link to the current text of the article on wetten.overheid.nl.' })
  url!: string;

  /** Derived from the BWB id and article; never typed by hand. */
  static of(bwbId: string, article: string): LegalReference {
    const ref = new LegalReference();
    ref.bwbId = bwbId;
    ref.article = article;
    ref.juriconnect = `jci1.3:c:${bwbId}&artikel=${article}`;
    ref.url = `${WETTEN}/${ref.juriconnect}`;
    return ref;
  }
}
