import type { PrincipalAgency } from '../auth/principal';
import type { Database } from '../db/database';
import { insertInChunks } from '../db/insert-in-chunks';
import type { MappaArea } from '../domain/mappa-area';
import { disclosureContentSha256, renderDisclosureDocument } from './disclosure-document';
import { CONSULTATION_ANSWERS, consulteeStaffId } from './disclosure-history.people';
import {
  newDisclosureDecisionId,
  OWNER_AGREEMENT_ROLES,
  requiredConsultationsOf,
  VICTIM_LIAISON_AGREEMENT_ROLES,
} from './disclosure.model';
import { calendarDateOf } from '../time/calendar-date';
import type { DisclosureHolder, ItemSourceAgency, RecipientKind } from './disclosure.model';
import type { DisclosureTables } from './disclosure.tables';
import { wordingSha256 } from './disclosure.workflow';

/*
 * SEEDS AND TESTS ONLY: one disclosure decision as finished history, every row of it in its final
 * state (the decision, its items, the owners' agreements, the consultations the guidance requires,
 * its transitions), consistent as the workflow would have left it: consultations answered before the
 * decision, every live item agreed to its exact wording before a DISCLOSE, the made content frozen
 * with its real SHA-256. A holder inserts the rows with `SET LOCAL <schema>.loading_history = 'on'`
 * (insert-time state checks skipped; update checks never are). Synthetic data only.
 */

/** Where a finished decision ended. */
export type FinishedDecisionState = 'PROPOSED' | 'CONSULTING' | 'DECIDED_DISCLOSE' | 'DECIDED_NOT_DISCLOSE' | 'MADE' | 'WITHDRAWN';

export interface FinishedDecisionActor {
  readonly staffId: string;
  readonly issuer: string;
  readonly agency: PrincipalAgency;
}

export interface FinishedDecisionItem {
  readonly sourceAgency: ItemSourceAgency;
  readonly wording: string;
  /** A field of the source's record (`PoliceRisk.riskSummary`), or null for the proposer's free text. */
  readonly fieldCoordinate: string | null;
  readonly victimIdentifying?: boolean;
}

export interface FinishedDecisionPlan {
  readonly holder: DisclosureHolder;
  readonly decisionId: string;
  readonly pncId: string;
  readonly area: MappaArea;
  readonly level: 1 | 2 | 3;
  readonly caseId: string | null;
  readonly meetingId: string | null;
  readonly subjectUnder18: boolean;
  readonly recipientKind: RecipientKind;
  readonly recipientIsChild: boolean;
  readonly recipientIsAdultAtRisk: boolean;
  readonly state: FinishedDecisionState;
  readonly proposedAt: Date;
  readonly proposer: FinishedDecisionActor;
  readonly decisionMaker: FinishedDecisionActor;
  readonly items: readonly FinishedDecisionItem[];
  /** Whether the offender's representations were sought (else an exception is recorded). */
  readonly representationsSought: boolean;
}

type Insert<Table extends keyof DisclosureTables> = DisclosureTables[Table]['$inferInsert'];

export interface FinishedDecisionRows {
  readonly decision: Insert<'disclosureDecisionTable'>;
  readonly items: Insert<'disclosureItemTable'>[];
  readonly agreements: Insert<'disclosureItemAgreementTable'>[];
  readonly consultations: Insert<'disclosureConsultationTable'>[];
  readonly transitions: Insert<'disclosureTransitionTable'>[];
}

const HOUR_MS = 3_600_000;

