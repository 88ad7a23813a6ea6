import { Field, ObjectType } from 'type-graphql';
import { ContentObject, NodeInterface } from '../common/content.type';

@ObjectType('TargetGroupProfile', {
  simpleResolvers: true,
  implements: [NodeInterface, ContentObject],
  description: 'A target-group profile. Signals are indications to discuss, never a checklist.',
})
export class TargetGroupProfileObject extends ContentObject {
  @Field(() => [String], {
    description: 'Possible signals. One signal proves nothing; never use them as a checklist.',
  })
  signals(): string[] {
    return this.translated('signals', []);
  }

  @Field(() => [String], { description: 'Factors that make radicalisation more likely.' })
  riskFactors(): string[] {
    return this.translated('riskFactors', []);
  }

  @Field(() => [String], { description: 'Factors that protect against radicalisation.' })
  protectiveFactors(): string[] {
    return this.translated('protectiveFactors', []);
  }
}
