import { addDays } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { adultTransitionTable } from '../adult-transition/adult-transition.table';
import type { youthCaseTable } from '../youth-case/youth-case.table';
import { councilFor, staffName } from './yot-catalogue';
import type { YouthOrderDraft } from './youth-order.builder';

/** When the case opened (a few weeks before its first order) and its case manager. */
export interface CaseOpening {
  readonly dateOpened: string;
  readonly caseManagerStaffId: string;
}

/** The case opened a few weeks before its first order was made, with a case manager from then on. */
export function openCase(random: Random, firstOrder: YouthOrderDraft): CaseOpening {
  const dateOpened = addDays(firstOrder.madeDate, -random.int(14, 56));
  return { dateOpened, caseManagerStaffId: `YOT${random.int(10000, 99999)}` };
}

/** The youth case: transitioning once the move to probation is under way, else open and sometimes in breach. */
export function buildYouthCase(
  random: Random,
  person: SyntheticPerson & { readonly yotReference: string },
  opening: CaseOpening,
  transitionStatus: (typeof adultTransitionTable.$inferInsert)['status'],
): typeof youthCaseTable.$inferInsert {
  return {
    pncId: person.pncId,
    yotReference: person.yotReference,
    dateOfBirth: person.dateOfBirth,
    area: person.area,
    localAuthority: councilFor(person.area),
    caseManagerStaffId: opening.caseManagerStaffId,
    caseManagerName: staffName(random),
    status: transitionStatus === 'IN_PROGRESS' ? 'TRANSITIONING' : random.chance(0.08) ? 'IN_BREACH' : 'OPEN',
    dateOpened: opening.dateOpened,
    mappaCategory: person.category,
    mappaLevel: person.level,
    counterTerrorismRestricted: person.category === 4 || person.restrictedAccess,
  };
}
