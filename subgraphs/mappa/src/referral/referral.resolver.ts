import { randomUUID } from 'node:crypto';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  Access,
  addDays,
  BadUserInputError,
  changedFields,
  decodeCursor,
  encodeCursor,
  NotFoundError,
  pageSizeSchema,
  parseInput,
  calendarDateOf,
} from '@mappa/shared';
import type { AuditedChange, Caller, Database } from '@mappa/shared';
import { z } from 'zod';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { nextReviewAfterChange, REVIEW_PERIOD_DAYS } from '../mappa-case/mappa-case-change';
import { insertCase, insertHistoryLines, lastHistorySequence, updateCase } from '../mappa-case/mappa-case.query';
import type { MappaCaseChangeRow, MappaCaseRow } from '../mappa-case/mappa-case.table';
import { MappaCaseChangeField, MappaCaseStatus, MappaDecisionKind } from '../mappa-case/mappa-case.type';
import type { MappaLeadAgency } from '../mappa-case/mappa-case.type';
import { mappaSubjectInScope } from '../offender/offender.scope';
import { referralIdSchema, screenReferralInputSchema, submitReferralInputSchema, withdrawalReasonSchema } from './referral.input';
import type { ScreenReferralValues } from './referral.input';
import {
  activeCaseForUpdate,
  insertReferral,
  lateReleases,
  nextCaseId,
  referralById,
  referralsByIds,
  SCREENING_DAYS,
  submittedReferralsOf,
  updateReferral,
  updateSubmittedReferral,
} from './referral.query';
import type { ReferralRow } from './referral.table';
import {
  Referral,
  ReferralStatus,
  ReleaseNeedingReferralConnection,
  ReleasesNeedingReferralArgs,
  ScreenReferralInput,
  ScreeningOutcome,
  SubmitReferralInput,
} from './referral.type';

// One answer for an unknown referral id and for one the caller is no party to (principle 9).
const UNKNOWN_REFERRAL = 'No referral with this id is yours to see.';

// What the audit proves of a referral: every field it was made with, and what each step sets.
const CONTENT_FIELDS = [
  'pncId',
  'area',
  'referringAgency',
  'referrerStaffId',
  'referrerIssuer',
  'categorySought',
  'levelSought',
  'subjectDateOfBirth',
  'inCustody',
  'expectedReleaseDate',
  'reasons',
  'addedValue',
  'victimConcerns',
  'safeguardingConcerns',
  'proposedInvitees',
  'status',
  'createdAt',
  'submittedAt',
  'screeningDueDate',
] as const satisfies readonly (keyof ReferralRow)[];
const STEP_FIELDS = [
  'status',
  'submittedAt',
  'screeningDueDate',
  'endorsedByStaffId',
  'endorsedByIssuer',
  'endorsedAt',
  'screenedAt',
  'screenedByStaffId',
  'screenedByIssuer',
  'acceptedCategory',
  'acceptedLevel',
  'acceptedLeadAgency',
  'rejectionReasons',
  'caseId',
  'withdrawnAt',
  'withdrawalReason',
] as const satisfies readonly (keyof ReferralRow)[];
const CASE_FIELDS = [
  'category',
  'level',
  'leadAgency',
  'area',
  'startDate',
  'nextReviewDate',
  'status',
  'counterTerrorismRestricted',
  'subjectDateOfBirth',
  'custodyReleaseDate',
] as const satisfies readonly (keyof MappaCaseRow)[];
const HISTORY_FIELDS = [
  'field',
  'valueBefore',
  'valueAfter',
  'changedDate',
  'changedByStaffId',
  'decisionKind',
  'decisionReference',
  'reason',
] as const satisfies readonly (keyof MappaCaseChangeRow)[];

const referralRecord = (row: ReferralRow) => `Referral:${row.referralId}`;

