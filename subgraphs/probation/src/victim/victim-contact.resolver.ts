import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import { carryFacts } from '../record/probation-record-facts';
import type { VictimContactRow } from './victim-contact.table';
import { ProbationVictimContact, ProbationVictimContactDetails, ProbationVictimWishes } from './victim-contact.type';
import type { ProbationVictimContactMethod } from './victim-contact.type';

// Contact details and wishes are separate objects so access control can withhold either as a whole.
@Resolver(() => ProbationVictimContact)
export class ProbationVictimContactResolver {
  @Access(probationPolicies.victimContactDetails)
  @FieldResolver(() => ProbationVictimContactDetails, { nullable: true, description: 'How to reach the victim.' })
  contactDetails(@Root() row: VictimContactRow): ProbationVictimContactDetails {
    // Decided on the victim's own facts, like the contact they belong to.
    return carryFacts(row, {
      addressLine1: row.addressLine1,
      town: row.addressTown,
      postcode: row.addressPostcode,
      telephoneNumber: row.telephoneNumber,
      email: row.email,
      preferredContactMethod: row.preferredContactMethod as ProbationVictimContactMethod,
    });
  }

  @Access(probationPolicies.victimContacts)
  @FieldResolver(() => ProbationVictimWishes, { description: 'What the victim has asked for.' })
  wishes(@Root() row: VictimContactRow): ProbationVictimWishes {
    return carryFacts(row, {
      exclusionZoneRequested: row.exclusionZoneRequested,
      noContactRequested: row.noContactRequested,
      wantsReleaseInformation: row.wantsReleaseInformation,
      representationsMade: row.representationsMade,
      notes: row.wishesNotes,
    });
  }
}
