import { withMeetingEvidence } from '@mappa/testing';
import { fixedClock } from '@mappa/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { TestSubgraph } from '@mappa/testing';
import type { Caller, SyntheticPerson } from '@mappa/shared';
import { mappaCaseChangeTable, mappaCaseTable } from './mappa-case.table';
import { MappaCaseStatus } from './mappa-case.type';
import { AREA, CHAIR, LEVEL_PEOPLE as people, changeLevel as changeLevelOn, startLevelStack } from './mappa-case-level.fixtures';

// Issue 14, one definition of "today": 00:30 on 16 June 2026 in England and Wales is 23:30 on 15 June
// in UTC (British Summer Time). Level changes used to be dated in UTC and row scope in Europe/London;
// at this hour they disagreed by a day. The service runs on a clock stood at that instant.
const INSTANT = '2026-06-15T23:30:00Z';
const TODAY = '2026-06-16';

const candidates = people.filter(
  (person) => person.area === AREA && person.category !== 4 && !person.restrictedAccess && person.category !== 3,
);

let stack: TestSubgraph;

const changeLevel = (input: Record<string, unknown>, caller: Caller) => changeLevelOn(stack, input, caller);

/** The person's active case, with its subject's date of birth set to `dateOfBirth` (test set-up). */
async function caseBornOn(person: SyntheticPerson, dateOfBirth: string) {
  const db = stack.database.connection.database();
  const [active] = await db
    .update(mappaCaseTable)
    .set({ subjectDateOfBirth: dateOfBirth })
    .where(and(eq(mappaCaseTable.pncId, person.pncId), eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE)))
    .returning();
  if (!active) throw new Error('every synthetic person has an active case');
  return active;
}

/** The chair's level decision at a meeting about `person`, whose child safeguards are not met (A.R25: adults only). */
const atMeetingAbout = (person: SyntheticPerson): Caller =>
  withMeetingEvidence({ principal: CHAIR, declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-0042' } }, person.pncId, {
    standing: 'CHAIR',
    invitationId: null,
  });

beforeAll(async () => {
  stack = await startLevelStack(fixedClock(INSTANT));
});

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

describe('one "today" for a request: between 00:00 and 01:00 in British Summer Time', () => {
  it('the dataset has the cases this test needs', () => {
    expect(candidates.length).toBeGreaterThanOrEqual(2);
  });

  it('A.R25: row scope ages the subject on the date in England and Wales, and the level change is recorded on that same date', async () => {
    // 18 today in England and Wales (still 17 on the UTC date): in scope at a meeting without child safeguards.
    const adult = await caseBornOn(candidates[0]!, '2008-06-16');
    const level = adult.level === 1 ? 2 : 1;
    const decision = { decisionKind: 'MAPP_MEETING', decisionReference: 'MTG-0042-1', reason: 'Meeting decision' };
    const result = await changeLevel({ caseId: adult.caseId, level, ...decision }, atMeetingAbout(candidates[0]!));
    expect(result.errors).toBeUndefined();
    expect(result.data?.changeMappaLevel?.history.at(-1)?.changedDate).toBe(TODAY);
    const [change] = await stack.database.connection
      .database()
      .select()
      .from(mappaCaseChangeTable)
      .where(eq(mappaCaseChangeTable.caseId, adult.caseId))
      .orderBy(asc(mappaCaseChangeTable.sequence))
      .then((rows) => rows.slice(-1));
    expect(change?.changedDate).toBe(TODAY);
  });

  it('A.R25: someone who turns 18 tomorrow (England and Wales) is out of scope today, answered as an unknown case', async () => {
    const child = await caseBornOn(candidates[1]!, '2008-06-17');
    const result = await changeLevel(
      {
        caseId: child.caseId,
        level: child.level === 1 ? 2 : 1,
        decisionKind: 'MAPP_MEETING',
        decisionReference: 'MTG-0042-1',
        reason: 'Meeting decision',
      },
      atMeetingAbout(candidates[1]!),
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
