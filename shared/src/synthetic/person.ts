import { AREA_POPULATION, LOCAL_AUTHORITIES_BY_AREA } from '../domain/area-population';
import { MAPPA_AREAS } from '../domain/mappa-area';
import type { MappaArea } from '../domain/mappa-area';
import { RiskLevel } from '../domain/risk-level';
import type { MappaCategory, MappaLevel } from '../domain/mappa';
import { formatPncId } from '../validation/identifiers';
import { addDays, addMonths, daysBetween } from './dates';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, STREETS, SURNAMES, TOWNS } from './names';
import { Random } from './random';

/** Where the person is today, which decides which agency supervises them. */
export type Supervision = 'CUSTODY' | 'LICENCE' | 'COMMUNITY_ORDER' | 'YOUTH_ORDER' | 'NONE';

/** The offence behind the current MAPPA eligibility, with its statutory schedule flags. */
export interface SyntheticOffence {
  readonly code: string;
  readonly description: string;
  readonly schedule15: boolean;
  readonly schedule3: boolean;
  readonly convictionDate: string;
}

/** The custodial sentence (current, or served and now on licence). */
export interface SyntheticSentence {
  readonly type: 'SDS' | 'EDS' | 'LIFE' | 'IPP' | 'SOPC';
  readonly lengthMonths: number | null;
  readonly startDate: string;
  readonly conditionalReleaseDate: string;
  /** Null for indeterminate sentences (life, IPP): the licence can last for life. */
  readonly licenceExpiryDate: string | null;
  /** Null for indeterminate sentences (life, IPP). */
  readonly sentenceExpiryDate: string | null;
  readonly paroleEligibilityDate: string | null;
  readonly tariffDate: string | null;
  readonly homeDetentionCurfewEligibilityDate: string | null;
  readonly topUpSupervisionExpiryDate: string | null;
}

/**
 * One synthetic MAPPA offender as every agency sees them. Each agency's seeder derives its own
 * rows from this, so the same person has a matching identity, MAPPA case, custody or community
 * status, release dates, licence and risk in all five subgraphs.
 */
export interface SyntheticPerson {
  readonly index: number;
  readonly pncId: string;
  readonly croNumber: string;
  readonly firstName: string;
  readonly middleName: string | null;
  readonly lastName: string;
  readonly aliases: readonly { readonly firstName: string; readonly lastName: string }[];
  readonly dateOfBirth: string;
  readonly gender: 'MALE' | 'FEMALE';
  readonly ethnicityCode: string;
  readonly nationality: string;
  readonly area: MappaArea;
  /** The local authority of the person's home, one of the area's (weighted by their populations). */
  readonly localAuthority: string;
  readonly isYouth: boolean;
  readonly category: MappaCategory;
  readonly level: MappaLevel;
  readonly leadAgency: 'POLICE' | 'PROBATION' | 'YOT';
  readonly mappaStartDate: string;
  readonly nextReviewDate: string;
  readonly supervision: Supervision;
  readonly restrictedAccess: boolean;
  readonly crn: string | null;
  readonly probationStatus: 'CURRENT' | 'PREVIOUSLY_KNOWN' | null;
  readonly prisonNumber: string | null;
  readonly establishmentCode: string | null;
  readonly yotReference: string | null;
  readonly hasVisorRecord: boolean;
  readonly offence: SyntheticOffence;
  readonly sentence: SyntheticSentence | null;
  readonly roshLevel: RiskLevel;
  readonly policeRiskLevel: RiskLevel;
  readonly address: { readonly line1: string; readonly town: string; readonly postcode: string };
  /**
   * A stretch at level 2 or 3, within the event history before the dataset's day, of someone managed
   * at level 1 today: referred and screened up, reviewed at MAPP meetings, then stepped down when the
   * added value was gone. It gives the year's level 2-3 count its turnover (annual report table 2
   * against table 1). Null for most people; the MAPPA unit's case history and probation's recalls
   * both read it, so they agree.
   */
  readonly levelEpisode: LevelEpisode | null;
}

/** A past stretch at a higher level, from the screening that raised it to the meeting that stepped it down. */
export interface LevelEpisode {
  readonly level: 2 | 3;
  readonly from: string;
  readonly to: string;
}

/** Options shared by every person of one synthetic dataset. */
export interface SyntheticDatasetOptions {
  readonly seed: number;
  /** The day the dataset describes ("today" for the data); fixed so a seed always gives the same data. */
  readonly asOf: string;
  /**
   * The MAPPA areas people are spread over (default: all 42). Row scope is by area, so a test
   * that asks as one area's principal about many people seeds them in that area. Only the area
   * changes: every other attribute of a person is the same whatever the list.
   */
  readonly areas?: readonly MappaArea[];
}

