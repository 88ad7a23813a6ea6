import { DateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ContentObject, NodeInterface } from '../common/content.type';
import { LegalAuthority } from './legal-power.enums';
import { LegalReference } from './legal-reference';
import { OfficialReference } from './official-reference';

@ObjectType('LegalPower', {
  simpleResolvers: true,
  implements: [NodeInterface, ContentObject],
  description:
    'A legal power: who may do what, on which article, under which conditions, with which remedy.',
})
export class LegalPowerObject extends ContentObject {
  @Field(() => LegalAuthority, { description: 'Who decides: the body that holds the power.' })
  get authority(): LegalAuthority {
    return this.neutral('authority');
  }

  @Field(() => LegalAuthority, {
    nullable: true,
    description:
      'Who must first make the power available, when that is another body than the one deciding (e.g. the council by ordinance); null when the law gives the power directly.',
  })
  get enabledBy(): LegalAuthority | null {
    return this.neutral('enabledBy') ?? null;
  }

  @Field({ description: 'Name of the law, e.g. "Gemeentewet".' })
  get law(): string {
    return this.neutral('law');
  }

  @Field({ description: 'Article, e.g. "172a" or "7:1".' })
  get article(): string {
    return this.neutral('article');
  }

  @Field(() => LegalReference, {
    nullable: true,
    description:
      'Machine-readable reference to the article on wetten.overheid.nl; null when the BWB id of the law is not given (see officialReference).',
  })
  get legalReference(): LegalReference | null {
    const bwbId = this.neutral<string | null>('bwbId');
    return bwbId ? LegalReference.of(bwbId, this.article) : null;
  }

  @Field(() => OfficialReference, {
    nullable: true,
    description:
      'Staatsblad or Kamerstukken citation of the law, given where its BWB id is not known.',
  })
  get officialReference(): OfficialReference | null {
    const citation = this.neutral<string | null>('officialReference');
    return citation ? OfficialReference.of(citation) : null;
  }

  @Field(() => DateResolver, {
    nullable: true,
    description:
      'The date the legal basis lapses under a horizon clause, unless the law is extended; null for laws without an end date.',
  })
  get validUntil(): string | null {
    return this.neutral<string | null>('validUntil') ?? null;
  }

  @Field(() => [String], { description: 'Conditions that must be met to use the power.' })
  conditions(): string[] {
    return this.translated('conditions', []);
  }

  @Field(() => String, {
    nullable: true,
    description: 'How long a measure lasts, where the law says so.',
  })
  duration(): string | null {
    return this.translated('duration', null);
  }

  @Field({ description: 'How the person concerned can challenge the decision.' })
  legalRemedy(): string {
    return this.translated('legalRemedy', '');
  }

  @Field({
    description: 'How the power is used in radicalisation cases (examples from practice, not law).',
  })
  useInRadicalisationCases(): string {
    return this.translated('useInRadicalisationCases', '');
  }
}
