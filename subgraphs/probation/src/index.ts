import 'reflect-metadata';
import { join } from 'node:path';
import { buildFederatedSchema } from '@mappa/shared';
import type { SubgraphDefinition } from '@mappa/shared';
import { PROBATION_RECORD_CONDITIONS } from './access/probation-record.conditions';
import { ProbationAccessAuditResolver } from './access-audit/access-audit.resolver';
import { ProbationDisclosureEvidenceResolver } from './disclosure/disclosure-evidence.resolver';
import { probationDisclosureResolvers } from './disclosure/disclosure.resolver';
import { CaseRelationshipResolver } from './case/case-relationship.resolver';
import { ProbationCaseResolver } from './case/probation-case.resolver';
import { ProbationLicenceResolver } from './licence/licence.resolver';
import { offenderReferenceResolver } from './offender/offender.reference';
import { ProbationStatisticsResolver } from './statistics/probation-statistics.resolver';
import { ProbationAnnualReportResolver } from './statistics/probation-annual-report.resolver';
import { OffenderResolver } from './offender/offender.resolver';
import { createProbationLoaders } from './probation.loaders';
import type { ProbationLoaders } from './probation.loaders';
import { PROBATION_POLICIES } from './probation.policies';
import { ProbationRiskOfSeriousHarmResolver } from './risk/risk-of-serious-harm.resolver';
import { clearProbation, probationIsEmpty, seedProbation } from './seed/probation.seed';
import { ProbationVictimContactResolver } from './victim/victim-contact.resolver';

export { loadProbationConfig } from './config';

/** The probation subgraph: records owned by the Probation Service (nDelius, CVL, OASys). */
export const probationSubgraph: SubgraphDefinition<ProbationLoaders> = {
  name: 'probation',
  schema: 'probation',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: PROBATION_POLICIES,
  buildSchema: (authorization) =>
    buildFederatedSchema(
      {
        resolvers: [
          OffenderResolver,
          ProbationStatisticsResolver,
          ProbationAnnualReportResolver,
          ProbationAccessAuditResolver,
          ProbationDisclosureEvidenceResolver,
          ...probationDisclosureResolvers,
          ProbationCaseResolver,
          CaseRelationshipResolver,
          ProbationLicenceResolver,
          ProbationRiskOfSeriousHarmResolver,
          ProbationVictimContactResolver,
        ],
      },
      offenderReferenceResolver,
      PROBATION_POLICIES,
      authorization,
      PROBATION_RECORD_CONDITIONS,
    ),
  createLoaders: createProbationLoaders,
  seed: seedProbation,
  clear: clearProbation,
  isEmpty: probationIsEmpty,
};