export const DEFAULT_AS_OF = '2026-11-01';

// Joint distribution of category and level for one area on 31 March 2014 (annual report), with
// category 4 added at about 1%. Category 3 exists only at levels 2 and 3.
const CATEGORY_LEVEL_WEIGHTS: readonly (readonly [string, number])[] = [
  ['1:1', 1228],
  ['1:2', 35],
  ['1:3', 5],
  ['2:1', 563],
  ['2:2', 17],
  ['2:3', 1],
  ['3:2', 32],
  ['3:3', 2],
  ['4:1', 8],
  ['4:2', 8],
  ['4:3', 3],
];

const ETHNICITY_CODES = ['W1', 'W1', 'W1', 'W1', 'W1', 'W2', 'W9', 'A1', 'A2', 'B1', 'B2', 'M1', 'M9', 'O9'] as const;
const FOREIGN_NATIONALITIES = ['Irish', 'Polish', 'Romanian', 'Lithuanian', 'Albanian', 'Jamaican'] as const;

const OFFENCES: Record<MappaCategory, readonly Omit<SyntheticOffence, 'convictionDate'>[]> = {
  1: [
    { code: 'SX03001', description: 'Rape of a female aged 16 or over', schedule15: true, schedule3: true },
    { code: 'SX03005', description: 'Rape of a child under 13', schedule15: true, schedule3: true },
    { code: 'SX03014', description: 'Sexual assault on a female', schedule15: true, schedule3: true },
    { code: 'SX03020', description: 'Make indecent photograph of a child', schedule15: false, schedule3: true },
    { code: 'SX03031', description: 'Sexual activity with a child', schedule15: true, schedule3: true },
  ],
  2: [
    { code: 'OF61001', description: 'Wounding with intent to cause grievous bodily harm', schedule15: true, schedule3: false },
    { code: 'OF61010', description: 'Manslaughter', schedule15: true, schedule3: false },
    { code: 'OF61020', description: 'Robbery with a firearm', schedule15: true, schedule3: false },
    { code: 'OF61030', description: 'Arson with intent to endanger life', schedule15: true, schedule3: false },
  ],
  3: [
    { code: 'CJ03020', description: 'Assault occasioning actual bodily harm (domestic)', schedule15: true, schedule3: false },
    { code: 'CJ03021', description: 'Stalking involving fear of violence', schedule15: false, schedule3: false },
  ],
  4: [
    { code: 'TA00058', description: 'Collection of information useful for terrorism', schedule15: true, schedule3: false },
    { code: 'TA06005', description: 'Preparation of terrorist acts', schedule15: true, schedule3: false },
  ],
};

// Establishments hold one sex: women are held only in a women's prison (Downview here).
const MENS_PRISON_CODES = ['BMI', 'FKI', 'HMI', 'LEI', 'MDI', 'NMI', 'PVI', 'SFI', 'WDI', 'WLI', 'WTI'] as const;
const WOMENS_PRISON_CODES = ['DWI'] as const;

