import type { RecordConditions, RecordPredicate } from '@mappa/shared';
import { PRISON_RELATIONSHIP_CONDITIONS } from './offender-case-relationship.condition';

/*
 * The prison's per-record conditions that it decides on its own records (the names are
 * shared/src/authorization/record-condition.ts's). Deny by default: a record that does not carry
 * the fact a predicate needs answers false.
 */

/** The MAPPA level the prison records for the person a record is about (custody.loader.ts), or null. */
function recordedLevel(record: unknown): number | null {
  if (typeof record !== 'object' || record === null) return null;
  const level = (record as { recordedMappaLevel?: unknown }).recordedMappaLevel;
  return typeof level === 'number' ? level : null;
}

/**
 * `mappaLevelOne` (B.60): the prison records the person at level 1. At level 1 the contribution the
 * guidance requires for level 2 and 3 meetings does not limit the prison's exchange of information
 * (MAPPA Guidance 15.26), so the Responsible Authority's case managers read custody without a meeting.
 */
export const mappaLevelOne: RecordPredicate = (record) => recordedLevel(record) === 1;

/**
 * `mappaLevelTwoOrThree` (B.51): the prison records the person at level 2 or 3, the cases whose
 * temporary release the Governor approves only after consulting the MAPPA co-ordinator.
 */
export const mappaLevelTwoOrThree: RecordPredicate = (record) => {
  const level = recordedLevel(record);
  return level === 2 || level === 3;
};

/**
 * `writingEstablishment` (B.49, inventory §5.3): a MAPPA F report is read by the prison offender
 * manager of the establishment that wrote it, when the reader's token names an establishment. A
 * token naming none is scoped by the person's area, as every other prison record is for it (A.R5,
 * inventory OQ 14: the establishment claim is optional), so this condition holds for it.
 */
export const writingEstablishment: RecordPredicate = (record, caller) => {
  if (typeof record !== 'object' || record === null || caller.principal.agency !== 'prison') return false;
  const establishment = caller.principal.establishment;
  if (establishment === undefined) return true;
  // A person with no report of this establishment's is answered null, as one with no report at all.
  return (record as { establishmentCode?: unknown }).establishmentCode === establishment;
};

/**
 * `reportForDeclaredMeeting` (B.23, B.49, inventory OQ 4): a MAPPA F report is read at the meeting it
 * was written for. The report names its meeting only by date; the meeting evidence the gateway vouches
 * from the MAPPA unit carries the meeting's date (and its subject, which row scope already binds), so
 * an attendee of one meeting does not read the reports written for the subject's other meetings.
 */
export const reportForDeclaredMeeting: RecordPredicate = (record, caller) => {
  if (typeof record !== 'object' || record === null) return false;
  const evidence = caller.purposeEvidence;
  if (caller.declaredPurpose.purpose !== 'MAPPA_MEETING' || evidence?.kind !== 'MEETING' || evidence.meetingDate === undefined)
    return false;
  const { meetingDate, establishmentCode } = record as { meetingDate?: unknown; establishmentCode?: unknown };
  return typeof meetingDate === 'string' && typeof establishmentCode === 'string' && meetingDate === evidence.meetingDate;
};

/** Every record condition the prison's grants name, with its predicate. */
export const PRISON_RECORD_CONDITIONS: RecordConditions = {
  ...PRISON_RELATIONSHIP_CONDITIONS,
  mappaLevelOne,
  mappaLevelTwoOrThree,
  writingEstablishment,
  reportForDeclaredMeeting,
};
