import 'reflect-metadata';
import { join } from 'node:path';
import { defineSubgraph } from '@mappa/shared';
// First: type-graphql orders the SDL's Query fields as their classes were declared (so the order of
// these imports is the SDL's), and the entity's access-audit query comes first in every subgraph's.
import { prisonOffender } from './offender/offender.type';
import { CustodyRelationshipResolver } from './custody/custody-relationship.resolver';
import { PrisonCustodyResolver } from './custody/custody.resolver';
import { HomeOfficeNotificationResolver } from './home-office-notification/home-office-notification.resolver';
import { OffenderResolver } from './offender/offender.resolver';
import { PRISON_RECORD_CONDITIONS } from './offender/offender-record.conditions';
import { createPrisonLoaders } from './prison.loaders';
import { prisonPolicies } from './prison.policies';
import { prisonSeed } from './seed/prison.seed';
import { PrisonSentenceResolver } from './sentence/sentence.resolver';
import { PrisonKpiResolver } from './kpi/prison-kpi.resolver';
import { PrisonStatisticsResolver } from './statistics/prison-statistics.resolver';

/** The prison subgraph: records owned by HM Prison Service (NOMIS and its satellite systems). */
export const prisonSubgraph = defineSubgraph({
  agency: 'prison',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: prisonPolicies,
  offender: prisonOffender,
  resolvers: [
    OffenderResolver,
    PrisonCustodyResolver,
    PrisonSentenceResolver,
    CustodyRelationshipResolver,
    PrisonStatisticsResolver,
    PrisonKpiResolver,
    HomeOfficeNotificationResolver,
  ],
  conditions: PRISON_RECORD_CONDITIONS,
  createLoaders: createPrisonLoaders,
  seed: prisonSeed,
});
