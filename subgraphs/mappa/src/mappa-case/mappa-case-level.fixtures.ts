// Test support for the level-change tests (mappa-case-level*.test.ts): one dataset, its callers and
// the MAPPA subgraph over it, on the real clock or one stood at the instant a test needs (the BST
// tests), so that the tests of one rule at two clocks set up alike. Synthetic data only.
import { and, asc, eq } from 'drizzle-orm';
import { syntheticPeople } from '@mappa/shared';
import type { Caller, Clock, Principal, SyntheticPerson } from '@mappa/shared';
import { TEST_ISSUER, startTestSubgraph } from '@mappa/testing';
import type { GraphQLResponse, TestSubgraph } from '@mappa/testing';
import { mappaSubgraph } from '../index';
import { mappaCaseChangeTable, mappaCaseTable } from './mappa-case.table';
import { MappaCaseStatus } from './mappa-case.type';

export const LEVEL_DATASET = { offenders: 1_000, seed: 3, asOf: '2026-11-01' };
export const LEVEL_PEOPLE = syntheticPeople(0, LEVEL_DATASET.offenders, LEVEL_DATASET);
/** The callers' area: the first person's. */
export const AREA = LEVEL_PEOPLE[0]!.area;

export const COORDINATOR: Principal = {
  issuer: TEST_ISSUER,
  staffId: 'MCU00001',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: AREA,
  clearance: 'SC',
};

export const CHAIR: Principal = {
  issuer: TEST_ISSUER,
  staffId: 'NPS00077',
  agency: 'probation',
  roles: ['mappa_chair'],
  area: AREA,
  clearance: 'SC',
};

/** The MAPPA subgraph over the level dataset, on `clock` when a test stands it at an instant. */
export function startLevelStack(clock?: Clock): Promise<TestSubgraph> {
  return startTestSubgraph(mappaSubgraph, LEVEL_DATASET, clock ? { clock } : {});
}

export interface ChangedLevel {
  changeMappaLevel: {
    caseId: string;
    level: number;
    history: {
      field: string;
      valueBefore: string | null;
      valueAfter: string;
      changedDate: string;
      changedByStaffId: string;
      decision: { kind: string; reference: string };
    }[];
  } | null;
}

/** `changeMappaLevel(input)` as `caller`, answered with the case's level and whole history. */
export function changeLevel(stack: TestSubgraph, input: Record<string, unknown>, caller: Caller): Promise<GraphQLResponse<ChangedLevel>> {
  return stack.query<ChangedLevel>(
    `mutation($input: ChangeMappaLevelInput!) { changeMappaLevel(input: $input) {
      caseId level history { field valueBefore valueAfter changedDate changedByStaffId decision { kind reference } } } }`,
    { input },
    caller,
  );
}

/** The person's active case and its history, in order. */
export async function activeCaseOf(stack: TestSubgraph, person: SyntheticPerson) {
  const db = stack.database.connection.database();
  const [active] = await db
    .select()
    .from(mappaCaseTable)
    .where(and(eq(mappaCaseTable.pncId, person.pncId), eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE)));
  if (!active) throw new Error('every synthetic person has an active case');
  const history = await db
    .select()
    .from(mappaCaseChangeTable)
    .where(eq(mappaCaseChangeTable.caseId, active.caseId))
    .orderBy(asc(mappaCaseChangeTable.sequence));
  return { row: active, history };
}
