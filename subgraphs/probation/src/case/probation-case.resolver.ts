import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import { carryFacts } from '../record/probation-record-facts';
import type { ProbationCaseRow } from './probation-case.table';
import { ProbationCase, ProbationOffence, ProbationOffenderManager, ProbationProvider } from './probation-case.type';

/** Unallocated placeholder staff codes end in `U` (nDelius `allocated = !code.endsWith("U")`). */
export function isAllocated(staffCode: string): boolean {
  return !staffCode.endsWith('U');
}

// The case row is flat (as nDelius stores it); these resolvers shape it for the front end without any I/O.
@Resolver(() => ProbationCase)
export class ProbationCaseResolver {
  @Access(probationPolicies.caseSummary)
  @FieldResolver(() => ProbationProvider, { nullable: true, description: 'The probation region (nDelius provider) holding the case.' })
  provider(@Root() row: ProbationCaseRow): ProbationProvider {
    return { code: row.providerCode, description: row.providerDescription };
  }

  @Access(probationPolicies.offenderManagerContact)
  @FieldResolver(() => ProbationOffenderManager, { description: 'The community offender manager and their team.' })
  communityOffenderManager(@Root() row: ProbationCaseRow): ProbationOffenderManager {
    // The offender manager and team carry the case's facts: their fields are granted on the same conditions.
    return carryFacts(row, {
      staffCode: row.managerStaffCode,
      allocated: isAllocated(row.managerStaffCode),
      forenames: row.managerForenames,
      surname: row.managerSurname,
      email: row.managerEmail,
      telephoneNumber: row.managerTelephoneNumber,
      team: carryFacts(row, { code: row.teamCode, description: row.teamDescription, telephoneNumber: row.teamTelephoneNumber }),
    });
  }

  @Access(probationPolicies.caseSummary)
  @FieldResolver(() => ProbationOffence, {
    nullable: true,
    description: 'The main offence of the event under supervision (or last supervised).',
  })
  mainOffence(@Root() row: ProbationCaseRow): ProbationOffence {
    return { code: row.mainOffenceCode, description: row.mainOffenceDescription, convictionDate: row.convictionDate };
  }
}
