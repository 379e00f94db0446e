import { Ctx, Field, ID, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { Access, subjectInScope } from '@mappa/shared';
import { yotSubjectFacts } from '../offender/offender.scope';
import type { YotContext } from '../yot.context';
import { yotPolicies } from '../yot.policies';
import { youthCasesManagedBy } from './youth-case-relationship.query';

/** The relationships the YOT holds (the shared `CASE_RELATIONSHIPS` it answers for, `HOLDER_OF`). */
export enum YouthCaseRelationshipKind {
  YOT_CASE_MANAGER = 'YOT_CASE_MANAGER',
}

registerEnumType(YouthCaseRelationshipKind, {
  name: 'YouthCaseRelationship',
  description: 'How the caller stands to a young person the YOT holds: YOT_CASE_MANAGER (the case manager of their youth justice case).',
});

@ObjectType({ description: "One relationship of the caller's, with the young people it holds for. Owner: yot." })
export class YouthCaseRelationshipEntry {
  @Access(yotPolicies.caseRelationships)
  @Field(() => YouthCaseRelationshipKind, { description: 'The relationship.' })
  relationship!: YouthCaseRelationshipKind;

  @Access(yotPolicies.caseRelationships)
  @Field(() => [ID], {
    description: "PNC IDs of the young people the caller stands in this relationship to (within the caller's row scope).",
  })
  pncIds!: string[];
}

@Resolver()
export class YouthCaseRelationshipResolver {
  @Access(yotPolicies.caseRelationships)
  @Query(() => [YouthCaseRelationshipEntry], {
    description:
      "The caller's own case relationships, which the gateway vouches to the police for their record conditions (issue 12, C.63): the young people whose case the caller manages. Decided on the caller's staff id as a YOT identity provider issued it: the same id from any other provider holds nothing.",
  })
  async myYouthCaseRelationships(@Ctx() context: YotContext): Promise<YouthCaseRelationshipEntry[]> {
    const { principal, ownStaffId } = context.rowScope;
    const managed = new Set<string>();
    if (ownStaffId !== null && principal.roles.includes('yot_case_manager')) {
      const cases = await youthCasesManagedBy(context.db, ownStaffId);
      // A closed case is no one's to manage.
      for (const row of cases)
        if (row.status !== 'CLOSED' && subjectInScope(yotSubjectFacts(row), context.rowScope)) managed.add(row.pncId);
    }
    return [{ relationship: YouthCaseRelationshipKind.YOT_CASE_MANAGER, pncIds: [...managed].sort() }];
  }
}
