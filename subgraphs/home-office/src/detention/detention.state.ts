import type { DetentionRow, DetentionStatus, RELEASE_ROUTES, REMOVAL_TYPES } from './detention.table';

/**
 * The detention state machine in code (seed 000 §6, C.73), the same as the database enforces
 * (detention.table.ts checks, migration 0001's trigger): the resolver asks here first so a caller gets
 * a clear BAD_USER_INPUT, and the database refuses whatever slips past.
 */
export type DetentionAction =
  | { readonly kind: 'CONFIRM_ARRANGEMENTS' }
  | { readonly kind: 'RELEASE'; readonly route: (typeof RELEASE_ROUTES)[number] }
  | { readonly kind: 'REMOVE'; readonly removalType: (typeof REMOVAL_TYPES)[number] };

/** Which states each action may start from. */
const ALLOWED_FROM: Readonly<Record<DetentionAction['kind'], readonly DetentionStatus[]>> = {
  CONFIRM_ARRANGEMENTS: ['DETAINED'],
  // Seed 000 §6: released only when the MAPPA arrangements are in place, and not before.
  RELEASE: ['ARRANGEMENTS_CONFIRMED'],
  REMOVE: ['DETAINED', 'ARRANGEMENTS_CONFIRMED'],
};

/** Why an action cannot be taken from a state, in words for the caller; null when it can. */
export function refusalOf(status: DetentionStatus, action: DetentionAction): string | null {
  if (ALLOWED_FROM[action.kind].includes(status)) return null;
  if (action.kind === 'RELEASE' && status === 'DETAINED')
    return 'A MAPPA offender is released from detention only once the MAPPA arrangements for release are confirmed (seed 000 §6).';
  return `A detention that is ${status} cannot be moved by ${action.kind}.`;
}

/** The columns an allowed action sets, by `staffId` on `day` (`YYYY-MM-DD`). */
export function transition(
  current: DetentionRow,
  action: DetentionAction,
  staffId: string,
  day: string,
): Partial<DetentionRow> & { status: DetentionStatus } {
  switch (action.kind) {
    case 'CONFIRM_ARRANGEMENTS':
      return { status: 'ARRANGEMENTS_CONFIRMED', arrangementsConfirmedDate: day, arrangementsConfirmedByStaffId: staffId };
    case 'RELEASE':
      return { status: 'RELEASED', releasedDate: day, releaseRoute: action.route, releasedByStaffId: staffId };
    case 'REMOVE':
      return { status: 'REMOVED', removedDate: day, removalType: action.removalType, removedByStaffId: staffId };
  }
  return { status: current.status };
}
