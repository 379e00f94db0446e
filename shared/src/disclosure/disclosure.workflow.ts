import { createHash, randomUUID } from 'node:crypto';
import type { Principal, PrincipalAgency } from '../auth/principal';
import { changedFields } from '../audit/request-audit';
import type { AuditedChange } from '../audit/request-audit';
import type { Database } from '../db/database';
import type { MappaArea } from '../domain/mappa-area';
import { BadUserInputError } from '../errors/bad-user-input.error';
import type { InputIssue } from '../errors/bad-user-input.error';
import { NotFoundError } from '../errors/not-found.error';
import type { SubgraphContext } from '../subgraph/subgraph-context';
import { disclosureContentSha256, renderDisclosureDocument } from './disclosure-document';
import { disclosureStandingsOf } from './disclosure-standing';
import type { DisclosureDocumentContent } from './disclosure-document';
import type {
  AddDisclosureItemValues,
  AnswerDisclosureConsultationValues,
  DecideDisclosureValues,
  ProposalContent,
  RecordDisclosureItemAgreementValues,
  RecordDisclosureMadeValues,
  RecordDisclosureRepresentationsValues,
} from './disclosure.input';
import {
  CONSULTEES,
  consultationSatisfied,
  holderOfDisclosureDecisionId,
  holdsRoleIn,
  ITEM_SOURCE_AGENCIES,
  newDisclosureDecisionId,
  OWNER_AGREEMENT_ROLES,
  requiredConsultationsOf,
  VICTIM_LIAISON_AGREEMENT_ROLES,
} from './disclosure.model';
import type {
  AgreementKind,
  ConsultationKind,
  DisclosureHolder,
  DisclosureStanding,
  DisclosureStatus,
  ItemAgreementStatus,
  ItemSourceAgency,
} from './disclosure.model';
import type { DisclosureDecisionRow, DisclosureItemAgreementRow, DisclosureConsultationRow, DisclosureItemRow } from './disclosure.tables';
import type { DisclosureItemView, DisclosurePreviewView, DisclosureProposalView } from './disclosure.type';
import type { DisclosureStatements } from './disclosure-workflow.query';

/*
 * The disclosure workflow, the same for its three holders: each transition in one transaction, with the
 * decision row locked `for update` first (so two transitions of one decision never interleave), the
 * guidance's rules checked here before the database's triggers check them again, a disclosure_transition
 * row for every change of status, and the changes in the holder's audit trail as value hashes. The
 * transactions are opened here; the statements run in them are the holder's `rules.statements` (disclosure-workflow.query.ts).
 *
 * Who may act is decided from the holder's own records on every call (the gateway's purpose evidence
 * only says that the caller declared the decision and is vouched a party): an unknown id, a decision of
 * another area, a caller who is no party and a party who is not the actor a step needs all get the
 * same NOT_FOUND (principle 9). A party asking for something the rules do not allow yet gets
 * BAD_USER_INPUT with every problem listed.
 */

/** The one answer for an unknown decision, one the caller is no party to, and a step that is not theirs. */
export const UNKNOWN_DISCLOSURE = 'No disclosure decision you can act on has this id.';

type AnyContext = SubgraphContext<object>;

/** What a holder knows that the shared workflow does not: its tables, who decides, and which fields exist. */
export interface DisclosureHolderRules {
  readonly holder: DisclosureHolder;
  /** The statements over the holder's own tables (`disclosureStatementsOver`). */
  readonly statements: DisclosureStatements;
  /**
   * The chair (staff id with its issuer) of the meeting a level 2/3 decision belongs to, who decides it
   * (B.7); null for level 1, where the lead agency's manager decides (`disclosureStandingsOf`).
   */
  readonly meetingChairOf: (
    db: Database,
    decision: DisclosureDecisionRow,
  ) => Promise<{ readonly staffId: string; readonly issuer: string } | null>;
  /** Whether `coordinate` (`Type.field`) is a field of the federation owned by `sourceAgency`. */
  readonly fieldOwnedBy: (coordinate: string, sourceAgency: ItemSourceAgency) => boolean;
}

