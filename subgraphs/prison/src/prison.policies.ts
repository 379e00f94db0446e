import { Agency, definePolicies, ownerPolicies, MAPPA_PURPOSES, POLICE_ROLES } from '@mappa/shared';
import type { AccessGrant, Role } from '@mappa/shared';

// The prison's access rules, in one place. Each field's @Access names one of these; the access
// matrix (docs/access-matrix.md) is generated from them. Grants say who may read, and why. Row scope
// (shared/src/auth/row-scope.ts: CT gate, the person's responsible MAPPA area or a live case grant)
// is enforced before any field (for an establishment's prison offender manager: custody, A.R5); the
// allocated offender manager and the VLO's own victims are per-record conditions on probation's facts,
// vouched by the gateway; the MAPPA level (B.60, B.51) and the MAPPA F's writing establishment are
// decided per record on the prison's own records; what is still to come (the meeting a MAPPA F was
// written for, alert type) is named in the summaries.

const PRISON_ROLES: readonly Role[] = ['prison_offender_manager'];
const RA_ROLES: readonly Role[] = [
  'probation_practitioner',
  'senior_probation_officer',
  'prison_offender_manager',
  'mappa_coordinator',
  'mappa_chair',
];

/** The prison's own roles reading their own records (principle 2). */
const PRISON_CASE_MANAGEMENT = { roles: PRISON_ROLES, purposes: ['CASE_MANAGEMENT'] as const };
/** Responsible Authority roles (police included) for MAPPA purposes (principle 3). */
const RA_FOR_MAPPA = { roles: [...POLICE_ROLES, ...RA_ROLES], purposes: MAPPA_PURPOSES };
/** A.R15, B.59: the police public protection officer, for case management; row scope keeps it to the case's area. */
const PPU_CASE_MANAGEMENT: AccessGrant = { roles: ['ppu_officer'], purposes: ['CASE_MANAGEMENT'], agencies: ['police'] };
/**
 * A.R15, B.59: the person's allocated community offender manager, for case management. Probation holds
 * the allocation; the gateway vouches the caller's own (case-relationships.ts) and the prison decides per record.
 */
const ALLOCATED_OFFENDER_MANAGER: AccessGrant = {
  roles: ['probation_practitioner'],
  purposes: ['CASE_MANAGEMENT'],
  agencies: ['probation'],
  condition: 'allocatedOffenderManager',
};
/** B.57, C.14: the victim liaison officer of a victim of the person in the Victim Contact Scheme (probation's fact, vouched by the gateway). */
const VICTIM_LIAISON_OFFICER: AccessGrant = {
  roles: ['victim_liaison_officer'],
  purposes: ['CASE_MANAGEMENT'],
  agencies: ['probation'],
  condition: 'victimLiaisonOfficerOfVictim',
};
/** C.34: the same, for a victim who asked to be told about release: the scheme's standard release information. */
const VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION: AccessGrant = {
  roles: ['victim_liaison_officer'],
  purposes: ['CASE_MANAGEMENT'],
  agencies: ['probation'],
  condition: 'victimLiaisonOfficerOfVictimWantingRelease',
};

/**
 * B.60: at level 1 the prison's exchange of information is not limited by what the guidance asks of
 * it for level 2 and 3 meetings (MAPPA Guidance 15.26), so the Responsible Authority's case managers
 * (police, probation) read the custody detail they would read at a meeting, under case management,
 * for a person the prison records at level 1 (its active P1 alert). Row scope keeps it to the area.
 * Not the co-ordinator or the chair: level 1 is ordinary agency management, without the MAPPA unit.
 */
const LEVEL_ONE_EXCHANGE: AccessGrant = {
  roles: [...POLICE_ROLES, 'probation_practitioner', 'senior_probation_officer'],
  purposes: ['CASE_MANAGEMENT'],
  agencies: ['police', 'probation'],
  condition: 'mappaLevelOne',
};
/**
 * B.48: the prison writes ROTL periods (days and times) to ViSOR for its partners: the police public
 * protection officer (row scope: the case area) and the allocated community offender manager
 * (probation's fact, vouched by the gateway) read them under case management.
 */
