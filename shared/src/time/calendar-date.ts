/**
 * The one definition of a calendar date in this product. MAPPA is England and Wales's: "today", "within
 * 8 weeks", "released in the last N days", "an order in force today" are dates in Europe/London, whatever
 * time zone the server (Node.js or PostgreSQL) runs in. Everything that turns an instant into a date
 * does it here (a lint rule forbids `toISOString().slice(0, 10)`, `Intl.DateTimeFormat`,
 * `toLocaleDateString` and SQL's `current_date` elsewhere), and reads the time from a `Clock`, so a test
 * can stand a service at any instant (say 00:30 on a summer night, when UTC is still on the day before).
 */

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

/** Where the time comes from: the system's clock in production, a fixed or settable one in tests. */
export interface Clock {
  now(): Date;
}

/** The system's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stood at `instant` (tests). */
export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`expected an ISO instant, got ${String(instant)}`);
  return { now: () => new Date(at) };
}

// en-CA formats as YYYY-MM-DD. Built once: constructing a formatter with a time zone costs about
// 0.2 ms of CPU (ICU loads the zone's rules), and every subgraph request works out its date with it;
// formatting with a built one costs about 2 µs. A formatter holds no state between calls, so sharing
// it is safe.
const ENGLAND_AND_WALES_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// The last minute asked about and its date. Europe/London's offset is a whole number of hours and
// changes on the hour, so every instant of one UTC minute has the same date there: one subgraph
// request asks for its date three or four times (its rules, row scope, record conditions) and
// requests arrive many a minute, while even a built formatter cost tens of microseconds a call under
// load (issue 15). An invalid instant (NaN) is never remembered: it goes to the formatter, which throws.
let lastMinute = Number.NaN;
let lastDate: CalendarDate = '';

/** The calendar date in England and Wales (Europe/London) at `instant`. */
export function calendarDateOf(instant: Date): CalendarDate {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute === lastMinute) return lastDate;
  const date = ENGLAND_AND_WALES_DATE.format(instant);
  lastMinute = minute;
  lastDate = date;
  return date;
}

/** Today in England and Wales, by `clock` (the system's by default). */
export function todayOf(clock: Clock = systemClock): CalendarDate {
  return calendarDateOf(clock.now());
}

const DAY_MS = 86_400_000;

/** Adds whole days to a calendar date (date arithmetic, done at UTC midnight so no zone's clock change moves it). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Adds whole calendar months to a calendar date, clamping to the end of shorter months. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const at = new Date(`${date}T00:00:00Z`);
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, lastDay));
  return at.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A date-valued column as `YYYY-MM-DD`: drivers hand a PostgreSQL `date` back as text (drizzle's
 * default) or, in raw `sql` results, as a `Date` at UTC midnight; its UTC date is the stored date.
 */
export function storedDateOf(value: Date | string): CalendarDate {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
