import { addDays, custodyReleaseDate, daysBetween, DEV_ISSUER, isUnder18 } from '@mappa/shared';
import type { MappaArea, PrincipalAgency, SyntheticDatasetOptions, SyntheticPerson, Random } from '@mappa/shared';
import { MappaDecisionKind } from '../mappa-case/mappa-case.type';
import type { ProposedInvitee } from '../referral/referral.table';
import { ReferralStatus } from '../referral/referral.type';
import { at, coordinatorOf, REFERRAL_MONTHS_BEFORE_RELEASE, SCREENING_DAYS, STAFF_PREFIX, stateAfter } from './mappa-catalogue';
import type { ChangeInsert, OpeningState, WorkflowRows } from './mappa-catalogue';

// Referrals (MAPPA A) and screening.

const REFERRAL_REASONS = [
  'Synthetic: escalating risk indicators since sentence; needs co-ordinated multi-agency management.',
  'Synthetic: release planning needs police, probation and housing acting together.',
  'Synthetic: new intelligence about contact with a previous victim.',
] as const;
const ADDED_VALUE = [
  'Synthetic: joint risk management plan and shared monitoring across agencies.',
  'Synthetic: co-ordinated victim safety planning and accommodation.',
] as const;
const REJECTION_REASONS = [
  'Synthetic: risk manageable by the lead agency at level 1; no added value from a MAPP meeting identified.',
  'Synthetic: the referral did not show the multi-agency actions needed; re-refer if the risk changes.',
] as const;

interface ReferralContext {
  readonly person: SyntheticPerson;
  readonly caseId: string;
  readonly dataset: SyntheticDatasetOptions;
  readonly opening: OpeningState;
  readonly rows: WorkflowRows;
}

function referrerOf(random: Random, person: SyntheticPerson, leadAgency: string, onDay: string): PrincipalAgency {
  // Most referrals come from probation; some from the police, the prison or the YOT.
  if (isUnder18(person.dateOfBirth, onDay)) return 'yot';
  const inCustody = person.supervision === 'CUSTODY' && onDay >= person.offence.convictionDate;
  return random.weighted<PrincipalAgency>([
    ['probation', leadAgency === 'POLICE' ? 25 : 70],
    ['police', leadAgency === 'POLICE' ? 70 : 12],
    ['prison', inCustody ? 25 : 0],
  ]);
}

interface ReferralShape {
  readonly referralId: string;
  readonly status: Exclude<ReferralStatus, ReferralStatus.WITHDRAWN>;
  readonly submittedDay: string | null;
  readonly screenedDay: string | null;
  readonly categorySought: number;
  readonly levelSought: number;
  readonly leadAgency: string;
  readonly area: MappaArea;
  readonly accepted: { readonly category: number; readonly level: number; readonly leadAgency: string } | null;
  readonly screenedByStaffId: string | null;
}

function pushReferral(random: Random, context: ReferralContext, shape: ReferralShape): void {
  const { person, dataset } = context;
  const anchorDay = shape.submittedDay ?? dataset.asOf;
  const agency = referrerOf(random, person, shape.leadAgency, anchorDay);
  // A YOT referral reaches the co-ordinator when a YOT manager endorses it (C.50): submission is the endorsement.
  const createdDay = agency === 'yot' ? addDays(anchorDay, -random.int(1, 5)) : anchorDay;
  const inCustody = person.supervision === 'CUSTODY' && anchorDay >= person.offence.convictionDate;
  const releaseDate = custodyReleaseDate(person, dataset.asOf) ?? person.sentence?.conditionalReleaseDate ?? null;
  const submittedAt = shape.submittedDay ? at(shape.submittedDay, 10, random.int(0, 59)) : null;
  const screenedAt = shape.screenedDay ? at(shape.screenedDay, 14, random.int(0, 59)) : null;
  const proposedInvitees: ProposedInvitee[] = random.chance(0.3)
    ? [{ agency: 'housing', role: 'dtc_attendee', reason: 'Synthetic: accommodation on release.' }]
    : [];
  context.rows.referrals.push({
    referralId: shape.referralId,
    pncId: person.pncId,
    area: shape.area,
    referringAgency: agency,
    referrerStaffId: `${STAFF_PREFIX[agency]}${random.int(10000, 99999)}`,
    referrerIssuer: DEV_ISSUER,
    categorySought: shape.categorySought,
    levelSought: shape.levelSought,
    subjectDateOfBirth: person.dateOfBirth,
    inCustody: inCustody && releaseDate !== null,
    expectedReleaseDate: inCustody ? releaseDate : null,
    reasons: random.pick(REFERRAL_REASONS),
    addedValue: random.pick(ADDED_VALUE),
    victimConcerns: random.chance(0.7) ? 'Synthetic: known victim lives in the same town.' : null,
    safeguardingConcerns: random.chance(0.4) ? 'Synthetic: children in the proposed household.' : null,
    proposedInvitees,
    status: shape.status,
    createdAt: at(createdDay, 9, random.int(0, 59)),
    submittedAt,
    screeningDueDate: shape.submittedDay ? addDays(shape.submittedDay, SCREENING_DAYS) : null,
    endorsedByStaffId: agency === 'yot' && submittedAt ? `YOT${random.int(10000, 99999)}` : null,
    endorsedByIssuer: agency === 'yot' && submittedAt ? DEV_ISSUER : null,
    endorsedAt: agency === 'yot' ? submittedAt : null,
    screenedAt,
    screenedByStaffId: screenedAt ? shape.screenedByStaffId : null,
    screenedByIssuer: screenedAt ? DEV_ISSUER : null,
    acceptedCategory: shape.accepted?.category ?? null,
    acceptedLevel: shape.accepted?.level ?? null,
    acceptedLeadAgency: shape.accepted?.leadAgency ?? null,
    rejectionReasons: shape.status === ReferralStatus.REJECTED ? random.pick(REJECTION_REASONS) : null,
    caseId: shape.accepted ? context.caseId : null,
  });
}

