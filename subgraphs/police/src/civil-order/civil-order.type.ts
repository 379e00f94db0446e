import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '@mappa/shared';

export enum CivilOrderType {
  SHPO = 'SHPO',
  SOPO = 'SOPO',
  SRO = 'SRO',
  NOTIFICATION_ORDER = 'NOTIFICATION_ORDER',
  FOREIGN_TRAVEL_ORDER = 'FOREIGN_TRAVEL_ORDER',
}

registerEnumType(CivilOrderType, {
  name: 'CivilOrderType',
  description:
    'SHPO sexual harm prevention order; SOPO sexual offences prevention order (replaced by SHPO); SRO sexual risk order; NOTIFICATION_ORDER for offences abroad; FOREIGN_TRAVEL_ORDER.',
});

@ObjectType({ description: 'A civil preventive order made by a court on police application. Owner: police.' })
export class CivilOrder {
  @Field(() => CivilOrderType, { description: 'The kind of order.' })
  type!: CivilOrderType;

  @Field(() => String, { description: 'Court that made the order.' })
  court!: string;

  @Field(() => LocalDate, { description: 'Date the order was made.' })
  madeDate!: string;

  @Field(() => LocalDate, { description: 'Date the order took effect.' })
  startDate!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date the order ends; null when until further order.' })
  endDate!: string | null;

  @Field(() => [String], { description: 'Prohibitions and requirements of the order, one per item.' })
  conditions!: string[];
}
