import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { policePolicies } from '../police.policies';

export enum PoliceCivilOrderType {
  SHPO = 'SHPO',
  SOPO = 'SOPO',
  SRO = 'SRO',
  NOTIFICATION_ORDER = 'NOTIFICATION_ORDER',
  FOREIGN_TRAVEL_ORDER = 'FOREIGN_TRAVEL_ORDER',
}

registerEnumType(PoliceCivilOrderType, {
  name: 'PoliceCivilOrderType',
  description:
    'SHPO sexual harm prevention order; SOPO sexual offences prevention order (replaced by SHPO); SRO sexual risk order; NOTIFICATION_ORDER for offences abroad; FOREIGN_TRAVEL_ORDER.',
});

@ObjectType({ description: 'A civil preventive order made by a court on police application. Owner: police.' })
export class PoliceCivilOrder {
  @Access(policePolicies.civilOrders)
  @Field(() => PoliceCivilOrderType, { description: 'The kind of order.' })
  type!: PoliceCivilOrderType;

  @Access(policePolicies.civilOrders)
  @Field(() => String, { description: 'Court that made the order.' })
  court!: string;

  @Access(policePolicies.civilOrders)
  @Field(() => LocalDate, { description: 'Date the order was made.' })
  madeDate!: string;

  @Access(policePolicies.civilOrders)
  @Field(() => LocalDate, { description: 'Date the order took effect.' })
  startDate!: string;

  @Access(policePolicies.civilOrders)
  @Field(() => LocalDate, { nullable: true, description: 'Date the order ends; null when until further order.' })
  endDate!: string | null;

  @Access(policePolicies.civilOrderConditions)
  @Field(() => [String], { nullable: true, description: 'Prohibitions and requirements of the order, one per item.' })
  conditions!: string[];
}