/** What each kind of recipient is told, and why (synthetic wording). */
const RECIPIENT_TEXT: {
  readonly [K in RecipientKind]: { readonly description: string; readonly purpose: string; readonly guidance: string };
} = {
  SCHOOL: {
    description: 'The head teacher, as designated safeguarding lead',
    purpose: 'To protect pupils from a risk of sexual harm while he lives near the school',
    guidance: 'Keep this confidential to the safeguarding lead. If he is seen near the school, call the police public protection unit.',
  },
  EMPLOYER: {
    description: 'The site manager of his employer',
    purpose: 'To protect lone customers visited at home on company work',
    guidance: 'Do not share beyond those who allocate work. Report any lone home visit to his offender manager.',
  },
  PARTNER: {
    description: 'His new partner',
    purpose: 'To let her protect herself and her children from domestic abuse',
    guidance: 'You may speak to the named officer at any time. If you feel unsafe, call 999.',
  },
  VICTIM: {
    description: 'The victim of the index offence',
    purpose: 'To let her plan her safety around his release and address',
    guidance: 'Contact your victim liaison officer about any contact from him.',
  },
  ACCOMMODATION: {
    description: 'The manager of the supported housing scheme',
    purpose: 'To protect other residents and staff',
    guidance: 'Tell his offender manager of any visitor under 18 or any breach of house rules.',
  },
  WORSHIP: {
    description: 'The leader of the place of worship he attends',
    purpose: 'To manage contact with children at services and events',
    guidance: "He must not attend children's activities. Report any contact to the police public protection unit.",
  },
  MEDIA: {
    description: 'The press office of a regional newspaper',
    purpose: 'To trace him after he failed to return to approved premises',
    guidance: 'Publish only the approved description and photograph; direct sightings to 999.',
  },
  PROFESSIONAL: {
    description: 'The community nurse visiting his household',
    purpose: 'To keep visiting staff safe',
    guidance: 'Visit in pairs. Report any concern to his offender manager.',
  },
  LEISURE: {
    description: 'The manager of the leisure centre',
    purpose: 'To protect children using the swimming pool',
    guidance: "He must not use the pool during children's sessions; report any attempt to the police.",
  },
  NEIGHBOUR_OR_FRIEND: {
    description: 'A neighbour who cares for children next door',
    purpose: 'To protect the children in her care',
    guidance: 'Keep this to yourself; call the named officer with any concern.',
  },
  OTHER: {
    description: 'The organiser of a youth sports club',
    purpose: 'To stop him volunteering with children',
    guidance: 'Do not accept him as a volunteer; report any approach to the police.',
  },
};

const EXECUTORS: readonly PrincipalAgency[] = ['police', 'probation'];