/** A decision with everything its rules read. */
export interface DisclosureState {
  readonly decision: DisclosureDecisionRow;
  readonly items: readonly DisclosureItemRow[];
  readonly agreements: readonly DisclosureItemAgreementRow[];
  readonly consultations: readonly DisclosureConsultationRow[];
  readonly standings: readonly DisclosureStanding[];
}

const DECISION_FIELDS = [
  'status',
  'outcome',
  'recipientKind',
  'recipientDescription',
  'recipientIsChild',
  'recipientIsAdultAtRisk',
  'purpose',
  'lawfulBasis',
  'alternativesConsidered',
  'recipientGuidance',
  'subjectUnder18',
  'consultingFrom',
  'representationsSought',
  'representationsSummary',
  'representationsException',
  'decidedByStaffId',
  'rationale',
  'disclosureRiskAssessment',
  'contingencyPlans',
  'dissent',
  'executingAgency',
  'madeByStaffId',
  'madeTo',
  'offenderTold',
  'signedFormReference',
  'contentSha256',
  'withdrawnByStaffId',
  'withdrawalReason',
] as const satisfies readonly (keyof DisclosureDecisionRow)[];
const ITEM_FIELDS = [
  'position',
  'kind',
  'sourceAgency',
  'fieldCoordinate',
  'recordReference',
  'wordingSha256',
  'victimIdentifying',
  'photograph',
  'removedAt',
  'removedByStaffId',
] as const satisfies readonly (keyof DisclosureItemRow)[];
const AGREEMENT_FIELDS = [
  'itemId',
  'kind',
  'agency',
  'staffId',
  'role',
  'agreed',
  'note',
  'wordingSha256',
] as const satisfies readonly (keyof DisclosureItemAgreementRow)[];
const CONSULTATION_FIELDS = [
  'kind',
  'consulteeAgency',
  'requestedByStaffId',
  'response',
  'responseNote',
  'respondedByStaffId',
  'respondedByRole',
] as const satisfies readonly (keyof DisclosureConsultationRow)[];

/** Lowercase hex SHA-256 of a wording's UTF-8 bytes (what an agreement is bound to). */
export function wordingSha256(wording: string): string {
  return createHash('sha256').update(wording, 'utf8').digest('hex');
}

const refuse = (message: string, issues: readonly InputIssue[]): never => {
  throw new BadUserInputError(message, issues);
};
const notFound = (): never => {
  throw new NotFoundError(UNKNOWN_DISCLOSURE);
};
const live = (items: readonly DisclosureItemRow[]) =>
  items.filter((item) => item.removedAt === null).sort((a, b) => a.position - b.position);

/** The latest answer of `kind` for an item's current wording (by when it was recorded), or AWAITING. */
export function agreementStatus(
  item: DisclosureItemRow,
  agreements: readonly DisclosureItemAgreementRow[],
  kind: AgreementKind,
): ItemAgreementStatus {
  const latest = agreements
    .filter((agreement) => agreement.itemId === item.itemId && agreement.kind === kind && agreement.wordingSha256 === item.wordingSha256)
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())
    .at(-1);
  if (!latest) return 'AWAITING';
  return latest.agreed ? 'AGREED' : 'REFUSED';
}

/** The item's agreement as the recipient's document shows it: the owner's, and for a victim-identifying item the VLO's too. */
function combinedAgreement(item: DisclosureItemRow, agreements: readonly DisclosureItemAgreementRow[]): ItemAgreementStatus {
  const statuses = [
    agreementStatus(item, agreements, 'OWNER'),
    ...(item.victimIdentifying ? [agreementStatus(item, agreements, 'VICTIM_LIAISON')] : []),
  ];
  if (statuses.includes('REFUSED')) return 'REFUSED';
  return statuses.every((status) => status === 'AGREED') ? 'AGREED' : 'AWAITING';
}

const isItemSourceAgency = (agency: string): agency is ItemSourceAgency => (ITEM_SOURCE_AGENCIES as readonly string[]).includes(agency);