/** The referral as the API shows it on `today` (Europe/London). */
function toReferral(row: ReferralRow, today: string): Referral {
  return {
    ...row,
    subject: { pncId: row.pncId },
    proposedInvitees: row.proposedInvitees.map((invitee) => ({ ...invitee })),
    screeningOverdue: row.status === ReferralStatus.SUBMITTED && row.screeningDueDate !== null && today > row.screeningDueDate,
    acceptedLeadAgency: row.acceptedLeadAgency as Referral['acceptedLeadAgency'],
  };
}

const isReferrer = (row: ReferralRow, caller: Caller) =>
  row.referrerStaffId === caller.principal.staffId && row.referrerIssuer === caller.principal.issuer;

/** The co-ordinator of the referral's area, once it has reached them (a YOT referral: once endorsed). */
function isCoordinatorOf(row: ReferralRow, caller: Caller): boolean {
  const { principal, declaredPurpose } = caller;
  return (
    principal.agency === 'mappa_unit' &&
    principal.roles.includes('mappa_coordinator') &&
    declaredPurpose.purpose === 'MAPPA_SCREENING' &&
    principal.area === row.area &&
    row.submittedAt !== null
  );
}

/** A YOT manager of the referral's area, for a YOT referral: its endorser, or the one who may endorse it (C.50). */
function isYotManagerOf(row: ReferralRow, caller: Caller): boolean {
  const { principal } = caller;
  if (
    row.referringAgency !== 'yot' ||
    principal.agency !== 'yot' ||
    !principal.roles.includes('yot_manager') ||
    principal.area !== row.area
  )
    return false;
  return row.endorsedByStaffId === null || (row.endorsedByStaffId === principal.staffId && row.endorsedByIssuer === principal.issuer);
}

/** Whether the caller is party to the referral: its referrer, its (would-be) YOT endorser, or its area's co-ordinator. */
function mayKnow(row: ReferralRow, caller: Caller): boolean {
  return isReferrer(row, caller) || isYotManagerOf(row, caller) || isCoordinatorOf(row, caller);
}

/** One history row per changed attribute of an ACTIVE case, in the order the screening decided them. */
interface CaseChange {
  readonly field: MappaCaseChangeField;
  readonly before: string | null;
  readonly after: string;
}

function changesOf(current: MappaCaseRow, decision: { category: number; level: number; leadAgency: MappaLeadAgency }): CaseChange[] {
  const candidates: CaseChange[] = [
    { field: MappaCaseChangeField.CATEGORY, before: String(current.category), after: String(decision.category) },
    { field: MappaCaseChangeField.LEVEL, before: String(current.level), after: String(decision.level) },
    { field: MappaCaseChangeField.LEAD_AGENCY, before: current.leadAgency, after: decision.leadAgency },
  ];
  return candidates.filter((change) => change.before !== change.after);
}

@Resolver(() => Referral)
export class ReferralResolver {
  @Access(mappaPolicies.referralSubmission)
  @Mutation(() => Referral, {
    nullable: true,
    description:
      "Makes a MAPPA A referral about one person to the co-ordinator of the referrer's own area. Probation practitioners and senior probation officers, police PPU officers, prison offender managers and YOT case managers, of their own agency, under CASE_MANAGEMENT. Answers the same whether or not the MAPPA unit holds a case for the person (principle 9). Non-YOT: SUBMITTED at once, screening due in 10 days (A §5); YOT: AWAITING_ENDORSEMENT until a YOT manager endorses it (C.50). Invalid input is BAD_USER_INPUT with every issue.",
  })
  async submitReferral(
    @Arg('input', () => SubmitReferralInput, { description: 'The MAPPA A content.' }) input: SubmitReferralInput,
    @Ctx() context: MappaContext,
  ): Promise<Referral> {
    const now = context.now;
    const today = calendarDateOf(now);
    const values = parseInput(submitReferralInputSchema(today), input, 'input');
    const { principal } = context.caller;
    // The policy admits only police, probation, prison and YOT principals; C.50 holds a YOT referral back.
    const needsEndorsement = principal.agency === 'yot';
    // Nothing here reads the MAPPA case: the answer and its timing cannot depend on one existing.
    const row = await context.db.transaction(async (tx) => {
      const inserted = await insertReferral(tx, {
        referralId: `REF-${randomUUID()}`,
        ...values,
        area: principal.area,
        referringAgency: principal.agency,
        referrerStaffId: principal.staffId,
        referrerIssuer: principal.issuer,
        status: needsEndorsement ? ReferralStatus.AWAITING_ENDORSEMENT : ReferralStatus.SUBMITTED,
        createdAt: now,
        submittedAt: needsEndorsement ? null : now,
        screeningDueDate: needsEndorsement ? null : addDays(today, SCREENING_DAYS),
      });
      if (!inserted) throw new Error('insert returned no row');
      await context.audit.recordChanges(tx, [inserted.pncId], changedFields(referralRecord(inserted), null, inserted, CONTENT_FIELDS));
      return inserted;
    });
    context.log.info({ referralId: row.referralId, status: row.status }, 'referral submitted');
    return toReferral(row, today);
  }

