import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateTimeISO, LocalDate } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';

export enum PrisonTemporaryReleaseType {
  RDR = 'RDR',
  ROR = 'ROR',
  CRL = 'CRL',
}

export enum PrisonTemporaryReleaseOutcome {
  COMPLETED = 'COMPLETED',
  FAILED_TO_RETURN = 'FAILED_TO_RETURN',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PrisonTemporaryReleaseType, {
  name: 'PrisonTemporaryReleaseType',
  description:
    'Kind of release on temporary licence: RDR resettlement day release; ROR resettlement overnight release; CRL childcare resettlement licence.',
});
registerEnumType(PrisonTemporaryReleaseOutcome, {
  name: 'PrisonTemporaryReleaseOutcome',
  description:
    'How the temporary release ended: COMPLETED (returned on time), FAILED_TO_RETURN (did not return on time), CANCELLED (did not take place).',
});

@ObjectType({
  description:
    'A release on temporary licence (ROTL). All MAPPA offenders are on restricted ROTL; for levels 2 and 3 the Governor approves only after consulting the MAPPA Co-ordinator. Held only for people in custody, mostly in open conditions (category D). Owner: prison.',
})
export class PrisonTemporaryRelease {
  @Access(prisonPolicies.temporaryReleaseRecord)
  @Field(() => PrisonTemporaryReleaseType, { description: 'Kind of temporary release.' })
  type!: PrisonTemporaryReleaseType;

  @Access(prisonPolicies.temporaryRelease)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Date the Governor approved the release. Null for the victim liaison officer, who reads type, times and outcome only.',
  })
  approvedDate!: string | null;

  @Access(prisonPolicies.temporaryReleaseRecord)
  @Field(() => DateTimeISO, { description: 'When the person was due to leave the prison (ISO 8601 date-time, UTC).' })
  start!: Date;

  @Access(prisonPolicies.temporaryReleaseRecord)
  @Field(() => DateTimeISO, { description: 'When the person was due back in the prison (ISO 8601 date-time, UTC).' })
  end!: Date;

  @Access(prisonPolicies.temporaryRelease)
  @Field(() => String, {
    nullable: true,
    description:
      'Purpose of the release (synthetic in this service), e.g. work placement, family contact. Null for the victim liaison officer, who reads type, times and outcome only.',
  })
  purpose!: string | null;

  @Access(prisonPolicies.temporaryRelease)
  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the MAPPA Co-ordinator for the release area was consulted before approval (required at levels 2 and 3). Null for the victim liaison officer, who reads type, times and outcome only.',
  })
  mappaCoordinatorConsulted!: boolean | null;

  @Access(prisonPolicies.temporaryReleaseRecord)
  @Field(() => PrisonTemporaryReleaseOutcome, { description: 'How the release ended.' })
  outcome!: PrisonTemporaryReleaseOutcome;
}