/** How the caller stands to a decision, from the holder's records (the shared rule, `disclosureStandingsOf`); empty for no party. */
export async function standingsOf(
  context: AnyContext,
  db: Database,
  rules: DisclosureHolderRules,
  decision: DisclosureDecisionRow,
  items: readonly DisclosureItemRow[],
  consultations: readonly DisclosureConsultationRow[],
): Promise<DisclosureStanding[]> {
  if (context.caller.principal.area !== decision.area) return [];
  const meetingChair = await rules.meetingChairOf(db, decision);
  return [...disclosureStandingsOf(context.caller.principal, rules.holder, { decision, items, consultations, meetingChair })];
}

/**
 * The decision the request declared under DISCLOSURE_DECISION, with its items, agreements and
 * consultations and the caller's standing, when the caller is a party to it; NOT_FOUND otherwise.
 * In a transaction with `lock`, the decision row is locked first.
 */
export async function requireDisclosureParty(
  context: AnyContext,
  db: Database,
  rules: DisclosureHolderRules,
  decisionId: string,
  lock = false,
): Promise<DisclosureState> {
  const { declaredPurpose, purposeEvidence } = context.caller;
  if (declaredPurpose.purpose !== 'DISCLOSURE_DECISION' || declaredPurpose.caseId !== decisionId) notFound();
  if (
    purposeEvidence?.kind !== 'DISCLOSURE' ||
    purposeEvidence.decisionId !== decisionId ||
    Date.parse(purposeEvidence.validUntil) <= Date.now()
  )
    notFound();
  if (holderOfDisclosureDecisionId(decisionId) !== rules.holder) notFound();
  const decision = await rules.statements.decisionById(db, decisionId, lock);
  if (!decision || decision.pncId !== purposeEvidence?.pncId) return notFound();
  const items = await rules.statements.itemsOf(db, decisionId);
  const agreements = await rules.statements.itemAgreementsOf(db, decisionId);
  const consultations = await rules.statements.consultationsOf(db, decisionId);
  const standings = await standingsOf(context, db, rules, decision, items, consultations);
  if (standings.length === 0) notFound();
  return { decision, items, agreements, consultations, standings };
}

const actorIsProposerOrDecisionMaker = (state: DisclosureState) =>
  state.standings.includes('PROPOSER') || state.standings.includes('DECISION_MAKER');

/** Refuses unless the decision is in one of `allowed` (`needs` says which, when a list of statuses cannot). */
function requireStatus(state: DisclosureState, allowed: readonly DisclosureStatus[], doing: string, needs = allowed.join(' or ')): void {
  if (!allowed.includes(state.decision.status))
    refuse(`A decision ${state.decision.status} cannot ${doing}.`, [
      { path: 'input.decisionId', message: `decision is ${state.decision.status}; to ${doing} it must be ${needs}` },
    ]);
}

async function recordTransition(
  tx: Database,
  rules: DisclosureHolderRules,
  principal: Principal,
  decisionId: string,
  from: DisclosureStatus | null,
  to: DisclosureStatus,
): Promise<void> {
  await rules.statements.insertTransition(tx, {
    transitionId: randomUUID(),
    decisionId,
    fromStatus: from,
    toStatus: to,
    staffId: principal.staffId,
    issuer: principal.issuer,
    agency: principal.agency,
  });
}

async function updateDecision(
  tx: Database,
  rules: DisclosureHolderRules,
  context: AnyContext,
  before: DisclosureDecisionRow,
  set: Partial<DisclosureDecisionRow>,
): Promise<DisclosureDecisionRow> {
  const after = await rules.statements.updateDecision(tx, before.decisionId, set);
  if (!after) throw new Error('the locked decision was not updated');
  await context.audit.recordChanges(
    tx,
    [before.pncId],
    changedFields(`DisclosureDecision:${before.decisionId}`, before, after, DECISION_FIELDS),
  );
  if (after.status !== before.status)
    await recordTransition(tx, rules, context.caller.principal, before.decisionId, before.status, after.status);
  return after;
}

/** What a holder has established about a new proposal before it is written. */
export interface ProposalFacts {
  readonly pncId: string;
  readonly area: MappaArea;
  readonly level: number;
  readonly caseId: string | null;
  readonly meetingId: string | null;
  readonly subjectUnder18: boolean;
  /** The date the proposal is considered on (the meeting's day, or today), for the consideration record. */
  readonly reviewedOn: string;
}

