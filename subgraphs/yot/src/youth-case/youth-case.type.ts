import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate, MappaArea } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';

export enum YotCaseStatus {
  OPEN = 'OPEN',
  IN_BREACH = 'IN_BREACH',
  TRANSITIONING = 'TRANSITIONING',
  CLOSED = 'CLOSED',
}

registerEnumType(YotCaseStatus, {
  name: 'YotCaseStatus',
  description: "Where a young person's case with the youth offending team stands.",
  valuesConfig: {
    OPEN: { description: 'Open and supervised by the YOT in the normal way.' },
    IN_BREACH: { description: 'Open, with breach action under way for failing to comply with an order.' },
    TRANSITIONING: { description: 'Open, with the transfer to the Probation Service at 18 in progress.' },
    CLOSED: { description: 'Closed: the YOT no longer supervises the young person.' },
  },
});

@ObjectType({
  description:
    "A young person's case with the local authority youth offending team (YOT). Only under-18s are held: at 18 the case transfers to the Probation Service. Owner: yot.",
})
export class YouthCase {
  @Access(yotPolicies.youthCase)
  @Field(() => ID, { description: 'YOT case reference, `YOT-AAA-NNNNNN`, e.g. `YOT-LON-000123`.' })
  yotReference!: string;

  @Access(yotPolicies.youthCase)
  @Field(() => LocalDate, {
    description: 'Date of birth as recorded by the YOT; the case transfers to adult services on the 18th birthday.',
  })
  dateOfBirth!: string;

  @Access(yotPolicies.youthCase)
  @Field(() => MappaArea, { description: 'MAPPA area the local authority lies in.' })
  area!: MappaArea;

  @Access(yotPolicies.youthCase)
  @Field(() => String, {
    description: 'Local authority whose youth offending team holds the case (synthetic council name), e.g. `Kent Council`.',
  })
  localAuthority!: string;

  @Access(yotPolicies.youthCase)
  @Field(() => String, { description: 'Staff id of the allocated YOT case manager, e.g. `YOT12345`.' })
  caseManagerStaffId!: string;

  @Access(yotPolicies.youthCase)
  @Field(() => String, { description: 'Name of the allocated YOT case manager (synthetic).' })
  caseManagerName!: string;

  @Access(yotPolicies.youthCase)
  @Field(() => YotCaseStatus, { description: 'Status of the case.' })
  status!: YotCaseStatus;

  @Access(yotPolicies.youthCase)
  @Field(() => LocalDate, { description: 'Date the YOT opened the case (first contact, usually for a pre-sentence report).' })
  dateOpened!: string;

  @Access(yotPolicies.youthCase)
  @Field(() => Int, {
    description:
      'MAPPA category flag on the YOT case-management system: 1 registered sexual offender, 2 violent or other sexual offender (A.R17).',
  })
  mappaCategory!: number;

  @Access(yotPolicies.youthCase)
  @Field(() => Int, { description: 'MAPPA management level flag on the YOT case-management system: 1, 2 or 3 (A.R17).' })
  mappaLevel!: number;
}
