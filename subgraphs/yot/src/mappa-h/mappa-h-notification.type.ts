import { Field, Int, ObjectType } from 'type-graphql';
import { Access, LocalDate, MappaArea } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';

@ObjectType({
  description:
    'The MAPPA H notification: the YOT telling the MAPPA Co-ordinator about a MAPPA-eligible young person. It is the only YOT content the co-ordinator may see (A.R10), so it is a record of its own, not a view of the case. Owner: yot.',
})
export class YotMappaHNotification {
  @Access(yotPolicies.mappaH)
  @Field(() => LocalDate, { description: 'Date the YOT sent the MAPPA H form to the MAPPA Co-ordinator.' })
  notifiedDate!: string;

  @Access(yotPolicies.mappaH)
  @Field(() => MappaArea, { description: 'MAPPA area of the co-ordinator notified: where the young person lives.' })
  coordinatorArea!: MappaArea;

  @Access(yotPolicies.mappaH)
  @Field(() => Int, { description: 'MAPPA category notified: 1 registered sexual offender or 2 violent or other sexual offender.' })
  category!: number;

  @Access(yotPolicies.mappaH)
  @Field(() => Int, { description: 'MAPPA management level the YOT asked for: 1, 2 or 3.' })
  levelSought!: number;

  @Access(yotPolicies.mappaH)
  @Field(() => String, { description: 'Why the YOT notified and sought that level, as written on the form (synthetic text).' })
  reason!: string;

  @Access(yotPolicies.mappaH)
  @Field(() => String, { description: 'Staff id of the YOT case manager who sent the notification.' })
  notifiedByStaffId!: string;
}
