import { eq } from 'drizzle-orm';
import { TEST_ISSUER, startTestSubgraph, withCaseGrants } from '@mappa/testing';
import { MappaArea, syntheticPeople, yearsBetween } from '@mappa/shared';
import type { Caller, Purpose, Role } from '@mappa/shared';
import type { TestSubgraph } from '@mappa/testing';
import { yotSubgraph } from '../index';
import { mappaHNotificationTable } from './mappa-h-notification.table';

/*
 * C.49, A.R10: the MAPPA co-ordinator has no routine read of YOT case records; the YOT sends MAPPA H to
 * "the Co-ordinator for the area where the offender lives, or will be released or discharged to", and again
 * on any change such as a move to a new area (guidance-analysis-c L15544-15556, guidance-analysis-a §13).
 * So the notification is the addressee's: the co-ordinator it was sent to reads it, another area's co-ordinator
 * (the case's own included) cannot tell it exists (principle 9), and the YOT's own staff read their record as
 * it is. Expected access is written from those rules, not from the YOT's policy file.
 */

// The YOT subgraph's own dataset (every case in Kent), so this file shares its prepared template.
const dataset = { offenders: 3000, seed: 246, asOf: '2026-11-01', areas: [MappaArea.KENT] };
const youths = syntheticPeople(0, dataset.offenders, dataset).filter(
  (person) => person.yotReference !== null && yearsBetween(person.dateOfBirth, dataset.asOf) < 18 && !person.restrictedAccess,
);
const UNKNOWN_PNC_ID = '2008/0545166T';

