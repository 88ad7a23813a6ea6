import { Field, Int, InterfaceType, ObjectType } from 'type-graphql';
import { ContentObject } from '../common/content.type';
import { Locale } from '../common/enums';

/** Resolves a node's content links when the field is asked for. */
export type ContentLinks = () => ContentObject[];

@InterfaceType('RoleNode', {
  description: 'A node of the role model: a group, phase, actor or task.',
})
export abstract class RoleNode {
  @Field({ description: 'Stable identifier within the role model, as in seed/role-model.yml.' })
  id!: string;

  @Field({ description: 'Label in the requested locale (Dutch when untranslated).' })
  label!: string;
}

@ObjectType('RoleGroup', {
  simpleResolvers: true,
  implements: RoleNode,
  description: 'A group of actors, such as the municipality.',
})
export class RoleGroupObject extends RoleNode {}

@ObjectType('RolePhase', {
  simpleResolvers: true,
  implements: RoleNode,
  description: 'A phase of the local approach, from prevention to aftercare.',
})
export class RolePhaseObject extends RoleNode {
  @Field(() => Int, { description: 'Order of the phase; phases are listed in this order.' })
  position!: number;
}

const CONTENT_FIELD = {
  description: 'Content items about this node, in the order of the seed, in the same locale.',
};

@ObjectType('RoleActor', {
  simpleResolvers: true,
  implements: RoleNode,
  description: 'An organisation or role that takes part in the local approach.',
})
export class RoleActorObject extends RoleNode {
  @Field({ description: 'What this actor does, in one or two sentences.' })
  description!: string;

  @Field(() => RoleGroupObject, { description: 'The group this actor belongs to.' })
  group!: RoleGroupObject;

  constructor(private readonly links: ContentLinks) {
    super();
  }

  @Field(() => [ContentObject], CONTENT_FIELD)
  content(): ContentObject[] {
    return this.links();
  }
}

@ObjectType('RoleTask', {
  simpleResolvers: true,
  implements: RoleNode,
  description: 'A task in one phase and the actors who carry it out.',
})
export class RoleTaskObject extends RoleNode {
  @Field(() => RolePhaseObject, { description: 'The phase the task belongs to.' })
  phase!: RolePhaseObject;

  @Field(() => [RoleActorObject], { description: 'Actors who carry out the task.' })
  actors!: RoleActorObject[];

  constructor(private readonly links: ContentLinks) {
    super();
  }

  @Field(() => [ContentObject], CONTENT_FIELD)
  content(): ContentObject[] {
    return this.links();
  }
}

@ObjectType('RoleEdge', {
  simpleResolvers: true,
  description: 'A directed relation between two actors.',
})
export class RoleEdgeObject {
  @Field(() => RoleActorObject, { description: 'Actor the relation starts from.' })
  from!: RoleActorObject;

  @Field(() => RoleActorObject, { description: 'Actor the relation points to.' })
  to!: RoleActorObject;

  @Field({ description: 'What goes from one to the other, e.g. "meldt zorgen aan".' })
  label!: string;
}

@ObjectType('RoleModel', {
  simpleResolvers: true,
  description:
    'Who does what in the local approach to radicalisation: actors, phases, tasks and the relations between actors.',
})
export class RoleModelObject {
  @Field(() => Locale, { description: 'Locale the labels were asked in.' })
  locale!: Locale;

  @Field({ description: 'Name of the role model, for a heading.' })
  title!: string;

  @Field({ description: 'What the role model shows, in a sentence or two.' })
  description!: string;

  @Field(() => [RoleGroupObject], { description: 'Groups of actors.' })
  groups!: RoleGroupObject[];

  @Field(() => [RoleActorObject], { description: 'Actors, in the order of the seed.' })
  actors!: RoleActorObject[];

  @Field(() => [RolePhaseObject], { description: 'Phases, ordered by position.' })
  phases!: RolePhaseObject[];

  @Field(() => [RoleTaskObject], { description: 'Tasks, each in one phase.' })
  tasks!: RoleTaskObject[];

  @Field(() => [RoleEdgeObject], { description: 'Relations between actors.' })
  edges!: RoleEdgeObject[];
}