const VISOR_PARTNERS_ROTL: readonly AccessGrant[] = [
  PPU_CASE_MANAGEMENT,
  { roles: ['probation_practitioner'], purposes: ['CASE_MANAGEMENT'], agencies: ['probation'], condition: 'allocatedOffenderManager' },
];
/**
 * B.51, inventory OQ 21: the Governor approves ROTL at level 2 or 3 only after consulting the MAPPA
 * co-ordinator, who reads the ROTL record for that consultation. No purpose names the consultation;
 * the co-ordinator's own case management (the register's administration) carries it, only for a
 * person the prison records at level 2 or 3, in the co-ordinator's area (row scope; the ROTL area
 * is not recorded, so the person's responsible area stands for it).
 */
const ROTL_CONSULTATION: AccessGrant = {
  roles: ['mappa_coordinator'],
  purposes: ['CASE_MANAGEMENT'],
  agencies: ['mappa_unit'],
  condition: 'mappaLevelTwoOrThree',
};
/** B.49 and the inventory (§5.3): a MAPPA F report for the prison offender manager of the establishment that wrote it. */
const WRITING_ESTABLISHMENT: AccessGrant = {
  roles: PRISON_ROLES,
  purposes: ['CASE_MANAGEMENT'],
  agencies: ['prison'],
  condition: 'writingEstablishment',
};
/** Responsible Authority attendees at a MAPP meeting, for the report written for that meeting (B.23, B.49, OQ 4). */
const RA_AT_MEETING: AccessGrant = {
  roles: [...POLICE_ROLES, ...RA_ROLES],
  purposes: ['MAPPA_MEETING'],
  condition: 'reportForDeclaredMeeting',
};
/** A.R12, inventory OQ 20: the prison service's own information governance, auditing (principle 10): author fields only. */
const PRISON_AUDIT: AccessGrant = { roles: ['information_governance'], purposes: ['AUDIT'], agencies: ['prison'] };

