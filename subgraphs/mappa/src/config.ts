import { parseEnv, subgraphEnv } from '@mappa/shared';
import { z } from 'zod';

/**
 * How long a meeting invitee keeps access to the meeting after its minutes are distributed (issue 10:
 * an invitation's case grant runs from the invitation to this many days after distribution), 1-90 days.
 */
const meetingAccessEnv = {
  MEETING_ACCESS_AFTER_MINUTES_DAYS: z.coerce.number().int().min(1).max(90).default(28),
};

const mappaEnv = subgraphEnv(4005).extend(meetingAccessEnv);

export type MappaConfig = z.infer<typeof mappaEnv>;

/** The MAPPA subgraph's configuration, read once from the environment at start-up. */
export function loadMappaConfig(env: NodeJS.ProcessEnv = process.env): MappaConfig {
  return parseEnv(mappaEnv, env);
}

let meetingAccessDays: number | undefined;

/**
 * `MEETING_ACCESS_AFTER_MINUTES_DAYS`, for the resolvers: the subgraph definition hands resolvers no
 * configuration, so this one setting is read (and checked, failing loudly) from the environment on
 * first use and kept; `loadMappaConfig` checks it at start-up too.
 */
export function meetingAccessAfterMinutesDays(env: NodeJS.ProcessEnv = process.env): number {
  meetingAccessDays ??= parseEnv(z.object(meetingAccessEnv), env).MEETING_ACCESS_AFTER_MINUTES_DAYS;
  return meetingAccessDays;
}
