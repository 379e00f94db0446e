import {
  addDays,
  daysBetween,
  homeOfficeNotificationDateOf,
  insertInChunks,
  isNotifiedForeignNational,
  Random,
  RiskLevel,
} from '@mappa/shared';
import type { Database, SubgraphSeed, SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import { detentionDecisionTable } from '../detention-decision/detention-decision.table';
import { detentionTable } from '../detention/detention.table';
import type { DetentionRow } from '../detention/detention.table';
import { immigrationCaseTable } from '../immigration-case/immigration-case.table';
import { ircSuitabilityTable } from '../irc-suitability/irc-suitability.table';

// Immigration removal centres: invented names, never a real centre.
const IRCS = [
  { code: 'BKM', name: 'Brookmere Immigration Removal Centre (synthetic)' },
  { code: 'CLN', name: 'Colnbrook Vale Immigration Removal Centre (synthetic)' },
  { code: 'HRW', name: 'Harrowfield Immigration Removal Centre (synthetic)' },
  { code: 'TNS', name: 'Tennisford Immigration Removal Centre (synthetic)' },
] as const;

/** The Criminal Casework case owner of a case: a few dozen staff, named by number. */
export function caseOwnerStaffIdOf(person: SyntheticPerson): string {
  return `HOCC${String((person.index % 40) + 1).padStart(4, '0')}`;
}

/** A Home Office decision's id: `HOD-<index>-<n>`. */
export const detentionDecisionIdOf = (person: SyntheticPerson, n: number): string => `HOD-${person.index}-${n}`;

/**
 * Seed 000 §7: every foreign national imprisoned for an offence that brings them into MAPPA is flagged
 * a MAPPA nominal. Category 3 is decided by the lead agency later, from behaviour, not at sentencing,
 * so the prison's notification cannot flag it then.
 */
const flaggedAtSentencing = (person: SyntheticPerson): boolean => person.category !== 3;

/**
 * The Home Office's records for a batch of synthetic people (issue 14): an immigration case for every
 * foreign national the prison notified (`isNotifiedForeignNational`, C.70), received on the day the
 * prison sent it. Those still in prison custody are assessed for an IRC as release nears (seed 000 §4)
 * and some have a decision on transfer pending. Time-served ones (released from prison on the
 * sentence's conditional release date, as the prison's custody shows) were mostly detained in an IRC
 * on that day: recently released ones are still detained, with the arrangements for release confirmed
 * for some; longer ago, most were removed or deported and some released once the arrangements were in
 * place. A stream of its own, so no other agency's data moves.
 */
export async function seedHomeOffice(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void> {
  const { asOf } = dataset;
  const cases: (typeof immigrationCaseTable.$inferInsert)[] = [];
  const detentions: (typeof detentionTable.$inferInsert)[] = [];
  const assessments: (typeof ircSuitabilityTable.$inferInsert)[] = [];
  const decisions: (typeof detentionDecisionTable.$inferInsert)[] = [];

  for (const person of people) {
    if (!isNotifiedForeignNational(person) || person.sentence === null) continue;
    const random = new Random(dataset.seed, person.index, 'home-office');
    const caseOwnerStaffId = caseOwnerStaffIdOf(person);
    const nominal = flaggedAtSentencing(person);
    cases.push({
      pncId: person.pncId,
      homeOfficeReference: `HO-${String(person.index % 100_000_000).padStart(8, '0')}`,
      nationality: person.nationality,
      mappaArea: person.area,
      counterTerrorismRestricted: person.category === 4 || person.restrictedAccess,
      mappaNominal: nominal,
      mappaCategory: nominal ? person.category : null,
      notificationReceivedDate: homeOfficeNotificationDateOf(person),
      caseOwnerStaffId,
    });
    const crd = person.sentence.conditionalReleaseDate;
    const tooRisky = person.level === 3 || person.roshLevel === RiskLevel.VERY_HIGH || random.chance(0.1);
    const assessor = `DEPMU${String(random.int(1, 12)).padStart(3, '0')}`;

    if (person.supervision === 'CUSTODY') {
      // Seed 000 §4: assessed for transfer to an IRC as the end of custody nears.
      if (daysBetween(asOf, crd) <= 270 || random.chance(0.3)) {
        assessments.push({
          pncId: person.pncId,
          assessedDate: addDays(asOf, -random.int(5, 150)),
          outcome: tooRisky ? 'UNSUITABLE_REMAIN_IN_PRISON' : 'SUITABLE_FOR_IRC',
          mappaLevelConsidered: person.level,
          assessedByStaffId: assessor,
        });
        if (random.chance(0.5))
          decisions.push({
            decisionId: detentionDecisionIdOf(person, 1),
            pncId: person.pncId,
            kind: 'IRC_TRANSFER',
            caseOwnerStaffId,
            dueDate: addDays(asOf, random.int(7, 60)),
            decidedDate: null,
          });
      }
      continue;
    }

    // Time-served: released from prison on the conditional release date (the prison's custody says so).
    assessments.push({
      pncId: person.pncId,
      assessedDate: addDays(crd, -random.int(20, 120)),
      outcome: 'SUITABLE_FOR_IRC',
      mappaLevelConsidered: person.level,
      assessedByStaffId: assessor,
    });
    const sinceRelease = daysBetween(crd, asOf);
    const irc = random.pick(IRCS);
    const detention = (status: DetentionRow['status'], extra: Partial<typeof detentionTable.$inferInsert> = {}) =>
      detentions.push({ pncId: person.pncId, ircCode: irc.code, ircName: irc.name, detainedFrom: crd, status, ...extra });
    const confirmed = (day: string) => ({ arrangementsConfirmedDate: day, arrangementsConfirmedByStaffId: caseOwnerStaffId });
    if (sinceRelease <= 180) {
      const outcome = random.weighted([
        ['DETAINED', 50],
        ['ARRANGEMENTS_CONFIRMED', 20],
        ['REMOVED', 15],
        ['NOT_DETAINED', 15],
      ] as const);
      if (outcome === 'NOT_DETAINED') continue;
      const removedDay = addDays(crd, Math.min(sinceRelease, random.int(14, 120)));
      if (outcome === 'REMOVED')
        detention('REMOVED', {
          removedDate: removedDay,
          removalType: random.chance(0.8) ? 'DEPORTATION' : 'ADMINISTRATIVE_REMOVAL',
          removedByStaffId: caseOwnerStaffId,
        });
      else if (outcome === 'ARRANGEMENTS_CONFIRMED')
        detention('ARRANGEMENTS_CONFIRMED', confirmed(addDays(crd, Math.min(sinceRelease, random.int(7, 90)))));
      else detention('DETAINED');
      if (outcome !== 'REMOVED') {
        // C.72, C.73: the next decision on detention or bail, for which the offender manager's risk is asked.
        decisions.push({
          decisionId: detentionDecisionIdOf(person, 1),
          pncId: person.pncId,
          kind: random.chance(0.5) ? 'BAIL_HEARING' : 'DETENTION_REVIEW',
          caseOwnerStaffId,
          dueDate: addDays(asOf, random.int(3, 28)),
          decidedDate: null,
        });
      }
      continue;
    }
    const outcome = random.weighted([
      ['REMOVED', 45],
      ['RELEASED', 25],
      ['NOT_DETAINED', 30],
    ] as const);
    if (outcome === 'NOT_DETAINED') continue;
    const ended = addDays(crd, random.int(30, 150));
    if (outcome === 'REMOVED') {
      detention('REMOVED', {
        removedDate: ended,
        removalType: random.chance(0.8) ? 'DEPORTATION' : 'ADMINISTRATIVE_REMOVAL',
        removedByStaffId: caseOwnerStaffId,
      });
    } else {
      // Seed 000 §6: released only once the arrangements were confirmed.
      detention('RELEASED', {
        ...confirmed(addDays(ended, -random.int(1, 21))),
        releasedDate: ended,
        releaseRoute: random.chance(0.6) ? 'IMMIGRATION_BAIL' : 'EXECUTIVE_RELEASE',
        releasedByStaffId: caseOwnerStaffId,
      });
      decisions.push({
        decisionId: detentionDecisionIdOf(person, 1),
        pncId: person.pncId,
        kind: 'BAIL_HEARING',
        caseOwnerStaffId,
        dueDate: addDays(ended, -random.int(1, 21)),
        decidedDate: ended,
      });
    }
  }

  await insertInChunks(db, immigrationCaseTable, cases);
  await Promise.all([
    insertInChunks(db, detentionTable, detentions),
    insertInChunks(db, ircSuitabilityTable, assessments),
    insertInChunks(db, detentionDecisionTable, decisions),
  ]);
}

/** How the Home Office's synthetic data is written, cleared (detentions, assessments and decisions go with their case) and recognised. */
export const homeOfficeSeed: SubgraphSeed = {
  write: seedHomeOffice,
  tables: [immigrationCaseTable],
  seededWhenRowsIn: immigrationCaseTable,
};
