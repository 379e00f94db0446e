import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Access, subjectInScope, parseInput, prisonNumberSchema } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';
import { PrisonAdjudication } from '../adjudication/adjudication.type';
import { PrisonAlert } from '../alert/prison-alert.type';
import { PrisonCustody } from '../custody/custody.type';
import { PrisonMappaFReport } from '../mappa-f-report/mappa-f-report.type';
import type { PrisonContext } from '../prison.context';
import { PrisonSentence } from '../sentence/sentence.type';
import { PrisonTemporaryRelease } from '../temporary-release/temporary-release.type';
import { prisonSubjectFacts } from './offender.scope';
import { ofSubject } from './offender-subject-record';
import { Offender } from './offender.type';

/** The person's prison number, or null when the prison holds no record of them. */
export async function prisonNumberOf(offender: Offender, context: PrisonContext): Promise<string | null> {
  // The same per-request loader answers __resolveReference, so this costs no extra statement.
  const prisoner = await context.loaders.prisoner.load(offender.pncId);
  return prisoner?.prisonNumber ?? null;
}

@Resolver(() => Offender)
export class OffenderResolver {
  @Access(prisonPolicies.prisonNumberLookup)
  @Query(() => Offender, {
    nullable: true,
    description:
      'The offender held under a prison (NOMS) number, for callers starting from a prison record. Null when the prison holds no one with that number. A malformed prison number is BAD_USER_INPUT.',
  })
  async offenderByPrisonNumber(
    @Arg('prisonNumber', () => ID, { description: 'Prison (NOMS) number, `A1234BC`.' }) prisonNumber: string,
    @Ctx() context: PrisonContext,
  ): Promise<Offender | null> {
    const validPrisonNumber = parseInput(prisonNumberSchema, prisonNumber, 'prisonNumber');
    const prisoner = await context.loaders.prisonerByPrisonNumber.load(validPrisonNumber);
    // Out of the caller's row scope is answered exactly as a prison number the prison does not hold (principle 9).
    return prisoner && subjectInScope(prisonSubjectFacts(prisoner), context.rowScope) ? { pncId: prisoner.pncId } : null;
  }

  @Access(prisonPolicies.custodyRecord)
  @FieldResolver(() => PrisonCustody, {
    nullable: true,
    description:
      'Custody record (NOMIS): prison number, booking, establishment, security category, last movement. Null when the prison has never held the person. Owner: prison.',
  })
  custody(@Root() offender: Offender, @Ctx() context: PrisonContext) {
    return context.loaders.prisoner.load(offender.pncId);
  }

  @Access(prisonPolicies.sentenceRecord)
  @FieldResolver(() => PrisonSentence, {
    nullable: true,
    description:
      'The custodial sentence and its key dates (SED, CRD, ARD, LED, PED, tariff, HDCED, TUSED, release date). Null when the prison holds no record of the person. Owner: prison.',
  })
  async sentence(@Root() offender: Offender, @Ctx() context: PrisonContext) {
    const prisonNumber = await prisonNumberOf(offender, context);
    const sentence = prisonNumber === null ? null : await context.loaders.sentence.load(prisonNumber);
    return sentence === null ? null : ofSubject(offender.pncId, sentence);
  }

  @Access(prisonPolicies.mappaAlert)
  @FieldResolver(() => [PrisonAlert], {
    nullable: true,
    description:
      'NOMIS alerts, oldest first, including the MAPPA alert (type `P`). Null when the prison holds no record of the person. Owner: prison.',
  })
  async prisonAlerts(
    @Root() offender: Offender,
    @Ctx() context: PrisonContext,
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: 'When true, only alerts in force now are returned.' })
    activeOnly: boolean,
  ) {
    const prisonNumber = await prisonNumberOf(offender, context);
    if (prisonNumber === null) return null;
    const alerts = await context.loaders.alerts.load(prisonNumber);
    return activeOnly ? alerts.filter((alert) => alert.active) : alerts;
  }

  @Access(prisonPolicies.temporaryReleaseRecord)
  @FieldResolver(() => [PrisonTemporaryRelease], {
    nullable: true,
    description:
      'Releases on temporary licence (ROTL), oldest first; empty for people released or never granted ROTL. Null when the prison holds no record of the person. Owner: prison.',
  })
  async temporaryReleases(@Root() offender: Offender, @Ctx() context: PrisonContext) {
    // Each release carries the person's PNC ID and recorded MAPPA level for the record conditions decided on it.
    const prisoner = await context.loaders.prisoner.load(offender.pncId);
    if (prisoner === null) return null;
    const releases = await context.loaders.temporaryReleases.load(prisoner.prisonNumber);
    return releases.map((release) => ofSubject(offender.pncId, { ...release, recordedMappaLevel: prisoner.recordedMappaLevel }));
  }

  @Access(prisonPolicies.adjudication)
  @FieldResolver(() => [PrisonAdjudication], {
    nullable: true,
    description:
      'Adjudications (disciplinary charges in custody), oldest first. Null when the prison holds no record of the person. Owner: prison.',
  })
  async adjudications(@Root() offender: Offender, @Ctx() context: PrisonContext) {
    const prisonNumber = await prisonNumberOf(offender, context);
    return prisonNumber === null ? null : context.loaders.adjudications.load(prisonNumber);
  }

  @Access(prisonPolicies.mappaFReportRecord)
  @FieldResolver(() => [PrisonMappaFReport], {
    nullable: true,
    description:
      "MAPPA F reports the prison sent to MAPP meetings, newest meeting first; only people in custody managed at level 2 or 3 have any. Under MAPPA_MEETING only the report written for the declared meeting (matched by its date); for an establishment's prison offender manager only the reports it wrote. Null when the prison holds no such report of the person. Owner: prison.",
  })
  async mappaFReports(@Root() offender: Offender, @Ctx() context: PrisonContext) {
    const prisonNumber = await prisonNumberOf(offender, context);
    return prisonNumber === null ? null : context.loaders.mappaFReports.load(prisonNumber);
  }
}
