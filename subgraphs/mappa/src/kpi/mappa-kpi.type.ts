import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    'One raw KPI cell as the MAPPA unit counts it: units that met the standard and units that did not, each with its cell key (for the gateway statistics service only). Owner: mappa (MAPPA Co-ordination Unit).',
})
export class MappaKpiCell {
  @Access(mappaPolicies.statisticsKpis)
  @Field(() => String, { description: 'The KPI (MAPPA_KPIS).' })
  kpi!: string;

  @Access(mappaPolicies.statisticsKpis)
  @Field(() => String, { description: 'The group within the KPI (the invited agency for attendance), empty when the KPI has none.' })
  group!: string;

  @Access(mappaPolicies.statisticsKpis)
  @Field(() => Int, { description: 'Units that met the standard.' })
  met!: number;

  @Access(mappaPolicies.statisticsKpis)
  @Field(() => Int, { description: "Their cell key: the sum of their subjects' record keys, modulo 4096." })
  metKey!: number;

  @Access(mappaPolicies.statisticsKpis)
  @Field(() => Int, { description: 'Units that did not.' })
  notMet!: number;

  @Access(mappaPolicies.statisticsKpis)
  @Field(() => Int, { description: 'Their cell key.' })
  notMetKey!: number;
}

@Directive('@federation__inaccessible')
@ObjectType({
  description:
    "The prison's invitations (not withdrawn) to the area's held MAPP meetings in a period, one entry per invitation in parallel lists, for KPI 7 as one figure: the gateway joins them with the prison's MAPPA F reports by a pseudonym of the person and the meeting day, for that query alone (the gateway statistics service only). Owner: mappa (MAPPA Co-ordination Unit).",
})
export class MappaPrisonInvitations {
  @Access(mappaPolicies.statisticsKpis)
  @Field(() => [String], {
    description:
      "The meeting's pseudonym: an HMAC of the subject's PNC ID and the meeting day under the query's secret (never the PNC ID).",
  })
  pseudonym!: string[];

  @Access(mappaPolicies.statisticsKpis)
  @Field(() => [Int], { description: "The subject's record key (0-4095), for the cell key of the count it joins." })
  recordKey!: number[];

  @Access(mappaPolicies.statisticsKpis)
  @Field(() => [Boolean], { description: 'Whether a signed attendance (in person, video or phone) answers the invitation.' })
  attended!: boolean[];
}
