import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Access, subjectInScope, parseInput, pncIdSchema } from '@mappa/shared';
import { policePolicies } from '../police.policies';
import { PoliceCivilOrder } from '../civil-order/civil-order.type';
import { PoliceIdentity } from '../identity/identity.type';
import type { IntelligenceItemOfSubject } from '../intelligence/intelligence-om.condition';
import { IntelligenceItem } from '../intelligence/intelligence-item.type';
import { MappaJNotification } from '../mappa-j/mappa-j.type';
import { SexOffenderNotification } from '../notification/notification.type';
import type { PoliceContext } from '../police.context';
import { PoliceRiskAssessment } from '../police-risk/police-risk.type';
import { VisorNominal } from '../visor/visor-nominal.type';
import { WarningMarker } from '../warning-marker/warning-marker.type';
import { loadPerson } from './offender.reference';
import { policeSubjectFacts } from './offender.scope';
import { Offender } from './offender.type';

@Resolver(() => Offender)
export class OffenderResolver {
  @Access(policePolicies.subjectKey)
  @Query(() => Offender, {
    nullable: true,
    description:
      'The single offender view for one person, by PNC ID: each field is then answered, or refused, by the agency that owns it. Null when no record exists. A malformed PNC ID is BAD_USER_INPUT.',
  })
  async offender(
    @Arg('pncId', () => ID, { description: 'PNC ID, e.g. `2008/0545166T`.' }) pncId: string,
    @Ctx() context: PoliceContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Offender | null> {
    const validPncId = parseInput(pncIdSchema, pncId, 'pncId');
    const person = await loadPerson(context, validPncId, info);
    // Out of the caller's row scope is answered exactly as an unknown PNC ID (principle 9).
    return person && subjectInScope(policeSubjectFacts(person), context.rowScope) ? { pncId: person.pncId } : null;
  }

  @Access(policePolicies.identityNames)
  @FieldResolver(() => PoliceIdentity, {
    nullable: true,
    description: 'Identity as recorded on the Police National Computer. Owner: police.',
  })
  identity(@Root() offender: Offender, @Ctx() context: PoliceContext) {
    return context.loaders.person.load(offender.pncId);
  }

  @Access(policePolicies.visorNominalRecord)
  @FieldResolver(() => VisorNominal, {
    nullable: true,
    description: 'The ViSOR nominal record; null when the person has none. Owner: police.',
  })
  visorNominal(@Root() offender: Offender, @Ctx() context: PoliceContext) {
    return context.loaders.visorNominal.load(offender.pncId);
  }

  @Access(policePolicies.notification)
  @FieldResolver(() => SexOffenderNotification, {
    nullable: true,
    description: 'Sex-offender notification requirements; null when the person is not subject to them. Owner: police.',
  })
  sexOffenderNotification(@Root() offender: Offender, @Ctx() context: PoliceContext) {
    return context.loaders.notification.load(offender.pncId);
  }

  @Access(policePolicies.policeRiskRecord)
  @FieldResolver(() => PoliceRiskAssessment, {
    nullable: true,
    description: 'The latest police risk assessment (RM2000/ARMS). Owner: police.',
  })
  policeRiskAssessment(@Root() offender: Offender, @Ctx() context: PoliceContext) {
    return context.loaders.policeRisk.load(offender.pncId);
  }

  @Access(policePolicies.civilOrders)
  @FieldResolver(() => [PoliceCivilOrder], {
    nullable: true,
    description: 'Civil preventive orders (SHPO, SRO, travel orders…), oldest first. Owner: police.',
  })
  civilOrders(@Root() offender: Offender, @Ctx() context: PoliceContext) {
    return context.loaders.civilOrders.load(offender.pncId);
  }

  @Access(policePolicies.warningMarkers)
  @FieldResolver(() => [WarningMarker], { nullable: true, description: 'PNC warning markers, oldest first. Owner: police.' })
  async warningMarkers(@Root() offender: Offender, @Ctx() context: PoliceContext) {
    // C.56: the YOT's standard checks read the markers only of a person the police record as under 18
    // (`subjectUnderEighteen`), so each marker carries the date of birth of the person row that
    // __resolveReference loaded (same per-request loader, no extra statement). Not a GraphQL field.
    const [person, markers] = await Promise.all([
      context.loaders.person.load(offender.pncId),
      context.loaders.warningMarkers.load(offender.pncId),
    ]);
    const dateOfBirth = person?.dateOfBirth ?? null;
    return markers.map((marker) => ({ ...marker, dateOfBirth }));
  }

  @Access(policePolicies.intelligenceSummary)
  @FieldResolver(() => [IntelligenceItem], {
    nullable: true,
    description: 'Graded intelligence items, newest first. Originator-controlled. Owner: police.',
  })
  async intelligence(@Root() offender: Offender, @Ctx() context: PoliceContext) {
    // The person row is the one __resolveReference loaded (same per-request loader, no extra statement);
    // its counter-terrorism marker goes with each item for the C.63 condition. Each item carries its
    // originator's live agreements from the same statement, for originator control (principle 4).
    const [person, items] = await Promise.all([
      context.loaders.person.load(offender.pncId),
      context.loaders.intelligence.load(offender.pncId),
    ]);
    const subjectIsTerroristCase = person?.counterTerrorismRestricted ?? false;
    return items.map((item): IntelligenceItemOfSubject => ({ ...item, subjectIsTerroristCase }));
  }

  @Access(policePolicies.mappaJContent)
  @FieldResolver(() => MappaJNotification, {
    nullable: true,
    description:
      'The latest MAPPA J sent to Jobcentre Plus about the person (A.R31–A.R35), as noted on the ViSOR record; null when none was sent. Owner: police.',
  })
  mappaJNotification(@Root() offender: Offender, @Ctx() context: PoliceContext) {
    return context.loaders.mappaJ.load(offender.pncId);
  }
}
