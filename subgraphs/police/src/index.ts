import 'reflect-metadata';
import { join } from 'node:path';
import { defineSubgraph } from '@mappa/shared';
// First: type-graphql orders the SDL's Query fields as their classes were declared (so the order of
// these imports is the SDL's), and the entity's access-audit query comes first in every subgraph's.
import { policeOffender } from './offender/offender.type';
import { PoliceDisclosureEvidenceResolver } from './disclosure/disclosure-evidence.resolver';
import { policeDisclosureResolvers } from './disclosure/disclosure.resolver';
import { PoliceIdentityResolver } from './identity/identity.resolver';
import { IntelligenceSharingAgreementResolver } from './intelligence/intelligence-sharing-agreement.resolver';
import { SexOffenderNotificationResolver } from './notification/notification.resolver';
import { PoliceStatisticsResolver } from './statistics/police-statistics.resolver';
import { PoliceAnnualReportResolver } from './annual-report/police-annual-report.resolver';
import { OffenderResolver } from './offender/offender.resolver';
import { createPoliceLoaders } from './police.loaders';
import { policePolicies } from './police.policies';
import { policeSeed } from './seed/police.seed';
import { POLICE_RECORD_CONDITIONS } from './visor/visor-partner.condition';
import { INTELLIGENCE_RECORD_CONDITIONS } from './intelligence/intelligence-om.condition';

/** The police subgraph: records owned by the force's Public Protection Unit. */
export const policeSubgraph = defineSubgraph({
  agency: 'police',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: policePolicies,
  offender: policeOffender,
  resolvers: [
    OffenderResolver,
    PoliceStatisticsResolver,
    PoliceAnnualReportResolver,
    PoliceDisclosureEvidenceResolver,
    PoliceIdentityResolver,
    SexOffenderNotificationResolver,
    IntelligenceSharingAgreementResolver,
    ...policeDisclosureResolvers,
  ],
  conditions: { ...POLICE_RECORD_CONDITIONS, ...INTELLIGENCE_RECORD_CONDITIONS },
  createLoaders: createPoliceLoaders,
  seed: policeSeed,
});
