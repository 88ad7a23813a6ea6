import { Field, Int, ObjectType } from 'type-graphql';
import { ContentObject, NodeInterface } from '../common/content.type';
import { GuidanceKind } from './guidance.enums';

@ObjectType('Guidance', {
  simpleResolvers: true,
  implements: [NodeInterface, ContentObject],
  description: 'Guidance on the theme, arranged as a navigable tree (parent, children, position).',
})
export class GuidanceObject extends ContentObject {
  @Field(() => GuidanceKind, { description: 'What this guidance is about.' })
  get kind(): GuidanceKind {
    return this.neutral('kind');
  }

  @Field(() => Int, { description: 'Order among its siblings (ascending).' })
  get position(): number {
    return this.neutral('position');
  }

  @Field(() => GuidanceObject, {
    nullable: true,
    description: 'Parent in the navigation tree; null at the top.',
  })
  parent(): GuidanceObject | null {
    return this.item.parent ? this.viewsOf<GuidanceObject>([this.item.parent])[0] : null;
  }

  @Field(() => [GuidanceObject], {
    description: 'Items above this one in the navigation tree, top first (a breadcrumb).',
  })
  ancestors(): GuidanceObject[] {
    return this.viewsOf(this.model.ancestors(this.item));
  }

  @Field(() => [GuidanceObject], { description: 'Child items, ordered by position.' })
  children(): GuidanceObject[] {
    return this.viewsOf(this.item.children);
  }
}
