import { sql } from 'drizzle-orm';
import type {
  SubgraphSeed,
  FinishedDecisionRows,
  Level1ConsiderationInsert,
  Database,
  SyntheticDatasetOptions,
  SyntheticPerson,
  SyntheticSentence,
} from '@mappa/shared';
import {
  addDays,
  addMonths,
  daysBetween,
  insertInChunks,
  LEVEL_1_RECALL_YEARLY_SHARE,
  Random,
  RECALL_SHARE_OF_LEVELS_2_AND_3,
  RiskLevel,
  yearlyWindows,
  DEV_ISSUER,
  insertFinishedDecisions,
  level1DisclosureHistory,
} from '@mappa/shared';
import * as disclosureTables from '../disclosure/disclosure.table';
import { probationAddressTable } from '../address/probation-address.table';
import { probationCaseTable } from '../case/probation-case.table';
import { licenceConditionTable, licenceTable } from '../licence/licence.table';
import { riskOfSeriousHarmTable } from '../risk/risk-of-serious-harm.table';
import { riskManagementPlanTable } from '../risk-management-plan/risk-management-plan.table';
import { victimContactTable } from '../victim/victim-contact.table';
import { RECALL_REASONS, recallTable } from '../recall/recall.table';
import { approvedPremisesPlacementTable, approvedPremisesStaffTable } from '../approved-premises/approved-premises.table';
import {
  additional,
  APPROVED_PREMISES,
  approvedPremisesCode,
  approvedPremisesStaffCodes,
  areaName,
  CATEGORY_CONDITIONS,
  CURFEW_CONDITION,
  dramaLandline,
  dramaMobile,
  FIRST_NAMES,
  NATURE_OF_RISK,
  PREDICTOR_BANDS,
  PROVIDER_BY_AREA,
  RISK_IMMINENCE,
  RISK_INCREASE_FACTORS,
  RISK_MITIGATION_FACTORS,
  RISK_ORDER,
  STANDARD_AP_CONDITIONS,
  STANDARD_PSS_CONDITIONS,
  STREETS,
  SURNAMES,
  syntheticPostcode,
  TIER_DIGIT,
  TIER_LETTER,
  WHO_IS_AT_RISK,
} from './probation-catalogue';
import type { ConditionDraft, PredictorName } from './probation-catalogue';

type CaseInsert = typeof probationCaseTable.$inferInsert;
type LicenceInsert = typeof licenceTable.$inferInsert;
type ConditionInsert = typeof licenceConditionTable.$inferInsert;
type RoshInsert = typeof riskOfSeriousHarmTable.$inferInsert;
type PlanInsert = typeof riskManagementPlanTable.$inferInsert;
type VictimInsert = typeof victimContactTable.$inferInsert;
type AddressInsert = typeof probationAddressTable.$inferInsert;
type PlacementInsert = typeof approvedPremisesPlacementTable.$inferInsert;

/** Everything the seeder writes for one batch of people, table by table. */
interface ProbationRows {
  readonly cases: CaseInsert[];
  readonly licences: LicenceInsert[];
  readonly conditions: ConditionInsert[];
  readonly roshes: RoshInsert[];
  readonly plans: PlanInsert[];
  readonly victims: VictimInsert[];
  readonly addresses: AddressInsert[];
  readonly placements: PlacementInsert[];
}

/** Custody cases get their licence drafted in CVL this long before the conditional release date. */
const LICENCE_PREPARATION_MONTHS = 6;
const ALLOCATED_STAFF_LETTERS = 'ABCDEFGHJKLMNPRST';

/** A date strictly between `from` and `to` when there is room, else `from`. */
function dateBetween(random: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 1 ? from : addDays(from, random.int(1, span - 1));
}

function predictor(random: Random, name: PredictorName, band: RiskLevel): { score: number; band: RiskLevel } {
  const range = PREDICTOR_BANDS[name].find(([level]) => level === band) ?? PREDICTOR_BANDS[name][0];
  return { score: random.int(range[1], range[2]) / 100, band: range[0] };
}

/** A band of a predictor, leaning to the overall risk of serious harm but not fixed by it. */
function bandNear(random: Random, name: PredictorName, rosh: RiskLevel): RiskLevel {
  const bands = PREDICTOR_BANDS[name].map(([level]) => level);
  const target = Math.min(RISK_ORDER.indexOf(rosh), bands.length - 1);
  const offset = random.weighted([
    [0, 60],
    [-1, 25],
    [1, 15],
  ] as const);
  return bands[Math.max(0, Math.min(bands.length - 1, target + offset))] ?? RiskLevel.LOW;
}

