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
