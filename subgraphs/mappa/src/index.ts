import 'reflect-metadata';
import { join } from 'node:path';
import { buildFederatedSchema } from '@mappa/shared';
import type { SubgraphDefinition } from '@mappa/shared';
import { MappaAccessAuditResolver } from './access-audit/access-audit.resolver';
import { MappaDisclosureDecisionResolver, MappaDisclosureProposalResolver } from './disclosure/disclosure.resolver';
import { createMappaLoaders } from './mappa.loaders';
import type { MappaLoaders } from './mappa.loaders';
import { MAPPA_POLICIES } from './mappa.policies';
import { CaseAccessGrantResolver } from './case-access-grant/case-access-grant.resolver';
import { MappaCaseLevelResolver } from './mappa-case/mappa-case-level.resolver';
import { MappaCaseResolver } from './mappa-case/mappa-case.resolver';
import { MAPPA_RECORD_CONDITIONS } from './mappa-case/lead-agency.condition';
import { MeetingActionResolver } from './meeting/meeting-action.resolver';
import { MeetingDecisionResolver } from './meeting/meeting-decision.resolver';
import { MeetingMinutesResolver } from './meeting/meeting-minutes.resolver';
import { MeetingPackPreviewResolver } from './meeting-pack/meeting-pack-preview.resolver';
import { DisclosureConsiderationResolver } from './disclosure/disclosure-consideration.resolver';
import { DisclosureStatisticsResolver } from './disclosure/disclosure-statistics.resolver';
import { SmbRegisterResolver } from './smb/smb.resolver';
import { MappaKpiResolver } from './statistics/mappa-kpi.resolver';
import { MappaStatisticsResolver } from './statistics/mappa-statistics.resolver';
import { MappaAnnualReportEventsResolver } from './statistics/mappa-annual-report-events.resolver';
import { offenderReferenceResolver } from './offender/offender.reference';
import { OffenderResolver } from './offender/offender.resolver';
import { ReferralResolver } from './referral/referral.resolver';
import { MeetingAdministrationResolver } from './meeting/meeting-administration.resolver';
import { MeetingConductResolver } from './meeting/meeting-conduct.resolver';
import { MeetingResolver } from './meeting/meeting.resolver';
import { OffenderRegisterResolver } from './register/register.resolver';
import { PurposeEvidenceResolver } from './purpose-evidence/purpose-evidence.resolver';
import { clearMappa, mappaIsEmpty, seedMappa } from './seed/mappa.seed';

export { loadMappaConfig } from './config';

/** The MAPPA subgraph: records owned by the MAPPA Co-ordination Unit for the Responsible Authority. */
export const mappaSubgraph: SubgraphDefinition<MappaLoaders> = {
  name: 'mappa',
  schema: 'mappa',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: MAPPA_POLICIES,
  buildSchema: (authorization) =>
    buildFederatedSchema(
      {
        resolvers: [
          OffenderResolver,
          MappaAccessAuditResolver,
          MappaCaseResolver,
          MappaCaseLevelResolver,
          OffenderRegisterResolver,
          CaseAccessGrantResolver,
          PurposeEvidenceResolver,
          ReferralResolver,
          MeetingResolver,
          MeetingAdministrationResolver,
          MeetingConductResolver,
          MeetingMinutesResolver,
          MeetingDecisionResolver,
          MeetingActionResolver,
          MeetingPackPreviewResolver,
          DisclosureConsiderationResolver,
          DisclosureStatisticsResolver,
          SmbRegisterResolver,
          MappaStatisticsResolver,
          MappaKpiResolver,
          MappaAnnualReportEventsResolver,
          MappaDisclosureProposalResolver,
          MappaDisclosureDecisionResolver,
        ],
      },
      offenderReferenceResolver,
      MAPPA_POLICIES,
      authorization,
      MAPPA_RECORD_CONDITIONS,
    ),
  createLoaders: createMappaLoaders,
  seed: seedMappa,
  clear: clearMappa,
  isEmpty: mappaIsEmpty,
};
