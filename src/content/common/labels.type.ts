import { Field, ObjectType } from 'type-graphql';

@ObjectType('EnumValueLabel', {
  simpleResolvers: true,
  description: 'The display name of one enum value.',
})
export class EnumValueLabelObject {
  @Field({ description: 'The enum value, as the API returns it (e.g. MAYOR).' })
  value!: string;

  @Field({ description: 'Display name in the requested locale (e.g. Burgemeester).' })
  label!: string;
}

@ObjectType('EnumLabels', {
  simpleResolvers: true,
  description: 'Display names of the values of one enum, in the requested locale.',
})
export class EnumLabelsObject {
  @Field({ description: 'Name of the enum type, e.g. LegalAuthority.' })
  name!: string;

  @Field(() => [EnumValueLabelObject], { description: 'Every value of the enum, in schema order.' })
  values!: EnumValueLabelObject[];
}