const CRN_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const PRISON_SUFFIX_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The synthetic person at `index` of the dataset: the same answer for the same seed, every time. */
export function syntheticPerson(index: number, options: SyntheticDatasetOptions): SyntheticPerson {
  const random = new Random(options.seed, index, 'person');
  const { asOf } = options;
  const [categoryText, levelText] = random.weighted(CATEGORY_LEVEL_WEIGHTS).split(':');
  const category = Number(categoryText) as MappaCategory;
  const level = Number(levelText) as MappaLevel;

  // Under-18s are a small share and are only category 1 or 2 (youth offending team cases).
  const isYouth = (category === 1 || category === 2) && random.chance(0.02);
  const age = isYouth ? random.int(14, 17) : random.int(19, 78);
  const dateOfBirth = addDays(addMonths(asOf, -12 * age), -random.int(1, 364));
  const gender = random.chance(category === 1 ? 0.02 : 0.06) ? 'FEMALE' : 'MALE';
  const firstName = random.pick(gender === 'MALE' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
  const lastName = random.pick(SURNAMES);
  const middleName = random.chance(0.6) ? random.pick(gender === 'MALE' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES) : null;
  const aliasCount = random.weighted([
    [0, 70],
    [1, 22],
    [2, 8],
  ] as const);
  const aliases = Array.from({ length: aliasCount }, () => ({
    firstName: random.chance(0.5) ? firstName : random.pick(gender === 'MALE' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES),
    lastName: random.pick(SURNAMES),
  }));
  const isForeignNational = random.chance(0.08);

  // Permuting the index (7919 is coprime with 10^7) keeps identifiers unique yet unordered.
  const serial = (index * 7919 + options.seed * 104_729) % 10_000_000;
  const firstArrestYear = Math.min(Number(dateOfBirth.slice(0, 4)) + random.int(12, 30), Number(asOf.slice(0, 4)));
  const pncId = formatPncId(firstArrestYear, serial);
  const croNumber = `SF${String(firstArrestYear % 100).padStart(2, '0')}/${String(serial % 1_000_000).padStart(6, '0')}${pncId.slice(-1)}`;

  const offenceTemplate = random.pick(OFFENCES[category]);
  const convictionDate = addDays(asOf, -random.int(isYouth ? 60 : 200, isYouth ? 700 : 4000));
  const offence: SyntheticOffence = { ...offenceTemplate, convictionDate };

  const supervision = chooseSupervision(random, category, isYouth);
  const sentence =
    supervision === 'CUSTODY' || supervision === 'LICENCE' ? buildSentence(random, category, supervision, convictionDate, asOf) : null;

  const leadAgency = isYouth ? 'YOT' : supervision === 'NONE' ? 'POLICE' : 'PROBATION';
  const mappaStartDate = addDays(convictionDate, random.int(1, 60));
  // Reviews: level 3 at least every 8 weeks, level 2 every 16 weeks, level 1 yearly by the lead agency.
  const reviewIntervalDays = level === 3 ? 56 : level === 2 ? 112 : 365;
  const nextReviewDate = addDays(asOf, random.int(1, reviewIntervalDays));

  const hasCrn = !isYouth && (supervision !== 'NONE' || random.chance(0.5));
  const crn = hasCrn
    ? `${CRN_LETTERS[Math.floor(index / 1_000_000) % CRN_LETTERS.length]}${String((index * 337 + options.seed) % 1_000_000).padStart(6, '0')}`
    : null;
  const hasPrisonRecord = supervision === 'CUSTODY' || supervision === 'LICENCE';
  const prisonNumber = hasPrisonRecord ? prisonNumberFor(index, options.seed) : null;
  // Areas are as large as their populations (one draw, like the uniform pick it replaced, so no
  // other attribute of the person moved): London holds about fifteen times Cleveland's offenders.
  const area = random.weighted((options.areas ?? MAPPA_AREAS).map((candidate) => [candidate, AREA_POPULATION[candidate]] as const));
  // Streams of their own (issue 13), so adding them changed nothing else about the person.
  const localAuthority = new Random(options.seed, index, 'person-local-authority').weighted(LOCAL_AUTHORITIES_BY_AREA[area]);

  const roshLevel = riskFor(random, level);
  return {
    index,
    pncId,
    croNumber,
    firstName,
    middleName,
    lastName,
    aliases,
    dateOfBirth,
    gender,
    ethnicityCode: random.pick(ETHNICITY_CODES),
    nationality: isForeignNational ? random.pick(FOREIGN_NATIONALITIES) : 'British',
    area,
    localAuthority,
    isYouth,
    category,
    level,
    leadAgency,
    mappaStartDate,
    nextReviewDate,
    supervision,
    restrictedAccess: category === 4 || random.chance(0.005),
    crn,
    probationStatus: crn === null ? null : supervision === 'NONE' ? 'PREVIOUSLY_KNOWN' : 'CURRENT',
    prisonNumber,
    establishmentCode: supervision === 'CUSTODY' ? random.pick(gender === 'FEMALE' ? WOMENS_PRISON_CODES : MENS_PRISON_CODES) : null,
    yotReference: isYouth ? `YOT-${area.slice(0, 3)}-${String(index % 1_000_000).padStart(6, '0')}` : null,
    // ViSOR holds category 1 and 4, and categories 2 and 3 only when managed at level 2 or 3 (A.R4).
    hasVisorRecord: category === 1 || category === 4 || level >= 2,
    offence,
    sentence,
    roshLevel,
    policeRiskLevel: random.chance(0.7) ? roshLevel : riskFor(random, level),
    address: {
      line1: `${random.int(1, 180)} ${random.pick(STREETS)}`,
      town: random.pick(TOWNS),
      postcode: `ZZ${random.int(1, 99)} ${random.int(1, 9)}${random.pick(['AA', 'AB', 'BA', 'BD', 'DE', 'EF'])}`,
    },
    levelEpisode: levelEpisodeFor(new Random(options.seed, index, 'person-level-episode'), {
      category,
      level,
      isYouth,
      supervision,
      mappaStartDate,
      asOf,
    }),
  };
}

/** Years before the dataset's day in which episodes fall: enough for the last reporting year (it ended at most 19 months before). */
const EPISODE_YEARS = 2;

/**
 * How long an episode lasts and the yearly chance of one starting for an adult at level 1 in the
 * community, by category. Tuned so that table 2 against table 1 (`LEVELS_2_AND_3_TURNOVER`: x1.95
 * for category 1, x6.5 for category 2) holds for the last reporting year, measured from the case
 * history (test/src/synthetic-annual-report.test.ts). Turnover of x6.5 means category 2 stints at
 * levels 2-3 are short on average: the report's yearly count includes cases that closed (licence
 * expired), which this model, where everyone has an active case, represents as short stints stepped
 * down at the next meeting; to reach it, category 2 episodes also fall in custody (reviewed at level 2
 * while release or parole is planned). Category 4 follows category 1 (the report has none).
 */
const EPISODES: Record<1 | 2, { readonly days: readonly [number, number]; readonly yearlyChance: number }> = {
  1: { days: [60, 240], yearlyChance: 0.074 },
  2: { days: [14, 42], yearlyChance: 0.36 },
};

function levelEpisodeFor(
  random: Random,
  person: { category: MappaCategory; level: MappaLevel; isYouth: boolean; supervision: Supervision; mappaStartDate: string; asOf: string },
): LevelEpisode | null {
  const episode = EPISODES[person.category === 2 ? 2 : 1];
  const chance = random.next();
  const days = random.int(episode.days[0], episode.days[1]);
  const startBack = random.int(days + 1, EPISODE_YEARS * 365);
  const level: 2 | 3 = random.chance(0.1) ? 3 : 2;
  if (person.level !== 1 || person.category === 3 || person.isYouth || person.supervision === 'YOUTH_ORDER') return null;
  if (person.supervision === 'CUSTODY' && person.category !== 2) return null;
  if (chance >= Math.min(1, EPISODE_YEARS * episode.yearlyChance)) return null;
  const from = addDays(person.asOf, -startBack);
  // The case was open (and screened at level 1 for a month at least) before it was raised.
  if (from <= addDays(person.mappaStartDate, 30)) return null;
  return { level, from, to: addDays(from, days) };
}

function chooseSupervision(random: Random, category: MappaCategory, isYouth: boolean): Supervision {
  // Under-18s are supervised by the YOT in the community: never placed in an adult prison.
  if (isYouth) return 'YOUTH_ORDER';
  // About 40% of MAPPA offenders are in custody, the rest in the community.
  if (random.chance(0.4)) return 'CUSTODY';
  switch (category) {
    case 1:
      return random.weighted([
        ['LICENCE', 40],
        ['COMMUNITY_ORDER', 20],
        ['NONE', 40],
      ] as const);
    case 2:
    case 4:
      // Categories 2 and 4 are MAPPA offenders because of a sentence they are still serving.
      return 'LICENCE';
    case 3:
      return random.weighted([
        ['LICENCE', 40],
        ['COMMUNITY_ORDER', 30],
        ['NONE', 30],
      ] as const);
  }
}

function buildSentence(
  random: Random,
  category: MappaCategory,
  supervision: 'CUSTODY' | 'LICENCE',
  convictionDate: string,
  asOf: string,
): SyntheticSentence {
  const type = random.weighted([
    ['SDS', 70],
    ['EDS', 15],
    ['SOPC', category === 1 ? 5 : 0],
    ['LIFE', 5],
    ['IPP', 5],
  ] as const);
  const indeterminate = type === 'LIFE' || type === 'IPP';
  const startDate = addDays(convictionDate, random.int(0, 30));
  // Custody: release falls in the coming years; licence: released in the past, licence still running.
  // Released people left custody at least three months into their sentence and at least two weeks ago.
  const releasedFrom = addDays(startDate, 90);
  const releasedWindowDays = Math.max(0, Math.min(3 * 365, daysBetween(releasedFrom, addDays(asOf, -14))));
  const conditionalReleaseDate =
    supervision === 'CUSTODY' ? addDays(asOf, random.int(14, 5 * 365)) : addDays(asOf, -14 - random.int(0, releasedWindowDays));
  const lengthMonths = indeterminate ? null : Math.max(12, Math.round(monthsBetween(startDate, conditionalReleaseDate) * 2));
  const sentenceExpiryDate = indeterminate ? null : addMonths(startDate, lengthMonths ?? 0);
  const extendedLicenceEnd = sentenceExpiryDate && type === 'EDS' ? addMonths(sentenceExpiryDate, random.int(12, 60)) : sentenceExpiryDate;
  // Someone on licence today must have a licence that has not yet expired.
  const licenceExpiryDate =
    extendedLicenceEnd && supervision === 'LICENCE' && extendedLicenceEnd <= asOf ? addMonths(asOf, random.int(3, 36)) : extendedLicenceEnd;
  return {
    type,
    lengthMonths,
    startDate,
    conditionalReleaseDate,
    licenceExpiryDate,
    sentenceExpiryDate:
      sentenceExpiryDate && licenceExpiryDate && sentenceExpiryDate < licenceExpiryDate ? licenceExpiryDate : sentenceExpiryDate,
    paroleEligibilityDate: type === 'EDS' || indeterminate ? addDays(conditionalReleaseDate, -random.int(90, 700)) : null,
    tariffDate: indeterminate ? addDays(conditionalReleaseDate, -random.int(30, 400)) : null,
    homeDetentionCurfewEligibilityDate: type === 'SDS' && category !== 1 && category !== 4 ? addDays(conditionalReleaseDate, -135) : null,
    topUpSupervisionExpiryDate: type === 'SDS' && (lengthMonths ?? 0) < 24 ? addMonths(conditionalReleaseDate, 12) : null,
  };
}

function riskFor(random: Random, level: MappaLevel): RiskLevel {
  const weights: readonly (readonly [RiskLevel, number])[] =
    level === 3
      ? [
          [RiskLevel.VERY_HIGH, 60],
          [RiskLevel.HIGH, 40],
        ]
      : level === 2
        ? [
            [RiskLevel.VERY_HIGH, 15],
            [RiskLevel.HIGH, 60],
            [RiskLevel.MEDIUM, 25],
          ]
        : [
            [RiskLevel.HIGH, 15],
            [RiskLevel.MEDIUM, 55],
            [RiskLevel.LOW, 30],
          ];
  return random.weighted(weights);
}

function monthsBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / (30.44 * 86_400_000);
}

