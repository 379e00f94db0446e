/** What a member sits on the Strategic Management Board as (guidance 1.29-1.37: the minimum membership). */
export const SMB_ROLES = ['CHAIR', 'MEMBER', 'LAY_ADVISER', 'COORDINATOR'] as const;
export type SmbRole = (typeof SMB_ROLES)[number];

/** The agencies that may chair the board: a senior member of the Responsible Authority (A §6, [L5772-5799]). */
export const SMB_CHAIR_AGENCIES = ['police', 'probation', 'prison'] as const;

/** The roles the MAPPA unit's own seats carry: the co-ordinator, and the lay advisers it supports (A §6). */
export const SMB_UNIT_ROLES = ['COORDINATOR', 'LAY_ADVISER'] as const satisfies readonly SmbRole[];
