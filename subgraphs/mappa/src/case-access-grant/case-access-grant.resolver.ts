import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, changedFields, NotFoundError, parseInput, pncIdSchema, calendarDateOf } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import { jobcentreMayKnowCase, mappaSubjectInScope } from '../offender/offender.scope';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { grantCaseAccessInputSchema, grantIdSchema, revocationReasonSchema } from './case-access-grant.input';
import { grantById, grantsForSubject, insertGrant, liveGrantsOf, revokeGrant } from './case-access-grant.query';
import type { CaseAccessGrantRow } from './case-access-grant.table';
import { CaseAccessGrant, GrantCaseAccessInput, LiveCaseGrant } from './case-access-grant.type';

// One message for "no such subject" and "not yours to know", and one for grants, so an answer
// never tells a subject outside the co-ordinator's scope from an unknown one (principle 9).
const UNKNOWN_SUBJECT = 'No MAPPA case in your area holds this PNC ID.';
const UNKNOWN_GRANT = 'No case access grant with this id in your area.';

/**
 * Whether the co-ordinator may know the subject: the MAPPA unit holds a case for them in the
 * co-ordinator's row scope (the case's area, which a transfer moves; principle 7 for a
 * counter-terrorism restricted subject; co-ordinators hold no grants). Returns the case, or null.
 */
async function caseInCoordinatorScope(context: MappaContext, pncId: string) {
  const mappaCase = await context.loaders.mappaCase.load(pncId);
  if (!mappaCase || !mappaSubjectInScope(mappaCase, context.rowScope)) return null;
  return mappaCase;
}

// What the audit proves of a grant: every field it was made with, and what revoking it sets.
const GRANT_FIELDS = [
  'granteeStaffId',
  'granteeIssuer',
  'granteeAgency',
  'granteeRole',
  'granteeAreas',
  'pncId',
  'purpose',
  'caseId',
  'validFrom',
  'validUntil',
  'reason',
  'createdByStaffId',
  'createdAt',
] as const satisfies readonly (keyof CaseAccessGrantRow)[];
const REVOCATION_FIELDS = ['revokedAt', 'revokedByStaffId', 'revocationReason'] as const satisfies readonly (keyof CaseAccessGrantRow)[];

function toGrant(row: CaseAccessGrantRow): CaseAccessGrant {
  return { ...row, purpose: row.purpose as CaseAccessGrant['purpose'] };
}

@Resolver(() => CaseAccessGrant)
export class CaseAccessGrantResolver {
  @Access(mappaPolicies.caseGrantAdministration)
  @Mutation(() => CaseAccessGrant, {
    nullable: true,
    description:
      'Grants a person (a staff id, preferred) or the holders of a role in an agency in the areas named (`granteeAreas`) access to one subject for one MAPPA purpose until `validUntil` (at most 90 days ahead). The MAPPA co-ordinator only, for a subject with an active MAPPA case in their area; any other subject is NOT_FOUND, exactly as an unknown PNC ID. Invalid input is BAD_USER_INPUT with every issue.',
  })
  async grantCaseAccess(
    @Arg('input', () => GrantCaseAccessInput, { description: 'Who, which subject, for which purpose, until when, and why.' })
    input: GrantCaseAccessInput,
    @Ctx() context: MappaContext,
  ): Promise<CaseAccessGrant> {
    const now = context.now;
    // Input first: its errors depend on the input alone, never on whether the subject exists.
    const values = parseInput(grantCaseAccessInputSchema(now), input, 'input');
    const mappaCase = await caseInCoordinatorScope(context, values.pncId);
    if (!mappaCase) throw new NotFoundError(UNKNOWN_SUBJECT);
    // The co-ordinator knows the case is closed (they may read it), so saying so reveals nothing.
    if (mappaCase.status !== MappaCaseStatus.ACTIVE)
      throw new BadUserInputError("The subject's MAPPA case is closed; grants are for active cases.", [
        { path: 'input.pncId', message: 'MAPPA case is closed' },
      ]);
    // A.R38, C.72: the Home Office is granted foreign national offenders only (row scope hides the others from it whatever the grant).
    if (values.granteeAgency === 'home_office' && !mappaCase.foreignNational) {
      throw new BadUserInputError('The Home Office is granted access only to a foreign national offender (A.R38, C.72).', [
        { path: 'input.granteeAgency', message: 'the subject is not recorded as a foreign national offender' },
      ]);
    }
    // A.R31, A.R32: Jobcentre Plus is granted adults only (its standing at a meeting about anyone else is never vouched).
    if (values.granteeAgency === 'jobcentre_plus' && !jobcentreMayKnowCase(mappaCase, calendarDateOf(now))) {
      throw new BadUserInputError('Jobcentre Plus is granted access only to someone 18 or over (A.R31).', [
        { path: 'input.granteeAgency', message: 'the subject is not recorded as 18 or over' },
      ]);
    }
    // The grant and the evidence of it commit together, or neither does.
    const row = await context.db.transaction(async (tx) => {
      const inserted = await insertGrant(tx, values, context.caller.principal.staffId, now);
      await context.audit.recordChanges(
        tx,
        [inserted.pncId],
        changedFields(`CaseAccessGrant:${inserted.grantId}`, null, inserted, GRANT_FIELDS),
      );
      return inserted;
    });
    context.log.info({ grantId: row.grantId, purpose: row.purpose }, 'case access granted');
    return toGrant(row);
  }

