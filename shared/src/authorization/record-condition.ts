import type { Caller } from '../auth/caller';
import type { CalendarDate } from '../time/calendar-date';

/**
 * The per-record conditions a grant may carry, by name. A closed list: a grant string naming anything
 * else does not decode, and a subgraph whose grants name a condition it does not register fails its
 * schema build (deny by default).
 */
export const RECORD_CONDITIONS = [
  'visorPartnerAgency',
  'allocatedOffenderManager',
  'offenderManagerOrLineManager',
  'victimLiaisonForCase',
  'victimLiaisonForVictim',
  'withoutVictimDetail',
  'approvedPremisesResident',
  'currentOrProposedAddress',
  'approvedPremisesAddressOfResident',
  'electronicallyMonitored',
  'coManagedCategoryOne',
  'victimLiaisonOfficerOfVictim',
  'victimLiaisonOfficerOfVictimWantingRelease',
  'allocatedOffenderManagerOfTerroristCase',
  'yotCaseManagerOfTerroristCase',
  'originatingForceOrAgreed',
  'releasableToPartners',
  'subjectUnderEighteen',
  'receivingProbationArea',
  'mappaJInForce',
  'leadAgencyOfCase',
  'mappaLevelOne',
  'mappaLevelTwoOrThree',
  'writingEstablishment',
  'reportForDeclaredMeeting',
] as const;

export type RecordConditionName = (typeof RECORD_CONDITIONS)[number];

/**
 * What each condition means, in words an information-governance officer signs off (the access
 * matrix shows these). The predicate itself lives with the owner of the record.
 *
 * Two conditions name the offender manager, side by side on purpose:
 * - `offenderManagerOrLineManager` is probation's own, over its own records (the RoSH narrative,
 *   victim safety planning, victim-identifying licence wording: B.15, C.29). Probation decides it on
 *   the case row it is serving, and it reaches the senior probation officer who line-manages the
 *   offender manager too, because within probation the line manager answers for that material.
 * - `allocatedOffenderManager` is for another agency's records (the prison's custody and sentence:
 *   A.R15, B.59). That agency cannot read probation's allocation, so it decides on the caller's
 *   relationship as probation answers it and the gateway vouches it (`case-relationships.ts`); and the
 *   rules name the offender manager alone, so no line manager is vouched.
 * One name would have to mean "decided on my own row, with the line manager" in one subgraph and
 * "decided on a vouched fact, without" in another; two names keep one meaning each.
 */
export const RECORD_CONDITION_DESCRIPTIONS: Record<RecordConditionName, string> = {
  visorPartnerAgency:
    "only for a record that lists the reader's agency as a ViSOR partner agency (probation: for category 1, only at level 2 or 3 or under the area's local agreement; the prison: only while the person is in custody where the reader works, the prison's fact, vouched by the gateway)",
  offenderManagerOrLineManager:
    'only for a probation case the reader is the allocated community offender manager of, or the senior probation officer who line-manages that offender manager',
  victimLiaisonForCase:
    'only for a probation case with a victim in the Victim Contact Scheme allocated to the reader as victim liaison officer',
  victimLiaisonForVictim:
    "only for a record about a victim allocated to the reader as victim liaison officer (or, naming no victim, about that victim's offender)",
  withoutVictimDetail: 'only for a licence condition whose wording neither identifies a victim nor maps an exclusion zone',
  approvedPremisesResident: 'only for a person who lives, or is booked to live, at an approved premises the reader works at',
  currentOrProposedAddress:
    'only for an address the person lives at now (MAIN) or is to live at on release (PROPOSED): never a previous one',
  approvedPremisesAddressOfResident:
    'only for the approved premises address (current or proposed, never a home or a previous one) of a person who lives, or is booked to live, at an approved premises the reader works at',
  electronicallyMonitored:
    'only for a licence condition (or a licence with one) that the electronic monitoring provider monitors and that names no victim',
  coManagedCategoryOne: 'only for a probation case that probation registers as MAPPA category 1 (co-managed with the police)',
  allocatedOffenderManager:
    "only for a person whose probation case is allocated to the reader as community offender manager (probation's fact, vouched by the gateway)",
  victimLiaisonOfficerOfVictim:
    "only for a person with a victim in the Victim Contact Scheme allocated to the reader as victim liaison officer (probation's fact, vouched by the gateway)",
  victimLiaisonOfficerOfVictimWantingRelease:
    "only for a person with a victim in the Victim Contact Scheme allocated to the reader as victim liaison officer who asked to be told about release (probation's fact, vouched by the gateway)",
  allocatedOffenderManagerOfTerroristCase:
    "only for a terrorist case (category 4 or restricted-access, as the record's owner holds it) whose probation case is allocated to the reader as community offender manager, and only for an intelligence item that may leave the police (handling code P, or C with the originating force's live agreement to share it with MAPPA partners)",
  yotCaseManagerOfTerroristCase:
    "only for a terrorist case (category 4 or restricted-access, as the record's owner holds it) whose youth justice case the reader manages as YOT case manager (the YOT's fact, vouched by the gateway), and only for an intelligence item that may leave the police (handling code P, or C with the originating force's live agreement to share it with MAPPA partners)",
  originatingForceOrAgreed:
    "only for an intelligence item that originated in the reader's own police force (the force of the area their token names), or whose originating force has a live agreement to share it with the reader's force",
  releasableToPartners:
    'only for an intelligence item with handling code P, or with handling code C ("conditions apply; see originator") and the originating force\'s live agreement to share it with MAPPA partners',
  subjectUnderEighteen: "only for a person the owner's record shows is under 18 on the request's date, by the date of birth it holds",
  receivingProbationArea: "only for a transition plan that names the reader's area as the probation area receiving the case",
  mappaJInForce: 'only for a MAPPA J about someone 18 or over whose restriction has not reached its end date',
  leadAgencyOfCase:
    "only for a MAPPA case led by the reader's agency (police, probation or the youth offending team), as the MAPPA unit records its lead agency",
  mappaLevelOne:
    "only for a person the owner records as managed at MAPPA level 1 (the level the lead agency gave it, e.g. the prison's active P1 alert)",
  mappaLevelTwoOrThree:
    "only for a person the owner records as managed at MAPPA level 2 or 3 (the level the lead agency gave it, e.g. the prison's active P2 or P3 alert)",
  reportForDeclaredMeeting:
    'only for a MAPPA F report written for the meeting the reader declared (its date, as the MAPPA unit vouches the meeting)',
  writingEstablishment:
    "only for a MAPPA F report written by the establishment the reader's token names; a reader whose token names no establishment is scoped by area, as for every prison record (A.R5)",
};

/**
 * Decides a condition on one record: the object the field resolves to (for a field whose type is an
 * object) or the object the field belongs to (for a scalar field). Owned by the record's agency;
 * given `unknown` because the shape of a record is the owner's business, so a predicate must check
 * it and answer false on anything it does not recognise. `today` is the request's calendar date in
 * England and Wales, the one its row scope was worked out on.
 */
export type RecordPredicate = (record: unknown, caller: Caller, today: CalendarDate) => boolean;

/** The predicates a subgraph registers for the conditions its grants name. */
export type RecordConditions = Partial<Record<RecordConditionName, RecordPredicate>>;