// Four young people, all with a Kent YOT case: one notified to Kent's co-ordinator as seeded, one the YOT
// re-addressed to Surrey's (to be released there), one to Sussex's, and one whose notification is withdrawn.
const [toKent, toSurrey, toSussex, notNotified] = youths;

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Offender { pncId mappaHNotification { notifiedDate coordinatorArea category levelSought } }
} }`;

interface Notification {
  notifiedDate: string;
  coordinatorArea: string;
  category: number;
  levelSought: number;
}

interface Result {
  data?: { _entities: ({ pncId: string; mappaHNotification: Notification | null } | null)[] };
  errors?: { extensions?: { code?: string; policy?: string } }[];
}

function callerWith(role: Role, agency: Caller['principal']['agency'], purpose: Purpose, area: MappaArea): Caller {
  return {
    principal: {
      issuer: TEST_ISSUER,
      staffId: `${role.slice(0, 3).toUpperCase()}${area.slice(0, 3)}1`,
      agency,
      roles: [role],
      area,
      clearance: 'BPSS',
    },
    declaredPurpose: { purpose, caseId: null },
  };
}

const coordinatorOf = (area: MappaArea) => callerWith('mappa_coordinator', 'mappa_unit', 'MAPPA_SCREENING', area);
const KENT_YOT_CASE_MANAGER = callerWith('yot_case_manager', 'yot', 'CASE_MANAGEMENT', MappaArea.KENT);

let stack: TestSubgraph;
/** Each young person's notification as the YOT holds it after the changes above, read by its own staff. */
const held = new Map<string, Notification | null>();

async function entities(pncIds: readonly string[], caller: Caller): Promise<Result> {
  return (await stack.query(ENTITIES, { r: pncIds.map((pncId) => ({ __typename: 'Offender', pncId })) }, caller)) as Result;
}

beforeAll(async () => {
  expect(notNotified).toBeDefined();
  stack = await startTestSubgraph(yotSubgraph, dataset);
  const db = stack.database.connection.database();
  const readdress = (pncId: string, area: MappaArea) =>
    db.update(mappaHNotificationTable).set({ coordinatorArea: area }).where(eq(mappaHNotificationTable.pncId, pncId));
  await readdress(toSurrey!.pncId, MappaArea.SURREY);
  await readdress(toSussex!.pncId, MappaArea.SUSSEX);
  await db.delete(mappaHNotificationTable).where(eq(mappaHNotificationTable.pncId, notNotified!.pncId));
  const own = await entities(
    [toKent, toSurrey, toSussex, notNotified].map((person) => person!.pncId),
    KENT_YOT_CASE_MANAGER,
  );
  expect(own.errors).toBeUndefined();
  for (const entity of own.data!._entities) held.set(entity!.pncId, entity!.mappaHNotification);
});

afterAll(async () => {
  await stack?.subgraph.close();
  await stack?.database.drop();
});

describe('MAPPA H reaches the co-ordinator it was sent to (C.49, A.R10)', () => {
  it("the YOT's own case manager reads every notification as the YOT holds it, wherever it was sent", () => {
    expect(held.get(toKent!.pncId)?.coordinatorArea).toBe(MappaArea.KENT);
    expect(held.get(toSurrey!.pncId)?.coordinatorArea).toBe(MappaArea.SURREY);
    expect(held.get(toSussex!.pncId)?.coordinatorArea).toBe(MappaArea.SUSSEX);
    expect(held.get(notNotified!.pncId)).toBeNull();
  });

  it('C.49: the co-ordinator of the area a notification was sent to reads it, though the case is in another area', async () => {
    const surrey = await entities([toSurrey!.pncId], coordinatorOf(MappaArea.SURREY));
    expect(surrey).toEqual({ data: { _entities: [{ pncId: toSurrey!.pncId, mappaHNotification: held.get(toSurrey!.pncId) }] } });
    const kent = await entities([toKent!.pncId], coordinatorOf(MappaArea.KENT));
    expect(kent).toEqual({ data: { _entities: [{ pncId: toKent!.pncId, mappaHNotification: held.get(toKent!.pncId) }] } });
  });

  it.each([
    ["the case's own area (Kent), for a notification sent to Surrey", MappaArea.KENT, () => toSurrey!.pncId],
    ['a third area (Sussex), for a notification sent to Surrey', MappaArea.SUSSEX, () => toSurrey!.pncId],
    ['Surrey, for a notification sent to Kent', MappaArea.SURREY, () => toKent!.pncId],
  ])(
    'principle 9: the co-ordinator of %s cannot tell the young person exists: the answer is an unknown PNC ID',
    async (_who, area, pncId) => {
      const answer = await entities([pncId()], coordinatorOf(area));
      expect(answer).toEqual({ data: { _entities: [null] } });
      expect(answer).toEqual(await entities([UNKNOWN_PNC_ID], coordinatorOf(area)));
    },
  );

  it("principle 9: with no notification sent, not even the case area's co-ordinator can tell the YOT holds the young person", async () => {
    const answer = await entities([notNotified!.pncId], coordinatorOf(MappaArea.KENT));
    expect(answer).toEqual(await entities([UNKNOWN_PNC_ID], coordinatorOf(MappaArea.KENT)));
  });

  it('in one batch each co-ordinator gets exactly the notifications sent to them, in the order asked, in two statements', async () => {
    const asked = [toKent, toSurrey, toSussex, notNotified].map((person) => person!.pncId);
    const expected = (area: MappaArea) =>
      asked.map((pncId) => {
        const notification = held.get(pncId);
        return notification?.coordinatorArea === area ? { pncId, mappaHNotification: notification } : null;
      });
    for (const area of [MappaArea.KENT, MappaArea.SURREY, MappaArea.SUSSEX]) {
      stack.subgraph.statements.reset();
      const answer = await entities(asked, coordinatorOf(area));
      expect(answer).toEqual({ data: { _entities: expected(area) } });
      // The cases, then the notifications, each read once for the batch: the field reuses the row scope's read.
      expect(stack.subgraph.statements.count).toBe(2);
    }
    expect(expected(MappaArea.SURREY).filter(Boolean)).toHaveLength(1);
  });

  it('rule 4 (case grants): a live case grant brings the young person in scope for a co-ordinator of another area', async () => {
    const granted = withCaseGrants(coordinatorOf(MappaArea.SUSSEX), [toKent!.pncId]);
    expect(await entities([toKent!.pncId], granted)).toEqual({
      data: { _entities: [{ pncId: toKent!.pncId, mappaHNotification: held.get(toKent!.pncId) }] },
    });
    // The grant names one young person: the notification sent to Surrey stays out of reach.
    expect(await entities([toSurrey!.pncId], granted)).toEqual({ data: { _entities: [null] } });
  });

  it("R-3: the YOT's own staff keep their case area's scope: Surrey's case manager reaches no Kent case, notification or not", async () => {
    const surreyCaseManager = callerWith('yot_case_manager', 'yot', 'CASE_MANAGEMENT', MappaArea.SURREY);
    const answer = await entities([toSurrey!.pncId, toKent!.pncId], surreyCaseManager);
    expect(answer).toEqual({ data: { _entities: [null, null] } });
  });
});
