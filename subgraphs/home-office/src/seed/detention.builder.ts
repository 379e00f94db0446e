import { addDays, daysBetween } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { detentionDecisionTable } from '../detention-decision/detention-decision.table';
import type { detentionTable, DetentionRow } from '../detention/detention.table';
import { caseOwnerStaffIdOf, detentionDecisionIdOf, IRCS } from './home-office-catalogue';
import type { SentencedPerson } from './home-office-catalogue';

type DetentionInsert = typeof detentionTable.$inferInsert;
type DecisionInsert = typeof detentionDecisionTable.$inferInsert;

/** A time-served person's detention in an IRC (none if never detained) and the decision on it, if one is recorded. */
export interface TimeServedDetention {
  readonly detention: DetentionInsert | null;
  readonly decision: DecisionInsert | null;
}

/** Someone still in prison custody may have a decision on transfer to an IRC pending. */
export function buildIrcTransferDecision(random: Random, person: SyntheticPerson, asOf: string): DecisionInsert | null {
  if (!random.chance(0.5)) return null;
  return {
    decisionId: detentionDecisionIdOf(person, 1),
    pncId: person.pncId,
    kind: 'IRC_TRANSFER',
    caseOwnerStaffId: caseOwnerStaffIdOf(person),
    dueDate: addDays(asOf, random.int(7, 60)),
    decidedDate: null,
  };
}

/**
 * Time-served: released from prison on the sentence's conditional release date (the prison's custody
 * says so), and mostly detained in an IRC on that day. Recently released ones are still detained, with
 * the arrangements for release confirmed for some, and the next decision on detention or bail due;
 * longer ago, most were removed or deported and some released once the arrangements were in place.
 */
export function buildTimeServedDetention(random: Random, person: SentencedPerson, asOf: string): TimeServedDetention {
  const crd = person.sentence.conditionalReleaseDate;
  const caseOwnerStaffId = caseOwnerStaffIdOf(person);
  const sinceRelease = daysBetween(crd, asOf);
  const irc = random.pick(IRCS);
  const detention = (status: DetentionRow['status'], extra: Partial<DetentionInsert> = {}): DetentionInsert => ({
    pncId: person.pncId,
    ircCode: irc.code,
    ircName: irc.name,
    detainedFrom: crd,
    status,
    ...extra,
  });
  const confirmed = (day: string) => ({ arrangementsConfirmedDate: day, arrangementsConfirmedByStaffId: caseOwnerStaffId });
  if (sinceRelease <= 180) {
    const outcome = random.weighted([
      ['DETAINED', 50],
      ['ARRANGEMENTS_CONFIRMED', 20],
      ['REMOVED', 15],
      ['NOT_DETAINED', 15],
    ] as const);
    if (outcome === 'NOT_DETAINED') return { detention: null, decision: null };
    const removedDay = addDays(crd, Math.min(sinceRelease, random.int(14, 120)));
    const row =
      outcome === 'REMOVED'
        ? detention('REMOVED', {
            removedDate: removedDay,
            removalType: random.chance(0.8) ? 'DEPORTATION' : 'ADMINISTRATIVE_REMOVAL',
            removedByStaffId: caseOwnerStaffId,
          })
        : outcome === 'ARRANGEMENTS_CONFIRMED'
          ? detention('ARRANGEMENTS_CONFIRMED', confirmed(addDays(crd, Math.min(sinceRelease, random.int(7, 90)))))
          : detention('DETAINED');
    if (outcome === 'REMOVED') return { detention: row, decision: null };
    // C.72, C.73: the next decision on detention or bail, for which the offender manager's risk is asked.
    return {
      detention: row,
      decision: {
        decisionId: detentionDecisionIdOf(person, 1),
        pncId: person.pncId,
        kind: random.chance(0.5) ? 'BAIL_HEARING' : 'DETENTION_REVIEW',
        caseOwnerStaffId,
        dueDate: addDays(asOf, random.int(3, 28)),
        decidedDate: null,
      },
    };
  }
  const outcome = random.weighted([
    ['REMOVED', 45],
    ['RELEASED', 25],
    ['NOT_DETAINED', 30],
  ] as const);
  if (outcome === 'NOT_DETAINED') return { detention: null, decision: null };
  const ended = addDays(crd, random.int(30, 150));
  if (outcome === 'REMOVED') {
    return {
      detention: detention('REMOVED', {
        removedDate: ended,
        removalType: random.chance(0.8) ? 'DEPORTATION' : 'ADMINISTRATIVE_REMOVAL',
        removedByStaffId: caseOwnerStaffId,
      }),
      decision: null,
    };
  }
  // Seed 000 §6: released only once the arrangements were confirmed.
  const released = detention('RELEASED', {
    ...confirmed(addDays(ended, -random.int(1, 21))),
    releasedDate: ended,
    releaseRoute: random.chance(0.6) ? 'IMMIGRATION_BAIL' : 'EXECUTIVE_RELEASE',
    releasedByStaffId: caseOwnerStaffId,
  });
  return {
    detention: released,
    decision: {
      decisionId: detentionDecisionIdOf(person, 1),
      pncId: person.pncId,
      kind: 'BAIL_HEARING',
      caseOwnerStaffId,
      dueDate: addDays(ended, -random.int(1, 21)),
      decidedDate: ended,
    },
  };
}
