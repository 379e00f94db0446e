import { addDays, daysBetween } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { adultTransitionTable } from '../adult-transition/adult-transition.table';
import { eighteenthBirthday } from './yot-catalogue';

/** The move to probation at 18: planning starts six months before, and the meeting is held in the last three. */
export function buildAdultTransition(random: Random, person: SyntheticPerson, asOf: string): typeof adultTransitionTable.$inferInsert {
  const transferDate = eighteenthBirthday(person.dateOfBirth);
  const daysToTransfer = daysBetween(asOf, transferDate);
  const status = daysToTransfer > 183 ? 'NOT_STARTED' : daysToTransfer > 91 ? 'PLANNED' : 'IN_PROGRESS';
  return {
    pncId: person.pncId,
    plannedTransferDate: transferDate,
    receivingProbationArea: person.area,
    status,
    transitionMeetingDate:
      status === 'NOT_STARTED' ? null : status === 'PLANNED' ? addDays(asOf, random.int(7, 60)) : addDays(asOf, -random.int(1, 60)),
  };
}
