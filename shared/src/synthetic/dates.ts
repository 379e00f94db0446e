// Calendar date arithmetic is the time module's (one definition of a calendar date); re-exported for the seeders.
import { addDays } from '../time/calendar-date';
export { addDays, addMonths, daysBetween } from '../time/calendar-date';

/** Whole years between two ISO dates (age on `onDate` for someone born on `from`). */
export function yearsBetween(from: string, onDate: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = onDate.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Adds working days (Monday to Friday) to an ISO date; bank holidays are not modelled. */
export function addWorkingDays(isoDate: string, days: number): string {
  let date = isoDate;
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date;
}