function prisonNumberFor(index: number, seed: number): string {
  const n = (index * 7927 + seed) % (26 * 10_000 * PRISON_SUFFIX_LETTERS.length ** 2);
  const digits = n % 10_000;
  const rest = Math.floor(n / 10_000);
  const suffix1 = PRISON_SUFFIX_LETTERS[rest % PRISON_SUFFIX_LETTERS.length];
  const suffix2 = PRISON_SUFFIX_LETTERS[Math.floor(rest / PRISON_SUFFIX_LETTERS.length) % PRISON_SUFFIX_LETTERS.length];
  const first = String.fromCharCode(65 + (Math.floor(rest / PRISON_SUFFIX_LETTERS.length ** 2) % 26));
  return `${first}${String(digits).padStart(4, '0')}${suffix1}${suffix2}`;
}

/** Persons `start` to `start + count - 1` of the dataset. */
export function syntheticPeople(start: number, count: number, options: SyntheticDatasetOptions): SyntheticPerson[] {
  return Array.from({ length: count }, (_, offset) => syntheticPerson(start + offset, options));
}

/** The prison confirms a release date 8 months before release (MAPPA Guidance ch. 15). */
export const RELEASE_CONFIRMATION_MONTHS = 8;

/**
 * The release date the prison holds for someone in custody today, as every agency must see it: the
 * conditional release date, except that an indeterminate sentence (life, IPP) has none until it is
 * confirmed 8 months ahead. Null for anyone not in custody (under-18s are never in an adult prison).
 * The prison seed's `releaseDate` follows the same rule; the workflow seed test checks the two agree.
 */
export function custodyReleaseDate(person: SyntheticPerson, asOf: string): string | null {
  const { sentence } = person;
  if (person.supervision !== 'CUSTODY' || person.isYouth || person.prisonNumber === null || sentence === null) return null;
  const indeterminate = sentence.type === 'LIFE' || sentence.type === 'IPP';
  const confirmed = sentence.conditionalReleaseDate <= addMonths(asOf, RELEASE_CONFIRMATION_MONTHS);
  return indeterminate && !confirmed ? null : sentence.conditionalReleaseDate;
}
