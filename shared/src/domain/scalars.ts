import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';

/**
 * `LocalDate`: a calendar date `YYYY-MM-DD` with no time zone, as the justice systems record
 * sentence, licence and review dates. Points in time use `DateTimeISO` below.
 */
export const LocalDate = LocalDateResolver;

// Four-digit years, as RFC 3339 writes them. graphql-scalars accepts year 0000 (which PostgreSQL's
// timestamps do not have: it refuses the statement) and JavaScript dates reach ±275760; every point
// in time this service stores or compares is well inside these bounds.
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

function withinRange(date: Date): Date {
  const time = date.getTime();
  if (Number.isNaN(time) || time < EARLIEST || time > LATEST) {
    throw new GraphQLError('DateTimeISO must be a date-time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z.');
  }
  return date;
}

/**
 * `DateTimeISO`: a point in time, RFC 3339 (`2026-11-01T09:30:00Z`): graphql-scalars' scalar, with
 * the same name and description, refusing a date outside years 0001-9999. An input it refuses is a
 * coded error naming the argument (BAD_USER_INPUT for a variable, GRAPHQL_VALIDATION_FAILED for a
 * literal) before any resolver, so no out-of-range date reaches SQL (issue 9 §6). Every service uses
 * this one, never type-graphql's own `GraphQLISODateTime` (the schema build maps `Date` to it).
 */
export const DateTimeISO = new GraphQLScalarType<Date, string>({
  ...DateTimeISOResolver.toConfig(),
  parseValue: (value) => withinRange(DateTimeISOResolver.parseValue(value)),
  parseLiteral: (ast, variables) => withinRange(DateTimeISOResolver.parseLiteral(ast, variables)),
});
