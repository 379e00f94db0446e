import { parseEnv } from '@mappa/shared';
import { z } from 'zod';

/**
 * How long a meeting invitee keeps access to the meeting after its minutes are distributed (issue 10:
 * an invitation's case grant runs from the invitation to this many days after distribution), 1-90 days.
 * The MAPPA unit's one setting beyond every subgraph's: `defineSubgraph` checks it at start with the rest.
 */
export const MEETING_ACCESS_ENV = {
  MEETING_ACCESS_AFTER_MINUTES_DAYS: z.coerce.number().int().min(1).max(90).default(28),
};

let meetingAccessDays: number | undefined;

/**
 * `MEETING_ACCESS_AFTER_MINUTES_DAYS`, for the resolvers: the subgraph definition hands resolvers no
 * configuration, so this one setting is read (and checked, failing loudly) from the environment on
 * first use and kept; `mappaSubgraph.loadConfig` checks it at start-up too.
 */
export function meetingAccessAfterMinutesDays(env: NodeJS.ProcessEnv = process.env): number {
  meetingAccessDays ??= parseEnv(z.object(MEETING_ACCESS_ENV), env).MEETING_ACCESS_AFTER_MINUTES_DAYS;
  return meetingAccessDays;
}