/** The rows of one finished decision, in the order they are inserted (decision, items, agreements, consultations, transitions). */
export function finishedDecisionRows(plan: FinishedDecisionPlan): FinishedDecisionRows {
  const at = (hours: number) => new Date(plan.proposedAt.getTime() + hours * HOUR_MS);
  const text = RECIPIENT_TEXT[plan.recipientKind];
  const { state } = plan;
  const consulted = state !== 'PROPOSED';
  const decided = state === 'DECIDED_DISCLOSE' || state === 'DECIDED_NOT_DISCLOSE' || state === 'MADE';
  const disclose = state === 'DECIDED_DISCLOSE' || state === 'MADE';
  // Agreements are recorded for what was disclosed, and for most of what was still being consulted on.
  const agreed = disclose || state === 'CONSULTING' || state === 'WITHDRAWN';
  const representations = decided || state === 'WITHDRAWN';
  const executingAgency: PrincipalAgency | null = disclose
    ? EXECUTORS.includes(plan.proposer.agency)
      ? plan.proposer.agency
      : 'police'
    : null;

  const items: Insert<'disclosureItemTable'>[] = plan.items.map((item, index) => ({
    itemId: `${plan.decisionId}-I${index + 1}`,
    decisionId: plan.decisionId,
    position: index + 1,
    kind: item.fieldCoordinate === null ? 'FREE_TEXT' : 'RECORD_FIELD',
    sourceAgency: item.sourceAgency,
    fieldCoordinate: item.fieldCoordinate,
    recordReference: null,
    wording: item.wording,
    wordingSha256: wordingSha256(item.wording),
    victimIdentifying: item.victimIdentifying ?? false,
    photograph: false,
    addedByStaffId: plan.proposer.staffId,
    addedByIssuer: plan.proposer.issuer,
    addedAt: at(1),
  }));

  const agreements: Insert<'disclosureItemAgreementTable'>[] = [];
  if (agreed) {
    for (const item of items) {
      const source = item.sourceAgency as ItemSourceAgency;
      agreements.push({
        agreementId: `${item.itemId}-OWNER`,
        itemId: item.itemId,
        decisionId: plan.decisionId,
        kind: 'OWNER',
        agency: source,
        staffId: `OWN-${source.toUpperCase().replace('_', '-')}-${plan.area.slice(0, 3)}`,
        issuer: plan.proposer.issuer,
        role: OWNER_AGREEMENT_ROLES[source][0]!,
        agreed: true,
        note: null,
        wordingSha256: item.wordingSha256,
        recordedAt: at(30),
      });
      if (item.victimIdentifying) {
        agreements.push({
          agreementId: `${item.itemId}-VLO`,
          itemId: item.itemId,
          decisionId: plan.decisionId,
          kind: 'VICTIM_LIAISON',
          agency: 'probation',
          staffId: `VLO-${plan.area.slice(0, 3)}`,
          issuer: plan.proposer.issuer,
          role: VICTIM_LIAISON_AGREEMENT_ROLES[0]!,
          agreed: true,
          note: null,
          wordingSha256: item.wordingSha256,
          recordedAt: at(32),
        });
      }
    }
  }

  // Requested when consulting began; answered before any decision (a consultation still open stays so).
  const answered = decided || state === 'WITHDRAWN';
  const consultations: Insert<'disclosureConsultationTable'>[] = consulted
    ? requiredConsultationsOf(plan).map((kind) => {
        const consultee = CONSULTATION_ANSWERS[kind];
        return {
          consultationId: `${plan.decisionId}-C-${kind}`,
          decisionId: plan.decisionId,
          kind,
          consulteeAgency: consultee.agency,
          requestedAt: at(24),
          requestedByStaffId: plan.proposer.staffId,
          response: answered ? consultee.response : null,
          responseNote: answered ? consultee.note : null,
          respondedAt: answered ? at(48) : null,
          respondedByStaffId: answered ? consulteeStaffId(kind, plan.area) : null,
          respondedByIssuer: answered ? plan.proposer.issuer : null,
          respondedByRole: answered ? consultee.role : null,
        };
      })
    : [];

  const decidedAt = at(96);
  const madeAt = at(144);
  const withdrawnAt = at(72);
  const document =
    state === 'MADE'
      ? renderDisclosureDocument({
          decisionId: plan.decisionId,
          holder: plan.holder,
          area: plan.area,
          recipientKind: plan.recipientKind,
          recipientDescription: text.description,
          purpose: text.purpose,
          recipientGuidance: text.guidance,
          offenderAware: plan.representationsSought,
          items: items.map((item) => ({
            position: item.position,
            kind: item.kind,
            sourceAgency: item.sourceAgency,
            fieldCoordinate: item.fieldCoordinate ?? null,
            wording: item.wording,
            photograph: item.photograph,
            victimIdentifying: item.victimIdentifying,
            agreement: 'AGREED' as const,
          })),
        })
      : null;

  const status = state === 'DECIDED_DISCLOSE' || state === 'DECIDED_NOT_DISCLOSE' ? 'DECIDED' : state;
  const decision: Insert<'disclosureDecisionTable'> = {
    decisionId: plan.decisionId,
    pncId: plan.pncId,
    area: plan.area,
    level: plan.level,
    caseId: plan.caseId,
    meetingId: plan.meetingId,
    subjectUnder18: plan.subjectUnder18,
    status,
    outcome: decided ? (disclose ? 'DISCLOSE' : 'NOT_DISCLOSE') : null,
    recipientKind: plan.recipientKind,
    recipientDescription: text.description,
    recipientIsChild: plan.recipientIsChild,
    recipientIsAdultAtRisk: plan.recipientIsAdultAtRisk,
    purpose: text.purpose,
    lawfulBasis: plan.recipientKind === 'PARTNER' ? 'COMMON_LAW' : 'CJA_2003_S327A',
    alternativesConsidered: 'Closer supervision and licence conditions alone were considered and judged not enough to manage the risk.',
    recipientGuidance: text.guidance,
    proposedByStaffId: plan.proposer.staffId,
    proposedByIssuer: plan.proposer.issuer,
    proposedByAgency: plan.proposer.agency,
    proposedAt: plan.proposedAt,
    consultingFrom: consulted ? at(24) : null,
    representationsSought: representations ? plan.representationsSought : null,
    representationsSummary:
      representations && plan.representationsSought
        ? 'He objected that disclosure would cost him his home; his objection was weighed.'
        : null,
    representationsException:
      representations && !plan.representationsSought
        ? plan.recipientKind === 'PARTNER'
          ? 'INCREASE_RISK_TO_NEW_PARTNER'
          : 'INCREASE_RISK_TO_CHILDREN_OR_ADULTS_AT_RISK'
        : null,
    representationsRecordedAt: representations ? at(40) : null,
    decidedByStaffId: decided ? plan.decisionMaker.staffId : null,
    decidedByIssuer: decided ? plan.decisionMaker.issuer : null,
    decidedByAgency: decided ? plan.decisionMaker.agency : null,
    decidedAt: decided ? decidedAt : null,
    rationale: decided
      ? disclose
        ? 'A pressing need: the recipient cannot protect others without knowing; proportionate to the risk.'
        : 'The risk is managed by licence conditions and supervision; disclosure would add little and risk vigilantism.'
      : null,
    disclosureRiskAssessment: decided ? 'Risk of vigilante action low; risk of the offender absconding considered and planned for.' : null,
    contingencyPlans: decided ? 'Police to visit the same day; approved premises place held in reserve.' : null,
    dissent: decided ? [] : null,
    executingAgency,
    madeByStaffId: state === 'MADE' ? `EXE-${executingAgency!.toUpperCase()}-${plan.area.slice(0, 3)}` : null,
    madeByIssuer: state === 'MADE' ? plan.proposer.issuer : null,
    madeByAgency: state === 'MADE' ? executingAgency : null,
    madeAt: state === 'MADE' ? madeAt : null,
    madeTo: state === 'MADE' ? text.description : null,
    offenderTold: state === 'MADE' ? plan.representationsSought : null,
    signedFormReference: null,
    frozenContent: document,
    contentSha256: document === null ? null : disclosureContentSha256(document),
    withdrawnAt: state === 'WITHDRAWN' ? withdrawnAt : null,
    withdrawnByStaffId: state === 'WITHDRAWN' ? plan.proposer.staffId : null,
    withdrawalReason: state === 'WITHDRAWN' ? 'The offender moved out of the area; the recipient is no longer at risk.' : null,
  };

  const transitions: Insert<'disclosureTransitionTable'>[] = [];
  const move = (from: string | null, to: string, when: Date, actor: FinishedDecisionActor) =>
    transitions.push({
      transitionId: `${plan.decisionId}-T${transitions.length + 1}`,
      decisionId: plan.decisionId,
      fromStatus: from as never,
      toStatus: to as never,
      staffId: actor.staffId,
      issuer: actor.issuer,
      agency: actor.agency,
      at: when,
    });
  move(null, 'PROPOSED', plan.proposedAt, plan.proposer);
  if (consulted) move('PROPOSED', 'CONSULTING', at(24), plan.proposer);
  if (decided) move('CONSULTING', 'DECIDED', decidedAt, plan.decisionMaker);
  if (state === 'MADE')
    move('DECIDED', 'MADE', madeAt, { staffId: decision.madeByStaffId!, issuer: plan.proposer.issuer, agency: executingAgency! });
  if (state === 'WITHDRAWN') move('CONSULTING', 'WITHDRAWN', withdrawnAt, plan.proposer);

  return { decision, items, agreements, consultations, transitions };
}

