import { Field, ObjectType } from 'type-graphql';
import { ContentObject, NodeInterface } from '../common/content.type';
import { LegalAuthority } from './legal-power.enums';
import { LegalReference } from './legal-reference';

@ObjectType('LegalPower', {
  simpleResolvers: true,
  implements: [NodeInterface, ContentObject],
  description:
    'A legal power: who may do what, on which article, under which conditions, with which remedy.',
})
export class LegalPowerObject extends ContentObject {
  @Field(() => LegalAuthority, { description: 'Who holds the power.' })
  get authority(): LegalAuthority {
    return this.neutral('authority');
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
    description: 'Machine-readable reference to the article on wetten.overheid.nl.',
  })
  get legalReference(): LegalReference {
    return LegalReference.of(this.neutral('bwbId'), this.article);
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
