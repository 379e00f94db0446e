import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';

export enum PrisonInOutStatus {
  IN = 'IN',
  OUT = 'OUT',
}

export enum PrisonSecurityCategory {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

export enum PrisonLegalStatus {
  SENTENCED = 'SENTENCED',
  INDETERMINATE_SENTENCE = 'INDETERMINATE_SENTENCE',
  RECALL = 'RECALL',
  REMAND = 'REMAND',
  CONVICTED_UNSENTENCED = 'CONVICTED_UNSENTENCED',
}

export enum PrisonIncentiveLevel {
  BASIC = 'BASIC',
  STANDARD = 'STANDARD',
  ENHANCED = 'ENHANCED',
}

export enum PrisonMovementType {
  ADMISSION = 'ADMISSION',
  TRANSFER = 'TRANSFER',
  TEMPORARY_ABSENCE_RETURN = 'TEMPORARY_ABSENCE_RETURN',
  RELEASE = 'RELEASE',
}

export enum PrisonMovementReason {
  NEW_ADMISSION = 'NEW_ADMISSION',
  RECATEGORISATION = 'RECATEGORISATION',
  ACCREDITED_PROGRAMME = 'ACCREDITED_PROGRAMME',
  RESETTLEMENT = 'RESETTLEMENT',
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  ROTL_RETURN = 'ROTL_RETURN',
  CONDITIONAL_RELEASE = 'CONDITIONAL_RELEASE',
  AUTOMATIC_RELEASE = 'AUTOMATIC_RELEASE',
  PAROLE_BOARD_DIRECTION = 'PAROLE_BOARD_DIRECTION',
}

registerEnumType(PrisonInOutStatus, {
  name: 'PrisonInOutStatus',
  description:
    'Whether the person is inside a prison now (IN) or has been released (OUT). NOMIS also has TRN (in transit), which this service never reports.',
});
registerEnumType(PrisonSecurityCategory, {
  name: 'PrisonSecurityCategory',
  description:
    'Security category: A highest risk to the public if they escaped; B closed conditions, escape must be very difficult; C closed conditions, unlikely to try to escape; D open conditions (eligible for temporary release).',
});
registerEnumType(PrisonLegalStatus, {
  name: 'PrisonLegalStatus',
  description:
    'Legal basis of detention on the booking: SENTENCED (determinate sentence), INDETERMINATE_SENTENCE (life or IPP), RECALL (back in custody after a licence recall), REMAND (awaiting trial), CONVICTED_UNSENTENCED (awaiting sentence).',
});
registerEnumType(PrisonIncentiveLevel, {
  name: 'PrisonIncentiveLevel',
  description: 'Incentives scheme level, which sets privileges in custody: BASIC, STANDARD or ENHANCED.',
});
registerEnumType(PrisonMovementType, {
  name: 'PrisonMovementType',
  description:
    'Kind of movement: ADMISSION (received into prison), TRANSFER (moved between prisons), TEMPORARY_ABSENCE_RETURN (back from release on temporary licence), RELEASE (left custody).',
});
registerEnumType(PrisonMovementReason, {
  name: 'PrisonMovementReason',
  description:
    "Why the movement happened. Admission: NEW_ADMISSION. Transfer: RECATEGORISATION (moved to suit a new security category), ACCREDITED_PROGRAMME (to attend a programme), RESETTLEMENT (closer to the release area), ADMINISTRATIVE. Return: ROTL_RETURN. Release: CONDITIONAL_RELEASE (determinate sentence at its conditional release date), AUTOMATIC_RELEASE (end of the custodial term of an extended or special sentence), PAROLE_BOARD_DIRECTION (released on the Parole Board's direction).",
});

@ObjectType({ description: 'The last movement recorded for the person on NOMIS (admission, transfer, return or release). Owner: prison.' })
export class PrisonMovement {
  @Access(prisonPolicies.custodyStatus)
  @Field(() => PrisonMovementType, { description: 'Kind of movement.' })
  type!: PrisonMovementType;

  @Access(prisonPolicies.custody)
  @Field(() => PrisonMovementReason, {
    nullable: true,
    description:
      'Why the movement happened. Null for readers granted only the custody status (the allocated OM, the ppu_officer and the VLO under case management).',
  })
  reason!: PrisonMovementReason | null;

