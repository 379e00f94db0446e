import { isMappaCoordinator, subjectInScope } from '@mappa/shared';
import type { SubjectFacts } from '@mappa/shared';
import type { YotContext } from '../yot.context';
import type { YouthCaseRow } from '../youth-case/youth-case.table';
import { yotSubjectFacts } from './offender.scope';

/**
 * Whether the youth offending team holds a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 */
export async function yotKnowsSubject(context: YotContext, pncId: string): Promise<boolean> {
  const youthCase = await context.loaders.youthCase.load(pncId);
  return youthCase !== null && (await yotCaseInScope(context, youthCase));
}

/** Whether the caller may know the young person of a case the YOT holds (row scope), however the case was found. */
export async function yotCaseInScope(context: YotContext, youthCase: YouthCaseRow): Promise<boolean> {
  return subjectInScope(await factsForCaller(context, youthCase), context.rowScope);
}

/**
 * The YOT's facts about the young person as they decide this caller's row scope. For the MAPPA co-ordinator
 * screening, the area is the one the YOT addressed its MAPPA H notification to, not the case's: the co-ordinator
 * reaches the YOT's records only as that notification (A.R10, C.49), which the YOT sends to the co-ordinator for
 * the area where the young person lives or will be released or discharged to, and sends again when that changes
 * (guidance-analysis-a §13, -c L15544-15556). So the co-ordinator of a case's own area does not see a notification
 * sent to another area's co-ordinator, that co-ordinator does, and with no notification only a case grant reaches
 * the young person (the area is then unknown: `SubjectFacts.area` null).
 */
async function factsForCaller(context: YotContext, youthCase: YouthCaseRow): Promise<SubjectFacts> {
  const facts = yotSubjectFacts(youthCase);
  if (!(context.caller.declaredPurpose.purpose === 'MAPPA_SCREENING' && isMappaCoordinator(context.caller.principal))) return facts;
  const notification = await context.loaders.mappaHNotification.load(youthCase.pncId);
  return { ...facts, area: notification?.coordinatorArea ?? null };
}
