import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, Agency, MappaArea } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';
import { Offender } from '../offender/offender.type';
import { MEETING_DUE_WITHIN_DAYS, ReviewStatus } from './register.query';

registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description:
    "Where a level 2 or 3 case stands against its MAPP meeting cadence (A §5, B §5: level 3 at least every 8 weeks, level 2 every 16). The review is due on the earlier of the last held meeting plus the cadence and the case's next review date (the case start plus the cadence when neither is known).",
  valuesConfig: {
    DUE: { description: `The next MAPP meeting is due within ${MEETING_DUE_WITHIN_DAYS} days (today included).` },
    OVERDUE: { description: 'The review date has passed with no meeting held since the last one.' },
  },
});

@InputType({ description: 'Narrows the MAPPA register. Every criterion is optional; those given are combined with AND.' })
export class OffenderFilter {
  @Field(() => Int, { nullable: true, description: 'Only cases in this MAPPA category, 1 to 4; any other number is BAD_USER_INPUT.' })
  category?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only cases managed at this MAPPA level, 1 to 3; any other number is BAD_USER_INPUT.' })
  level?: number | null;

  @Field(() => MappaArea, { nullable: true, description: 'Only cases managed in this MAPPA area.' })
  area?: MappaArea | null;

  @Field(() => Agency, {
    nullable: true,
    description: 'Only cases led by this agency: POLICE, PROBATION or YOT. PRISON and MAPPA_UNIT never lead a case and are BAD_USER_INPUT.',
  })
  leadAgency?: Agency | null;

  @Field(() => ReviewStatus, {
    nullable: true,
    description:
      "Only level 2 and 3 cases whose MAPP meeting is due within 28 days (DUE) or past due with none held since (OVERDUE): the co-ordinator's diary.",
  })
  reviewStatus?: ReviewStatus | null;
}

@ObjectType({ description: 'One offender on the MAPPA register, with the cursor to page on from it. Owner: mappa.' })
export class OffenderEdge {
  @Access(mappaPolicies.register)
  @Field(() => String, { description: 'Opaque cursor for this position; pass it as `after` to get the entries that follow.' })
  cursor!: string;

  @Access(mappaPolicies.register)
  @Field(() => Offender, { description: "The offender; other agencies' fields resolve through the federation." })
  node!: Offender;
}

@ObjectType({ description: 'Where a page of the MAPPA register sits in the whole list. Owner: mappa.' })
export class OffenderPageInfo {
  @Access(mappaPolicies.registerPaging)
  @Field(() => Boolean, { description: 'True when more entries follow this page.' })
  hasNextPage!: boolean;

  @Access(mappaPolicies.registerPaging)
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last entry on this page (pass it as `after` for the next page); null when the page is empty.',
  })
  endCursor!: string | null;
}

@ObjectType({
  description:
    'A page of the MAPPA register: offenders with an ACTIVE MAPPA case, in ascending PNC ID order. Owner: mappa (MAPPA Co-ordination Unit).',
})
export class OffenderConnection {
  @Access(mappaPolicies.register)
  @Field(() => [OffenderEdge], { description: 'The offenders on this page, in ascending PNC ID order.' })
  edges!: OffenderEdge[];

  @Access(mappaPolicies.registerPaging)
  @Field(() => OffenderPageInfo, { description: 'Whether more pages follow, and the cursor to fetch the next one.' })
  pageInfo!: OffenderPageInfo;
}

@ArgsType()
export class OffendersArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
  first!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the entries after this cursor (an `endCursor` or edge `cursor` from an earlier page); omit for the first page.',
  })
  after?: string | null;

  @Field(() => OffenderFilter, { nullable: true, description: 'Optional criteria, combined with AND.' })
  filter?: OffenderFilter | null;
}
