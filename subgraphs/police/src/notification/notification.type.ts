import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { policePolicies } from '../police.policies';

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

registerEnumType(NotificationBreachNature, {
  name: 'NotificationBreachNature',
  description: 'Which notification requirement was breached.',
});
registerEnumType(NotificationBreachOutcome, { name: 'NotificationBreachOutcome', description: 'What the police did about a breach.' });

@ObjectType({ description: 'A breach of the sex-offender notification requirements. Owner: police.' })
export class NotificationBreach {
  @Access(policePolicies.notification)
  @Field(() => LocalDate, { description: 'Date of the breach.' })
  breachDate!: string;

  @Access(policePolicies.notification)
  @Field(() => NotificationBreachNature, { description: 'Which requirement was breached.' })
  nature!: NotificationBreachNature;

  @Access(policePolicies.notification)
  @Field(() => NotificationBreachOutcome, { description: 'Outcome of the breach.' })
  outcome!: NotificationBreachOutcome;
}

@ObjectType({
  description:
    'Sex-offender notification requirements (the "register"): category 1 offenders only. Owner: police (public protection unit).',
})
export class SexOffenderNotification {
  @Access(policePolicies.notification)
  @Field(() => LocalDate, { description: 'Date the notification period started.' })
  startDate!: string;

  @Access(policePolicies.notification)
  @Field(() => Int, { nullable: true, description: 'Length of the notification period in years; null when indefinite.' })
  periodYears!: number | null;

  @Access(policePolicies.notification)
  @Field(() => Boolean, { description: 'True when the requirements last indefinitely (subject to review).' })
  indefinite!: boolean;

  @Access(policePolicies.notification)
  @Field(() => LocalDate, { nullable: true, description: 'Date the requirements end; null when indefinite.' })
  expiryDate!: string | null;

  @Access(policePolicies.registeredAddress)
  @Field(() => String, { nullable: true, description: 'Registered address: first line.' })
  registeredAddressLine1!: string;

  @Access(policePolicies.registeredAddress)
  @Field(() => String, { nullable: true, description: 'Registered address: town.' })
  registeredAddressTown!: string;

  @Access(policePolicies.registeredAddress)
  @Field(() => String, { nullable: true, description: 'Registered address: postcode.' })
  registeredAddressPostcode!: string;

  @Access(policePolicies.notification)
  @Field(() => LocalDate, { description: 'Date the registered details were last verified in person.' })
  lastVerifiedDate!: string;

  @Access(policePolicies.registeredAddress)
  @Field(() => Int, { nullable: true, description: 'How often the police visit the home, in weeks; set by the police risk level.' })
  homeVisitFrequencyWeeks!: number;
}
