import { Ctx, Field, ID, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { Access, CASE_RELATIONSHIPS, subjectInScope } from '@mappa/shared';
import type { CaseRelationship } from '@mappa/shared';
import { probationSubjectFacts } from '../offender/offender.scope';
import { probationPolicies } from '../probation.policies';
import type { ProbationContext } from '../probation.context';
import { isAllocated } from './probation-case.resolver';
import { probationCasesManagedBy, probationCasesOfVictimLiaisonOfficer } from './case-relationship.query';
import type { ProbationCaseRow } from './probation-case.table';

// type-graphql registers enums as objects; the shared list is the one definition of the values.
const CaseRelationshipKind = Object.fromEntries(CASE_RELATIONSHIPS.map((relationship) => [relationship, relationship])) as {
  [R in CaseRelationship]: R;
};

registerEnumType(CaseRelationshipKind, {
  name: 'CaseRelationship',
  description:
    'How the caller stands to a person probation holds: ALLOCATED_OFFENDER_MANAGER (their community offender manager), VICTIM_LIAISON_OFFICER (the liaison officer of one of their victims in the Victim Contact Scheme), VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION (the same, for a victim who asked to be told about release).',
});

@ObjectType({ description: "One relationship of the caller's, with the people it holds for. Owner: probation." })
export class CaseRelationshipEntry {
  @Access(probationPolicies.caseRelationships)
  @Field(() => CaseRelationshipKind, { description: 'The relationship.' })
  relationship!: CaseRelationship;

  @Access(probationPolicies.caseRelationships)
  @Field(() => [ID], { description: "PNC IDs of the people the caller stands in this relationship to (within the caller's row scope)." })
  pncIds!: string[];
}

@Resolver()
export class CaseRelationshipResolver {
  @Access(probationPolicies.caseRelationships)
  @Query(() => [CaseRelationshipEntry], {
    description:
      "The caller's own case relationships, which the gateway vouches to the prison and the police for their record conditions (issue 12). Every relationship is listed, with no PNC IDs where the caller holds none. Decided on the caller's staff id as a probation identity provider issued it: the same id from any other provider holds nothing.",
  })
  async myCaseRelationships(@Ctx() context: ProbationContext): Promise<CaseRelationshipEntry[]> {
    const { principal, ownStaffId } = context.rowScope;
    const inScope = (row: ProbationCaseRow) => subjectInScope(probationSubjectFacts(row), context.rowScope);
    const allocated = new Set<string>();
    const victimsOffenders = new Set<string>();
    const releaseInformation = new Set<string>();
    // A placeholder staff code (an unallocated case) is nobody's, even for a caller presenting it.
    if (ownStaffId !== null && isAllocated(ownStaffId) && principal.roles.includes('probation_practitioner')) {
      const cases = await probationCasesManagedBy(context.db, ownStaffId);
      for (const row of cases) if (inScope(row)) allocated.add(row.pncId);
    }
    if (ownStaffId !== null && principal.roles.includes('victim_liaison_officer')) {
      const victims = await probationCasesOfVictimLiaisonOfficer(context.db, ownStaffId);
      for (const { probationCase, wantsReleaseInformation } of victims) {
        if (!inScope(probationCase)) continue;
        victimsOffenders.add(probationCase.pncId);
        if (wantsReleaseInformation) releaseInformation.add(probationCase.pncId);
      }
    }
    return [
      { relationship: 'ALLOCATED_OFFENDER_MANAGER', pncIds: [...allocated].sort() },
      { relationship: 'VICTIM_LIAISON_OFFICER', pncIds: [...victimsOffenders].sort() },
      { relationship: 'VICTIM_LIAISON_OFFICER_RELEASE_INFORMATION', pncIds: [...releaseInformation].sort() },
    ];
  }
}
