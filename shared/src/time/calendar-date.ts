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

// Date arithmetic on day numbers (days since 1970-01-01) rather than through `Date` and `toISOString`:
// a million-offender seed does it tens of millions of times, and the `Date` round trip was the largest
// single cost of generating the data (about 6% of a seed's CPU). The conversions are the proleptic
// Gregorian calendar's (H. Hinnant's `days_from_civil` / `civil_from_days`), the calendar `Date` uses, so
// every answer is the one `Date` gives (`calendar-date.test.ts` compares them day by day). A string that
// is not a plain `YYYY-MM-DD` date between the years 1000 and 9999 takes the `Date` route instead, so it
// fails, or not, exactly as before.

/** `date`'s day number, or NaN when it is not a valid `YYYY-MM-DD` date of the years 1000-9999. */
function dayNumberOf(date: CalendarDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  const year = digitsOf(date, 0, 4);
  const month = digitsOf(date, 5, 7);
  const day = digitsOf(date, 8, 10);
  if (!(year >= 1000) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  return dayNumberFrom(year, month, day);
}

/** The decimal number written in `text` from `start` to `end`, or NaN when a character is not a digit. */
function digitsOf(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function dayNumberFrom(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number, or undefined outside the years 1000-9999 (those take the `Date` route). */
function dateOfDayNumber(dayNumber: number): CalendarDate | undefined {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate(year, month, day);
}

function formatDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (year < 1000 || year > 9999) return undefined;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Adds whole days to a calendar date (date arithmetic, done at UTC midnight so no zone's clock change moves it). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const dayNumber = dayNumberOf(date);
  const fast = Number.isInteger(days) && !Number.isNaN(dayNumber) ? dateOfDayNumber(dayNumber + days) : undefined;
  return fast ?? new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Adds whole calendar months to a calendar date, clamping to the end of shorter months. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  if (Number.isInteger(months) && !Number.isNaN(dayNumberOf(date))) {
    const monthIndex = digitsOf(date, 0, 4) * 12 + digitsOf(date, 5, 7) - 1 + months;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex - year * 12 + 1;
    const fast = formatDate(year, month, Math.min(digitsOf(date, 8, 10), daysInMonth(year, month)));
    if (fast !== undefined) return fast;
  }
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
  const difference = dayNumberOf(to) - dayNumberOf(from);
  if (!Number.isNaN(difference)) return difference;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A date-valued column as `YYYY-MM-DD`: drivers hand a PostgreSQL `date` back as text (drizzle's
 * default) or, in raw `sql` results, as a `Date` at UTC midnight; its UTC date is the stored date.
 */
export function storedDateOf(value: Date | string): CalendarDate {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