// ---------------------------------------------------------------------------------------------
// Level 1 (issue 11): the lead agency's own decisions, held in its own subgraph, for some of its cases.

/** Recipient kinds by how often they come up (partners, employers and housing most; the media rarely). */
export const SEEDED_RECIPIENT_WEIGHTS: readonly (readonly [RecipientKind, number])[] = [
  ['PARTNER', 26],
  ['EMPLOYER', 15],
  ['ACCOMMODATION', 14],
  ['SCHOOL', 11],
  ['VICTIM', 10],
  ['PROFESSIONAL', 8],
  ['WORSHIP', 4],
  ['LEISURE', 4],
  ['NEIGHBOUR_OR_FRIEND', 4],
  ['OTHER', 2],
  ['MEDIA', 2],
];

/** How decisions older than a week ended (the rest are still being consulted on). */
export const SEEDED_FINISHED_WEIGHTS: readonly (readonly [FinishedDecisionState, number])[] = [
  ['MADE', 50],
  ['DECIDED_NOT_DISCLOSE', 28],
  ['WITHDRAWN', 12],
  ['DECIDED_DISCLOSE', 4],
  ['CONSULTING', 6],
];

/** A level 1 review's consideration that proposed the decision (no meeting: the lead agency's review). */
export type Level1ConsiderationInsert = DisclosureTables['disclosureConsiderationTable']['$inferInsert'];

interface SeedRandom {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  weighted<Key extends string | number>(weights: readonly (readonly [Key, number])[]): Key;
}

/**
 * A level 1 decision of `holder` (PROBATION or POLICE) about one of its cases, proposed at a review
 * some weeks before the dataset's day and taken as far as the days since allow, with the review's
 * consideration. Items are the holder's own record fields (it owns and agrees to them).
 */
