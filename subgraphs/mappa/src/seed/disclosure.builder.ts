import {
  DEV_ISSUER,
  finishedDecisionRows,
  newDisclosureDecisionId,
  Random as SeededRandom,
  SEEDED_FINISHED_WEIGHTS,
  SEEDED_RECIPIENT_WEIGHTS,
} from '@mappa/shared';
import type { FinishedDecisionItem, FinishedDecisionState, MappaArea, RecipientKind, Random } from '@mappa/shared';
import { at, CHILD_VICTIM_OFFENCES, minutesAfter } from './mappa-catalogue';
import type { AttendanceInsert } from './mappa-catalogue';
import type { MeetingContext } from './meeting.builder';

// ---------------------------------------------------------------------------------------------
// Disclosure (issue 11, B §2): considered at every held meeting; at a minority a decision is proposed,
// about one recipient, and taken through consultation to its end as time allows by the dataset's day.

/** Of held meetings, the share at which a disclosure is proposed (most find it not necessary, with a reason). */
const DISCLOSURE_PROPOSED_SHARE = 0.1;

const NOT_NECESSARY_REASONS = [
  'Synthetic: no third party identified who needs to know; the risk is managed by licence conditions and supervision.',
  'Synthetic: no new relationship, employment or accommodation since the last review; disclosure not necessary now.',
  'Synthetic: the known victims are already protected by the safety plan; nothing to add by disclosure.',
  'Synthetic: the subject is in custody; disclosure to be reconsidered before release.',
] as const;

/** The items of a disclosure: the owners' record fields, each worded as the owner agreed it. */
function disclosureItems(random: Random, recipientKind: RecipientKind): FinishedDecisionItem[] {
  const items: FinishedDecisionItem[] = [
    {
      sourceAgency: 'police',
      fieldCoordinate: 'PoliceConviction.offenceDescription',
      wording: 'He has a conviction for a sexual offence against a child and is subject to notification requirements.',
    },
  ];
  if (random.chance(0.6))
    items.push({
      sourceAgency: 'probation',
      fieldCoordinate: 'ProbationLicence.conditions',
      wording: 'His licence forbids unsupervised contact with children under 16.',
    });
  if (recipientKind === 'VICTIM')
    items.push({
      sourceAgency: 'probation',
      fieldCoordinate: null,
      wording: 'He will live at an approved premises in the north of the county, away from your home.',
      victimIdentifying: true,
    });
  if (random.chance(0.3))
    items.push({
      sourceAgency: 'mappa_unit',
      fieldCoordinate: null,
      wording: 'He is managed by several agencies together and is closely supervised.',
    });
  return items;
}

export interface HeldMeeting {
  readonly meetingId: string;
  readonly level: number;
  readonly under18: boolean;
  readonly openedAt: Date;
  readonly closedAt: Date;
  readonly area: MappaArea;
}

/**
 * The held meeting's disclosure consideration and, at some, the decision it proposed (linked to the
 * meeting, proposed by the lead attendee of police or probation while it sat, decided by its chair).
 * Its own random stream, per meeting, so the meeting data drawn before it is unchanged.
 */
export function buildDisclosure(context: MeetingContext, meeting: HeldMeeting, attendees: readonly AttendanceInsert[]): void {
  const random = new SeededRandom(context.person.pncId, meeting.meetingId, 'disclosure');
  const { rows, chair, person } = context;
  const proposer = attendees.find(
    (attendee) => attendee.invitationId !== null && (attendee.agency === 'probation' || attendee.agency === 'police'),
  );
  const recordedAt = minutesAfter(
    meeting.openedAt,
    Math.min(30, Math.max(1, Math.floor((meeting.closedAt.getTime() - meeting.openedAt.getTime()) / 120_000))),
  );
  const consideration = {
    considerationId: `DCN-${meeting.meetingId.slice(4)}`,
    pncId: person.pncId,
    area: meeting.area,
    meetingId: meeting.meetingId,
    reviewedOn: meeting.closedAt.toISOString().slice(0, 10),
    recordedByStaffId: chair.staffId,
    recordedByIssuer: DEV_ISSUER,
    recordedAt,
  };
  if (!proposer || !random.chance(DISCLOSURE_PROPOSED_SHARE)) {
    rows.considerations.push({ ...consideration, outcome: 'NOT_NECESSARY', reason: random.pick(NOT_NECESSARY_REASONS), decisionId: null });
    return;
  }
  const recipientKind = random.weighted(SEEDED_RECIPIENT_WEIGHTS);
  // Timing: consulting a day after the meeting, decided four days after, made six (disclosure-history.ts).
  const sinceMeetingDays = (at(context.asOf, 18).getTime() - recordedAt.getTime()) / 86_400_000;
  const state: FinishedDecisionState =
    sinceMeetingDays >= 7 ? random.weighted(SEEDED_FINISHED_WEIGHTS) : sinceMeetingDays >= 1.5 ? 'CONSULTING' : 'PROPOSED';
  const decisionId = newDisclosureDecisionId('MAPPA', meeting.meetingId.slice(4));
  const disclosure = finishedDecisionRows({
    holder: 'MAPPA',
    decisionId,
    pncId: person.pncId,
    area: meeting.area,
    level: meeting.level === 3 ? 3 : 2,
    caseId: context.caseId,
    meetingId: meeting.meetingId,
    subjectUnder18: meeting.under18,
    recipientKind,
    recipientIsChild: recipientKind === 'VICTIM' && CHILD_VICTIM_OFFENCES.has(person.offence.code) && random.chance(0.5),
    recipientIsAdultAtRisk: recipientKind === 'ACCOMMODATION' && random.chance(0.25),
    state,
    proposedAt: minutesAfter(recordedAt, -5),
    proposer: { staffId: proposer.staffId, issuer: DEV_ISSUER, agency: proposer.agency },
    decisionMaker: { staffId: chair.staffId, issuer: DEV_ISSUER, agency: chair.agency },
    items: disclosureItems(random, recipientKind),
    representationsSought: recipientKind !== 'PARTNER' && recipientKind !== 'VICTIM' ? random.chance(0.8) : random.chance(0.3),
  });
  rows.disclosures.push(disclosure);
  rows.considerations.push({
    ...consideration,
    outcome: 'DECISION_PROPOSED',
    reason: `Synthetic: disclosure to a ${recipientKind.toLowerCase().replace(/_/g, ' ')} proposed to protect others.`,
    decisionId,
  });
}
