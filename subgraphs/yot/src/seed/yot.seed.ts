import type { SubgraphSeed, Database, MappaArea, SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import { addDays, addMonths, daysBetween, insertInChunks, MAPPA_AREAS, Random, RiskLevel, yearsBetween } from '@mappa/shared';
import { adultTransitionTable } from '../adult-transition/adult-transition.table';
import { assetPlusTable } from '../asset-plus/asset-plus.table';
import { consentRecordTable } from '../consent/consent-record.table';
import { lookedAfterTable } from '../looked-after/looked-after.table';
import type { PARENTAL_RESPONSIBILITY_HOLDERS } from '../looked-after/looked-after.table';
import { mappaHNotificationTable } from '../mappa-h/mappa-h-notification.table';
import { youthCaseTable } from '../youth-case/youth-case.table';
import { youthOrderTable } from '../youth-order/youth-order.table';
import type { YRO_REQUIREMENTS } from '../youth-order/youth-order.table';

type YouthOrderInsert = typeof youthOrderTable.$inferInsert;
type Requirement = (typeof YRO_REQUIREMENTS)[number];
type PrHolder = (typeof PARENTAL_RESPONSIBILITY_HOLDERS)[number];
type ReoffendingLikelihood = 'LOW' | 'MEDIUM' | 'HIGH';
type ConsentPurpose = (typeof consentRecordTable.$inferInsert)['purpose'];

// Staff names are invented: common first names with made-up place-like surnames, never a real person.
const STAFF_FIRST_NAMES = ['Alex', 'Sam', 'Jo', 'Priya', 'Tom', 'Hannah', 'Ravi', 'Nadia', 'Owen', 'Megan', 'Dev', 'Carys'] as const;
const STAFF_SURNAMES = [
  'Ashcombe',
  'Brindlewood',
  'Copperfold',
  'Dunmere',
  'Elmstead',
  'Fernleigh',
  'Glenholt',
  'Hollinsby',
  'Kestrelton',
  'Larchmont',
] as const;

const SECURE_ESTABLISHMENTS = [
  'Ashbury Young Offender Institution (synthetic)',
  'Coldmere Secure Training Centre (synthetic)',
  "Harrowdene Secure Children's Home (synthetic)",
  'Kettleby Young Offender Institution (synthetic)',
] as const;

// Requirements drawn at random; supervision is always present, electronic monitoring only backs a
// curfew or exclusion, and local authority residence would make the child looked after, so it is
// left to children's social care data rather than drawn here.
const OPTIONAL_REQUIREMENTS: readonly Requirement[] = [
  'ACTIVITY',
  'CURFEW',
  'EXCLUSION',
  'PROHIBITED_ACTIVITY',
  'PROGRAMME',
  'UNPAID_WORK',
  'ATTENDANCE_CENTRE',
  'EDUCATION',
  'RESIDENCE',
  'MENTAL_HEALTH_TREATMENT',
  'DRUG_TREATMENT',
  'INTENSIVE_SUPERVISION_AND_SURVEILLANCE',
];

const REFERRAL_ORDER_MONTHS = [3, 6, 9, 12] as const;
const YRO_MONTHS = [6, 12, 18, 24, 36] as const;
// A DTO is 4, 6, 8, 10, 12, 18 or 24 months; the custodial part is half of it.
const DTO_MONTHS = [4, 6, 8, 10, 12, 18, 24] as const;

/**
 * The 18th birthday, as the day `yearsBetween` first gives 18: someone born on 29 February turns
 * 18 on 1 March in a non-leap year, where `addMonths` alone would clamp to 28 February.
 */
function eighteenthBirthday(dateOfBirth: string): string {
  const candidate = addMonths(dateOfBirth, 18 * 12);
  return yearsBetween(dateOfBirth, candidate) >= 18 ? candidate : addDays(candidate, 1);
}

/** Only under-18s on the dataset's day are YOT cases; at 18 the case belongs to probation. */
function isHeldByYot(person: SyntheticPerson, asOf: string): person is SyntheticPerson & { readonly yotReference: string } {
  return person.yotReference !== null && yearsBetween(person.dateOfBirth, asOf) < 18;
}

/** A synthetic council name for a MAPPA area, e.g. `Avon and Somerset Council`. */
function councilFor(area: MappaArea): string {
  const words = area
    .toLowerCase()
    .split('_')
    .map((word) => (word === 'and' ? word : `${word.charAt(0).toUpperCase()}${word.slice(1)}`));
  return `${words.join(' ')} Council`;
}

/** The Scaled Approach: intervention follows the higher of reoffending likelihood and risk of serious harm. */
function interventionLevelFor(rosh: RiskLevel, likelihood: ReoffendingLikelihood): 'STANDARD' | 'ENHANCED' | 'INTENSIVE' {
  if (likelihood === 'HIGH' || rosh === RiskLevel.HIGH || rosh === RiskLevel.VERY_HIGH) return 'INTENSIVE';
  if (likelihood === 'MEDIUM' || rosh === RiskLevel.MEDIUM) return 'ENHANCED';
  return 'STANDARD';
}

function staffName(random: Random): string {
  return `${random.pick(STAFF_FIRST_NAMES)} ${random.pick(STAFF_SURNAMES)}`;
}

function yroRequirements(random: Random, ageAtSentence: number): Requirement[] {
  const requirements: Requirement[] = ['SUPERVISION'];
  for (const requirement of OPTIONAL_REQUIREMENTS) {
    // Unpaid work is only available for 16 and 17 year olds.
    if (requirement === 'UNPAID_WORK' && ageAtSentence < 16) continue;
    if (random.chance(0.18)) requirements.push(requirement);
  }
  if ((requirements.includes('CURFEW') || requirements.includes('EXCLUSION')) && random.chance(0.6))
    requirements.push('ELECTRONIC_MONITORING');
  return requirements;
}

/**
 * The order the young person is supervised on today. Every held young person is supervised in the
 * community (`YOUTH_ORDER`), so the order runs past `asOf`, and a DTO's custodial part has ended.
 */
function currentOrder(random: Random, person: SyntheticPerson, asOf: string): Omit<YouthOrderInsert, 'pncId'> {
  const made = person.offence.convictionDate;
  const runsPastAsOf = (months: number) => addMonths(made, months) > asOf;
  const referral = REFERRAL_ORDER_MONTHS.filter(runsPastAsOf);
  const yro = YRO_MONTHS.filter(runsPastAsOf);
  // Category 2 needs a qualifying sentence: for a DTO, 12 months or more.
  const dto = DTO_MONTHS.filter(
    (months) => (person.category !== 2 || months >= 12) && addMonths(made, months / 2) < asOf && runsPastAsOf(months),
  );
  const type = random.weighted([
    ['REFERRAL_ORDER', referral.length > 0 && person.category === 1 ? 30 : 0],
    ['YOUTH_REHABILITATION_ORDER', 45],
    ['DETENTION_AND_TRAINING_ORDER', dto.length > 0 ? (person.category === 2 ? 60 : 25) : 0],
  ] as const);
  const base = {
    status: 'ACTIVE' as const,
    court: `${person.address.town} Youth Court`,
    madeDate: made,
    startDate: made,
    custodialStartDate: null,
    custodialEndDate: null,
    custodialEstablishment: null,
    communityStartDate: null,
    communityEndDate: null,
  };
  if (type === 'DETENTION_AND_TRAINING_ORDER') {
    const lengthMonths = random.pick(dto);
    const releaseDate = addMonths(made, lengthMonths / 2);
    const endDate = addMonths(made, lengthMonths);
    return {
      ...base,
      type,
      lengthMonths,
      endDate,
      requirements: [],
      custodialStartDate: made,
      custodialEndDate: releaseDate,
      custodialEstablishment: random.pick(SECURE_ESTABLISHMENTS),
      communityStartDate: releaseDate,
      communityEndDate: endDate,
    };
  }
  // A 36-month YRO outlasts any conviction the shared generator gives a young person (at most two
  // years back); the fallback only keeps a hand-made person from crashing the seed.
  const lengthMonths = random.pick(type === 'REFERRAL_ORDER' ? referral : yro.length > 0 ? yro : [36]);
  return {
    ...base,
    type,
    lengthMonths,
    endDate: addMonths(made, lengthMonths),
    requirements: type === 'YOUTH_REHABILITATION_ORDER' ? yroRequirements(random, yearsBetween(person.dateOfBirth, made)) : [],
  };
}

/** An earlier community order, completed before the current conviction; only from the age of 10. */
function previousOrder(random: Random, person: SyntheticPerson): Omit<YouthOrderInsert, 'pncId'> | null {
  if (!random.chance(0.3)) return null;
  const type = random.pick(['REFERRAL_ORDER', 'YOUTH_REHABILITATION_ORDER'] as const);
  const lengthMonths = type === 'REFERRAL_ORDER' ? random.pick(REFERRAL_ORDER_MONTHS) : random.pick([6, 12] as const);
  const made = addMonths(person.offence.convictionDate, -(lengthMonths + random.int(1, 12)));
  const ageAtSentence = yearsBetween(person.dateOfBirth, made);
  // The age of criminal responsibility is 10; allow for the case opening a few weeks before sentence.
  if (yearsBetween(person.dateOfBirth, addDays(made, -60)) < 10) return null;
  return {
    type,
    status: 'COMPLETED',
    court: `${person.address.town} Youth Court`,
    madeDate: made,
    startDate: made,
    endDate: addMonths(made, lengthMonths),
    lengthMonths,
    requirements: type === 'YOUTH_REHABILITATION_ORDER' ? yroRequirements(random, ageAtSentence) : [],
    custodialStartDate: null,
    custodialEndDate: null,
    custodialEstablishment: null,
    communityStartDate: null,
    communityEndDate: null,
  };
}

function parentsWithResponsibility(random: Random, inCare: boolean): PrHolder[] {
  const family = random.weighted([
    ['MOTHER', 40],
    ['MOTHER_AND_FATHER', 38],
    ['FATHER', 8],
    ['MOTHER_AND_STEP_PARENT', 4],
    ['GRANDPARENT', inCare ? 0 : 5],
    ['SPECIAL_GUARDIAN', inCare ? 0 : 5],
  ] as const);
  switch (family) {
    case 'MOTHER_AND_FATHER':
      return ['MOTHER', 'FATHER'];
    case 'MOTHER_AND_STEP_PARENT':
      return ['MOTHER', 'STEP_PARENT'];
    default:
      return [family];
  }
}

function orderLabel(type: YouthOrderInsert['type']): string {
  switch (type) {
    case 'REFERRAL_ORDER':
      return 'referral order';
    case 'YOUTH_REHABILITATION_ORDER':
      return 'youth rehabilitation order';
    case 'DETENTION_AND_TRAINING_ORDER':
      return 'detention and training order (community part)';
  }
}

/** Writes the YOT's rows for a batch of synthetic people: only the under-18s are YOT cases. */
export async function seedYot(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void> {
  const { asOf } = dataset;
  const cases: (typeof youthCaseTable.$inferInsert)[] = [];
  const assessments: (typeof assetPlusTable.$inferInsert)[] = [];
  const orders: YouthOrderInsert[] = [];
  const lookedAfter: (typeof lookedAfterTable.$inferInsert)[] = [];
  const consents: (typeof consentRecordTable.$inferInsert)[] = [];
  const notifications: (typeof mappaHNotificationTable.$inferInsert)[] = [];
  const transitions: (typeof adultTransitionTable.$inferInsert)[] = [];

  for (const person of people) {
    if (!isHeldByYot(person, asOf)) continue;
    // A stream of its own per agency: adding a YOT field never changes another agency's data.
    const random = new Random(dataset.seed, person.index, 'yot');
    const { pncId, dateOfBirth } = person;
    const conviction = person.offence.convictionDate;
    const daysSinceConviction = daysBetween(conviction, asOf);
    const age = yearsBetween(dateOfBirth, asOf);
    const localAuthority = councilFor(person.area);

    const current = currentOrder(random, person, asOf);
    const previous = previousOrder(random, person);
    const dateOpened = addDays((previous ?? current).madeDate, -random.int(14, 56));
    if (previous) orders.push({ pncId, ...previous });
    orders.push({ pncId, ...current });

    const caseManagerStaffId = `YOT${random.int(10000, 99999)}`;
    const transferDate = eighteenthBirthday(dateOfBirth);
    const daysToTransfer = daysBetween(asOf, transferDate);
    // Transition planning starts six months before 18 and the meeting is held in the last three.
    const transitionStatus = daysToTransfer > 183 ? 'NOT_STARTED' : daysToTransfer > 91 ? 'PLANNED' : 'IN_PROGRESS';
    transitions.push({
      pncId,
      plannedTransferDate: transferDate,
      receivingProbationArea: person.area,
      status: transitionStatus,
      transitionMeetingDate:
        transitionStatus === 'NOT_STARTED'
          ? null
          : transitionStatus === 'PLANNED'
            ? addDays(asOf, random.int(7, 60))
            : addDays(asOf, -random.int(1, 60)),
    });

    cases.push({
      pncId,
      yotReference: person.yotReference,
      dateOfBirth,
      area: person.area,
      localAuthority,
      caseManagerStaffId,
      caseManagerName: staffName(random),
      status: transitionStatus === 'IN_PROGRESS' ? 'TRANSITIONING' : random.chance(0.08) ? 'IN_BREACH' : 'OPEN',
      dateOpened,
      mappaCategory: person.category,
      mappaLevel: person.level,
      counterTerrorismRestricted: person.category === 4 || person.restrictedAccess,
    });

    const reoffendingLikelihood = random.weighted([
      ['LOW', 25],
      ['MEDIUM', 45],
      ['HIGH', 30],
    ] as const);
    const interventionLevel = interventionLevelFor(person.roshLevel, reoffendingLikelihood);
    // Reassessed at least every three months, and never before the current conviction.
    const assessedDate = addDays(asOf, -random.int(7, Math.min(90, daysSinceConviction)));
    const awaitingCountersignature = daysBetween(assessedDate, asOf) <= 14 && random.chance(0.5);
    assessments.push({
      pncId,
      roshLevel: person.roshLevel,
      safetyAndWellbeingLevel: random.weighted([
        ['LOW', 20],
        ['MEDIUM', 40],
        ['HIGH', 30],
        ['VERY_HIGH', 10],
      ] as const),
      reoffendingLikelihood,
      interventionLevel,
      assessedDate,
      assessorStaffId: caseManagerStaffId,
      countersignedDate: awaitingCountersignature
        ? null
        : addDays(assessedDate, random.int(1, Math.min(14, daysBetween(assessedDate, asOf)))),
      countersigningManagerStaffId: awaitingCountersignature ? null : `YOTM${random.int(1000, 9999)}`,
      countersigningManagerName: awaitingCountersignature ? null : staffName(random),
      nextReviewDate: addMonths(assessedDate, interventionLevel === 'INTENSIVE' ? 3 : 6),
    });

    // Children's social care supplies a status for the children it knows; not every child is known.
    const knownToChildrensSocialCare = random.chance(0.9);
    let isLookedAfter = false;
    if (knownToChildrensSocialCare) {
      isLookedAfter = random.chance(0.3);
      const legalBasis = isLookedAfter
        ? random.weighted([
            ['SECTION_20', 45],
            ['SECTION_31_CARE_ORDER', 40],
            ['SECTION_38_INTERIM_CARE_ORDER', 8],
            ['YOUTH_REMAND', 7],
          ] as const)
        : null;
      // Under a care order (final or interim) the local authority shares parental responsibility;
      // under s20 or a remand the parents keep it alone.
      const inCare = legalBasis === 'SECTION_31_CARE_ORDER' || legalBasis === 'SECTION_38_INTERIM_CARE_ORDER';
      const otherArea = random.pick(MAPPA_AREAS.filter((area) => area !== person.area));
      lookedAfter.push({
        pncId,
        lookedAfter: isLookedAfter,
        legalBasis,
        responsibleLocalAuthority: isLookedAfter ? (random.chance(0.2) ? councilFor(otherArea) : localAuthority) : null,
        parentalResponsibilityHolders: [...parentsWithResponsibility(random, inCare), ...(inCare ? (['LOCAL_AUTHORITY'] as const) : [])],
        source: 'CHILDRENS_SOCIAL_CARE',
        asAtDate: addDays(asOf, -random.int(0, 30)),
      });
    }

    const purposes: ConsentPurpose[] = ['INFORMATION_SHARING_WITH_MAPPA'];
    if (knownToChildrensSocialCare && random.chance(0.5)) purposes.push('INFORMATION_SHARING_WITH_CHILDRENS_SOCIAL_CARE');
    if (random.chance(0.3)) purposes.push('REFERRAL_TO_HEALTH_SERVICES');
    if (current.requirements.includes('ELECTRONIC_MONITORING')) purposes.push('ELECTRONIC_MONITORING');
    for (const purpose of purposes) {
      // Fraser competence is judged for each decision; the young person decides only when competent.
      const fraserCompetent = random.chance(age >= 16 ? 0.8 : 0.55);
      // A tag needs consent before the order can run, so an electronic-monitoring refusal is never recorded here.
      const refused = purpose !== 'ELECTRONIC_MONITORING' && random.chance(0.1);
      const decisionDate = addDays(current.madeDate, random.int(0, Math.min(30, daysSinceConviction - 1)));
      consents.push({
        pncId,
        purpose,
        decision: refused ? 'REFUSED' : 'GIVEN',
        givenBy: fraserCompetent ? 'YOUNG_PERSON' : 'PARENT_OR_CARER',
        fraserCompetent,
        assessedByStaffId: `SW${random.int(10000, 99999)}`,
        assessedByRole:
          isLookedAfter || (knownToChildrensSocialCare && random.chance(0.3)) ? 'ALLOCATED_SOCIAL_WORKER' : 'YOT_SOCIAL_WORKER',
        decisionDate,
        withdrawnDate: !refused && random.chance(0.1) ? addDays(decisionDate, random.int(1, daysBetween(decisionDate, asOf))) : null,
        // Public protection outweighs a refusal to share with MAPPA: a recorded, defensible override.
        overriddenOnPublicProtectionGrounds: refused && purpose === 'INFORMATION_SHARING_WITH_MAPPA',
      });
    }

    // MAPPA H goes to the co-ordinator within 3 days of sentence, and before the MAPPA case starts.
    const daysToMappaStart = Math.max(1, daysBetween(conviction, person.mappaStartDate));
    notifications.push({
      pncId,
      notifiedDate: addDays(conviction, random.int(1, Math.min(3, daysToMappaStart))),
      coordinatorArea: person.area,
      category: person.category,
      levelSought: person.level,
      reason: `Synthetic: category ${person.category} young person aged ${yearsBetween(dateOfBirth, conviction)} sentenced to a ${orderLabel(current.type)}; AssetPlus risk of serious harm ${person.roshLevel}; level ${person.level} management sought.`,
      notifiedByStaffId: caseManagerStaffId,
    });
  }

  await insertInChunks(db, youthCaseTable, cases);
  await Promise.all([
    insertInChunks(db, assetPlusTable, assessments),
    insertInChunks(db, youthOrderTable, orders),
    insertInChunks(db, lookedAfterTable, lookedAfter),
    insertInChunks(db, consentRecordTable, consents),
    insertInChunks(db, mappaHNotificationTable, notifications),
    insertInChunks(db, adultTransitionTable, transitions),
  ]);
}

/** How the YOT's synthetic data is written, cleared (children go with their case) and recognised. */
export const yotSeed: SubgraphSeed = { write: seedYot, tables: [youthCaseTable], seededWhenRowsIn: youthCaseTable };