export const prisonPolicies = definePolicies('prison', {
  ...ownerPolicies(Agency.PRISON),
  // Issue 12, A.R5: the caller's own custody relationships (the people in custody where they work),
  // which the gateway asks for and vouches to the police, whose ViSOR partner condition decides on them.
  custodyRelationships: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The caller's own custody relationships (`myCustodyRelationships`): the people in custody now at the establishment the caller's token names, within their prison row scope; a token that names no establishment holds no one (an area holds more people than the gateway vouches for). The gateway vouches them to the police, who list the prison as a ViSOR partner only while the person is in custody (A.R5). Prison offender managers, for case management; the answer is only ever their own.",
    rules: ['A.R5'],
    grants: [{ roles: ['prison_offender_manager'], purposes: ['CASE_MANAGEMENT'], agencies: ['prison'] }],
  },
  custody: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The custody detail (prison number, establishment code, last establishment, security category, reception date, the reason and route of the last movement). Prison offender managers for case management; Responsible Authority roles for MAPPA purposes; police and probation case managers for case management, only for a person the prison records at MAPPA level 1 (B.60: level 1 exchange is not limited by the level 2 and 3 requirements; on anyone else the answer is null). Row scope: the person's responsible MAPPA area (R-3) or a live case grant; for a prison offender manager whose token names an establishment, the people held there now (A.R5, OQ 14).",
    rules: ['principle 3', 'A.R5', 'B.60'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA, LEVEL_ONE_EXCHANGE],
  },
  prisonNumberLookup: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Finding a person by prison number (`offenderByPrisonNumber`). Prison offender managers for case management; Responsible Authority roles for MAPPA purposes; the prison service's own information governance for audit, the entry point to the prison's author fields (A.R12). Row scope: as custody; information governance nationally for the prison's own records.",
    rules: ['principle 3', 'A.R5', 'A.R12', 'principle 10'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA, PRISON_AUDIT],
  },
  custodyRecord: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The custody record and its last movement as a whole: whoever may read any of its fields (each field then has its own policy). Prison offender managers for case management; RA roles for MAPPA purposes; the ppu_officer for case management (in the case area, A.R15, B.59); the allocated community offender manager (A.R15, B.59) and the victim liaison officer of a victim of the person (B.57, C.14), for case management, decided per record on probation's facts; police and probation case managers for a person the prison records at level 1 (B.60).",
    rules: ['principle 3', 'A.R15', 'B.57', 'B.59', 'B.60', 'C.14'],
    grants: [
      PRISON_CASE_MANAGEMENT,
      RA_FOR_MAPPA,
      PPU_CASE_MANAGEMENT,
      ALLOCATED_OFFENDER_MANAGER,
      VICTIM_LIAISON_OFFICER,
      LEVEL_ONE_EXCHANGE,
    ],
  },
  custodyStatus: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Custody status: in or out, the legal status (a recall among them) and the kind and date of the last movement (a release among them). Prison offender managers for case management; RA roles for MAPPA purposes; the ppu_officer in the case area and the allocated community offender manager for case management (A.R15, B.59); the victim liaison officer of a victim of the person, status fields only (B.57, C.14, C.34); police and probation case managers for a person the prison records at level 1 (B.60).',
    rules: ['principle 3', 'A.R15', 'B.57', 'B.59', 'B.60', 'C.14', 'C.34'],
    grants: [
      PRISON_CASE_MANAGEMENT,
      RA_FOR_MAPPA,
      PPU_CASE_MANAGEMENT,
      ALLOCATED_OFFENDER_MANAGER,
      VICTIM_LIAISON_OFFICER,
      LEVEL_ONE_EXCHANGE,
    ],
  },
  custodyEstablishment: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The name of the establishment holding the person. Prison offender managers for case management; RA roles for MAPPA purposes; the ppu_officer in the case area and the allocated community offender manager for case management (B.59); police and probation case managers for a person the prison records at level 1 (B.60). Never the victim liaison officer: where the offender is held is not Victim Contact Scheme information.',
    rules: ['principle 3', 'B.59', 'B.60'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA, PPU_CASE_MANAGEMENT, ALLOCATED_OFFENDER_MANAGER, LEVEL_ONE_EXCHANGE],
  },
  custodyPrisonOnly: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The NOMIS booking id, cell location and incentive level: prison only, for case management. Row scope: the person's responsible MAPPA area (R-3) or a live case grant; for a prison offender manager whose token names an establishment, the people held there now (A.R5, OQ 14).",
    rules: ['principle 2'],
    grants: [PRISON_CASE_MANAGEMENT],
  },
  sentence: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The sentence's length and start. Prison offender managers for case management; Responsible Authority roles for MAPPA purposes. Row scope: the responsible MAPPA area or a live case grant (for an establishment's prison offender manager: custody, A.R5).",
    rules: ['principle 3', 'B.48'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA],
  },
  sentenceRecord: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The custodial sentence as a whole: whoever may read any of its fields (each field then has its own policy). Prison offender managers for case management; RA roles for MAPPA purposes; the ppu_officer in the case area and the allocated community offender manager for case management (A.R15, B.59); the victim liaison officer of a victim who asked for release information (C.34).',
    rules: ['principle 3', 'A.R15', 'B.59', 'C.34'],
    grants: [
      PRISON_CASE_MANAGEMENT,
      RA_FOR_MAPPA,
      PPU_CASE_MANAGEMENT,
      ALLOCATED_OFFENDER_MANAGER,
      VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION,
    ],
  },
  sentenceKeyDates: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The key dates the Victim Contact Scheme does not give victims (SED, ARD, LED, HDCED, TUSED, when the release date was confirmed). Prison offender managers for case management; RA roles for MAPPA purposes; the ppu_officer in the case area and the allocated community offender manager for case management (A.R15, B.59).',
    rules: ['principle 3', 'A.R15', 'B.59'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA, PPU_CASE_MANAGEMENT, ALLOCATED_OFFENDER_MANAGER],
  },
  sentenceVictimInformation: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The sentence type and the dates the Victim Contact Scheme tells eligible victims: tariff, parole eligibility, conditional release, the release date and whether it is confirmed (C.34). Prison offender managers for case management; RA roles for MAPPA purposes; the ppu_officer in the case area and the allocated community offender manager for case management (A.R15, B.59); the victim liaison officer of a victim who asked for release information (C.34). Anything beyond these needs a meeting's consideration and a recorded decision.",
    rules: ['principle 3', 'A.R15', 'B.59', 'C.34'],
    grants: [
      PRISON_CASE_MANAGEMENT,
      RA_FOR_MAPPA,
      PPU_CASE_MANAGEMENT,
      ALLOCATED_OFFENDER_MANAGER,
      VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION,
    ],
  },
  offences: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'The offences a sentence was passed for (Schedule 15/3 flags decide the MAPPA category). Prison offender managers for case management; Responsible Authority roles for MAPPA purposes. Never Jobcentre Plus or other duty-to-co-operate attendees.',
    rules: ['principle 3', 'A.R32'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA],
  },
  mappaAlert: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "NOMIS alerts (type, code, descriptions, dates, status); the type P alert is the prison's non-authoritative copy of the MAPPA level (MappaCase.level is the truth). Prison offender managers for case management only, for now: other Responsible Authority roles are to see type P alerts under MAPPA purposes, but until that per-alert type filter is enforced they see none, because X (security), H (self-harm, health data) and C (child contact) alerts are prison only.",
    rules: ['principle 2', 'principle 4', 'A.R16', 'A.R17', 'B.3', 'B.44', 'B.49'],
    grants: [PRISON_CASE_MANAGEMENT],
  },
  // Issue 14, C.70: the prison's record of its notification of a sentenced foreign national to the Home Office.
  homeOfficeNotification: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The prison's notification of a sentenced foreign national to the Home Office (C.70: CCD/LIT within 5 days of sentencing, with its MAPPA nominal answer, seed 000 §7): dates, nationality, the answer, the sending establishment. Prison offender managers for case management: it is the prison's record of what it sent; the Home Office reads what it received from its own subgraph, never the prison's copy. Everyone else is denied.",
    rules: ['C.70', 'seed 000 §7', 'seed 000 §13', 'principle 2'],
    grants: [PRISON_CASE_MANAGEMENT],
  },
  alertComment: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary: 'The free-text comment recorded with an alert, which may hold security or health detail: prison only, for case management.',
    rules: ['principle 2', 'B.3'],
    grants: [PRISON_CASE_MANAGEMENT],
  },
  temporaryRelease: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Releases on temporary licence (ROTL): approval date, purpose and co-ordinator consultation. Prison offender managers for case management; Responsible Authority roles (the co-ordinator of the release area among them) for MAPPA purposes; the co-ordinator consulted by the Governor (B.51), under case management, for a person the prison records at level 2 or 3 in the co-ordinator's area (no purpose names the consultation, OQ 21; the ROTL area is not recorded, so the person's responsible area stands for it).",
    rules: ['B.51'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA, ROTL_CONSULTATION],
  },
  temporaryReleaseRecord: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The list of releases on temporary licence and each one's type, start, end and outcome (a failure to return among them). Prison offender managers for case management; RA roles for MAPPA purposes; the victim liaison officer of a victim of the person who asked for release information (C.14, C.34: ROTL is standard scheme information), decided per record on probation's facts; the ViSOR partners the prison writes ROTL periods for (B.48), under case management: the ppu_officer in the case area and the allocated community offender manager; the co-ordinator consulted on ROTL (B.51) for a person the prison records at level 2 or 3.",
    rules: ['B.48', 'B.51', 'C.14', 'C.34'],
    grants: [PRISON_CASE_MANAGEMENT, RA_FOR_MAPPA, VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION, ...VISOR_PARTNERS_ROTL, ROTL_CONSULTATION],
  },
  adjudication: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      'Adjudications (disciplinary charges in custody, findings and punishments): prison only, for case management. Other agencies learn about custody behaviour from the MAPPA F report; requests for adjudications go to the prison.',
    rules: ['principle 2', 'B.30'],
    grants: [PRISON_CASE_MANAGEMENT],
  },
  mappaFReport: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The MAPPA F report, the prison's \"intelligence report\" to a MAPP meeting (RESTRICTED once on ViSOR). The prison offender manager of the establishment that wrote it, for case management (B.49: a token naming no establishment is scoped by area, A.R5); Responsible Authority attendees (police, probation, co-ordinator, chair) at the MAPP meeting the report was written for (B.23: the report names its meeting by date, which the meeting evidence vouched by the gateway carries, OQ 4; the subject's reports for other meetings are null to them). Never duty-to-co-operate attendees (contactConcerns may disclose monitoring). Row scope: the responsible MAPPA area or a live case grant (for an establishment's prison offender manager: custody).",
    rules: ['principle 4', 'B.23', 'B.46', 'B.49'],
    grants: [WRITING_ESTABLISHMENT, RA_AT_MEETING],
  },
  mappaFReportRecord: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The MAPPA F reports as records (`Offender.mappaFReports`): whoever reads a report, and the prison service's own information governance under AUDIT, who open them only to reach the author (A.R12): every other field stays refused to them (mappaFReport).",
    rules: ['principle 4', 'A.R12', 'B.49', 'principle 10'],
    grants: [WRITING_ESTABLISHMENT, RA_AT_MEETING, PRISON_AUDIT],
  },
  mappaFReportAuthor: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "Who wrote the MAPPA F report (attributed author): whoever may read the report, and the prison service's own information governance for audit, nationally for the prison's own records (A.R12, principle 10).",
    rules: ['A.R12', 'B.49'],
    grants: [WRITING_ESTABLISHMENT, RA_AT_MEETING, PRISON_AUDIT],
  },
  statisticsSubjects: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL-SENSITIVE',
    summary:
      "The ad-hoc statistics join's prison dimensions (issue 13): each prisoner the prison records for an area (prisoner.mappa_area) under a pseudonym for one query, with custody status (in custody sentenced, indeterminate, on recall or remanded, or released), whether the release date falls within N days (never the date), and the number of releases in a period. Never the establishment, the prison number or a date: the prison estate is small, and an establishment with a count is close to a person. Analysts, the co-ordinator and the chair, under STATISTICS, for their own area; another area is answered with nothing.",
    rules: ['principle 7', 'principle 8', 'principle 9', 'C.93'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair'], purposes: ['STATISTICS'] }],
  },
  // Issue 13: the prison's part of the MAPPA KPIs, asked only by the gateway's statistics service (@inaccessible).
  statisticsKpis: {
    owner: Agency.PRISON,
    classification: 'OFFICIAL',
    summary:
      "The prison's part of the MAPPA KPIs (C §7.2 KPI 7: MAPPA F provided to the meetings it is invited to), counted from its MAPPA F reports as raw cells for the gateway's statistics service, which suppresses and rounds them. Analysts, the co-ordinator, the chair and the SMB lay advisers, under STATISTICS, for the area of their own token, and analysts, the co-ordinator and the chair for other areas too (C.95); a lay adviser's other area is answered with nothing. Restricted records are in no statistic (principle 7).",
    rules: ['principle 7', 'principle 8', 'principle 9', 'A.R27', 'C.93', 'C.95'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair', 'lay_adviser'], purposes: ['STATISTICS'] }],
  },
});
