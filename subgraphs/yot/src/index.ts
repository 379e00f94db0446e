import 'reflect-metadata';
import { join } from 'node:path';
import { defineSubgraph } from '@mappa/shared';
// First: type-graphql orders the SDL's Query fields as their classes were declared (so the order of
// these imports is the SDL's), and the entity's access-audit query comes first in every subgraph's.
import { yotOffender } from './offender/offender.type';
import { YOT_RECORD_CONDITIONS } from './adult-transition/adult-transition-receiving-area.condition';
import { OffenderResolver } from './offender/offender.resolver';
import { yotSeed } from './seed/yot.seed';
import { YotStatisticsResolver } from './statistics/yot-statistics.resolver';
import { createYotLoaders } from './yot.loaders';
import { yotPolicies } from './yot.policies';
import { YouthCaseRelationshipResolver } from './youth-case/youth-case-relationship.resolver';

/** The YOT subgraph: records owned by the local authority youth offending team. */
export const yotSubgraph = defineSubgraph({
  agency: 'yot',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: yotPolicies,
  offender: yotOffender,
  resolvers: [OffenderResolver, YouthCaseRelationshipResolver, YotStatisticsResolver],
  conditions: YOT_RECORD_CONDITIONS,
  createLoaders: createYotLoaders,
  seed: yotSeed,
});