/** Writes a proposal (PROPOSED), its first transition and its consideration record, and audits them; in the caller's transaction. */
export async function insertDisclosureProposal(
  tx: Database,
  context: AnyContext,
  rules: DisclosureHolderRules,
  facts: ProposalFacts,
  content: ProposalContent,
): Promise<DisclosureProposalView> {
  const { principal } = context.caller;
  const decisionId = newDisclosureDecisionId(rules.holder, randomUUID());
  const row = await rules.statements.insertDecision(tx, {
    decisionId,
    pncId: facts.pncId,
    area: facts.area,
    level: facts.level,
    caseId: facts.caseId,
    meetingId: facts.meetingId,
    subjectUnder18: facts.subjectUnder18,
    status: 'PROPOSED',
    ...content,
    proposedByStaffId: principal.staffId,
    proposedByIssuer: principal.issuer,
    proposedByAgency: principal.agency,
  });
  if (!row) throw new Error('insert returned no row');
  await recordTransition(tx, rules, principal, decisionId, null, 'PROPOSED');
  // B §2: that disclosure was considered at this meeting or review, and a decision proposed.
  await rules.statements.insertConsideration(tx, {
    considerationId: randomUUID(),
    pncId: facts.pncId,
    area: facts.area,
    meetingId: facts.meetingId,
    reviewedOn: facts.reviewedOn,
    outcome: 'DECISION_PROPOSED',
    reason: content.purpose,
    decisionId,
    recordedByStaffId: principal.staffId,
    recordedByIssuer: principal.issuer,
  });
  await context.audit.recordChanges(tx, [facts.pncId], changedFields(`DisclosureDecision:${decisionId}`, null, row, DECISION_FIELDS));
  return { decisionId, status: 'PROPOSED', subjectUnder18: row.subjectUnder18, requiredConsultations: requiredConsultationsOf(row) };
}

/** Adds an item (PROPOSED or CONSULTING), by the proposer or the decision maker. */
export async function addDisclosureItem(context: AnyContext, rules: DisclosureHolderRules, values: AddDisclosureItemValues): Promise<void> {
  await context.db.transaction(async (tx) => {
    const state = await requireDisclosureParty(context, tx, rules, values.decisionId, true);
    if (!actorIsProposerOrDecisionMaker(state)) notFound();
    requireStatus(state, ['PROPOSED', 'CONSULTING'], 'take new items');
    const { principal } = context.caller;
    const issues: InputIssue[] = [];
    if (values.kind === 'RECORD_FIELD' && !rules.fieldOwnedBy(values.fieldCoordinate!, values.sourceAgency))
      issues.push({ path: 'input.fieldCoordinate', message: `not a field of the federation owned by ${values.sourceAgency}` });
    if (values.kind === 'FREE_TEXT' && values.sourceAgency !== principal.agency)
      issues.push({ path: 'input.sourceAgency', message: "free text is the writer's own agency's" });
    if (issues.length > 0) refuse('This item cannot be proposed.', issues);
    const lastPosition = await rules.statements.lastItemPosition(tx, values.decisionId);
    const item = await rules.statements.insertItem(tx, {
      itemId: randomUUID(),
      decisionId: values.decisionId,
      position: (lastPosition ?? 0) + 1,
      kind: values.kind,
      sourceAgency: values.sourceAgency,
      fieldCoordinate: values.fieldCoordinate ?? null,
      recordReference: values.recordReference ?? null,
      wording: values.wording,
      wordingSha256: wordingSha256(values.wording),
      victimIdentifying: values.victimIdentifying,
      photograph: values.photograph,
      addedByStaffId: principal.staffId,
      addedByIssuer: principal.issuer,
    });
    if (!item) throw new Error('insert returned no row');
    await context.audit.recordChanges(
      tx,
      [state.decision.pncId],
      [...changedFields(`DisclosureItem:${item.itemId}`, null, item, ITEM_FIELDS), ...wordingChange(item)],
    );
  });
}

