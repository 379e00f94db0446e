import { z } from 'zod';
import { pncIdSchema } from '../validation/identifiers';
import type { RecordConditionName } from '../authorization/record-condition';
import type { AgencySubgraphName } from '../federation/agency-registry';
import type { Caller } from './caller';
import type { PrincipalAgency } from './principal';

/**
 * A relationship between the caller and a person that the caller's own agency holds, which another
 * agency's record condition needs (issue 12): the prison's custody and sentence, the police's ViSOR
 * nominal and intelligence summary. The agency that holds the fact alone decides it (`HOLDER_OF`: each
 * answers only for its own staff, in its own `my…Relationships` query); the gateway asks the caller's
 * agency for the caller's own before the operation runs and vouches for the answer in the assertion it
 * signs to the record's owner (`caseRelationshipsOf`), so no subgraph reads another agency's data.
 *
 * Probation's (nDelius: staff code = the caller's staff id from a probation identity provider):
 * - `ALLOCATED_OFFENDER_MANAGER`: the caller is the allocated community offender manager of the
 *   person's probation case.
 * - `VICTIM_LIAISON_OFFICER`: the caller is the victim liaison officer allocated to a victim of the
 *   person in the Victim Contact Scheme.
 * - `VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION`: as above, for a victim who asked to be told about
 *   release (`wantsReleaseInformation`), which is what the scheme's release information is for (C.34).
 * The youth offending team's:
 * - `YOT_CASE_MANAGER`: the caller is the case manager of the person's youth justice case (C.63).
 * The prison's:
 * - `HELD_IN_CUSTODY`: the person is in custody now (NOMIS IN), where the caller's prison row scope
 *   reaches: at the establishment the caller's token names, else of the caller's area (A.R5: the
 *   prison is a ViSOR partner while the person is in custody).
 */
export const CASE_RELATIONSHIPS = [
  'ALLOCATED_OFFENDER_MANAGER',
  'VICTIM_LIAISON_OFFICER',
  'VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION',
  'YOT_CASE_MANAGER',
  'HELD_IN_CUSTODY',
] as const;

export type CaseRelationship = (typeof CASE_RELATIONSHIPS)[number];

/** The agencies that hold case relationships, each for its own staff. */
export const CASE_RELATIONSHIP_HOLDERS = ['probation', 'yot', 'prison'] as const satisfies readonly PrincipalAgency[];

export type CaseRelationshipHolder = (typeof CASE_RELATIONSHIP_HOLDERS)[number];

/** Who holds each relationship: the gateway takes a relationship only from its holder. */
export const HOLDER_OF: Readonly<Record<CaseRelationship, CaseRelationshipHolder>> = {
  ALLOCATED_OFFENDER_MANAGER: 'probation',
  VICTIM_LIAISON_OFFICER: 'probation',
  VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION: 'probation',
  YOT_CASE_MANAGER: 'yot',
  HELD_IN_CUSTODY: 'prison',
};

/** The agency the gateway asks for a caller's relationships: the caller's own, when it holds any; else none (nobody else can hold one for them). */
export function relationshipHolderFor(agency: PrincipalAgency): CaseRelationshipHolder | null {
  return CASE_RELATIONSHIP_HOLDERS.find((holder) => holder === agency) ?? null;
}

/**
 * The most PNC IDs one relationship carries in an assertion. The assertion travels in an HTTP header
 * (Node's default bound: 16 KiB in all); 300 PNC IDs are about 5 KiB once signed. A caseload beyond it
 * is carried as none (fail closed: the conditions it would open stay shut) with a warning in the log.
 */
export const MAX_CASE_RELATIONSHIP_SUBJECTS = 300;

/** The caller's relationships, each with the PNC IDs of the people it holds for. */
export const caseRelationshipsSchema = z.partialRecord(
  z.enum(CASE_RELATIONSHIPS),
  z.array(pncIdSchema).max(MAX_CASE_RELATIONSHIP_SUBJECTS),
);

export type CaseRelationships = z.infer<typeof caseRelationshipsSchema>;

/**
 * The agencies whose record conditions decide on case relationships: only their assertions carry
 * them (data minimisation: a caseload is no business of the other agencies).
 */
export const CASE_RELATIONSHIP_READERS: readonly AgencySubgraphName[] = ['prison', 'police', 'home-office'];

/**
 * The record conditions decided on a case relationship, each with the agencies of the callers whose
 * relationships decide it: when an operation meets a policy whose grant for the caller names one of
 * these, and the caller is of such an agency, the gateway looks up the caller's relationships first
 * (and only then: every other request pays nothing, a probation partner reading a ViSOR nominal included).
 */
export const CONDITIONS_ON_CASE_RELATIONSHIPS: ReadonlyMap<RecordConditionName, readonly CaseRelationshipHolder[]> = new Map<
  RecordConditionName,
  readonly CaseRelationshipHolder[]
>([
  ['allocatedOffenderManager', ['probation']],
  ['victimLiaisonOfficerOfVictim', ['probation']],
  ['victimLiaisonOfficerOfVictimWantingRelease', ['probation']],
  ['allocatedOffenderManagerOfTerroristCase', ['probation']],
  ['yotCaseManagerOfTerroristCase', ['yot']],
  ['visorPartnerAgency', ['prison']],
]);

/** Whether `condition`, for a caller of `agency`, is decided on the caller's case relationships. */
export function conditionNeedsCaseRelationships(condition: RecordConditionName, agency: PrincipalAgency): boolean {
  return CONDITIONS_ON_CASE_RELATIONSHIPS.get(condition)?.some((holder) => holder === agency) ?? false;
}

/**
 * Whether the gateway vouches that the caller stands in `relationship` to the person `pncId`. Deny by
 * default: anything that is not a PNC ID the vouched list names is false.
 */
export function hasCaseRelationship(caller: Caller, relationship: CaseRelationship, pncId: unknown): boolean {
  return typeof pncId === 'string' && (caller.caseRelationships?.[relationship]?.includes(pncId) ?? false);
}
