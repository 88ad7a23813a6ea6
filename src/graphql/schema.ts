import { specifiedDirectives, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ContentResolver } from '../content/common/content.resolver';
import { GuidanceResolver } from '../content/guidance/guidance.resolver';
import { LegalPowerResolver } from '../content/legal-power/legal-power.resolver';
import { PreventionApproachResolver } from '../content/prevention-approach/prevention-approach.resolver';
import { RoleModelResolver } from '../content/role-model/role-model.resolver';
import { TargetGroupProfileResolver } from '../content/target-group/target-group.resolver';
import { GuidanceObject } from '../content/guidance/guidance.type';
import { LegalPowerObject } from '../content/legal-power/legal-power.type';
import { PreventionApproachObject } from '../content/prevention-approach/prevention-approach.type';
import { TargetGroupProfileObject } from '../content/target-group/target-group.type';
import { ContentVersionResolver } from './content-version.resolver';
import { SearchResolver } from '../search/search.resolver';
import { CacheControlDirective } from './plugins/cache-control.directive';

export const RESOLVERS = [
  ContentResolver,
  GuidanceResolver,
  LegalPowerResolver,
  PreventionApproachResolver,
  TargetGroupProfileResolver,
  RoleModelResolver,
  ContentVersionResolver,
  SearchResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every app instance; build it once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [
      GuidanceObject,
      LegalPowerObject,
      PreventionApproachObject,
      TargetGroupProfileObject,
    ],
    directives: [...specifiedDirectives, CacheControlDirective],
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}