// The wording itself is audited as its hash only, as every changed value is.
const wordingChange = (item: DisclosureItemRow): AuditedChange[] => [
  { record: `DisclosureItem:${item.itemId}`, field: 'wording', oldValue: null, newValue: item.wording },
];

/** Removes a live item (PROPOSED or CONSULTING), by the proposer or the decision maker. */
export async function removeDisclosureItem(
  context: AnyContext,
  rules: DisclosureHolderRules,
  decisionId: string,
  itemId: string,
): Promise<void> {
  await context.db.transaction(async (tx) => {
    const state = await requireDisclosureParty(context, tx, rules, decisionId, true);
    if (!actorIsProposerOrDecisionMaker(state)) notFound();
    requireStatus(state, ['PROPOSED', 'CONSULTING'], 'lose items');
    const item = state.items.find((candidate) => candidate.itemId === itemId);
    if (!item || item.removedAt !== null)
      refuse('No live item of this decision has this id.', [{ path: 'input.itemId', message: 'no live item of this decision' }]);
    const after = await rules.statements.markItemRemoved(tx, itemId, {
      removedAt: new Date(),
      removedByStaffId: context.caller.principal.staffId,
    });
    await context.audit.recordChanges(tx, [state.decision.pncId], changedFields(`DisclosureItem:${itemId}`, item!, after!, ITEM_FIELDS));
  });
}

/** PROPOSED → CONSULTING, requesting every consultation the guidance requires, by the proposer or the decision maker. */
export async function startDisclosureConsultation(context: AnyContext, rules: DisclosureHolderRules, decisionId: string): Promise<void> {
  await context.db.transaction(async (tx) => {
    const state = await requireDisclosureParty(context, tx, rules, decisionId, true);
    if (!actorIsProposerOrDecisionMaker(state)) notFound();
    requireStatus(state, ['PROPOSED'], 'start consulting');
    const { principal } = context.caller;
    const requested = new Set(state.consultations.map((consultation) => consultation.kind));
    for (const kind of requiredConsultationsOf(state.decision).filter((required) => !requested.has(required))) {
      const row = await rules.statements.insertConsultation(tx, {
        consultationId: randomUUID(),
        decisionId,
        kind,
        consulteeAgency: CONSULTEES[kind].agency,
        requestedByStaffId: principal.staffId,
      });
      await context.audit.recordChanges(
        tx,
        [state.decision.pncId],
        changedFields(`DisclosureConsultation:${row!.consultationId}`, null, row!, CONSULTATION_FIELDS),
      );
    }
    await updateDecision(tx, rules, context, state.decision, { status: 'CONSULTING', consultingFrom: new Date() });
  });
}

/** Answers a requested consultation once, while CONSULTING, by the consultee the guidance names (`CONSULTEES`). */
export async function answerDisclosureConsultation(
  context: AnyContext,
  rules: DisclosureHolderRules,
  values: AnswerDisclosureConsultationValues,
): Promise<void> {
  await context.db.transaction(async (tx) => {
    const state = await requireDisclosureParty(context, tx, rules, values.decisionId, true);
    const { principal } = context.caller;
    const consultee = CONSULTEES[values.kind];
    const consultation = state.consultations.find((candidate) => candidate.kind === values.kind);
    if (!consultation || !holdsRoleIn(principal, consultee.agency, consultee.roles)) notFound();
    requireStatus(state, ['CONSULTING'], 'take answers to consultations');
    if (consultation!.response !== null) refuse('This consultation has been answered.', [{ path: 'input.kind', message: 'answered once' }]);
    const after = await rules.statements.updateConsultation(tx, consultation!.consultationId, {
      response: values.response,
      responseNote: values.note,
      respondedAt: new Date(),
      respondedByStaffId: principal.staffId,
      respondedByIssuer: principal.issuer,
      respondedByRole: principal.roles.find((role) => consultee.roles.includes(role))!,
    });
    await context.audit.recordChanges(
      tx,
      [state.decision.pncId],
      changedFields(`DisclosureConsultation:${consultation!.consultationId}`, consultation!, after!, CONSULTATION_FIELDS),
    );
  });
}