  @Access(mappaPolicies.referralEndorsement)
  @Mutation(() => Referral, {
    nullable: true,
    description:
      'C.50: a YOT manager endorses a YOT referral of their own area that they did not make, which sends it to the co-ordinator (SUBMITTED) and starts the 10-day screening clock. Any other referral is NOT_FOUND, exactly as an unknown id.',
  })
  async endorseReferral(
    @Arg('referralId', () => ID, { description: 'The YOT referral to endorse.' }) referralId: string,
    @Ctx() context: MappaContext,
  ): Promise<Referral> {
    const validId = parseInput(referralIdSchema, referralId, 'referralId');
    const now = context.now;
    const today = calendarDateOf(now);
    const { caller } = context;
    const row = await context.db.transaction(async (tx) => {
      const current = await referralById(tx, validId, true);
      if (!current || !isYotManagerOf(current, caller)) throw new NotFoundError(UNKNOWN_REFERRAL);
      if (isReferrer(current, caller))
        throw new BadUserInputError('C.50: a referral is endorsed by a YOT manager other than its referrer.', [
          { path: 'referralId', message: 'own referral' },
        ]);
      if (current.status !== ReferralStatus.AWAITING_ENDORSEMENT) {
        throw new BadUserInputError(`Only a referral awaiting endorsement can be endorsed; this one is ${current.status}.`, [
          { path: 'referralId', message: `referral is ${current.status}` },
        ]);
      }
      const updated = await updateReferral(tx, validId, {
        status: ReferralStatus.SUBMITTED,
        submittedAt: now,
        screeningDueDate: addDays(today, SCREENING_DAYS),
        endorsedByStaffId: caller.principal.staffId,
        endorsedByIssuer: caller.principal.issuer,
        endorsedAt: now,
      });
      if (!updated) throw new Error('update returned no row');
      await context.audit.recordChanges(tx, [updated.pncId], changedFields(referralRecord(updated), current, updated, STEP_FIELDS));
      return updated;
    });
    context.log.info({ referralId: row.referralId }, 'referral endorsed');
    return toReferral(row, today);
  }

  @Access(mappaPolicies.referralSubmission)
  @Mutation(() => Referral, {
    nullable: true,
    description:
      "Its referrer withdraws a referral that is not yet screened, with a reason. Anyone else's referral is NOT_FOUND, exactly as an unknown id.",
  })
  async withdrawReferral(
    @Arg('referralId', () => ID, { description: 'The referral to withdraw.' }) referralId: string,
    @Arg('reason', () => String, { description: 'Why it is withdrawn (1-500 characters).' }) reason: string,
    @Ctx() context: MappaContext,
  ): Promise<Referral> {
    const validId = parseInput(referralIdSchema, referralId, 'referralId');
    const validReason = parseInput(withdrawalReasonSchema, reason, 'reason');
    const now = context.now;
    const row = await context.db.transaction(async (tx) => {
      const current = await referralById(tx, validId, true);
      if (!current || !isReferrer(current, context.caller)) throw new NotFoundError(UNKNOWN_REFERRAL);
      if (current.status !== ReferralStatus.AWAITING_ENDORSEMENT && current.status !== ReferralStatus.SUBMITTED) {
        throw new BadUserInputError(`Only a referral not yet screened can be withdrawn; this one is ${current.status}.`, [
          { path: 'referralId', message: `referral is ${current.status}` },
        ]);
      }
      const updated = await updateReferral(tx, validId, {
        status: ReferralStatus.WITHDRAWN,
        withdrawnAt: now,
        withdrawalReason: validReason,
      });
      if (!updated) throw new Error('update returned no row');
      await context.audit.recordChanges(tx, [updated.pncId], changedFields(referralRecord(updated), current, updated, STEP_FIELDS));
      return updated;
    });
    context.log.info({ referralId: row.referralId }, 'referral withdrawn');
    return toReferral(row, calendarDateOf(now));
  }

