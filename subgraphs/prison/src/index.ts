import 'reflect-metadata';
import { join } from 'node:path';
import { buildFederatedSchema } from '@mappa/shared';
import type { SubgraphDefinition } from '@mappa/shared';
import { PrisonAccessAuditResolver } from './access-audit/access-audit.resolver';
import { CustodyRelationshipResolver } from './custody/custody-relationship.resolver';
import { PrisonCustodyResolver } from './custody/custody.resolver';
import { HomeOfficeNotificationResolver } from './home-office-notification/home-office-notification.resolver';
import { PRISON_RECORD_CONDITIONS } from './offender/prison-record.conditions';
import { offenderReferenceResolver } from './offender/offender.reference';
import { OffenderResolver } from './offender/offender.resolver';
import { createPrisonLoaders } from './prison.loaders';
import { PRISON_POLICIES } from './prison.policies';
import { PrisonKpiResolver } from './statistics/prison-kpi.resolver';
import type { PrisonLoaders } from './prison.loaders';
import { clearPrison, prisonIsEmpty, seedPrison } from './seed/prison.seed';
import { PrisonSentenceResolver } from './sentence/sentence.resolver';
import { PrisonStatisticsResolver } from './statistics/prison-statistics.resolver';

export { loadPrisonConfig } from './config';

/** The prison subgraph: records owned by HM Prison Service (NOMIS and its satellite systems). */
export const prisonSubgraph: SubgraphDefinition<PrisonLoaders> = {
  name: 'prison',
  schema: 'prison',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: PRISON_POLICIES,
  buildSchema: (authorization) =>
    buildFederatedSchema(
      { resolvers: [OffenderResolver, PrisonAccessAuditResolver, PrisonCustodyResolver, PrisonSentenceResolver, CustodyRelationshipResolver, PrisonStatisticsResolver, PrisonKpiResolver, HomeOfficeNotificationResolver] },
      offenderReferenceResolver,
      PRISON_POLICIES,
      authorization,
      PRISON_RECORD_CONDITIONS,
    ),
  createLoaders: createPrisonLoaders,
  seed: seedPrison,
  clear: clearPrison,
  isEmpty: prisonIsEmpty,
};
