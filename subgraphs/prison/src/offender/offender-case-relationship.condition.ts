import { hasCaseRelationship } from '@mappa/shared';
import type { CaseRelationship, RecordConditions, RecordPredicate } from '@mappa/shared';

/**
 * A predicate that holds for a record about a person the caller stands in `relationship` to, as the
 * gateway vouches probation's answer. Every record the prison serves about a person carries the
 * person's PNC ID (the prisoner row itself, `ofSubject` for the rest, the Offender for an empty
 * list); anything else is decided false (deny by default).
 */
function standsInRelationship(relationship: CaseRelationship): RecordPredicate {
  return (record, caller) =>
    typeof record === 'object' && record !== null && hasCaseRelationship(caller, relationship, (record as { pncId?: unknown }).pncId);
}

/**
 * The prison's record conditions decided on probation's relationship facts (issue 12; the rest are in
 * offender-record.conditions.ts): A.R15, B.59 and B.48 for the allocated
 * community offender manager, B.57, C.14 and C.34 for the victim liaison officer of the person's victims.
 */
export const PRISON_RELATIONSHIP_CONDITIONS: RecordConditions = {
  allocatedOffenderManager: standsInRelationship('ALLOCATED_OFFENDER_MANAGER'),
  victimLiaisonOfficerOfVictim: standsInRelationship('VICTIM_LIAISON_OFFICER'),
  victimLiaisonOfficerOfVictimWantingRelease: standsInRelationship('VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION'),
};