/** Records an owner's (B.8) or the VLO's (B.15) answer for a live item's current wording, while PROPOSED or CONSULTING. */
export async function recordDisclosureItemAgreement(
  context: AnyContext,
  rules: DisclosureHolderRules,
  values: RecordDisclosureItemAgreementValues,
): Promise<void> {
  await context.db.transaction(async (tx) => {
    const state = await requireDisclosureParty(context, tx, rules, values.decisionId, true);
    const { principal } = context.caller;
    const item = state.items.find((candidate) => candidate.itemId === values.itemId && candidate.removedAt === null);
    const roles =
      values.kind === 'OWNER'
        ? item && isItemSourceAgency(item.sourceAgency)
          ? OWNER_AGREEMENT_ROLES[item.sourceAgency]
          : []
        : VICTIM_LIAISON_AGREEMENT_ROLES;
    const agency: PrincipalAgency | null = values.kind === 'OWNER' ? (item?.sourceAgency ?? null) : 'probation';
    // Only the item's owner (or, for a victim-identifying item, the VLO) answers for it; anyone else is told nothing.
    if (!item || agency === null || !holdsRoleIn(principal, agency, roles) || (values.kind === 'VICTIM_LIAISON' && !item.victimIdentifying))
      return notFound();
    requireStatus(state, ['PROPOSED', 'CONSULTING'], 'take agreements');
    if (values.wordingSha256 !== item.wordingSha256)
      refuse('The wording has changed since it was read.', [
        { path: 'input.wordingSha256', message: "not the SHA-256 of the item's wording" },
      ]);
    const row = await rules.statements.insertItemAgreement(tx, {
      agreementId: randomUUID(),
      itemId: item.itemId,
      decisionId: values.decisionId,
      kind: values.kind,
      agency: principal.agency,
      staffId: principal.staffId,
      issuer: principal.issuer,
      role: principal.roles.find((role) => roles.includes(role))!,
      agreed: values.agreed,
      note: values.note ?? null,
      wordingSha256: item.wordingSha256,
    });
    await context.audit.recordChanges(
      tx,
      [state.decision.pncId],
      changedFields(`DisclosureItemAgreement:${row!.agreementId}`, null, row!, AGREEMENT_FIELDS),
    );
  });
}

/** Records the offender's representations once (10.20), while PROPOSED or CONSULTING, by the proposer or the decision maker. */
export async function recordDisclosureRepresentations(
  context: AnyContext,
  rules: DisclosureHolderRules,
  values: RecordDisclosureRepresentationsValues,
): Promise<void> {
  await context.db.transaction(async (tx) => {
    const state = await requireDisclosureParty(context, tx, rules, values.decisionId, true);
    if (!actorIsProposerOrDecisionMaker(state)) notFound();
    requireStatus(state, ['PROPOSED', 'CONSULTING'], 'take representations');
    if (state.decision.representationsRecordedAt !== null)
      refuse('The representations have been recorded.', [{ path: 'input.decisionId', message: 'recorded once' }]);
    await updateDecision(tx, rules, context, state.decision, {
      representationsSought: values.sought,
      representationsSummary: values.summary ?? null,
      representationsException: values.exception ?? null,
      representationsRecordedAt: new Date(),
    });
  });
}

/**
 * Why the decision cannot be decided `outcome` yet, as input issues (empty when it can): the
 * representations; every consultation the guidance requires, requested and satisfied (B.10, B.11,
 * B.12, C.52); for DISCLOSE, a live item, each agreed by its owner for its wording (B.8, C.29) and a
 * victim-identifying one by the VLO too (B.15).
 */
