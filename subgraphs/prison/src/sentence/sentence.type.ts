import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';

export enum PrisonSentenceType {
  SDS = 'SDS',
  EDS = 'EDS',
  LIFE = 'LIFE',
  IPP = 'IPP',
  SOPC = 'SOPC',
}

registerEnumType(PrisonSentenceType, {
  name: 'PrisonSentenceType',
  description:
    'Custodial sentence type: SDS standard determinate sentence; EDS extended determinate sentence (custodial term plus an extended licence); LIFE life sentence; IPP imprisonment for public protection (indeterminate, abolished 2012 but still served); SOPC special custodial sentence for offenders of particular concern (custodial term plus 1 year of licence).',
});

@ObjectType({ description: 'An offence a custodial sentence was passed for, as recorded on NOMIS. Owner: prison.' })
export class PrisonOffence {
  @Access(prisonPolicies.offences)
  @Field(() => String, { description: 'Home Office offence code, e.g. `SX03014`.' })
  code!: string;

  @Access(prisonPolicies.offences)
  @Field(() => String, { description: 'Offence description.' })
  description!: string;

  @Access(prisonPolicies.offences)
  @Field(() => Boolean, {
    description:
      'True when the offence is listed in Schedule 15 to the Criminal Justice Act 2003 (specified violent, sexual or terrorism offences).',
  })
  schedule15!: boolean;

  @Access(prisonPolicies.offences)
  @Field(() => Boolean, {
    description: 'True when the offence is listed in Schedule 3 to the Sexual Offences Act 2003 (it triggers notification requirements).',
  })
  schedule3!: boolean;

  @Access(prisonPolicies.offences)
  @Field(() => LocalDate, { description: 'Date of conviction.' })
  convictionDate!: string;

  @Access(prisonPolicies.offences)
  @Field(() => Boolean, { description: 'True for the most serious offence on the sentence (NOMIS `mostSeriousOffence`).' })
  mostSerious!: boolean;
}

@ObjectType({
  description:
    'The custodial sentence being served (or, for the released, served) and its calculated key dates, as NOMIS and Calculate Release Dates hold them. Dates are `YYYY-MM-DD`; a key date is null when it does not apply to the sentence type. Owner: prison.',
})
export class PrisonSentence {
  @Access(prisonPolicies.sentenceVictimInformation)
  @Field(() => PrisonSentenceType, { description: 'Sentence type.' })
  sentenceType!: PrisonSentenceType;

  @Access(prisonPolicies.sentenceVictimInformation)
  @Field(() => Boolean, { description: 'True for indeterminate sentences (LIFE, IPP): release only on the direction of the Parole Board.' })
  indeterminate!: boolean;

  @Access(prisonPolicies.sentence)
  @Field(() => Int, { nullable: true, description: 'Length of the sentence in months; null for indeterminate sentences.' })
  lengthMonths!: number | null;

  @Access(prisonPolicies.sentence)
  @Field(() => LocalDate, {
    nullable: true,
    description: "Date the sentence started. Null for the victim liaison officer, who reads the scheme's items only.",
  })
  startDate!: string | null;

  @Access(prisonPolicies.sentenceKeyDates)
  @Field(() => LocalDate, { nullable: true, description: 'SED, sentence expiry date; null for indeterminate sentences.' })
  sentenceExpiryDate!: string | null;

  @Access(prisonPolicies.sentenceVictimInformation)
  @Field(() => LocalDate, {
    description:
      'CRD, conditional release date: when a determinate sentence prisoner is released on licence. For indeterminate sentences, the earliest date release is expected to be considered.',
  })
  conditionalReleaseDate!: string;

  @Access(prisonPolicies.sentenceKeyDates)
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'ARD, automatic release date: end of the custodial term of an EDS or SOPC, when release no longer needs the Parole Board. Null for other sentence types.',
  })
  automaticReleaseDate!: string | null;

  @Access(prisonPolicies.sentenceKeyDates)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'LED, licence expiry date; null for indeterminate sentences (the licence can last for life).',
  })
  licenceExpiryDate!: string | null;

  @Access(prisonPolicies.sentenceVictimInformation)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'PED, parole eligibility date (EDS, LIFE, IPP); null when the sentence has none.',
  })
  paroleEligibilityDate!: string | null;

  @Access(prisonPolicies.sentenceVictimInformation)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Tariff expiry date: end of the minimum term of a LIFE or IPP sentence; null otherwise.',
  })
  tariffDate!: string | null;

  @Access(prisonPolicies.sentenceKeyDates)
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'HDCED, home detention curfew eligibility date; null when the person is not eligible for HDC (e.g. sex or terrorist offenders).',
  })
  homeDetentionCurfewEligibilityDate!: string | null;

  @Access(prisonPolicies.sentenceKeyDates)
  @Field(() => LocalDate, { nullable: true, description: 'TUSED, top-up supervision expiry date (short SDS sentences); null otherwise.' })
  topUpSupervisionExpiryDate!: string | null;

  @Access(prisonPolicies.sentenceVictimInformation)
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Release date: the date of release (for the released, the day they left). Null while an indeterminate-sentence prisoner has no release directed by the Parole Board.',
  })
  releaseDate!: string | null;

  @Access(prisonPolicies.sentenceVictimInformation)
  @Field(() => Boolean, {
    description:
      'True once the prison has confirmed the release date; the prison confirms it 8 months before release (MAPPA Guidance ch. 15).',
  })
  releaseDateConfirmed!: boolean;

  @Access(prisonPolicies.sentenceKeyDates)
  @Field(() => LocalDate, { nullable: true, description: 'Date the release date was confirmed; null while unconfirmed.' })
  releaseDateConfirmedDate!: string | null;
}