  // A.R19, B.52: the policy grants the co-ordinator alone; a chair (of any agency) is refused before this runs.
  @Access(mappaPolicies.screening)
  @Mutation(() => Referral, {
    nullable: true,
    description:
      "The co-ordinator's screening decision on a SUBMITTED referral of their own area (MAPPA_SCREENING; never the chair, A.R19, B.52). ACCEPT with category, level (2 or 3) and lead agency changes the person's ACTIVE MAPPA case (one history entry per changed attribute) or opens one, in the same transaction; REJECT records the reasons. A referral of another area is NOT_FOUND, exactly as an unknown id; one already screened or withdrawn is BAD_USER_INPUT.",
  })
  async screenReferral(
    @Arg('input', () => ScreenReferralInput, { description: 'The referral and the decision.' }) input: ScreenReferralInput,
    @Ctx() context: MappaContext,
  ): Promise<Referral> {
    const values = parseInput(screenReferralInputSchema, input, 'input');
    const now = context.now;
    const today = calendarDateOf(now);
    const { caller } = context;
    const row = await context.db.transaction(async (tx) => {
      // FOR UPDATE: two screenings of one referral are decided one after the other; the second sees it screened.
      const current = await referralById(tx, values.referralId, true);
      if (!current || !isCoordinatorOf(current, caller)) throw new NotFoundError(UNKNOWN_REFERRAL);
      if (current.status !== ReferralStatus.SUBMITTED) {
        throw new BadUserInputError(`Only a submitted referral can be screened; this one is ${current.status}.`, [
          { path: 'input.referralId', message: `referral is ${current.status}` },
        ]);
      }
      const screened = { screenedAt: now, screenedByStaffId: caller.principal.staffId, screenedByIssuer: caller.principal.issuer };
      if (values.outcome === ScreeningOutcome.REJECT) {
        const updated = await updateReferral(tx, current.referralId, {
          ...screened,
          status: ReferralStatus.REJECTED,
          rejectionReasons: values.reasons,
        });
        if (!updated) throw new Error('update returned no row');
        await context.audit.recordChanges(tx, [updated.pncId], changedFields(referralRecord(updated), current, updated, STEP_FIELDS));
        return updated;
      }
      const { caseId, changes } = await applyAcceptance(context, tx, current, values, today);
      const updated = await updateSubmittedReferral(tx, current.referralId, {
        ...screened,
        status: ReferralStatus.ACCEPTED,
        acceptedCategory: values.category,
        acceptedLevel: values.level,
        acceptedLeadAgency: values.leadAgency,
        caseId,
      });
      if (!updated) throw new Error('update returned no row');
      // The evidence of the decision, the case and its history commit with them, or none does.
      await context.audit.recordChanges(
        tx,
        [updated.pncId],
        [...changedFields(referralRecord(updated), current, updated, STEP_FIELDS), ...changes],
      );
      return updated;
    });
    // Any later `mappaCase` in this request must see the decision.
    context.loaders.mappaCase.clear(row.pncId);
    if (row.caseId) context.loaders.mappaCaseHistory.clear(row.caseId);
    context.log.info({ referralId: row.referralId, status: row.status }, 'referral screened');
    return toReferral(row, today);
  }