/**
 * The referrals of one case: an accepted MAPPA A behind every screening decision that put the case at
 * level 2 or 3 (dated the day of the decision, its category, level and lead agency), the screening
 * history row naming the co-ordinator who screened it; for level 1
 * cases, a few rejected referrals and a few still waiting (late ones for people released soon).
 */
export function buildReferrals(random: Random, context: ReferralContext, history: ChangeInsert[], currentLevel: number): void {
  const { person, caseId, dataset } = context;
  let count = 0;
  const nextId = () => `REF-${caseId.slice(3)}-${++count}`;
  history.forEach((change, index) => {
    if (change.decisionKind !== MappaDecisionKind.SCREENING_DECISION) return;
    const state = stateAfter(context.opening, history, index);
    if (state.level < 2) return;
    const screenedDay = change.changedDate;
    // Most are screened within the 10 days; a few take longer.
    const submittedDay = addDays(screenedDay, -(random.chance(0.9) ? random.int(1, SCREENING_DAYS) : random.int(SCREENING_DAYS + 1, 20)));
    const referralId = nextId();
    const screener = coordinatorOf(state.area);
    pushReferral(random, context, {
      referralId,
      status: ReferralStatus.ACCEPTED,
      submittedDay,
      screenedDay,
      categorySought: state.category,
      levelSought: random.chance(0.85) ? state.level : 5 - state.level,
      leadAgency: state.leadAgency,
      area: state.area,
      accepted: { category: state.category, level: state.level, leadAgency: state.leadAgency },
      screenedByStaffId: screener,
    });
    // The screening decision in the case history is this referral's, recorded by the co-ordinator who
    // screened it (its reference keeps the history's own SCR- numbering; the referral names the case).
    change.changedByStaffId = screener;
  });
  if (currentLevel !== 1) return;
  const state = stateAfter(context.opening, history, history.length - 1);
  const span = daysBetween(person.mappaStartDate, dataset.asOf);
  const release = custodyReleaseDate(person, dataset.asOf);
  const releaseSoon = release !== null && daysBetween(dataset.asOf, release) <= REFERRAL_MONTHS_BEFORE_RELEASE * 30;
  if (span >= 60 && random.chance(0.04)) {
    const screenedDay = addDays(person.mappaStartDate, random.int(30, span - 1));
    pushReferral(random, context, {
      referralId: nextId(),
      status: ReferralStatus.REJECTED,
      submittedDay: addDays(screenedDay, -random.int(1, SCREENING_DAYS)),
      screenedDay,
      categorySought: state.category,
      levelSought: 2,
      leadAgency: state.leadAgency,
      area: state.area,
      accepted: null,
      screenedByStaffId: coordinatorOf(state.area),
    });
  }
  // Still with the co-ordinator: a few, more among people released within six months (late referrals).
  if (random.chance(releaseSoon ? 0.2 : 0.005)) {
    const youth = isUnder18(person.dateOfBirth, dataset.asOf);
    const awaitingEndorsement = youth && random.chance(0.5);
    pushReferral(random, context, {
      referralId: nextId(),
      status: awaitingEndorsement ? ReferralStatus.AWAITING_ENDORSEMENT : ReferralStatus.SUBMITTED,
      submittedDay: awaitingEndorsement ? null : addDays(dataset.asOf, -random.int(0, SCREENING_DAYS - 1)),
      screenedDay: null,
      categorySought: state.category,
      levelSought: random.chance(0.85) ? 2 : 3,
      leadAgency: state.leadAgency,
      area: state.area,
      accepted: null,
      screenedByStaffId: null,
    });
  }
}
