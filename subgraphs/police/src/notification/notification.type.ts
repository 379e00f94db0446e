import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '@mappa/shared';

export enum NotificationBreachNature {
  FAILED_TO_NOTIFY_ADDRESS = 'FAILED_TO_NOTIFY_ADDRESS',
  FAILED_TO_NOTIFY_TRAVEL = 'FAILED_TO_NOTIFY_TRAVEL',
  FAILED_ANNUAL_VERIFICATION = 'FAILED_ANNUAL_VERIFICATION',
  FALSE_INFORMATION = 'FALSE_INFORMATION',
}

export enum NotificationBreachOutcome {
  CAUTIONED = 'CAUTIONED',
  CHARGED = 'CHARGED',
  CONVICTED = 'CONVICTED',
  NO_FURTHER_ACTION = 'NO_FURTHER_ACTION',
  PENDING = 'PENDING',
}

registerEnumType(NotificationBreachNature, { name: 'NotificationBreachNature', description: 'Which notification requirement was breached.' });
registerEnumType(NotificationBreachOutcome, { name: 'NotificationBreachOutcome', description: 'What the police did about a breach.' });

@ObjectType({ description: 'A breach of the sex-offender notification requirements. Owner: police.' })
export class NotificationBreach {
  @Field(() => LocalDate, { description: 'Date of the breach.' })
  breachDate!: string;

  @Field(() => NotificationBreachNature, { description: 'Which requirement was breached.' })
  nature!: NotificationBreachNature;

  @Field(() => NotificationBreachOutcome, { description: 'Outcome of the breach.' })
  outcome!: NotificationBreachOutcome;
}

@ObjectType({
  description:
    'Sex-offender notification requirements (the "register"): category 1 offenders only. Owner: police (public protection unit).',
})
export class SexOffenderNotification {
  @Field(() => LocalDate, { description: 'Date the notification period started.' })
  startDate!: string;

  @Field(() => Int, { nullable: true, description: 'Length of the notification period in years; null when indefinite.' })
  periodYears!: number | null;

  @Field(() => Boolean, { description: 'True when the requirements last indefinitely (subject to review).' })
  indefinite!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Date the requirements end; null when indefinite.' })
  expiryDate!: string | null;

  @Field(() => String, { description: 'Registered address: first line.' })
  registeredAddressLine1!: string;

  @Field(() => String, { description: 'Registered address: town.' })
  registeredAddressTown!: string;

  @Field(() => String, { description: 'Registered address: postcode.' })
  registeredAddressPostcode!: string;

  @Field(() => LocalDate, { description: 'Date the registered details were last verified in person.' })
  lastVerifiedDate!: string;

  @Field(() => Int, { description: 'How often the police visit the home, in weeks; set by the police risk level.' })
  homeVisitFrequencyWeeks!: number;
}