  @Access(mappaPolicies.referral)
  @Query(() => Referral, {
    nullable: true,
    description:
      'One referral: for its referrer, its YOT endorser (or a YOT manager of its area while it awaits endorsement), and the co-ordinator of its area once received. For anyone else, and for an unknown id, NOT_FOUND alike (principle 9).',
  })
  async referral(
    @Arg('referralId', () => ID, { description: "The referral's id, `REF-…`." }) referralId: string,
    @Ctx() context: MappaContext,
  ): Promise<Referral> {
    const validId = parseInput(referralIdSchema, referralId, 'referralId');
    const row = await referralById(context.db, validId);
    if (!row || !mayKnow(row, context.caller)) throw new NotFoundError(UNKNOWN_REFERRAL);
    return toReferral(row, context.today);
  }

  @Access(mappaPolicies.screening)
  @Query(() => [Referral], {
    nullable: true,
    description:
      "The co-ordinator's screening queue: SUBMITTED referrals of their own area, received longest ago first, each with its due date and `screeningOverdue` (10 days, A §5).",
  })
  async screeningQueue(@Ctx() context: MappaContext): Promise<Referral[]> {
    const today = context.today;
    const rows = await submittedReferralsOf(context.db, context.caller.principal.area);
    return rows.map((row) => toReferral(row, today));
  }

