import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import { Access, parseInput, pncIdSchema, subjectInScope } from '@mappa/shared';
import type { HomeOfficeContext } from '../home-office.context';
import { homeOfficePolicies } from '../home-office.policies';
import { homeOfficeKnowsSubject } from '../offender/offender.reference';
import { homeOfficeSubjectFacts } from '../offender/offender.scope';
import { Offender } from '../offender/offender.type';
import { HomeOfficeImmigrationCase } from './immigration-case.type';

const homeOfficeReferenceSchema = z.string().regex(/^HO-\d{8}$/, 'a Home Office reference is HO- and 8 digits');

@Resolver(() => Offender)
export class ImmigrationCaseResolver {
  @Access(homeOfficePolicies.caseEntry)
  @Query(() => Offender, {
    nullable: true,
    description:
      "The person, for the Home Office's own case owners: under CASE_MANAGEMENT in their row scope, under IMMIGRATION_DETENTION_DECISION only the subject of their open decision named in x-mappa-case (C.72). Null when the Home Office holds no case or the person is out of scope. A malformed PNC ID is BAD_USER_INPUT.",
  })
  async immigrationSubject(
    @Arg('pncId', () => ID, { description: 'PNC ID of the person.' }) pncId: string,
    @Ctx() context: HomeOfficeContext,
  ): Promise<Offender | null> {
    const valid = parseInput(pncIdSchema, pncId, 'pncId');
    return (await homeOfficeKnowsSubject(context, valid)) ? { pncId: valid } : null;
  }

  @Access(homeOfficePolicies.caseEntry)
  @Query(() => Offender, {
    nullable: true,
    description:
      'The person whose immigration case has this Home Office reference (`HO-NNNNNNNN`); null when none in scope. A malformed reference is BAD_USER_INPUT.',
  })
  async offenderByHomeOfficeReference(
    @Arg('homeOfficeReference', () => ID, { description: 'The Home Office reference of the immigration case, `HO-NNNNNNNN`.' })
    homeOfficeReference: string,
    @Ctx() context: HomeOfficeContext,
  ): Promise<Offender | null> {
    const valid = parseInput(homeOfficeReferenceSchema, homeOfficeReference, 'homeOfficeReference');
    const immigrationCase = await context.loaders.immigrationCaseByReference.load(valid);
    if (!immigrationCase || !subjectInScope(homeOfficeSubjectFacts(immigrationCase), context.rowScope)) return null;
    context.loaders.immigrationCase.prime(immigrationCase.pncId, immigrationCase);
    return { pncId: immigrationCase.pncId };
  }

  @Access(homeOfficePolicies.immigrationCase)
  @FieldResolver(() => HomeOfficeImmigrationCase, {
    nullable: true,
    description: "The Home Office's immigration case about a foreign national offender; null when none. Owner: home-office.",
  })
  immigrationCase(@Root() offender: Offender, @Ctx() context: HomeOfficeContext) {
    return context.loaders.immigrationCase.load(offender.pncId);
  }
}
