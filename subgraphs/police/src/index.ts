import 'reflect-metadata';
import { join } from 'node:path';
import { buildFederatedSchema } from '@mappa/shared';
import type { SubgraphDefinition } from '@mappa/shared';
import { PoliceAccessAuditResolver } from './access-audit/access-audit.resolver';
import { PoliceDisclosureEvidenceResolver } from './disclosure/disclosure-evidence.resolver';
import { policeDisclosureResolvers } from './disclosure/disclosure.resolver';
import { PoliceIdentityResolver } from './identity/identity.resolver';
import { IntelligenceSharingAgreementResolver } from './intelligence/intelligence-sharing-agreement.resolver';
import { SexOffenderNotificationResolver } from './notification/notification.resolver';
import { offenderReferenceResolver } from './offender/offender.reference';
import { PoliceStatisticsResolver } from './statistics/police-statistics.resolver';
import { PoliceAnnualReportResolver } from './statistics/police-annual-report.resolver';
import { OffenderResolver } from './offender/offender.resolver';
import { createPoliceLoaders } from './police.loaders';
import { POLICE_POLICIES } from './police.policies';
import type { PoliceLoaders } from './police.loaders';
import { clearPolice, policeIsEmpty, seedPolice } from './seed/police.seed';
import { POLICE_RECORD_CONDITIONS } from './visor/visor-partner.condition';
import { INTELLIGENCE_RECORD_CONDITIONS } from './intelligence/intelligence-om.condition';

export { loadPoliceConfig } from './config';

/** The police subgraph: records owned by the force's Public Protection Unit. */
export const policeSubgraph: SubgraphDefinition<PoliceLoaders> = {
  name: 'police',
  schema: 'police',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: POLICE_POLICIES,
  buildSchema: (authorization) =>
    buildFederatedSchema(
      { resolvers: [OffenderResolver, PoliceStatisticsResolver, PoliceAnnualReportResolver, PoliceAccessAuditResolver, PoliceDisclosureEvidenceResolver, PoliceIdentityResolver, SexOffenderNotificationResolver, IntelligenceSharingAgreementResolver, ...policeDisclosureResolvers] },
      offenderReferenceResolver,
      POLICE_POLICIES,
      authorization,
      { ...POLICE_RECORD_CONDITIONS, ...INTELLIGENCE_RECORD_CONDITIONS },
    ),
  createLoaders: createPoliceLoaders,
  seed: seedPolice,
  clear: clearPolice,
  isEmpty: policeIsEmpty,
};
