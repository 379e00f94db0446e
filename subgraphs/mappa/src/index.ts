import 'reflect-metadata';
import { join } from 'node:path';
import { defineSubgraph } from '@mappa/shared';
// First: type-graphql orders the SDL's Query fields as their classes were declared (so the order of
// these imports is the SDL's), and the entity's access-audit query comes first in every subgraph's.
import { mappaOffender } from './offender/offender.type';
import { MEETING_ACCESS_ENV } from './config';
import { MappaDisclosureDecisionResolver, MappaDisclosureProposalResolver } from './disclosure/disclosure.resolver';
import { createMappaLoaders } from './mappa.loaders';
import { mappaPolicies } from './mappa.policies';
import { CaseAccessGrantResolver } from './case-access-grant/case-access-grant.resolver';
import { MappaCaseLevelResolver } from './mappa-case/mappa-case-level.resolver';
import { MappaCaseResolver } from './mappa-case/mappa-case.resolver';
import { MAPPA_RECORD_CONDITIONS } from './mappa-case/mappa-case-lead-agency.condition';
import { MeetingActionResolver } from './meeting/meeting-action.resolver';
import { MeetingDecisionResolver } from './meeting/meeting-decision.resolver';
import { MeetingMinutesResolver } from './meeting/meeting-minutes.resolver';
import { MeetingPackPreviewResolver } from './meeting-pack/meeting-pack-preview.resolver';
import { DisclosureConsiderationResolver } from './disclosure/disclosure-consideration.resolver';
import { DisclosureStatisticsResolver } from './disclosure/disclosure-statistics.resolver';
import { SmbRegisterResolver } from './smb/smb.resolver';
import { MappaKpiResolver } from './kpi/mappa-kpi.resolver';
import { MappaStatisticsResolver } from './statistics/mappa-statistics.resolver';
import { MappaAnnualReportEventsResolver } from './annual-report/mappa-annual-report-events.resolver';
import { OffenderResolver } from './offender/offender.resolver';
import { ReferralResolver } from './referral/referral.resolver';
import { MeetingAdministrationResolver } from './meeting/meeting-administration.resolver';
import { MeetingConductResolver } from './meeting/meeting-conduct.resolver';
import { MeetingResolver } from './meeting/meeting.resolver';
import { OffenderRegisterResolver } from './register/register.resolver';
import { PurposeEvidenceResolver } from './purpose-evidence/purpose-evidence.resolver';
import { mappaSeed } from './seed/mappa.seed';

/** The MAPPA subgraph: records owned by the MAPPA Co-ordination Unit for the Responsible Authority. */
export const mappaSubgraph = defineSubgraph({
  agency: 'mappa',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: mappaPolicies,
  offender: mappaOffender,
  resolvers: [
    OffenderResolver,
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
  conditions: MAPPA_RECORD_CONDITIONS,
  createLoaders: createMappaLoaders,
  seed: mappaSeed,
  env: MEETING_ACCESS_ENV,
});
