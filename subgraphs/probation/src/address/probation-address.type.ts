import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';

export enum ProbationAddressType {
  HOME = 'HOME',
  APPROVED_PREMISES = 'APPROVED_PREMISES',
}

export enum ProbationAddressStatus {
  MAIN = 'MAIN',
  PREVIOUS = 'PREVIOUS',
  PROPOSED = 'PROPOSED',
}

registerEnumType(ProbationAddressType, {
  name: 'ProbationAddressType',
  description: 'HOME (a private address) or APPROVED_PREMISES (a probation-run hostel with staff on site).',
});

registerEnumType(ProbationAddressStatus, {
  name: 'ProbationAddressStatus',
  description:
    'MAIN (the current address), PREVIOUS (no longer lived at) or PROPOSED (where the person is to live on release from custody).',
});

@ObjectType({ description: 'An address on the probation case. Postcodes are synthetic (`ZZ` area). Owner: probation.' })
export class ProbationAddress {
  @Access(probationPolicies.probationAddress)
  @Field(() => ProbationAddressType, { description: 'HOME or APPROVED_PREMISES.' })
  type!: ProbationAddressType;

  @Access(probationPolicies.probationAddress)
  @Field(() => ProbationAddressStatus, { description: 'MAIN, PREVIOUS or PROPOSED.' })
  status!: ProbationAddressStatus;

  @Access(probationPolicies.probationAddress)
  @Field(() => String, { nullable: true, description: "Building name, e.g. the approved premises' name; null for most homes." })
  buildingName!: string | null;

  @Access(probationPolicies.probationAddress)
  @Field(() => String, { description: 'First line of the address.' })
  addressLine1!: string;

  @Access(probationPolicies.probationAddress)
  @Field(() => String, { description: 'Town.' })
  town!: string;

  @Access(probationPolicies.probationAddress)
  @Field(() => String, { description: 'Postcode.' })
  postcode!: string;

  @Access(probationPolicies.probationAddress)
  @Field(() => Boolean, {
    description: 'True when the address has been checked and approved by probation (for a PROPOSED address: suitable for release).',
  })
  verified!: boolean;

  @Access(probationPolicies.probationAddress)
  @Field(() => LocalDate, { description: 'Date the person started (or, for a PROPOSED address, is to start) living there.' })
  startDate!: string;

  @Access(probationPolicies.probationAddress)
  @Field(() => LocalDate, { nullable: true, description: 'Date the person stopped living there; null while current or proposed.' })
  endDate!: string | null;
}
