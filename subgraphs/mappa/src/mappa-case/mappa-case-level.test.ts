import { withMeetingEvidence } from '@mappa/testing';
import { addDays, todayOf } from '@mappa/shared';
import type { TestSubgraph } from '@mappa/testing';
import type { Caller, DeclaredPurpose, Principal, SyntheticPerson } from '@mappa/shared';
import {
  AREA,
  CHAIR,
  COORDINATOR,
  LEVEL_PEOPLE as people,
  activeCaseOf,
  changeLevel as changeLevelOn,
  startLevelStack,
} from './mappa-case-level.fixtures';

const isRestricted = (person: SyntheticPerson) => person.category === 4 || person.restrictedAccess;
const inArea = people.filter((person) => person.area === AREA && !isRestricted(person) && person.category !== 3);
const category3 = people.find((person) => person.category === 3 && !isRestricted(person))!;
const otherArea = people.find((person) => person.area !== AREA && !isRestricted(person))!;

let stack: TestSubgraph;

const SCREENING: DeclaredPurpose = { purpose: 'MAPPA_SCREENING', caseId: null };
const MEETING: DeclaredPurpose = { purpose: 'MAPPA_MEETING', caseId: 'MTG-0042' };

const changeLevel = (input: Record<string, unknown>, caller: Caller) => changeLevelOn(stack, input, caller);
const caseOf = (person: SyntheticPerson) => activeCaseOf(stack, person);

const otherLevel = (level: number) => (level === 1 ? 2 : 1);

beforeAll(async () => {
  stack = await startLevelStack();
});

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

