import { Field, ObjectType } from 'type-graphql';
import { ContentObject, NodeInterface } from '../common/content.type';
import { PreventionLevel } from './prevention-approach.enums';

@ObjectType('PreventionApproach', {
  simpleResolvers: true,
  implements: [NodeInterface, ContentObject],
  description: 'A prevention approach, from general prevention to aftercare and reintegration.',
})
export class PreventionApproachObject extends ContentObject {
  @Field(() => PreventionLevel, { description: 'Where the approach sits in the prevention chain.' })
  get level(): PreventionLevel {
    return this.neutral('level');
  }

  @Field(() => [String], { description: 'Who takes part.' })
  actors(): string[] {
    return this.translated('actors', []);
  }

  @Field(() => [String], { description: 'The steps of the approach, in order.' })
  steps(): string[] {
    return this.translated('steps', []);
  }
}