  @Access(prisonPolicies.custodyStatus)
  @Field(() => LocalDate, { description: 'Date of the movement. For a release, the day the person left custody.' })
  date!: string;

  @Access(prisonPolicies.custody)
  @Field(() => String, { nullable: true, description: 'Establishment code moved from, e.g. `LEI`; null for an admission from court.' })
  fromEstablishmentCode!: string | null;

  @Access(prisonPolicies.custody)
  @Field(() => String, { nullable: true, description: 'Establishment code moved to, e.g. `WDI`; null for a release.' })
  toEstablishmentCode!: string | null;
}

@ObjectType({
  description:
    'Custody record from NOMIS (as Prisoner Offender Search shows it): prison number, booking, where the person is held and their status. Held only for people in custody now or released on licence. Owner: prison.',
})
export class PrisonCustody {
  @Access(prisonPolicies.custody)
  @Field(() => ID, {
    nullable: true,
    description:
      'Prison (NOMS) number, `A1234BC`: one letter, four digits, two letters. Null for readers granted only the custody status (the allocated OM, the ppu_officer and the VLO under case management).',
  })
  prisonNumber!: string | null;

  @Access(prisonPolicies.custodyPrisonOnly)
  @Field(() => ID, {
    nullable: true,
    description:
      'NOMIS booking id of the current (or, for the released, the last) period in custody, e.g. `1200345`. Prison only: null for other readers.',
  })
  bookingId!: number | null;

  @Access(prisonPolicies.custodyStatus)
  @Field(() => PrisonInOutStatus, { description: 'IN while the person is in prison; OUT once released.' })
  inOutStatus!: PrisonInOutStatus;

  @Access(prisonPolicies.custody)
  @Field(() => String, { nullable: true, description: 'Code of the establishment holding the person now, e.g. `WDI`; null when OUT.' })
  establishmentCode!: string | null;

  @Access(prisonPolicies.custodyEstablishment)
  @Field(() => String, {
    nullable: true,
    description: 'Name of the establishment holding the person now, e.g. `HMP Wakefield`; null when OUT.',
  })
  establishmentName!: string | null;

  @Access(prisonPolicies.custody)
  @Field(() => String, {
    nullable: true,
    description:
      'Code of the last establishment the person was held in (the releasing prison for the released; the current one when IN). Null for readers granted only the custody status (the allocated OM, the ppu_officer and the VLO under case management).',
  })
  lastEstablishmentCode!: string | null;

  @Access(prisonPolicies.custody)
  @Field(() => String, {
    nullable: true,
    description:
      'Name of the last establishment the person was held in. Null for readers granted only the custody status (the allocated OM, the ppu_officer and the VLO under case management).',
  })
  lastEstablishmentName!: string | null;

  @Access(prisonPolicies.custodyPrisonOnly)
  @Field(() => String, {
    nullable: true,
    description: 'Cell location within the establishment, `wing-landing-cell`, e.g. `B-2-014`; null when OUT.',
  })
  cellLocation!: string | null;

  @Access(prisonPolicies.custody)
  @Field(() => PrisonSecurityCategory, {
    nullable: true,
    description:
      'Current security category (for the released: the category at release). Null for readers granted only the custody status (the allocated OM, the ppu_officer and the VLO under case management).',
  })
  securityCategory!: PrisonSecurityCategory | null;

  @Access(prisonPolicies.custodyPrisonOnly)
  @Field(() => PrisonIncentiveLevel, { nullable: true, description: 'Incentives scheme level; null when OUT.' })
  incentiveLevel!: PrisonIncentiveLevel | null;

  @Access(prisonPolicies.custody)
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Date the person was received into prison for this booking (on remand or at sentence). Null for readers granted only the custody status (the allocated OM, the ppu_officer and the VLO under case management).',
  })
  receptionDate!: string | null;

  @Access(prisonPolicies.custodyStatus)
  @Field(() => PrisonLegalStatus, { description: 'Legal basis of detention on this booking.' })
  legalStatus!: PrisonLegalStatus;
}
