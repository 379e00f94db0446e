import { LocalDateResolver } from 'graphql-scalars';

/**
 * `LocalDate`: a calendar date `YYYY-MM-DD` with no time zone, as the justice systems record
 * sentence, licence and review dates. Points in time use type-graphql's `DateTimeISO`.
 */
export const LocalDate = LocalDateResolver;