export function level1DisclosureHistory(
  random: SeedRandom,
  options: {
    readonly holder: 'PROBATION' | 'POLICE';
    readonly pncId: string;
    readonly area: MappaArea;
    readonly asOf: string;
    readonly issuer: string;
    readonly unique: string;
  },
): { readonly rows: FinishedDecisionRows; readonly consideration: Level1ConsiderationInsert } {
  const agency = options.holder === 'PROBATION' ? 'probation' : 'police';
  const asOfEnd = new Date(`${options.asOf}T18:00:00Z`);
  const proposedAt = new Date(asOfEnd.getTime() - random.int(1, 300) * 86_400_000 - random.int(1, 8) * HOUR_MS);
  const days = (asOfEnd.getTime() - proposedAt.getTime()) / 86_400_000;
  const state: FinishedDecisionState = days >= 7 ? random.weighted(SEEDED_FINISHED_WEIGHTS) : days >= 1.5 ? 'CONSULTING' : 'PROPOSED';
  const recipientKind = random.weighted(SEEDED_RECIPIENT_WEIGHTS);
  const prefix = agency === 'probation' ? 'NPS' : 'PPU';
  const proposer = { staffId: `${prefix}${random.int(10000, 99999)}`, issuer: options.issuer, agency } as const;
  // Probation: a senior probation officer decides; police: a PPU officer other than the proposer.
  const decisionMaker = {
    staffId: agency === 'probation' ? `SPO${random.int(10000, 99999)}` : `${prefix}${random.int(10000, 49999)}X`,
    issuer: options.issuer,
    agency,
  } as const;
  const items: FinishedDecisionItem[] =
    agency === 'probation'
      ? [
          {
            sourceAgency: 'probation',
            fieldCoordinate: 'RiskOfSeriousHarm.riskSummary',
            wording: 'He is assessed as posing a risk of serious harm to a known adult partner.',
          },
          ...(recipientKind === 'VICTIM'
            ? [
                {
                  sourceAgency: 'probation' as const,
                  fieldCoordinate: null,
                  wording: 'He will live outside the exclusion zone around your home.',
                  victimIdentifying: true,
                },
              ]
            : []),
        ]
      : [
          {
            sourceAgency: 'police',
            fieldCoordinate: 'PoliceConviction.offenceDescription',
            wording: 'He has a conviction for domestic violence against a former partner.',
          },
        ];
  const decisionId = newDisclosureDecisionId(options.holder, options.unique);
  const rows = finishedDecisionRows({
    holder: options.holder,
    decisionId,
    pncId: options.pncId,
    area: options.area,
    level: 1,
    caseId: null,
    meetingId: null,
    // Probation holds adults only; the police seed passes only its adults.
    subjectUnder18: false,
    recipientKind,
    recipientIsChild: false,
    recipientIsAdultAtRisk: recipientKind === 'ACCOMMODATION' && random.chance(0.25),
    state,
    proposedAt,
    proposer,
    decisionMaker,
    items,
    representationsSought: recipientKind === 'PARTNER' || recipientKind === 'VICTIM' ? random.chance(0.3) : random.chance(0.8),
  });
  return {
    rows,
    consideration: {
      considerationId: `DCN-${options.holder}-${options.unique}`,
      pncId: options.pncId,
      area: options.area,
      meetingId: null,
      reviewedOn: calendarDateOf(proposedAt),
      outcome: 'DECISION_PROPOSED',
      reason: `Synthetic: at the level 1 review, disclosure to a ${recipientKind.toLowerCase().replace(/_/g, ' ')} proposed to protect others.`,
      decisionId,
      recordedByStaffId: proposer.staffId,
      recordedByIssuer: options.issuer,
      recordedAt: proposedAt,
    },
  };
}

/** Inserts finished decisions into a holder's tables, parents first; the caller runs it inside a history load. */
export async function insertFinishedDecisions(
  db: Database,
  tables: DisclosureTables,
  disclosures: readonly FinishedDecisionRows[],
): Promise<void> {
  await insertInChunks(
    db,
    tables.disclosureDecisionTable,
    disclosures.map((disclosure) => disclosure.decision),
  );
  await insertInChunks(
    db,
    tables.disclosureItemTable,
    disclosures.flatMap((disclosure) => disclosure.items),
  );
  await insertInChunks(
    db,
    tables.disclosureItemAgreementTable,
    disclosures.flatMap((disclosure) => disclosure.agreements),
  );
  await insertInChunks(
    db,
    tables.disclosureConsultationTable,
    disclosures.flatMap((disclosure) => disclosure.consultations),
  );
  await insertInChunks(
    db,
    tables.disclosureTransitionTable,
    disclosures.flatMap((disclosure) => disclosure.transitions),
  );
}
