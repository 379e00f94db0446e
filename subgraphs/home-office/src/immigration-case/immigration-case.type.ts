import { Field, Int, ObjectType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { homeOfficePolicies } from '../home-office.policies';

@ObjectType({
  description:
    "The Home Office's immigration case about a foreign national offender, opened on the prison's notification (C.70). The MAPPA nominal flag says the person is a MAPPA offender, not their risk or level (seed 000 §7). Owner: home-office.",
})
export class HomeOfficeImmigrationCase {
  pncId!: string;

  @Access(homeOfficePolicies.immigrationCase)
  @Field(() => String, { description: 'Home Office case reference, `HO-NNNNNNNN`.' })
  homeOfficeReference!: string;

  @Access(homeOfficePolicies.immigrationCase)
  @Field(() => String, { description: 'Nationality as the Home Office records it.' })
  nationality!: string;

  @Access(homeOfficePolicies.immigrationCase)
  @Field(() => Boolean, { description: "Whether the prison's notification flagged the person as a MAPPA nominal (C.70, seed 000 §7)." })
  mappaNominal!: boolean;

  @Access(homeOfficePolicies.immigrationCase)
  @Field(() => Int, { nullable: true, description: 'MAPPA category the notification gave (1, 2, 3 or 4); null when not a nominal.' })
  mappaCategory!: number | null;

  @Access(homeOfficePolicies.immigrationCase)
  @Field(() => LocalDate, { description: "Date the prison's notification reached the Home Office (within 5 days of sentencing, C.70)." })
  notificationReceivedDate!: string;

  @Access(homeOfficePolicies.homeOfficeStaff)
  // Nullable: a reader granted the case but not its authors gets this field refused without losing the case.
  @Field(() => String, { nullable: true, description: 'Staff id of the Criminal Casework case owner.' })
  caseOwnerStaffId!: string;
}
