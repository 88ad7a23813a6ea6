import { specifiedDirectives, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { ContentFields, ContentResolver } from '../content/content.resolver';
import { CONTENT_TYPES } from '../content/registry';
import { RoleModelResolver } from '../content/role-model/role-model.resolver';
import { SearchResolver } from '../search/search.resolver';
import { ContentVersionResolver } from './content-version.resolver';
import { CacheControlDirective } from './plugins/cache-control.directive';

/** Every resolver: the common content queries, each registered type's, and the rest. */
export const RESOLVERS: NonEmptyArray<new () => object> = [
  ContentResolver,
  ContentFields,
  ...CONTENT_TYPES.flatMap((d) => d.resolvers),
  RoleModelResolver,
  ContentVersionResolver,
  SearchResolver,
];

let cached: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every app instance; build it once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: CONTENT_TYPES.map((d) => d.object),
    directives: [...specifiedDirectives, CacheControlDirective],
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}
