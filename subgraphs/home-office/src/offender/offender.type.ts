import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Access } from '@mappa/shared';
import { homeOfficePolicies } from '../home-office.policies';

@Directive('@key(fields: "pncId")')
@ObjectType({
  description:
    "A MAPPA offender: one person, with each agency's records about them resolved from the agency that owns them. A field is null when its owner holds no record of the person.",
})
export class Offender {
  @Access(homeOfficePolicies.subjectKey)
  @Field(() => ID, { description: 'Police National Computer ID, `YYYY/NNNNNNNX`: the key every agency shares.' })
  pncId!: string;
}
