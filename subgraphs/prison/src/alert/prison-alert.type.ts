import { Field, ObjectType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';

@ObjectType({
  description:
    "A NOMIS alert: a coded flag on the prisoner's record, as the HMPPS Integration API `Alert` shows it. MAPPA cases carry a type `P` alert whose code gives the level (`P1`, `P2`, `P3`). Owner: prison.",
})
export class PrisonAlert {
  @Access(prisonPolicies.mappaAlert)
  @Field(() => String, {
    description: 'Alert type code, e.g. `P` (MAPPA), `X` (security), `H` (self-harm), `C` (child communication measures).',
  })
  type!: string;

  @Access(prisonPolicies.mappaAlert)
  @Field(() => String, { description: 'Alert type description, e.g. `MAPPA Case`, `Security`.' })
  typeDescription!: string;

  @Access(prisonPolicies.mappaAlert)
  @Field(() => String, { description: 'Alert code, e.g. `P2`, `XTACT`, `XER`.' })
  code!: string;

  @Access(prisonPolicies.mappaAlert)
  @Field(() => String, { description: 'Alert code description, e.g. `MAPPA Level 2`, `Escape Risk`.' })
  codeDescription!: string;

  @Access(prisonPolicies.alertComment)
  @Field(() => String, {
    nullable: true,
    description: 'Free-text comment recorded with the alert (synthetic in this service). Prison only: null for other readers.',
  })
  comment!: string | null;

  @Access(prisonPolicies.mappaAlert)
  @Field(() => LocalDate, { description: 'Date the alert was created.' })
  createdDate!: string;

  @Access(prisonPolicies.mappaAlert)
  @Field(() => LocalDate, { nullable: true, description: 'Date the alert expires or expired; null when it has no end date.' })
  expiryDate!: string | null;

  @Access(prisonPolicies.mappaAlert)
  @Field(() => Boolean, { description: 'True when the expiry date has passed.' })
  expired!: boolean;

  @Access(prisonPolicies.mappaAlert)
  @Field(() => Boolean, { description: 'True while the alert is in force (the opposite of `expired`).' })
  active!: boolean;
}
