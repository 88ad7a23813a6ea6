import {
  DirectiveLocation,
  GraphQLBoolean,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLInt,
} from 'graphql';

const CacheControlScope = new GraphQLEnumType({
  name: 'CacheControlScope',
  description: 'Who may cache a response: any cache (PUBLIC) or only the client (PRIVATE).',
  values: { PUBLIC: {}, PRIVATE: {} },
});

/**
 * Apollo Server's cache hint, declared so that fields can carry it (`@Directive` in
 * type-graphql). Fields without a hint get `CACHE_MAX_AGE`.
 */
export const CacheControlDirective = new GraphQLDirective({
  name: 'cacheControl',
  description: 'How long (in seconds) and by whom a response containing this field may be cached.',
  locations: [
    DirectiveLocation.FIELD_DEFINITION,
    DirectiveLocation.OBJECT,
    DirectiveLocation.INTERFACE,
    DirectiveLocation.UNION,
  ],
  args: {
    maxAge: { type: GraphQLInt, description: 'Seconds a response may be reused.' },
    scope: { type: CacheControlScope, description: 'Who may cache the response.' },
    inheritMaxAge: {
      type: GraphQLBoolean,
      description: 'Take the maxAge of the parent field instead of the default.',
    },
  },
});
