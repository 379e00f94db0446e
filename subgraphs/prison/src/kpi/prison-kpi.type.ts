import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'One raw KPI cell as the prison counts it: MAPPA F reports on time and late, each with its cell key (for the gateway statistics service only). Owner: prison (HM Prison Service).',
})
export class PrisonKpiCell {
  @Access(prisonPolicies.statisticsKpis)
  @Field(() => String, { description: 'The KPI: MAPPA_F_PROVIDED_ON_TIME.' })
  kpi!: string;

  @Access(prisonPolicies.statisticsKpis)
  @Field(() => String, { description: 'The group within the KPI; empty.' })
  group!: string;

  @Access(prisonPolicies.statisticsKpis)
  @Field(() => Int, { description: 'Reports on time.' })
  met!: number;

  @Access(prisonPolicies.statisticsKpis)
  @Field(() => Int, { description: "Their cell key: the sum of their subjects' record keys, modulo 4096." })
  metKey!: number;

  @Access(prisonPolicies.statisticsKpis)
  @Field(() => Int, { description: 'Reports late.' })
  notMet!: number;

  @Access(prisonPolicies.statisticsKpis)
  @Field(() => Int, { description: 'Their cell key.' })
  notMetKey!: number;
}

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    "The prison's MAPPA F reports provided to a meeting in a period (dated before the meeting day), as meeting pseudonyms, for KPI 7 as one figure: the gateway joins them with the MAPPA unit's invitations of the prison, for that query alone (the gateway statistics service only). Owner: prison (HM Prison Service).",
})
export class PrisonMappaFProvided {
  @Access(prisonPolicies.statisticsKpis)
  @Field(() => [String], {
    description:
      "The meeting's pseudonym: an HMAC of the subject's PNC ID and the meeting day under the query's secret (never the PNC ID).",
  })
  pseudonym!: string[];
}