  @Access(mappaPolicies.referralDiary)
  @Query(() => ReleaseNeedingReferralConnection, {
    nullable: true,
    description:
      "A §5: releases from custody whose MAPPA A is late. ACTIVE level 2 and 3 cases of the co-ordinator's own area with a release date after today whose referral due date (release minus 6 months) has passed, and no referral about the person received (not withdrawn) on or before the due date and within the 12 months before release; nearest release first, a page at a time. Each with days late and the late referral, if one arrived after the due date.",
  })
  async releasesNeedingReferral(
    @Args(() => ReleasesNeedingReferralArgs) { first, after }: ReleasesNeedingReferralArgs,
    @Ctx() context: MappaContext,
  ): Promise<ReleaseNeedingReferralConnection> {
    const pageSize = parseInput(pageSizeSchema, first, 'first');
    const position = after == null ? null : parseInput(cursorSchema, decodeCursor(after, 'after'), 'after');
    const today = context.today;
    const scope = context.rowScope;
    // The row scope's gates are in the statement (before paging); the same rules, per row, as every resolver applies them.
    const rows = (await lateReleases(context.db, scope, context.caller.principal.area, today, position, pageSize + 1)).filter((row) =>
      mappaSubjectInScope(row.case, scope),
    );
    const page = rows.slice(0, pageSize);
    // The page's late referrals in one statement.
    const late = new Map(
      (
        await referralsByIds(
          context.db,
          page.flatMap((row) => (row.lateReferralId ? [row.lateReferralId] : [])),
        )
      ).map((referral) => [referral.referralId, referral]),
    );
    for (const row of page) context.loaders.mappaCase.prime(row.case.pncId, row.case);
    const edges = page.map((row) => {
      const lateReferral = row.lateReferralId ? late.get(row.lateReferralId) : undefined;
      return {
        cursor: encodeCursor(`${row.releaseDate}_${row.case.pncId}`),
        node: {
          subject: { pncId: row.case.pncId },
          caseId: row.case.caseId,
          releaseDate: row.releaseDate,
          referralDueDate: row.dueDate,
          daysLate: Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.dueDate}T00:00:00Z`)) / 86_400_000),
          lateReferral: lateReferral ? toReferral(lateReferral, today) : null,
        },
      };
    });
    return { edges, pageInfo: { hasNextPage: rows.length > pageSize, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

// A `releasesNeedingReferral` cursor: the release date and PNC ID of the last row seen.
const cursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}_\d{4}\/\d{7}[A-Z]$/, 'after is not a cursor from this list')
  .transform((key) => ({ releaseDate: key.slice(0, 10), pncId: key.slice(11) }));

/**
 * Applies an accepted screening to the person's MAPPA case: changes the ACTIVE one (category, level,
 * lead agency; one history row each, SCREENING_DECISION with the referral's id as reference) or,
 * when none is active, opens one in the referral's area. Returns the case id and the audit changes.
 */
async function applyAcceptance(
  context: MappaContext,
  tx: Database,
  referral: ReferralRow,
  values: ScreenReferralValues,
  today: string,
): Promise<{ caseId: string; changes: AuditedChange[] }> {
  const decision = { category: values.category!, level: values.level!, leadAgency: values.leadAgency as MappaLeadAgency };
  const history = (caseId: string, sequence: number, change: CaseChange) => ({
    caseId,
    sequence,
    field: change.field,
    valueBefore: change.before,
    valueAfter: change.after,
    changedDate: today,
    changedByStaffId: context.caller.principal.staffId,
    decisionKind: MappaDecisionKind.SCREENING_DECISION,
    decisionReference: referral.referralId,
    reason: values.reasons,
  });
  const current = await activeCaseForUpdate(tx, referral.pncId);
  if (current && !mappaSubjectInScope(current, context.rowScope)) {
    // The person is managed where this co-ordinator may not change the case (another area, or behind
    // the counter-terrorism gate). Said without saying which, and changing nothing.
    throw new BadUserInputError('This referral cannot be accepted by you; ask the MAPPA unit that manages the person.', [
      { path: 'input.referralId', message: 'cannot be accepted here' },
    ]);
  }
  if (current) {
    const changes = changesOf(current, decision);
    const updated = await updateCase(tx, current.caseId, {
      category: decision.category,
      level: decision.level,
      leadAgency: decision.leadAgency,
      nextReviewDate: nextReviewAfterChange(current.nextReviewDate, decision.level, today),
      // Principle 7: a category 4 person is behind the counter-terrorism gate from now on.
      counterTerrorismRestricted: current.counterTerrorismRestricted || decision.category === 4,
      subjectDateOfBirth: current.subjectDateOfBirth ?? referral.subjectDateOfBirth,
    });
    if (!updated) throw new Error('update returned no row');
    const inserted = [];
    let sequence = await lastHistorySequence(tx, current.caseId);
    for (const change of changes) {
      sequence += 1;
      const [row] = await insertHistoryLines(tx, [history(current.caseId, sequence, change)]);
      if (!row) throw new Error('insert returned no row');
      inserted.push(row);
    }
    return {
      caseId: current.caseId,
      changes: [
        ...changedFields(`MappaCase:${current.caseId}`, current, updated, CASE_FIELDS),
        ...inserted.flatMap((row) => changedFields(`MappaCaseChange:${row.caseId}/${row.sequence}`, null, row, HISTORY_FIELDS)),
      ],
    };
  }
  const caseId = await nextCaseId(tx);
  const opened = await insertCase(tx, {
    caseId,
    pncId: referral.pncId,
    ...decision,
    area: referral.area,
    startDate: today,
    nextReviewDate: addDays(today, REVIEW_PERIOD_DAYS[decision.level]!),
    status: MappaCaseStatus.ACTIVE,
    counterTerrorismRestricted: decision.category === 4,
    subjectDateOfBirth: referral.subjectDateOfBirth,
    custodyReleaseDate: referral.inCustody ? referral.expectedReleaseDate : null,
  });
  // The opening, as every case records it: status from nothing to ACTIVE.
  const [openingRow] = await insertHistoryLines(tx, [
    history(caseId, 1, { field: MappaCaseChangeField.STATUS, before: null, after: MappaCaseStatus.ACTIVE }),
  ]);
  if (!opened || !openingRow) throw new Error('insert returned no row');
  return {
    caseId,
    changes: [
      ...changedFields(`MappaCase:${caseId}`, null, opened, CASE_FIELDS),
      ...changedFields(`MappaCaseChange:${caseId}/1`, null, openingRow, HISTORY_FIELDS),
    ],
  };
}