describe('changeMappaLevel', () => {
  it('the dataset has the cases these tests need', () => {
    expect(inArea.length).toBeGreaterThanOrEqual(6);
    expect(category3).toBeDefined();
  });

  it('A.R16: the co-ordinator changes the level by a screening decision; the case and its history row are written together', async () => {
    const { row, history } = await caseOf(inArea[0]!);
    const level = otherLevel(row.level);
    const result = await changeLevel(
      {
        caseId: row.caseId,
        level,
        decisionKind: 'SCREENING_DECISION',
        decisionReference: 'SCR-2026-0001',
        reason: 'New intelligence on risk',
      },
      { principal: COORDINATOR, declaredPurpose: SCREENING },
    );
    expect(result.errors).toBeUndefined();
    const today = todayOf();
    const change = {
      field: 'LEVEL',
      valueBefore: String(row.level),
      valueAfter: String(level),
      changedDate: today,
      changedByStaffId: COORDINATOR.staffId,
      decision: { kind: 'SCREENING_DECISION', reference: 'SCR-2026-0001' },
    };
    const answered = result.data?.changeMappaLevel as { caseId: string; level: number; history: unknown[] };
    expect(answered.level).toBe(level);
    expect(answered.history).toHaveLength(history.length + 1);
    expect(answered.history.at(-1)).toEqual(change);
    const after = await caseOf(inArea[0]!);
    expect(after.row.level).toBe(level);
    // Levels 2 and 3 are reviewed within 16 and 8 weeks of the decision; level 1 keeps its date.
    if (level === 1) expect(after.row.nextReviewDate).toBe(row.nextReviewDate);
    else expect(after.row.nextReviewDate! <= addDays(today, level === 2 ? 112 : 56)).toBe(true);
    expect(after.history.at(-1)).toMatchObject({
      sequence: history.length + 1,
      field: 'LEVEL',
      reason: 'New intelligence on risk',
      decisionKind: 'SCREENING_DECISION',
    });
  });

  it('A.R16, issue 10: the chair (a probation employee) changes the level by a MAPP meeting decision under MAPPA_MEETING, at a meeting about that person only', async () => {
    const { row } = await caseOf(inArea[1]!);
    const input = {
      caseId: row.caseId,
      level: otherLevel(row.level),
      decisionKind: 'MAPP_MEETING',
      decisionReference: 'MTG-0042-1',
      reason: 'Meeting decision',
    };
    // Chairing a meeting about someone else (or none) reaches no case: NOT_FOUND, as for an unknown one.
    const elsewhere = await changeLevel(
      input,
      withMeetingEvidence({ principal: CHAIR, declaredPurpose: MEETING }, inArea[2]!.pncId, { standing: 'CHAIR', invitationId: null }),
    );
    expect(elsewhere.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    const result = await changeLevel(
      input,
      withMeetingEvidence({ principal: CHAIR, declaredPurpose: MEETING }, inArea[1]!.pncId, { standing: 'CHAIR', invitationId: null }),
    );
    expect(result.errors).toBeUndefined();
    expect((await caseOf(inArea[1]!)).row.level).toBe(otherLevel(row.level));
  });

  describe('A.R16: prison may never set the MAPPA level', () => {
    it.each<[string, Principal, DeclaredPurpose]>([
      [
        'a prison offender manager at a meeting',
        { ...COORDINATOR, staffId: 'PRS00001', agency: 'prison', roles: ['prison_offender_manager'] },
        MEETING,
      ],
      [
        'a prison offender manager screening',
        { ...COORDINATOR, staffId: 'PRS00001', agency: 'prison', roles: ['prison_offender_manager'] },
        SCREENING,
      ],
      [
        'a prison employee holding the chair role',
        { ...COORDINATOR, staffId: 'PRS00002', agency: 'prison', roles: ['mappa_chair'] },
        MEETING,
      ],
      [
        'a prison employee holding the co-ordinator role',
        { ...COORDINATOR, staffId: 'PRS00003', agency: 'prison', roles: ['mappa_coordinator', 'prison_offender_manager'] },
        SCREENING,
      ],
    ])('A.R16: %s is FORBIDDEN once, and nothing is written', async (_name, principal, declaredPurpose) => {
      const before = await caseOf(inArea[2]!);
      const result = await changeLevel(
        {
          caseId: before.row.caseId,
          level: otherLevel(before.row.level),
          decisionKind: declaredPurpose.purpose === 'MAPPA_MEETING' ? 'MAPP_MEETING' : 'SCREENING_DECISION',
          decisionReference: declaredPurpose.purpose === 'MAPPA_MEETING' ? 'MTG-1' : 'SCR-1',
          reason: 'Prison view',
        },
        { principal, declaredPurpose },
      );
      expect(result.data?.changeMappaLevel).toBeNull();
      expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.policy, error.path])).toEqual([
        ['FORBIDDEN', 'mappa.levelChange', ['changeMappaLevel']],
      ]);
      expect(await caseOf(inArea[2]!)).toEqual(before);
    });
  });

  it.each<[string, Principal, DeclaredPurpose]>([
    ['a probation practitioner', { ...COORDINATOR, staffId: 'NPS00001', agency: 'probation', roles: ['probation_practitioner'] }, MEETING],
    ['the co-ordinator under case management', COORDINATOR, { purpose: 'CASE_MANAGEMENT', caseId: null }],
    ['the co-ordinator under a disclosure decision', COORDINATOR, { purpose: 'DISCLOSURE_DECISION', caseId: 'DD-1' }],
  ])('A.R16: %s may not change the level (FORBIDDEN, nothing written)', async (_name, principal, declaredPurpose) => {
    const before = await caseOf(inArea[2]!);
    const result = await changeLevel(
      {
        caseId: before.row.caseId,
        level: otherLevel(before.row.level),
        decisionKind: 'MAPP_MEETING',
        decisionReference: 'MTG-1',
        reason: 'x',
      },
      { principal, declaredPurpose },
    );
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.policy])).toEqual([['FORBIDDEN', 'mappa.levelChange']]);
    expect(await caseOf(inArea[2]!)).toEqual(before);
  });

  it.each<[string, (row: { level: number }) => Record<string, unknown>, DeclaredPurpose, string]>([
    [
      'a meeting decision under screening',
      (row) => ({ level: otherLevel(row.level), decisionKind: 'MAPP_MEETING', decisionReference: 'MTG-1' }),
      SCREENING,
      'input.decisionKind',
    ],
    [
      'a lead agency review',
      (row) => ({ level: otherLevel(row.level), decisionKind: 'LEAD_AGENCY_REVIEW', decisionReference: 'LAR-1' }),
      SCREENING,
      'input.decisionKind',
    ],
    [
      'a screening reference for a meeting decision',
      (row) => ({ level: otherLevel(row.level), decisionKind: 'MAPP_MEETING', decisionReference: 'SCR-1' }),
      MEETING,
      'input.decisionReference',
    ],
    ['level 4', () => ({ level: 4, decisionKind: 'SCREENING_DECISION', decisionReference: 'SCR-1' }), SCREENING, 'input.level'],
    [
      'the level it is at already',
      (row) => ({ level: row.level, decisionKind: 'SCREENING_DECISION', decisionReference: 'SCR-1' }),
      SCREENING,
      'input.level',
    ],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_name, values, declaredPurpose, issuePath) => {
    const before = await caseOf(inArea[3]!);
    const result = await changeLevel(
      { caseId: before.row.caseId, reason: 'x', ...values(before.row) },
      { principal: COORDINATOR, declaredPurpose },
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.issues?.map((issue) => issue.path)).toContain(issuePath);
    expect(await caseOf(inArea[3]!)).toEqual(before);
  });

  it('refuses to take a category 3 case to level 1 (BAD_USER_INPUT)', async () => {
    const before = await caseOf(category3);
    const result = await changeLevel(
      { caseId: before.row.caseId, level: 1, decisionKind: 'SCREENING_DECISION', decisionReference: 'SCR-1', reason: 'x' },
      { principal: { ...COORDINATOR, area: category3.area }, declaredPurpose: SCREENING },
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await caseOf(category3)).toEqual(before);
  });

  it('principle 9: a case in another area answers as an unknown case number, and is not changed', async () => {
    const before = await caseOf(otherArea);
    const input = { level: otherLevel(before.row.level), decisionKind: 'SCREENING_DECISION', decisionReference: 'SCR-1', reason: 'x' };
    const foreign = await changeLevel({ ...input, caseId: before.row.caseId }, { principal: COORDINATOR, declaredPurpose: SCREENING });
    const unknown = await changeLevel({ ...input, caseId: 'MC-9999999' }, { principal: COORDINATOR, declaredPurpose: SCREENING });
    expect(foreign.errors?.map((error) => [error.message, error.extensions?.code, error.path])).toEqual([
      ['No MAPPA case in your area has this case number.', 'NOT_FOUND', ['changeMappaLevel']],
    ]);
    expect(unknown).toEqual(foreign);
    expect(await caseOf(otherArea)).toEqual(before);
  });
});
