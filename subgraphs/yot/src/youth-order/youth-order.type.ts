import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';

export enum YouthOrderType {
  REFERRAL_ORDER = 'REFERRAL_ORDER',
  YOUTH_REHABILITATION_ORDER = 'YOUTH_REHABILITATION_ORDER',
  DETENTION_AND_TRAINING_ORDER = 'DETENTION_AND_TRAINING_ORDER',
}

export enum YouthOrderStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  REVOKED = 'REVOKED',
}

export enum YouthRehabilitationRequirement {
  SUPERVISION = 'SUPERVISION',
  ACTIVITY = 'ACTIVITY',
  CURFEW = 'CURFEW',
  EXCLUSION = 'EXCLUSION',
  PROHIBITED_ACTIVITY = 'PROHIBITED_ACTIVITY',
  PROGRAMME = 'PROGRAMME',
  UNPAID_WORK = 'UNPAID_WORK',
  ATTENDANCE_CENTRE = 'ATTENDANCE_CENTRE',
  EDUCATION = 'EDUCATION',
  RESIDENCE = 'RESIDENCE',
  LOCAL_AUTHORITY_RESIDENCE = 'LOCAL_AUTHORITY_RESIDENCE',
  MENTAL_HEALTH_TREATMENT = 'MENTAL_HEALTH_TREATMENT',
  DRUG_TREATMENT = 'DRUG_TREATMENT',
  ELECTRONIC_MONITORING = 'ELECTRONIC_MONITORING',
  INTENSIVE_SUPERVISION_AND_SURVEILLANCE = 'INTENSIVE_SUPERVISION_AND_SURVEILLANCE',
}

registerEnumType(YouthOrderType, {
  name: 'YouthOrderType',
  description: 'The kind of youth court order.',
  valuesConfig: {
    REFERRAL_ORDER: { description: 'Referral order: a contract agreed with a youth offender panel, 3 to 12 months.' },
    YOUTH_REHABILITATION_ORDER: { description: 'Youth rehabilitation order (YRO): a community order with requirements, up to 3 years.' },
    DETENTION_AND_TRAINING_ORDER: {
      description: 'Detention and training order (DTO): 4 to 24 months, half in custody and half supervised by the YOT in the community.',
    },
  },
});

registerEnumType(YouthOrderStatus, {
  name: 'YouthOrderStatus',
  description: 'Whether an order is in force (ACTIVE), ran its course (COMPLETED) or was revoked by the court (REVOKED).',
});

registerEnumType(YouthRehabilitationRequirement, {
  name: 'YouthRehabilitationRequirement',
  description: 'A requirement of a youth rehabilitation order (Sentencing Act 2020, Schedule 6).',
  valuesConfig: {
    UNPAID_WORK: { description: 'Unpaid work: only for young people aged 16 or 17 when sentenced.' },
    LOCAL_AUTHORITY_RESIDENCE: { description: 'To live in accommodation provided by the local authority.' },
    ELECTRONIC_MONITORING: { description: 'Electronic monitoring (a tag) of another requirement such as a curfew.' },
    INTENSIVE_SUPERVISION_AND_SURVEILLANCE: {
      description: 'Intensive supervision and surveillance (ISS): the most intensive community option.',
    },
  },
});

@ObjectType({ description: 'A youth court order the YOT supervises. Owner: yot.' })
export class YouthOrder {
  @Access(yotPolicies.youthOrders)
  @Field(() => YouthOrderType, { description: 'The kind of order.' })
  type!: YouthOrderType;

  @Access(yotPolicies.youthOrders)
  @Field(() => YouthOrderStatus, { description: 'Whether the order is in force.' })
  status!: YouthOrderStatus;

  @Access(yotPolicies.youthOrders)
  @Field(() => String, { description: 'Court that made the order, e.g. `Ashbury Youth Court`.' })
  court!: string;

  @Access(yotPolicies.youthOrders)
  @Field(() => LocalDate, { description: 'Date the court made the order (the sentence date).' })
  madeDate!: string;

  @Access(yotPolicies.youthOrders)
  @Field(() => LocalDate, { description: 'Date the order took effect.' })
  startDate!: string;

  @Access(yotPolicies.youthOrders)
  @Field(() => LocalDate, { description: 'Date the order ends (for a DTO, the end of the community part).' })
  endDate!: string;

  @Access(yotPolicies.youthOrders)
  @Field(() => Int, { description: 'Length of the order in months (for a DTO, custodial and community parts together).' })
  lengthMonths!: number;

  @Access(yotPolicies.youthOrders)
  @Field(() => [YouthRehabilitationRequirement], { description: 'Requirements of a youth rehabilitation order; empty for other orders.' })
  requirements!: YouthRehabilitationRequirement[];

  @Access(yotPolicies.youthOrders)
  @Field(() => LocalDate, { nullable: true, description: 'DTO only: first day of the custodial part; null for other orders.' })
  custodialStartDate!: string | null;

  @Access(yotPolicies.youthOrders)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'DTO only: date the custodial part ended or ends (the release date, normally the halfway point); null for other orders.',
  })
  custodialEndDate!: string | null;

  @Access(yotPolicies.youthOrders)
  @Field(() => String, {
    nullable: true,
    description: 'DTO only: youth secure establishment that held the young person (synthetic name); null for other orders.',
  })
  custodialEstablishment!: string | null;

  @Access(yotPolicies.youthOrders)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'DTO only: first day of the community (supervision) part, the release date; null for other orders.',
  })
  communityStartDate!: string | null;

  @Access(yotPolicies.youthOrders)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'DTO only: last day of the community part, the end of the order; null for other orders.',
  })
  communityEndDate!: string | null;
}
