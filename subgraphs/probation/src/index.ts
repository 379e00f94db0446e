import 'reflect-metadata';
import { join } from 'node:path';
import { defineSubgraph } from '@mappa/shared';
import { PROBATION_RECORD_CONDITIONS } from './record/probation-record.conditions';
// Before the resolvers: type-graphql orders the SDL's Query fields as their classes were declared, and
// the entity's access-audit query, declared with it, comes first in every subgraph's.
import { probationOffender } from './offender/offender.type';
import { ProbationDisclosureEvidenceResolver } from './disclosure/disclosure-evidence.resolver';
import { probationDisclosureResolvers } from './disclosure/disclosure.resolver';
import { CaseRelationshipResolver } from './case/case-relationship.resolver';
import { ProbationCaseResolver } from './case/probation-case.resolver';
import { ProbationLicenceResolver } from './licence/licence.resolver';
import { ProbationStatisticsResolver } from './statistics/probation-statistics.resolver';
import { ProbationAnnualReportResolver } from './annual-report/probation-annual-report.resolver';
import { OffenderResolver } from './offender/offender.resolver';
import { createProbationLoaders } from './probation.loaders';
import { probationPolicies } from './probation.policies';
import { ProbationRiskOfSeriousHarmResolver } from './risk/risk-of-serious-harm.resolver';
import { probationSeed } from './seed/probation.seed';
import { ProbationVictimContactResolver } from './victim/victim-contact.resolver';

/** The probation subgraph: records owned by the Probation Service (nDelius, CVL, OASys). */
export const probationSubgraph = defineSubgraph({
  agency: 'probation',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: probationPolicies,
  offender: probationOffender,
  resolvers: [
    OffenderResolver,
    ProbationStatisticsResolver,
    ProbationAnnualReportResolver,
    ProbationDisclosureEvidenceResolver,
    ...probationDisclosureResolvers,
    ProbationCaseResolver,
    CaseRelationshipResolver,
    ProbationLicenceResolver,
    ProbationRiskOfSeriousHarmResolver,
    ProbationVictimContactResolver,
  ],
  conditions: PROBATION_RECORD_CONDITIONS,
  createLoaders: createProbationLoaders,
  seed: probationSeed,
});
