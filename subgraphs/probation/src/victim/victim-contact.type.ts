import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';

export enum ProbationVictimContactScheme {
  STATUTORY = 'STATUTORY',
  NON_STATUTORY = 'NON_STATUTORY',
}

export enum ProbationVictimContactMethod {
  LETTER = 'LETTER',
  TELEPHONE = 'TELEPHONE',
  EMAIL = 'EMAIL',
}

registerEnumType(ProbationVictimContactScheme, {
  name: 'ProbationVictimContactScheme',
  description:
    "STATUTORY: the victim is entitled to the Victim Contact Scheme (a violent or sexual offence with 12 months or more in custody). NON_STATUTORY: offered at the probation service's discretion.",
});

registerEnumType(ProbationVictimContactMethod, {
  name: 'ProbationVictimContactMethod',
  description: 'How the victim prefers to be contacted: LETTER, TELEPHONE or EMAIL.',
});

@ObjectType({
  description: 'How to reach a victim. Synthetic: telephone numbers are in the Ofcom drama range, emails at example.org. Owner: probation.',
})
export class ProbationVictimContactDetails {
  @Access(probationPolicies.victimContactDetails)
  @Field(() => String, { description: 'Address: first line.' })
  addressLine1!: string;

  @Access(probationPolicies.victimContactDetails)
  @Field(() => String, { description: 'Address: town.' })
  town!: string;

  @Access(probationPolicies.victimContactDetails)
  @Field(() => String, { description: 'Address: postcode.' })
  postcode!: string;

  @Access(probationPolicies.victimContactDetails)
  @Field(() => String, { nullable: true, description: 'Telephone number; null when none was given.' })
  telephoneNumber!: string | null;

  @Access(probationPolicies.victimContactDetails)
  @Field(() => String, { nullable: true, description: 'Email address; null when none was given.' })
  email!: string | null;

  @Access(probationPolicies.victimContactDetails)
  @Field(() => ProbationVictimContactMethod, { description: 'Preferred way of being contacted.' })
  preferredContactMethod!: ProbationVictimContactMethod;
}

@ObjectType({ description: 'What the victim has asked for. Owner: probation.' })
export class ProbationVictimWishes {
  @Access(probationPolicies.victimContacts)
  @Field(() => Boolean, { description: 'True when the victim asked for an exclusion zone licence condition.' })
  exclusionZoneRequested!: boolean;

  @Access(probationPolicies.victimContacts)
  @Field(() => Boolean, { description: 'True when the victim asked for a no-contact licence condition.' })
  noContactRequested!: boolean;

  @Access(probationPolicies.victimContacts)
  @Field(() => Boolean, { description: 'True when the victim wants to be told of release, licence conditions and their end.' })
  wantsReleaseInformation!: boolean;

  @Access(probationPolicies.victimContacts)
  @Field(() => Boolean, { description: 'True when the victim has made representations about licence conditions.' })
  representationsMade!: boolean;

  @Access(probationPolicies.victimContacts)
  @Field(() => String, { description: "The victim liaison officer's note of the wishes (synthetic text)." })
  notes!: string;
}

@ObjectType({
  description:
    'A victim in the Victim Contact Scheme, recorded by the victim liaison officer (VLO). The most restricted data in the federation: victim liaison and named probation roles only. All names are synthetic. Owner: probation.',
})
export class ProbationVictimContact {
  @Access(probationPolicies.victimContacts)
  @Field(() => ID, { description: 'Victim reference, e.g. `VC-N07-0001234-1`.' })
  victimReference!: string;

  @Access(probationPolicies.victimContacts)
  @Field(() => ProbationVictimContactScheme, { description: 'STATUTORY or NON_STATUTORY.' })
  scheme!: ProbationVictimContactScheme;

  @Access(probationPolicies.victimContacts)
  @Field(() => String, { description: "Victim's first name (synthetic)." })
  firstName!: string;

  @Access(probationPolicies.victimContacts)
  @Field(() => String, { description: "Victim's surname (synthetic)." })
  lastName!: string;

  @Access(probationPolicies.victimContacts)
  @Field(() => String, { description: 'nDelius staff code of the victim liaison officer, e.g. `N07V123`.' })
  vloStaffId!: string;

  @Access(probationPolicies.victimContacts)
  @Field(() => LocalDate, { description: 'Date of the latest contact between the VLO and the victim.' })
  contactDate!: string;
}