  @Access(mappaPolicies.caseGrantAdministration)
  @Mutation(() => CaseAccessGrant, {
    nullable: true,
    description:
      'Revokes a case access grant: it stops applying from the next request. The grant is kept, with who revoked it, when and why. The MAPPA co-ordinator only, for a subject in their area; any other grant is NOT_FOUND, exactly as an unknown id. Revoking a grant twice is BAD_USER_INPUT.',
  })
  async revokeCaseAccess(
    @Arg('grantId', () => ID, { description: 'The grant to revoke.' }) grantId: string,
    @Arg('reason', () => String, { description: 'Why the grant is revoked (1-500 characters).' }) reason: string,
    @Ctx() context: MappaContext,
  ): Promise<CaseAccessGrant> {
    const validId = parseInput(grantIdSchema, grantId, 'grantId');
    const validReason = parseInput(revocationReasonSchema, reason, 'reason');
    const grant = await grantById(context.db, validId);
    if (!grant || !(await caseInCoordinatorScope(context, grant.pncId))) throw new NotFoundError(UNKNOWN_GRANT);
    const revoked = await context.db.transaction(async (tx) => {
      const after = await revokeGrant(tx, validId, context.caller.principal.staffId, validReason, new Date());
      if (after)
        await context.audit.recordChanges(
          tx,
          [after.pncId],
          changedFields(`CaseAccessGrant:${after.grantId}`, grant, after, REVOCATION_FIELDS),
        );
      return after;
    });
    if (!revoked)
      throw new BadUserInputError('This case access grant is revoked already.', [{ path: 'grantId', message: 'grant is revoked already' }]);
    context.log.info({ grantId: revoked.grantId }, 'case access revoked');
    return toGrant(revoked);
  }

  @Access(mappaPolicies.caseGrantAdministration)
  @Query(() => [CaseAccessGrant], {
    nullable: true,
    description:
      'Every case access grant made for a subject, newest first, revoked and expired ones included. The MAPPA co-ordinator only, for a subject in their area; any other subject is NOT_FOUND, exactly as an unknown PNC ID.',
  })
  async caseAccessGrants(
    @Arg('pncId', () => ID, { description: 'PNC ID of the subject, e.g. `2008/0545166T`.' }) pncId: string,
    @Ctx() context: MappaContext,
  ): Promise<CaseAccessGrant[]> {
    const validPncId = parseInput(pncIdSchema, pncId, 'pncId');
    if (!(await caseInCoordinatorScope(context, validPncId))) throw new NotFoundError(UNKNOWN_SUBJECT);
    return (await grantsForSubject(context.db, validPncId)).map(toGrant);
  }

  @Access(mappaPolicies.ownCaseGrants)
  @Query(() => [LiveCaseGrant], {
    nullable: true,
    description:
      "The caller's own live case access grants that cover the declared purpose (and meeting or decision id): by staff id, or by agency and role. The gateway asks for these before any other agency, and vouches for them to every agency.",
  })
  async myCaseAccessGrants(@Ctx() context: MappaContext): Promise<LiveCaseGrant[]> {
    // A grant never reveals what row scope hides (principle 9): a grant for a subject the holder may
    // not know even with it (counter-terrorism restricted for an uncleared holder, principle 7; under
    // 18 under a meeting or disclosure decision, R-5) is left out in the statement itself, so the list
    // about such a subject is the list with no grant for it.
    const rows = await liveGrantsOf(context.db, context.caller, context.rowScope, new Date());
    return rows.map((row) => ({
      grantId: row.grantId,
      pncId: row.pncId,
      purpose: row.purpose as LiveCaseGrant['purpose'],
      caseId: row.caseId,
      validUntil: row.validUntil,
    }));
  }
}