export function decisionBlockers(
  state: Pick<DisclosureState, 'decision' | 'items' | 'agreements' | 'consultations'>,
  outcome: 'DISCLOSE' | 'NOT_DISCLOSE',
): InputIssue[] {
  const issues: InputIssue[] = [];
  const { decision } = state;
  if (decision.representationsRecordedAt === null)
    issues.push({ path: 'input.decisionId', message: "the offender's representations (or the exception) are not recorded (10.20)" });
  for (const kind of requiredConsultationsOf(decision)) {
    const consultation = state.consultations.find((candidate) => candidate.kind === kind);
    if (!consultation || !consultationSatisfied(kind, consultation.response))
      issues.push({
        path: 'input.decisionId',
        message: `consultation ${kind} is required and not ${kind === 'ACC_APPROVAL' ? 'approved' : 'answered'}`,
      });
  }
  if (outcome === 'DISCLOSE') {
    const items = live(state.items);
    if (items.length === 0) issues.push({ path: 'input.decisionId', message: 'nothing to disclose: no live item' });
    for (const item of items) {
      if (agreementStatus(item, state.agreements, 'OWNER') !== 'AGREED')
        issues.push({
          path: 'input.decisionId',
          message: `item ${item.position} has not been agreed by its owner (${item.sourceAgency}, B.8)`,
        });
      if (item.victimIdentifying && agreementStatus(item, state.agreements, 'VICTIM_LIAISON') !== 'AGREED')
        issues.push({
          path: 'input.decisionId',
          message: `item ${item.position} identifies a victim and has not been agreed by the victim liaison officer (B.15)`,
        });
    }
  }
  return issues;
}

/** CONSULTING → DECIDED, by the decision maker, once every rule holds (`decisionBlockers`). */
export async function decideDisclosure(context: AnyContext, rules: DisclosureHolderRules, values: DecideDisclosureValues): Promise<void> {
  await context.db.transaction(async (tx) => {
    const state = await requireDisclosureParty(context, tx, rules, values.decisionId, true);
    if (!state.standings.includes('DECISION_MAKER')) notFound();
    requireStatus(state, ['CONSULTING'], 'be decided');
    const blockers = decisionBlockers(state, values.outcome);
    if (blockers.length > 0) refuse(`The decision cannot be made yet: ${blockers.map((issue) => issue.message).join('; ')}.`, blockers);
    const { principal } = context.caller;
    await updateDecision(tx, rules, context, state.decision, {
      status: 'DECIDED',
      outcome: values.outcome,
      decidedByStaffId: principal.staffId,
      decidedByIssuer: principal.issuer,
      decidedByAgency: principal.agency,
      decidedAt: new Date(),
      rationale: values.rationale,
      disclosureRiskAssessment: values.disclosureRiskAssessment,
      contingencyPlans: values.contingencyPlans,
      dissent: values.dissent,
      executingAgency: values.outcome === 'DISCLOSE' ? values.executingAgency! : null,
    });
  });
}

/** The document of a decision as it stands: its live items, in order, with their agreement. */
export function disclosureDocumentOf(
  rules: Pick<DisclosureHolderRules, 'holder'>,
  state: Pick<DisclosureState, 'decision' | 'items' | 'agreements'>,
): DisclosureDocumentContent {
  const { decision } = state;
  return {
    decisionId: decision.decisionId,
    holder: rules.holder,
    area: decision.area,
    recipientKind: decision.recipientKind,
    recipientDescription: decision.recipientDescription,
    purpose: decision.purpose,
    recipientGuidance: decision.recipientGuidance,
    offenderAware: decision.representationsSought === true,
    items: live(state.items).map((item) => ({
      position: item.position,
      kind: item.kind,
      sourceAgency: item.sourceAgency,
      fieldCoordinate: item.fieldCoordinate,
      wording: item.wording,
      photograph: item.photograph,
      victimIdentifying: item.victimIdentifying,
      agreement: combinedAgreement(item, state.agreements),
    })),
  };
}