/** A level no higher than `ceiling`, leaning low for the groups a person is least likely to harm. */
function levelUpTo(random: Random, ceiling: RiskLevel, lean: number): RiskLevel {
  const top = RISK_ORDER.indexOf(ceiling);
  const weights = RISK_ORDER.slice(0, top + 1).map((level, index) => [level, 1 + lean * index] as const);
  return random.weighted(weights);
}

/** The group whose risk sets the overall level, by the kind of offending. */
function mainGroupAtRisk(person: SyntheticPerson): 'children' | 'public' | 'knownAdult' {
  if (person.category === 1) return person.offence.description.toLowerCase().includes('child') ? 'children' : 'public';
  if (person.category === 3) return 'knownAdult';
  return 'public';
}

function syntheticName(random: Random): { firstName: string; lastName: string } {
  return { firstName: random.pick(FIRST_NAMES), lastName: random.pick(SURNAMES) };
}

/** Writes the probation rows for a batch of synthetic people: cases first, then what hangs off them. */
export async function seedProbation(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void> {
  const rows: ProbationRows = {
    cases: [],
    licences: [],
    conditions: [],
    roshes: [],
    plans: [],
    victims: [],
    addresses: [],
    placements: [],
  };
  const disclosures: FinishedDecisionRows[] = [];
  const considerations: Level1ConsiderationInsert[] = [];
  const recalls: (typeof recallTable.$inferInsert)[] = [];
  for (const person of people) {
    // Only people with a CRN are probation cases; under-18s belong to the YOT even if one were set.
    if (person.crn === null || person.probationStatus === null || person.isYouth) continue;
    seedPerson(rows, person, person.crn, dataset);
    recalls.push(...recallsOf(person, person.crn, dataset));
    // Issue 11: some of probation's own level 1 cases had a disclosure proposed at a review (its own stream).
    if (person.level === 1 && person.leadAgency === 'PROBATION' && person.probationStatus === 'CURRENT') {
      const random = new Random(dataset.seed, person.index, 'probation-disclosure');
      if (random.chance(LEVEL_1_DISCLOSURE_SHARE)) {
        const history = level1DisclosureHistory(random, {
          holder: 'PROBATION',
          pncId: person.pncId,
          area: person.area,
          asOf: dataset.asOf,
          issuer: DEV_ISSUER,
          unique: `L1-${person.index}`,
        });
        disclosures.push(history.rows);
        considerations.push(history.consideration);
      }
    }
  }
  await insertInChunks(db, probationCaseTable, rows.cases);
  await Promise.all([
    insertInChunks(db, licenceTable, rows.licences),
    insertInChunks(db, riskOfSeriousHarmTable, rows.roshes),
    insertInChunks(db, riskManagementPlanTable, rows.plans),
    insertInChunks(db, victimContactTable, rows.victims),
    insertInChunks(db, probationAddressTable, rows.addresses),
    insertInChunks(db, approvedPremisesPlacementTable, rows.placements),
    seedApprovedPremisesStaff(db, people),
  ]);
  await Promise.all([insertInChunks(db, licenceConditionTable, rows.conditions), insertInChunks(db, recallTable, recalls)]);
  // Finished history, in its final state (the disclosure triggers let that through only for a history load).
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local mappa.loading_history = 'on'`);
    await tx.execute(sql`set local probation.loading_history = 'on'`);
    await insertFinishedDecisions(tx, disclosureTables, disclosures);
    await insertInChunks(tx, disclosureTables.disclosureConsiderationTable, considerations);
  });
}

/**
 * The staff of every approved premises in the batch's regions (C.8, C.11). The seeder runs batch by
 * batch, so a premises already staffed by an earlier batch is left as it is.
 */
async function seedApprovedPremisesStaff(db: Database, people: readonly SyntheticPerson[]): Promise<void> {
  const providers = [...new Set(people.map((person) => PROVIDER_BY_AREA[person.area][0]))];
  const staff = providers.flatMap((providerCode) =>
    APPROVED_PREMISES.flatMap((name) => {
      const premisesCode = approvedPremisesCode(providerCode, name);
      return approvedPremisesStaffCodes(premisesCode).map((staffCode) => ({ staffCode, premisesCode }));
    }),
  );
  if (staff.length > 0) await db.insert(approvedPremisesStaffTable).values(staff).onConflictDoNothing();
}

/**
 * Of the year's level 2-3 offenders of each category, the share on licence (and so recallable): people
 * in custody are not, nor those on a community order or under no supervision. Table 5's recall share
 * over this is the yearly chance of a recall for someone on licence at levels 2-3.
 */
const LICENCE_SHARE_OF_LEVELS_2_AND_3: Record<1 | 2 | 3, number> = { 1: 0.3, 2: 0.6, 3: 0.24 };

/**
 * Issue 13: recalls to custody of someone on licence today, drawn over the event history (a stream
 * of their own). At levels 2-3 (today, or during an earlier episode) at table 5's rate by category;
 * at level 1 at an assumed base rate. Each recall happened after release and ended in re-release
 * before the dataset's day, since the person is on licence today.
 */
function recallsOf(person: SyntheticPerson, crn: string, dataset: SyntheticDatasetOptions): (typeof recallTable.$inferInsert)[] {
  const sentence = person.sentence;
  if (person.supervision !== 'LICENCE' || person.probationStatus !== 'CURRENT' || sentence === null) return [];
  const random = new Random(dataset.seed, person.index, 'probation-recall');
  const category = person.category === 4 ? 2 : person.category;
  const levels23Chance = Math.min(1, RECALL_SHARE_OF_LEVELS_2_AND_3[category] / LICENCE_SHARE_OF_LEVELS_2_AND_3[category]);
  const released = addDays(sentence.conditionalReleaseDate, 14);
  const latest = addDays(dataset.asOf, -29);
  const episode = person.levelEpisode;
  // Periods in which a recall may fall, each with its chance: the episode itself, or each yearly window.
  const periods =
    episode !== null
      ? [{ from: episode.from, to: episode.to, chance: levels23Chance }]
      : yearlyWindows(dataset.asOf).map((window) => ({
          ...window,
          chance: person.level >= 2 ? levels23Chance : LEVEL_1_RECALL_YEARLY_SHARE,
        }));
  const recalls: (typeof recallTable.$inferInsert)[] = [];
  for (const period of periods) {
    const from = period.from > released ? period.from : released;
    const to = period.to < latest ? period.to : latest;
    const happened = random.chance(period.chance);
    const offset = random.int(0, 364);
    if (!happened || from > to) continue;
    const recallDate = addDays(from, offset % (daysBetween(from, to) + 1));
    const returnedToCustodyDate = addDays(recallDate, random.int(0, 5));
    const fixedTerm = random.chance(0.7);
    const reRelease = addDays(returnedToCustodyDate, fixedTerm ? 28 : random.int(56, 300));
    const lastDay = addDays(dataset.asOf, -1);
    recalls.push({
      recallId: `RC-${crn}-${recalls.length + 1}`,
      crn,
      recallDate,
      reason: random.weighted([
        [RECALL_REASONS[0], 70],
        [RECALL_REASONS[1], 15],
        [RECALL_REASONS[2], 10],
        [RECALL_REASONS[3], 5],
      ] as const),
      recallType: fixedTerm ? 'FIXED_TERM' : 'STANDARD',
      returnedToCustodyDate,
      reReleaseDate: reRelease < lastDay ? reRelease : lastDay,
    });
  }
  return recalls;
}

/** Of probation's current level 1 cases it leads, the share with a disclosure proposed at a review. */
const LEVEL_1_DISCLOSURE_SHARE = 0.05;

function seedPerson(rows: ProbationRows, person: SyntheticPerson, crn: string, dataset: SyntheticDatasetOptions): void {
  // A stream of its own per agency: adding a probation field never changes another agency's data.
  const random = new Random(dataset.seed, person.index, 'probation');
  const { asOf } = dataset;
  const current = person.probationStatus === 'CURRENT';
  const [providerCode, providerDescription] = PROVIDER_BY_AREA[person.area];
  const teamNumber = random.int(1, 9);
  const allocated = current && random.chance(0.96);
  const manager = syntheticName(random);
  const staffCode = allocated
    ? `${providerCode}${random.pick([...ALLOCATED_STAFF_LETTERS])}${random.int(100, 999)}`
    : `${providerCode}UATU`;
  const teamDescription = `${areaName(person.area)} Public Protection Team ${teamNumber}`;
  const teamCode = `${providerCode}${person.area.charAt(0)}T${String(teamNumber).padStart(2, '0')}`;
  // Draws of their own (added with issue 12), so the rest of the probation stream is unchanged.
  const placementRandom = new Random(dataset.seed, person.index, 'probation-placement');

  // Risk first: the tier on the case is derived from it.
  const rosh = current ? buildRiskOfSeriousHarm(random, person, crn, asOf) : null;
  if (rosh) {
    rows.roshes.push(rosh);
    rows.plans.push(buildRiskManagementPlan(random, person, crn, rosh, teamDescription));
  }
  const supervisionType =
    person.supervision === 'CUSTODY' || person.supervision === 'LICENCE' || person.supervision === 'COMMUNITY_ORDER'
      ? person.supervision
      : null;
  rows.cases.push({
    crn,
    pncId: person.pncId,
    status: current ? 'CURRENT' : 'PREVIOUSLY_KNOWN',
    previouslyKnownTerminationDate: current ? null : dateBetween(random, person.offence.convictionDate, asOf),
    supervisionType: current ? supervisionType : null,
    area: person.area,
    providerCode,
    providerDescription,
    teamCode,
    teamDescription,
    teamTelephoneNumber: dramaLandline(random),
    managerStaffCode: staffCode,
    managerForenames: allocated ? manager.firstName : null,
    managerSurname: allocated ? manager.lastName : null,
    managerEmail: allocated ? `${manager.firstName}.${manager.lastName}@probation.example.org`.toLowerCase() : null,
    managerTelephoneNumber: allocated ? dramaLandline(random) : null,
    // Each team has one senior probation officer, who line-manages its offender managers.
    lineManagerStaffCode: `${teamCode}S`,
    // nDelius registers the MAPPA category on a current case, as the MAPPA unit records it.
    mappaCategory: current ? person.category : null,
    tier: rosh ? `${TIER_LETTER[rosh.overallRiskLevel]}${TIER_DIGIT[rosh.ogrsBand]}` : null,
    inBreach: current && person.supervision !== 'CUSTODY' && random.chance(0.08),
    currentRestriction: person.restrictedAccess,
    mainOffenceCode: person.offence.code,
    mainOffenceDescription: person.offence.description,
    convictionDate: person.offence.convictionDate,
    counterTerrorismRestricted: person.category === 4 || person.restrictedAccess,
  });

  const victims =
    current && (person.category === 1 || person.category === 2) && random.chance(0.4)
      ? buildVictims(random, person, crn, providerCode, asOf)
      : [];
  rows.victims.push(...victims);

  const sentence = person.sentence;
  const releaseDue =
    person.supervision === 'CUSTODY' && sentence !== null && sentence.conditionalReleaseDate <= addMonths(asOf, LICENCE_PREPARATION_MONTHS);
  const toApprovedPremises = releaseDue && random.chance(0.6);
  const approvedPremises = toApprovedPremises ? random.pick(APPROVED_PREMISES) : null;
  // Some people on licence live at approved premises now (their MAIN address is the premises).
  const residentAt =
    person.supervision === 'LICENCE' && current && placementRandom.chance(0.15) ? placementRandom.pick(APPROVED_PREMISES) : null;
  const placementAt = approvedPremises ?? residentAt;
  if (placementAt && sentence) {
    rows.placements.push({
      crn,
      premisesCode: approvedPremisesCode(providerCode, placementAt),
      premisesName: placementAt,
      status: residentAt ? 'RESIDENT' : 'PROPOSED',
      expectedArrivalDate: sentence.conditionalReleaseDate,
      departureDate: null,
    });
  }
  let preReleaseStatus: 'IN_PROGRESS' | 'APPROVED' | null = null;
  if (sentence && person.supervision === 'LICENCE') {
    buildActiveLicences(rows, random, placementRandom, person, crn, sentence, staffCode, victims, asOf);
  } else if (sentence && releaseDue) {
    preReleaseStatus = buildPreReleaseLicence(
      rows,
      random,
      placementRandom,
      person,
      crn,
      sentence,
      staffCode,
      victims,
      approvedPremises,
      asOf,
    );
  }

  buildAddresses(rows, random, placementRandom, person, crn, preReleaseStatus, approvedPremises, residentAt, asOf);
}

function buildRiskOfSeriousHarm(random: Random, person: SyntheticPerson, crn: string, asOf: string): RoshInsert {
  const overall = person.roshLevel;
  // Every group is at most the overall level, and the main group at risk is exactly it, so the
  // overall level is the highest of the groups (as OASys derives it).
  const community = {
    children: levelUpTo(random, overall, person.category === 1 ? 2 : 0.3),
    public: levelUpTo(random, overall, 1),
    knownAdult: levelUpTo(random, overall, person.category === 3 ? 3 : 0.5),
    staff: levelUpTo(random, overall, 0.2),
    prisoners: levelUpTo(random, overall, 0),
  };
  community[mainGroupAtRisk(person)] = overall;
  const custody = {
    children: levelUpTo(random, community.children, 0),
    public: levelUpTo(random, community.public, 0.3),
    knownAdult: levelUpTo(random, community.knownAdult, 0.3),
    staff: levelUpTo(random, overall, 0.8),
    prisoners: levelUpTo(random, overall, person.category === 2 || person.category === 4 ? 1.5 : 0.3),
  };
  const assessedDate = addDays(asOf, -random.int(14, 300));
  const sexual = person.category === 1;
  const ogrs = predictor(random, 'ogrs', bandNear(random, 'ogrs', overall));
  const rsr = predictor(random, 'rsr', bandNear(random, 'rsr', overall));
  const ospContact = sexual ? predictor(random, 'ospContact', bandNear(random, 'ospContact', overall)) : null;
  const ospIndecent = sexual ? predictor(random, 'ospIndecent', bandNear(random, 'ospIndecent', overall)) : null;
  const ovp = predictor(random, 'ovp', bandNear(random, 'ovp', person.category === 1 ? RiskLevel.LOW : overall));
  return {
    crn,
    assessmentId: 10_000_000 + person.index,
    assessedDate,
    overallRiskLevel: overall,
    communityChildren: community.children,
    communityPublic: community.public,
    communityKnownAdult: community.knownAdult,
    communityStaff: community.staff,
    communityPrisoners: community.prisoners,
    custodyChildren: custody.children,
    custodyPublic: custody.public,
    custodyKnownAdult: custody.knownAdult,
    custodyStaff: custody.staff,
    custodyPrisoners: custody.prisoners,
    whoIsAtRisk: random.pick(WHO_IS_AT_RISK[person.category]),
    natureOfRisk: random.pick(NATURE_OF_RISK[person.category]),
    riskImminence: random.pick(RISK_IMMINENCE),
    riskIncreaseFactors: random.pick(RISK_INCREASE_FACTORS),
    riskMitigationFactors: random.pick(RISK_MITIGATION_FACTORS),
    analysisOfRiskFactors: `Synthetic: offending follows a pattern linked to ${random.pick(['substance misuse', 'relationship conflict', 'sexual preoccupation', 'pro-criminal attitudes', 'isolation'])}; risk assessed as ${overall.toLowerCase().replace('_', ' ')}.`,
    ogrsScore: ogrs.score,
    ogrsBand: ogrs.band,
    rsrScore: rsr.score,
    rsrBand: rsr.band,
    ospContactScore: ospContact?.score ?? null,
    ospContactBand: ospContact?.band ?? null,
    ospIndecentScore: ospIndecent?.score ?? null,
    ospIndecentBand: ospIndecent?.band ?? null,
    ovpScore: ovp.score,
    ovpBand: ovp.band,
  };
}

function buildRiskManagementPlan(
  random: Random,
  person: SyntheticPerson,
  crn: string,
  rosh: RoshInsert,
  teamDescription: string,
): PlanInsert {
  const inCustody = person.supervision === 'CUSTODY';
  const visitWeeks = rosh.overallRiskLevel === RiskLevel.VERY_HIGH ? 1 : rosh.overallRiskLevel === RiskLevel.HIGH ? 2 : 4;
  return {
    crn,
    assessmentId: rosh.assessmentId,
    initiationDate: addDays(rosh.assessedDate, -random.int(1, 21)),
    dateCompleted: rosh.assessedDate,
    keyInformationCurrentSituation: inCustody
      ? `Synthetic: in custody at ${person.establishmentCode ?? 'a prison'}; release planning under way with the prison offender manager.`
      : `Synthetic: living in the community under ${person.supervision === 'LICENCE' ? 'licence' : 'a community order'}, managed by ${teamDescription}.`,
    furtherConsiderationsCurrentSituation: `Synthetic: managed at MAPPA level ${person.level}, category ${person.category}.`,
    supervision: inCustody
      ? 'Synthetic: monthly contact with the prison offender manager; community offender manager to attend pre-release planning.'
      : `Synthetic: reporting every ${visitWeeks} week${visitWeeks === 1 ? '' : 's'} to ${teamDescription}, with unannounced home visits.`,
    monitoringAndControl: `Synthetic: licence or order conditions enforced; information shared with the police public protection unit${person.level >= 2 ? ' and reviewed at MAPP meetings' : ''}.`,
    interventionsAndTreatment: random.pick([
      'Synthetic: accredited programme addressing offending behaviour, followed by one-to-one work.',
      'Synthetic: referral to substance misuse services and an employment and training programme.',
      'Synthetic: structured one-to-one sessions on relationships and emotional regulation.',
    ]),
    victimSafetyPlanning: random.pick([
      'Synthetic: victim liaison officer informed of release plans; conditions protect known victims.',
      'Synthetic: no identified victim in the community; general safeguarding measures apply.',
      'Synthetic: exclusion zone and no-contact conditions considered with the victim liaison officer.',
    ]),
    contingencyPlans:
      'Synthetic: on any breach or sign of rising risk, an urgent case review with the police; recall considered without delay.',
  };
}

function buildVictims(random: Random, person: SyntheticPerson, crn: string, providerCode: string, asOf: string): VictimInsert[] {
  const count = random.weighted([
    [1, 75],
    [2, 25],
  ] as const);
  const vloStaffId = `${providerCode}V${random.int(100, 999)}`;
  return Array.from({ length: count }, (_, ordinal) => {
    const name = syntheticName(random);
    const hasEmail = random.chance(0.6);
    return {
      victimReference: `VC-${providerCode}-${String(person.index).padStart(7, '0')}-${ordinal + 1}`,
      crn,
      ordinal,
      // The statutory scheme covers violent and sexual offences with 12 months or more in custody.
      scheme: person.sentence !== null ? 'STATUTORY' : 'NON_STATUTORY',
      firstName: name.firstName,
      lastName: name.lastName,
      addressLine1: `${random.int(1, 120)} ${random.pick(STREETS)}`,
      addressTown: random.chance(0.5) ? person.address.town : random.pick(['Alderbrook', 'Cleyholme', 'Tarnside', 'Wolddale']),
      addressPostcode: syntheticPostcode(random),
      telephoneNumber: random.chance(0.85) ? dramaMobile(random) : null,
      email: hasEmail ? `${name.firstName}.${name.lastName}@example.org`.toLowerCase() : null,
      preferredContactMethod: hasEmail
        ? random.pick(['EMAIL', 'TELEPHONE', 'LETTER'] as const)
        : random.pick(['TELEPHONE', 'LETTER'] as const),
      exclusionZoneRequested: random.chance(0.4),
      noContactRequested: random.chance(0.6),
      wantsReleaseInformation: random.chance(0.85),
      representationsMade: random.chance(0.5),
      wishesNotes: random.pick([
        'Synthetic: the victim wishes to be told of any release date and of the licence conditions.',
        'Synthetic: the victim is anxious about chance meetings near home and asked about an exclusion zone.',
        'Synthetic: the victim wants no further contact about the case other than release.',
      ]),
      vloStaffId,
      contactDate: addDays(asOf, -random.int(5, 400)),
    };
  });
}

/** Additional and bespoke conditions for a licence, consistent with the victims' wishes and the release address. */
function additionalConditions(
  random: Random,
  placementRandom: Random,
  person: SyntheticPerson,
  victims: readonly VictimInsert[],
  approvedPremises: string | null,
): ConditionDraft[] {
  const drafts: ConditionDraft[] = [];
  if (approvedPremises) {
    drafts.push(
      additional(
        'RESIDE_AT_APPROVED_PREMISES',
        'Residence at a specific place',
        `You must reside overnight at ${approvedPremises} approved premises, and comply with its rules.`,
      ),
    );
  }
  // Every victim who asked for no contact is named in a condition of their own; without one, some
  // licences still name a person (a witness, a former partner) the offender must not approach.
  const victimsAskingNoContact = victims.filter((victim) => victim.noContactRequested);
  // The condition carries the reference of the victim who asked for it (their VLO reads its wording,
  // B.15, C.32); a named person outside the scheme has none, so no VLO reads it.
  const named: readonly { firstName: string; lastName: string; victimReference?: string }[] =
    victimsAskingNoContact.length > 0 ? victimsAskingNoContact : random.chance(0.15) ? [syntheticName(random)] : [];
  for (const namedPerson of named) {
    drafts.push(
      additional(
        'NO_CONTACT_NAMED_PERSON',
        'Making or maintaining contact with a person',
        `Not to seek to approach or communicate with ${namedPerson.firstName} ${namedPerson.lastName} without the prior approval of your supervising officer.`,
        {
          identifiesVictim: true,
          ...(namedPerson.victimReference ? { victimReference: namedPerson.victimReference } : {}),
        },
      ),
    );
  }
  const victimsAskingZone = victims.filter((victim) => victim.exclusionZoneRequested);
  for (const victim of victimsAskingZone) {
    // Drawn around where the victim lives: the zone itself points to the victim.
    drafts.push(
      additional(
        'EXCLUSION_ZONE',
        'Freedom of movement',
        `Not to enter the area of ${victim.addressTown} around ${victim.addressLine1}, as defined by the attached map, without the prior approval of your supervising officer.`,
        {
          identifiesVictim: true,
          isExclusionZone: true,
          victimReference: victim.victimReference,
        },
      ),
    );
  }
  if (victimsAskingZone.length === 0 && random.chance(person.category === 1 ? 0.2 : 0.05)) {
    drafts.push(
      additional(
        'EXCLUSION_ZONE',
        'Freedom of movement',
        `Not to enter the area of ${person.address.town} town centre, as defined by the attached map, without the prior approval of your supervising officer.`,
        {
          isExclusionZone: true,
          // A zone around no victim's home is often GPS-monitored (A.R37); one around a victim's, never by this seed (it names them).
          electronicMonitoring: placementRandom.chance(0.5),
        },
      ),
    );
  }
  for (const [draft, chance] of CATEGORY_CONDITIONS[person.category]) {
    if (random.chance(chance)) drafts.push(draft);
  }
  if (random.chance(0.3)) drafts.push({ ...CURFEW_CONDITION, electronicMonitoring: placementRandom.chance(0.6) });
  if (random.chance(0.1)) {
    drafts.push({
      kind: 'BESPOKE',
      period: 'AP',
      code: 'BESPOKE',
      category: 'Bespoke',
      text: `Synthetic bespoke condition: not to enter licensed premises in ${person.address.town} without the prior approval of your supervising officer.`,
      identifiesVictim: false,
      isExclusionZone: false,
    });
  }
  return drafts;
}

function licenceConditions(
  random: Random,
  placementRandom: Random,
  person: SyntheticPerson,
  sentence: SyntheticSentence,
  victims: readonly VictimInsert[],
  approvedPremises: string | null,
): ConditionDraft[] {
  return [
    ...STANDARD_AP_CONDITIONS,
    ...additionalConditions(random, placementRandom, person, victims, approvedPremises),
    ...(sentence.topUpSupervisionExpiryDate ? STANDARD_PSS_CONDITIONS : []),
  ];
}

function pushLicence(rows: ProbationRows, licence: LicenceInsert & { licenceId: number }, drafts: readonly ConditionDraft[]): void {
  rows.licences.push(licence);
  // Every row names every column: a chunk's rows are inserted together, so a key one row leaves out would be null.
  drafts.forEach((draft, ordinal) =>
    rows.conditions.push({
      licenceId: licence.licenceId,
      ...draft,
      victimReference: draft.victimReference ?? null,
      electronicMonitoring: draft.electronicMonitoring ?? false,
      ordinal,
    }),
  );
}

/** The licence fields every version shares: all dates come from the person's sentence. */
function licenceBase(person: SyntheticPerson, crn: string, sentence: SyntheticSentence, staffCode: string) {
  return {
    crn,
    prisonNumber: person.prisonNumber,
    typeCode: sentence.topUpSupervisionExpiryDate ? ('AP_PSS' as const) : ('AP' as const),
    sentenceStartDate: sentence.startDate,
    conditionalReleaseDate: sentence.conditionalReleaseDate,
    licenceStartDate: sentence.conditionalReleaseDate,
    licenceExpiryDate: sentence.licenceExpiryDate,
    sentenceExpiryDate: sentence.sentenceExpiryDate,
    topUpSupervisionExpiryDate: sentence.topUpSupervisionExpiryDate,
    responsibleComStaffCode: staffCode,
  };
}

/** Someone on licence: one ACTIVE licence, sometimes with a varied-away original or a variation under way. */
function buildActiveLicences(
  rows: ProbationRows,
  random: Random,
  placementRandom: Random,
  person: SyntheticPerson,
  crn: string,
  sentence: SyntheticSentence,
  staffCode: string,
  victims: readonly VictimInsert[],
  asOf: string,
): void {
  const base = licenceBase(person, crn, sentence, staffCode);
  const release = sentence.conditionalReleaseDate;
  const drafts = licenceConditions(random, placementRandom, person, sentence, victims, null);
  const createdDate = addDays(release, -random.int(20, 90));
  const approvedDate = addDays(release, -random.int(2, 14));
  const original = {
    ...base,
    licenceId: person.index * 10 + 1,
    version: '1.0',
    variationOf: null,
    createdDate,
    approvedDate,
    updatedDate: release,
  };
  const history = random.weighted([
    ['ORIGINAL', 75],
    ['VARIED', 12],
    ['VARYING', 13],
  ] as const);
  if (history === 'ORIGINAL') {
    pushLicence(rows, { ...original, status: 'ACTIVE' }, drafts);
    return;
  }
  const variationCreated = dateBetween(random, release, asOf);
  const variationDrafts = [
    ...drafts,
    {
      kind: 'BESPOKE',
      period: 'AP',
      code: 'BESPOKE',
      category: 'Bespoke',
      text: 'Synthetic variation: attend all appointments with the substance misuse service as directed by your supervising officer.',
      identifiesVictim: false,
      isExclusionZone: false,
    } as const,
  ];
  const variation = {
    ...base,
    licenceId: person.index * 10 + 2,
    version: '2.0',
    variationOf: original.licenceId,
    createdDate: variationCreated,
  };
  if (history === 'VARIED') {
    const variationApproved = dateBetween(random, variationCreated, asOf);
    pushLicence(rows, { ...original, status: 'INACTIVE', updatedDate: variationApproved }, drafts);
    pushLicence(rows, { ...variation, status: 'ACTIVE', approvedDate: variationApproved, updatedDate: variationApproved }, variationDrafts);
    return;
  }
  const status = random.pick(['VARIATION_IN_PROGRESS', 'VARIATION_SUBMITTED', 'VARIATION_APPROVED', 'VARIATION_REJECTED'] as const);
  const decided =
    status === 'VARIATION_APPROVED' || status === 'VARIATION_REJECTED' ? dateBetween(random, variationCreated, asOf) : variationCreated;
  pushLicence(rows, { ...original, status: 'ACTIVE' }, drafts);
  pushLicence(
    rows,
    { ...variation, status, approvedDate: status === 'VARIATION_APPROVED' ? decided : null, updatedDate: decided },
    variationDrafts,
  );
}

/** Someone in custody due for release within six months: the licence is being prepared in CVL. */
function buildPreReleaseLicence(
  rows: ProbationRows,
  random: Random,
  placementRandom: Random,
  person: SyntheticPerson,
  crn: string,
  sentence: SyntheticSentence,
  staffCode: string,
  victims: readonly VictimInsert[],
  approvedPremises: string | null,
  asOf: string,
): 'IN_PROGRESS' | 'APPROVED' {
  const daysToRelease = daysBetween(asOf, sentence.conditionalReleaseDate);
  const status = random.chance(daysToRelease <= 28 ? 0.85 : 0.3) ? 'APPROVED' : 'IN_PROGRESS';
  const createdDate = addDays(asOf, -random.int(5, 60));
  const approvedDate = status === 'APPROVED' ? dateBetween(random, createdDate, asOf) : null;
  pushLicence(
    rows,
    {
      ...licenceBase(person, crn, sentence, staffCode),
      licenceId: person.index * 10 + 1,
      status,
      version: '1.0',
      variationOf: null,
      createdDate,
      approvedDate,
      updatedDate: approvedDate ?? dateBetween(random, createdDate, asOf),
    },
    licenceConditions(random, placementRandom, person, sentence, victims, approvedPremises),
  );
  return status;
}

/** The main address (the person's known address), a proposed release address, and sometimes a previous one. */
function buildAddresses(
  rows: ProbationRows,
  random: Random,
  placementRandom: Random,
  person: SyntheticPerson,
  crn: string,
  preReleaseStatus: 'IN_PROGRESS' | 'APPROVED' | null,
  approvedPremises: string | null,
  residentAt: string | null,
  asOf: string,
): void {
  const sentence = person.sentence;
  const mainStart =
    person.supervision === 'LICENCE' && sentence
      ? sentence.conditionalReleaseDate
      : addDays(sentence?.startDate ?? asOf, -random.int(90, 2000));
  const home = { addressLine1: person.address.line1, town: person.address.town, postcode: person.address.postcode };
  // A resident of approved premises lives there (C.11: the premises is their MAIN address).
  const main = residentAt
    ? {
        type: 'APPROVED_PREMISES' as const,
        buildingName: residentAt,
        addressLine1: `${placementRandom.int(1, 90)} ${placementRandom.pick(STREETS)}`,
        town: person.address.town,
        postcode: syntheticPostcode(placementRandom),
      }
    : { type: 'HOME' as const, buildingName: null, ...home };
  rows.addresses.push({ crn, ordinal: 0, status: 'MAIN', ...main, verified: true, startDate: mainStart, endDate: null });
  if (preReleaseStatus && sentence) {
    const proposed = approvedPremises
      ? {
          type: 'APPROVED_PREMISES' as const,
          buildingName: approvedPremises,
          addressLine1: `${random.int(1, 90)} ${random.pick(STREETS)}`,
          town: person.address.town,
          postcode: syntheticPostcode(random),
        }
      : { type: 'HOME' as const, buildingName: null, ...home };
    rows.addresses.push({
      crn,
      ordinal: 1,
      status: 'PROPOSED',
      ...proposed,
      // Checked and approved once the licence naming it is approved.
      verified: preReleaseStatus === 'APPROVED',
      startDate: sentence.conditionalReleaseDate,
      endDate: null,
    });
  }
  if (random.chance(0.3)) {
    const endDate = addDays(mainStart, -1);
    rows.addresses.push({
      crn,
      ordinal: 2,
      type: 'HOME',
      status: 'PREVIOUS',
      buildingName: null,
      addressLine1: `${random.int(1, 150)} ${random.pick(STREETS)}`,
      town: random.pick(['Alderbrook', 'Cleyholme', 'Tarnside', 'Wolddale', person.address.town]),
      postcode: syntheticPostcode(random),
      verified: true,
      startDate: addDays(endDate, -random.int(180, 2000)),
      endDate,
    });
  }
}

/** How probation's synthetic data is written, cleared (children go with their case) and recognised. */
export const probationSeed: SubgraphSeed = {
  write: seedProbation,
  tables: [
    disclosureTables.disclosureConsiderationTable,
    disclosureTables.disclosureTransitionTable,
    disclosureTables.disclosureConsultationTable,
    disclosureTables.disclosureItemAgreementTable,
    disclosureTables.disclosureItemTable,
    disclosureTables.disclosureDecisionTable,
    approvedPremisesStaffTable,
    probationCaseTable,
  ],
  seededWhenRowsIn: probationCaseTable,
};
