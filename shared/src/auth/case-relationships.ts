import { z } from 'zod';
import { pncIdSchema } from '../validation/identifiers';
import type { RecordConditionName } from '../authorization/record-condition';
import type { Caller } from './caller';
import type { PrincipalAgency } from './principal';

/**
 * A relationship between the caller and a person that the Probation Service holds, which another
 * agency's record condition needs (issue 12): the prison's custody and sentence, the police's
 * intelligence summary. Probation owns the fact, so only probation decides it (`myCaseRelationships`);
 * the gateway asks for the caller's own before the operation runs and vouches for the answer in the
 * assertion it signs to the record's owner (`caseRelationshipsOf`), so no subgraph reads another
 * agency's data.
 *
 * - `ALLOCATED_OFFENDER_MANAGER`: the caller is the allocated community offender manager of the
 *   person's probation case (nDelius staff code = the caller's staff id from a probation identity provider).
 * - `VICTIM_LIAISON_OFFICER`: the caller is the victim liaison officer allocated to a victim of the
 *   person in the Victim Contact Scheme.
 * - `VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION`: as above, for a victim who asked to be told about
 *   release (`wantsReleaseInformation`), which is what the scheme's release information is for (C.34).
 */
export const CASE_RELATIONSHIPS = ['ALLOCATED_OFFENDER_MANAGER', 'VICTIM_LIAISON_OFFICER', 'VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION'] as const;

export type CaseRelationship = (typeof CASE_RELATIONSHIPS)[number];

/**
 * The most PNC IDs one relationship carries in an assertion. The assertion travels in an HTTP header
 * (Node's default bound: 16 KiB in all); 300 PNC IDs are about 5 KiB once signed. A caseload beyond it
 * is carried as none (fail closed: the conditions it would open stay shut) with a warning in the log.
 */
export const MAX_CASE_RELATIONSHIP_SUBJECTS = 300;

/** The caller's relationships, each with the PNC IDs of the people it holds for. */
export const caseRelationshipsSchema = z.partialRecord(z.enum(CASE_RELATIONSHIPS), z.array(pncIdSchema).max(MAX_CASE_RELATIONSHIP_SUBJECTS));

export type CaseRelationships = z.infer<typeof caseRelationshipsSchema>;

/** The agency that holds every case relationship: the gateway asks it, and no one else, for the caller's own. */
export const CASE_RELATIONSHIP_HOLDER = 'probation' as const satisfies PrincipalAgency;

/**
 * The agencies whose record conditions decide on case relationships: only their assertions carry
 * them (data minimisation: a caseload is no business of the other agencies).
 */
export const CASE_RELATIONSHIP_READERS: readonly PrincipalAgency[] = ['prison', 'police'];

/**
 * The record conditions decided on a case relationship: when an operation meets a policy whose grant
 * for the caller names one of these, the gateway looks up the caller's relationships first (and only
 * then: every other request pays nothing).
 */
export const CONDITIONS_ON_CASE_RELATIONSHIPS: ReadonlySet<RecordConditionName> = new Set<RecordConditionName>([
  'allocatedOffenderManager',
  'victimLiaisonOfficerOfVictim',
  'victimLiaisonOfficerOfVictimWantingRelease',
  'allocatedOffenderManagerOfTerroristCase',
]);

/**
 * Whether the gateway vouches that the caller stands in `relationship` to the person `pncId`. Deny by
 * default: anything that is not a PNC ID the vouched list names is false.
 */
export function hasCaseRelationship(caller: Caller, relationship: CaseRelationship, pncId: unknown): boolean {
  return typeof pncId === 'string' && (caller.caseRelationships?.[relationship]?.includes(pncId) ?? false);
}
