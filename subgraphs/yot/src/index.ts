import 'reflect-metadata';
import { join } from 'node:path';
import { buildFederatedSchema } from '@mappa/shared';
import type { SubgraphDefinition } from '@mappa/shared';
import { YotAccessAuditResolver } from './access-audit/access-audit.resolver';
import { YOT_RECORD_CONDITIONS } from './adult-transition/receiving-area.condition';
import { offenderReferenceResolver } from './offender/offender.reference';
import { OffenderResolver } from './offender/offender.resolver';
import { clearYot, seedYot, yotIsEmpty } from './seed/yot.seed';
import { createYotLoaders } from './yot.loaders';
import type { YotLoaders } from './yot.loaders';
import { YOT_POLICIES } from './yot.policies';
import { YotStatisticsResolver } from './statistics/yot-statistics.resolver';
import { YouthCaseRelationshipResolver } from './youth-case/case-relationship.resolver';

export { loadYotConfig } from './config';

/** The YOT subgraph: records owned by the local authority youth offending team. */
export const yotSubgraph: SubgraphDefinition<YotLoaders> = {
  name: 'yot',
  schema: 'yot',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: YOT_POLICIES,
  buildSchema: (authorization) => buildFederatedSchema({ resolvers: [OffenderResolver, YotAccessAuditResolver, YouthCaseRelationshipResolver, YotStatisticsResolver] }, offenderReferenceResolver, YOT_POLICIES, authorization, YOT_RECORD_CONDITIONS),
  createLoaders: createYotLoaders,
  seed: seedYot,
  clear: clearYot,
  isEmpty: yotIsEmpty,
};