/** DECIDED (DISCLOSE) → MADE, by a party of the executing agency: the document as decided, frozen with its SHA-256. */
export async function recordDisclosureMade(
  context: AnyContext,
  rules: DisclosureHolderRules,
  values: RecordDisclosureMadeValues,
): Promise<void> {
  await context.db.transaction(async (tx) => {
    const state = await requireDisclosureParty(context, tx, rules, values.decisionId, true);
    const { principal } = context.caller;
    if (state.decision.executingAgency !== null && principal.agency !== state.decision.executingAgency) notFound();
    if (state.decision.status !== 'DECIDED' || state.decision.outcome !== 'DISCLOSE')
      requireStatus(state, [], 'be made', 'DECIDED to DISCLOSE');
    // Nothing after DECIDED changes the document's inputs, so this is the document the parties previewed.
    const frozenContent = renderDisclosureDocument(disclosureDocumentOf(rules, state));
    await updateDecision(tx, rules, context, state.decision, {
      status: 'MADE',
      madeByStaffId: principal.staffId,
      madeByIssuer: principal.issuer,
      madeByAgency: principal.agency,
      madeAt: new Date(),
      madeTo: values.madeTo,
      offenderTold: values.offenderTold,
      signedFormReference: values.signedFormReference ?? null,
      frozenContent,
      contentSha256: disclosureContentSha256(frozenContent),
    });
  });
}

/** PROPOSED | CONSULTING | DECIDED (DISCLOSE) → WITHDRAWN, by the proposer or the decision maker. */
export async function withdrawDisclosure(
  context: AnyContext,
  rules: DisclosureHolderRules,
  decisionId: string,
  reason: string,
): Promise<void> {
  await context.db.transaction(async (tx) => {
    const state = await requireDisclosureParty(context, tx, rules, decisionId, true);
    if (!actorIsProposerOrDecisionMaker(state)) notFound();
    const withdrawable =
      state.decision.status === 'PROPOSED' ||
      state.decision.status === 'CONSULTING' ||
      (state.decision.status === 'DECIDED' && state.decision.outcome === 'DISCLOSE');
    if (!withdrawable)
      requireStatus(
        state,
        [],
        'be withdrawn',
        'PROPOSED, CONSULTING or DECIDED to DISCLOSE (a decision not to disclose, a made one and a withdrawn one never change)',
      );
    await updateDecision(tx, rules, context, state.decision, {
      status: 'WITHDRAWN',
      withdrawnAt: new Date(),
      withdrawnByStaffId: context.caller.principal.staffId,
      withdrawalReason: reason,
    });
  });
}

/** The decision as its parties read it. */
export function disclosureDecisionView(
  rules: Pick<DisclosureHolderRules, 'holder'>,
  state: DisclosureState,
  transitions: readonly { fromStatus: DisclosureStatus | null; toStatus: DisclosureStatus; staffId: string; agency: string; at: Date }[],
) {
  const { decision } = state;
  const items: DisclosureItemView[] = state.items.map((item) => ({
    ...item,
    ownerAgreement: agreementStatus(item, state.agreements, 'OWNER'),
    victimLiaisonAgreement: item.victimIdentifying ? agreementStatus(item, state.agreements, 'VICTIM_LIAISON') : null,
    agreements: state.agreements
      .filter((agreement) => agreement.itemId === item.itemId)
      .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime()),
  }));
  const { frozenContent: _frozen, ...rest } = decision;
  return {
    ...rest,
    holder: rules.holder,
    requiredConsultations: requiredConsultationsOf(decision),
    items,
    consultations: state.consultations.map((consultation) => ({
      ...consultation,
      satisfied: consultationSatisfied(consultation.kind as ConsultationKind, consultation.response),
    })),
    transitions,
  };
}

/** Reads the decision's transitions, in order. */
export async function transitionsOf(db: Database, rules: DisclosureHolderRules, decisionId: string) {
  return rules.statements.transitionsOf(db, decisionId);
}

/** The preview: before MADE, the document rendered from the live items; after, the frozen content itself. */
export function disclosurePreviewOf(rules: Pick<DisclosureHolderRules, 'holder'>, state: DisclosureState): DisclosurePreviewView {
  const content = disclosureDocumentOf(rules, state);
  const frozen = state.decision.status === 'MADE' && state.decision.frozenContent !== null;
  const html = frozen ? state.decision.frozenContent! : renderDisclosureDocument(content);
  return {
    decisionId: state.decision.decisionId,
    status: state.decision.status,
    html,
    contentSha256: frozen ? state.decision.contentSha256! : disclosureContentSha256(html),
    frozen,
    items: content.items,
  };
}
