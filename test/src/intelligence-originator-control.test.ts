import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditEntryTable, auditValueHash, MappaArea, policeForceOf } from '@mappa/shared';
import type { AuditPayload, DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { insertMeeting, inviteToMeeting, signAttendance, startTestStack } from '@mappa/testing/stack';
import { checkedRows, forbiddenPaths, postGraphQL } from '@mappa/testing';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Police intelligence originator control, through the gateway with real subgraphs. From the rules:
// - principle 4 (domain README): intelligence stays with named police roles and leaves the police only
//   as a sanitised summary; B §1 "Ownership (originator control)": information remains the
//   responsibility of the agency that owns it and is not shared on without the involvement of the
//   agency that provided it; principle 10: re-disclosure records the owner's agreement. So the full
//   graded item (3x5x2) is the originating force's: an officer of another force reads its summary
//   only, until the originator agrees.
// - The handling code (3x5x2): P "may be shared lawfully", C "conditions apply; see originator": a C
//   item's summary leaves the police (to the partner agencies at a meeting, and the C.63 case
//   managers of a terrorist case) only with the originator's agreement.
// - Only the originating force agrees, or withdraws its agreement; the agreement is audited.
// The items the tests reason about are written into the police's table in the set-up (the seed's own
// originators are checked for shape in the last describe), each with a summary of its own to tell
// them apart where the reference is withheld.

const AREAS = [MappaArea.LONDON, MappaArea.KENT];
const LONDON = policeForceOf(MappaArea.LONDON);
const KENT = policeForceOf(MappaArea.KENT);
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const atMeeting = (meetingId: string): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId: meetingId });

/** The items written for the tests: one from the subject's own force, one from another force (the person lived in Kent), one with handling code C. */
const ITEMS = {
  own: {
    reference: 'INT-TEST-OC-OWN',
    originatorForce: LONDON,
    handlingCode: 'P',
    summary: 'Synthetic OC: an item of the force managing the subject.',
  },
  kent: {
    reference: 'INT-TEST-OC-KENT',
    originatorForce: KENT,
    handlingCode: 'P',
    summary: 'Synthetic OC: an item from the force where the subject lived before.',
  },
  conditional: { reference: 'INT-TEST-OC-C', originatorForce: LONDON, handlingCode: 'C', summary: 'Synthetic OC: a handling code C item.' },
} as const;
const YOUTH_ITEMS = {
  plain: {
    reference: 'INT-TEST-OC-YP',
    originatorForce: LONDON,
    handlingCode: 'P',
    summary: 'Synthetic OC: a P item about the young person.',
  },
  conditional: {
    reference: 'INT-TEST-OC-YC',
    originatorForce: LONDON,
    handlingCode: 'C',
    summary: 'Synthetic OC: a C item about the young person.',
  },
} as const;

const FULL_VIEW = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      pncId
      intelligence {
        reference
        recordedDate
        sourceEvaluation
        intelligenceAssessment
        handlingCode
        originatorForce
        text
        sanitisedSummary
      }
    }
  }
`;
const SUMMARY_VIEW = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      pncId
      intelligence {
        recordedDate
        sanitisedSummary
      }
    }
  }
`;
const RECORD = /* GraphQL */ `
  mutation ($i: RecordIntelligenceSharingAgreementInput!) {
    recordIntelligenceSharingAgreement(input: $i) {
      agreementId
      itemReference
      sharedWith
      sharedWithArea
      agreedByStaffId
      agreedByForce
      rationale
      withdrawnAt
    }
  }
`;
const WITHDRAW = /* GraphQL */ `
  mutation ($id: ID!, $reason: String!) {
    withdrawIntelligenceSharingAgreement(agreementId: $id, reason: $reason) {
      agreementId
      withdrawnAt
      withdrawalReason
    }
  }
`;

interface Item {
  readonly reference: string | null;
  readonly recordedDate: string;
  readonly sourceEvaluation: string | null;
  readonly intelligenceAssessment: string | null;
  readonly handlingCode: string | null;
  readonly originatorForce: string | null;
  readonly text: string | null;
  readonly sanitisedSummary: string;
}
type View = { offender: { pncId: string; intelligence: Item[] | null } | null };
type Agreement = {
  agreementId: string;
  itemReference: string;
  sharedWith: string;
  sharedWithArea: string | null;
  agreedByStaffId: string;
  agreedByForce: string;
  rationale: string;
  withdrawnAt: string | null;
};

let env: TestStack;
let subject: SyntheticPerson;
let youth: { pnc_id: string; case_manager_staff_id: string };
let meetingId: string;
let requestCount = 0;

const police = (staffId: string, area: MappaArea, extra: Partial<PrincipalClaims> = {}): PrincipalClaims => ({
  staffId,
  agency: 'police',
  roles: ['ppu_officer'],
  area,
  clearance: 'SC',
  ...extra,
});
const londonOfficer = police('PPU-OC-LON-1', MappaArea.LONDON);
const kentOfficer = police('PPU-OC-KENT-1', MappaArea.KENT);
const practitioner: PrincipalClaims = {
  staffId: 'NPS-OC-0001',
  agency: 'probation',
  roles: ['probation_practitioner'],
  area: MappaArea.LONDON,
  clearance: 'BPSS',
};
const coordinator: PrincipalClaims = {
  staffId: 'MCU-OC-0001',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};

/** Asks the gateway, with a request id of its own so the audit entries of the request can be found. */
async function ask<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  principal: PrincipalClaims,
  purpose: DeclaredPurpose = CASE_MANAGEMENT,
): Promise<GraphQLResponse<Data> & { requestId: string }> {
  requestCount += 1;
  const requestId = `originator-test-${String(requestCount).padStart(4, '0')}`;
  const response = await postGraphQL<Data>(`${env.stack.gateway.url}/graphql`, query, variables, {
    ...(await env.headersFor(principal, purpose)),
    'x-request-id': requestId,
  });
  return { ...response, requestId };
}

const view = (principal: PrincipalClaims, pncId: string, purpose: DeclaredPurpose = CASE_MANAGEMENT, query = FULL_VIEW) =>
  ask<View>(query, { pncId }, principal, purpose);
const itemWith = (response: GraphQLResponse<View>, summary: string): Item | undefined =>
  response.data?.offender?.intelligence?.find((item) => item.sanitisedSummary === summary);
const summariesOf = (response: GraphQLResponse<View>): string[] =>
  (response.data?.offender?.intelligence ?? []).map((item) => item.sanitisedSummary);
const agree = (
  principal: PrincipalClaims,
  reference: string,
  sharedWith: 'POLICE_FORCE' | 'MAPPA_PARTNERS',
  sharedWithArea: MappaArea | null = null,
) =>
  ask<{ recordIntelligenceSharingAgreement: Agreement | null }>(
    RECORD,
    { i: { reference, sharedWith, sharedWithArea, rationale: 'Test: needed to manage the risk' } },
    principal,
  );
const withdraw = (principal: PrincipalClaims, agreementId: string) =>
  ask<{ withdrawIntelligenceSharingAgreement: { withdrawnAt: string | null } | null }>(
    WITHDRAW,
    { id: agreementId, reason: 'Test: no longer needed' },
    principal,
  );
const codesOf = (response: GraphQLResponse): unknown[] =>
  (response.errors ?? []).map((error) => (error.extensions as { code?: unknown } | undefined)?.code);

async function insertItems(
  pncId: string,
  items: readonly { reference: string; originatorForce: string; handlingCode: string; summary: string }[],
): Promise<void> {
  for (const item of items) {
    await env.connection.database().execute(
      sql`insert into police.intelligence_item (pnc_id, reference, recorded_date, source_evaluation, intelligence_assessment, handling_code, originator_force, text, sanitised_summary)
          values (${pncId}, ${item.reference}, '2026-10-01', '2', 'B', ${item.handlingCode}, ${item.originatorForce}, ${`Synthetic graded text of ${item.reference}.`}, ${item.summary})`,
    );
  }
}

/** How many agreements the police hold for an item. */
async function agreementCount(reference: string): Promise<number> {
  const [row] = await checkedRows(
    env.connection,
    { count: z.coerce.number() },
    sql`select count(*) as count from police.intelligence_sharing_agreement where item_reference = ${reference}`,
  );
  return row!.count;
}

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 400, seed: 21, asOf: '2026-11-01', areas: AREAS } });
  const active = new Set(
    (
      await checkedRows(
        env.connection,
        { pnc_id: z.string() },
        sql`select pnc_id from mappa.mappa_case where status = 'ACTIVE' and not ct_restricted and area = ${MappaArea.LONDON}`,
      )
    ).map((row) => row.pnc_id),
  );
  subject = env.people.find(
    (person) =>
      person.area === MappaArea.LONDON &&
      !person.isYouth &&
      person.level >= 2 &&
      person.category !== 4 &&
      !person.restrictedAccess &&
      active.has(person.pncId),
  )!;
  expect(subject).toBeDefined();
  await insertItems(subject.pncId, Object.values(ITEMS));
  // The subject's MAPP meeting, in session: the probation practitioner and the Kent officer (invited by
  // staff id: the legitimate route for an officer of another force to the person) sign attendance.
  meetingId = await insertMeeting(env, subject.pncId);
  for (const attendee of [practitioner, kentOfficer]) {
    const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: attendee.staffId, agency: attendee.agency });
    await signAttendance(env, meetingId, attendee, invitationId);
  }
  // C.63: a young person of London whose case is a terrorist one (the police's counter-terrorism marker, which the YOT records too).
  [youth] = (await checkedRows(
    env.connection,
    { pnc_id: z.string(), case_manager_staff_id: z.string() },
    sql`select y.pnc_id, y.case_manager_staff_id from yot.youth_case y join police.person pp on pp.pnc_id = y.pnc_id
        where y.area = ${MappaArea.LONDON} and pp.mappa_area = ${MappaArea.LONDON} and y.status <> 'CLOSED' order by y.pnc_id limit 1`,
  )) as [typeof youth];
  expect(youth).toBeDefined();
  await env.connection.database().execute(sql`update police.person set ct_restricted = true where pnc_id = ${youth.pnc_id}`);
  await env.connection.database().execute(sql`update yot.youth_case set ct_restricted = true where pnc_id = ${youth.pnc_id}`);
  await insertItems(youth.pnc_id, Object.values(YOUTH_ITEMS));
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 180_000);

afterAll(async () => {
  await env.close();
});

describe('principle 4, B §1: the full intelligence item stays with the originating force', () => {
  it('principle 4: a PPU officer of the originating force reads the full item (reference, grading, handling code, originator, text)', async () => {
    const own = await view(londonOfficer, subject.pncId);
    expect(own.errors).toBeUndefined();
    expect(itemWith(own, ITEMS.own.summary)).toEqual({
      reference: ITEMS.own.reference,
      recordedDate: '2026-10-01',
      sourceEvaluation: '2',
      intelligenceAssessment: 'B',
      handlingCode: 'P',
      originatorForce: LONDON,
      text: `Synthetic graded text of ${ITEMS.own.reference}.`,
      sanitisedSummary: ITEMS.own.summary,
    });
    // The Kent officer reaches the London subject through the meeting they attend, and reads Kent's item in full.
    const kent = await view(kentOfficer, subject.pncId, atMeeting(meetingId));
    expect(kent.errors).toBeUndefined();
    expect(itemWith(kent, ITEMS.kent.summary)).toMatchObject({
      reference: ITEMS.kent.reference,
      originatorForce: KENT,
      handlingCode: 'P',
      text: expect.any(String),
    });
  });

  it('principle 4, B §1: an officer of another force reads only the summary and its date, null and no error elsewhere, as for a field the police do not hold', async () => {
    const london = await view(londonOfficer, subject.pncId);
    expect(london.errors).toBeUndefined();
    expect(itemWith(london, ITEMS.kent.summary)).toEqual({
      reference: null,
      recordedDate: '2026-10-01',
      sourceEvaluation: null,
      intelligenceAssessment: null,
      handlingCode: null,
      originatorForce: null,
      text: null,
      sanitisedSummary: ITEMS.kent.summary,
    });
    // Both ways: at the meeting the Kent officer reads London's own items as summaries only.
    const kent = await view(kentOfficer, subject.pncId, atMeeting(meetingId));
    expect(itemWith(kent, ITEMS.own.summary)).toMatchObject({
      reference: null,
      text: null,
      handlingCode: null,
      sanitisedSummary: ITEMS.own.summary,
    });
    // Every item the London officer reads in full is London's or shared with London, as the police hold them.
    const expected = await checkedRows(
      env.connection,
      { reference: z.string() },
      sql`select i.reference from police.intelligence_item i where i.pnc_id = ${subject.pncId} and (i.originator_force = ${LONDON}
            or exists (select 1 from police.intelligence_sharing_agreement a where a.item_reference = i.reference and a.shared_with = 'POLICE_FORCE' and a.shared_with_area = ${MappaArea.LONDON} and a.withdrawn_at is null))`,
    );
    const read = (london.data?.offender?.intelligence ?? []).flatMap((item) => (item.reference === null ? [] : [item.reference]));
    expect(read.sort()).toEqual(expected.map((row) => row.reference).sort());
  });

  it('principle 4, principle 10: once the originating force agrees to share the item with the other force, that force reads it in full; withdrawn, the summary again', async () => {
    const agreed = await agree(kentOfficer, ITEMS.kent.reference, 'POLICE_FORCE', MappaArea.LONDON);
    expect(agreed.errors).toBeUndefined();
    expect(agreed.data?.recordIntelligenceSharingAgreement).toEqual({
      agreementId: expect.any(String),
      itemReference: ITEMS.kent.reference,
      sharedWith: 'POLICE_FORCE',
      sharedWithArea: MappaArea.LONDON,
      agreedByStaffId: kentOfficer.staffId,
      agreedByForce: KENT,
      rationale: 'Test: needed to manage the risk',
      withdrawnAt: null,
    });
    const shared = await view(londonOfficer, subject.pncId);
    expect(itemWith(shared, ITEMS.kent.summary)).toMatchObject({
      reference: ITEMS.kent.reference,
      originatorForce: KENT,
      handlingCode: 'P',
      text: `Synthetic graded text of ${ITEMS.kent.reference}.`,
    });
    // Only that force: another force's officer at the same meeting would still read the summary (here: Kent's agreement names London only).
    const withdrawn = await withdraw(kentOfficer, agreed.data!.recordIntelligenceSharingAgreement!.agreementId);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data?.withdrawIntelligenceSharingAgreement?.withdrawnAt).toEqual(expect.any(String));
    expect(itemWith(await view(londonOfficer, subject.pncId), ITEMS.kent.summary)).toMatchObject({ reference: null, text: null });
    // Withdrawing twice is refused, coded.
    expect(codesOf(await withdraw(kentOfficer, agreed.data!.recordIntelligenceSharingAgreement!.agreementId))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('principle 4, principle 10: only the originating force records or withdraws an agreement', () => {
  it('principle 10: an officer of another force who knows the person is refused, FORBIDDEN with its reason, and nothing is recorded', async () => {
    const before = await agreementCount(ITEMS.kent.reference);
    const refused = await agree(londonOfficer, ITEMS.kent.reference, 'POLICE_FORCE', MappaArea.DORSET);
    expect(refused.data?.recordIntelligenceSharingAgreement ?? null).toBeNull();
    expect(refused.errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_ORIGINATING_FORCE' }),
    ]);
    expect(await agreementCount(ITEMS.kent.reference)).toBe(before);
    // Nor may it withdraw the originator's agreement.
    const agreed = await agree(kentOfficer, ITEMS.kent.reference, 'POLICE_FORCE', MappaArea.LONDON);
    const notTheirs = await withdraw(londonOfficer, agreed.data!.recordIntelligenceSharingAgreement!.agreementId);
    expect(notTheirs.errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_ORIGINATING_FORCE' }),
    ]);
    await withdraw(kentOfficer, agreed.data!.recordIntelligenceSharingAgreement!.agreementId);
  });

  it("principle 9: to an officer outside the person's row scope an item is answered exactly as an unknown reference (NOT_FOUND)", async () => {
    // The Kent officer does not know the London subject under case management (the meeting is another purpose).
    const outOfScope = await agree(kentOfficer, ITEMS.own.reference, 'POLICE_FORCE', MappaArea.KENT);
    const unknown = await agree(kentOfficer, 'INT-NO-SUCH-ITEM', 'POLICE_FORCE', MappaArea.KENT);
    expect(codesOf(outOfScope)).toEqual(['NOT_FOUND']);
    expect(outOfScope.errors?.map((error) => error.message)).toEqual(unknown.errors?.map((error) => error.message));
  });

  it('principle 4: no one but a PPU or counter-terrorism officer under case management may ask, FORBIDDEN naming the policy', async () => {
    const probation = await agree(practitioner, ITEMS.conditional.reference, 'MAPPA_PARTNERS');
    expect(forbiddenPaths(probation)).toEqual(['recordIntelligenceSharingAgreement police.intelligenceSharing']);
    const atTheMeeting = await ask(
      RECORD,
      { i: { reference: ITEMS.kent.reference, sharedWith: 'POLICE_FORCE', sharedWithArea: MappaArea.LONDON, rationale: 'Test' } },
      kentOfficer,
      atMeeting(meetingId),
    );
    expect(forbiddenPaths(atTheMeeting)).toEqual(['recordIntelligenceSharingAgreement police.intelligenceSharing']);
  });

  it('bad input is BAD_USER_INPUT with every issue, before anything about the item is looked at', async () => {
    const bad = await ask(RECORD, { i: { reference: 'INT TEST', sharedWith: 'POLICE_FORCE', rationale: ' ' } }, kentOfficer);
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
    const ownForce = await agree(kentOfficer, ITEMS.kent.reference, 'POLICE_FORCE', MappaArea.KENT);
    expect(codesOf(ownForce)).toEqual(['BAD_USER_INPUT']);
  });

  it("principle 10: the agreement is audited with the change, in the police's own trail: the fields it was made with, as hashes", async () => {
    const agreed = await agree(kentOfficer, ITEMS.kent.reference, 'POLICE_FORCE', MappaArea.LONDON);
    const agreementId = agreed.data!.recordIntelligenceSharingAgreement!.agreementId;
    const entries = await env.connection.database().select().from(auditEntryTable).where(eq(auditEntryTable.requestId, agreed.requestId));
    const evidence = entries
      .map((entry) => ({ log: entry.log, payload: entry.payload as AuditPayload }))
      .find((entry) => entry.log === 'police' && entry.payload.changes.length > 0)?.payload;
    expect(evidence).toBeDefined();
    const record = `IntelligenceSharingAgreement:${agreementId}`;
    expect(evidence!.subjects).toEqual([subject.pncId]);
    expect(evidence!.changes).toEqual(
      expect.arrayContaining([
        { record, field: 'itemReference', oldValueHash: null, newValueHash: auditValueHash(record, 'itemReference', ITEMS.kent.reference) },
        { record, field: 'sharedWith', oldValueHash: null, newValueHash: auditValueHash(record, 'sharedWith', 'POLICE_FORCE') },
        {
          record,
          field: 'agreedByStaffId',
          oldValueHash: null,
          newValueHash: auditValueHash(record, 'agreedByStaffId', kentOfficer.staffId),
        },
      ]),
    );
    // The rationale is proven by its hash, never stored.
    expect(JSON.stringify(evidence)).not.toContain('needed to manage the risk');
    const withdrawn = await withdraw(kentOfficer, agreementId);
    const withdrawal = (
      await env.connection.database().select().from(auditEntryTable).where(eq(auditEntryTable.requestId, withdrawn.requestId))
    )
      .map((entry) => entry.payload as AuditPayload)
      .find((payload) => payload.changes.length > 0);
    expect(withdrawal?.changes.map((change) => [change.record, change.field, change.oldValueHash])).toEqual([
      [record, 'withdrawnAt', null],
      [record, 'withdrawnByStaffId', null],
      [record, 'withdrawalReason', null],
    ]);
  });
});

describe("handling code C: its summary leaves the police only with the originator's agreement", () => {
  /** The subject's items a partner may read now: P, or C with a live MAPPA_PARTNERS agreement. */
  const releasable = async (pncId: string) =>
    (
      await checkedRows(
        env.connection,
        { sanitised_summary: z.string() },
        sql`select i.sanitised_summary from police.intelligence_item i where i.pnc_id = ${pncId} and (i.handling_code = 'P'
              or exists (select 1 from police.intelligence_sharing_agreement a where a.item_reference = i.reference and a.shared_with = 'MAPPA_PARTNERS' and a.withdrawn_at is null))`,
      )
    )
      .map((row) => row.sanitised_summary)
      .sort();

  it("principle 4, B §1: at a meeting, probation and the MAPPA unit read the P items' summaries and nothing of a C item, not even that it exists, until the originator agrees", async () => {
    for (const reader of [practitioner, coordinator]) {
      const before = await view(reader, subject.pncId, atMeeting(meetingId), SUMMARY_VIEW);
      expect(before.errors).toBeUndefined();
      expect(summariesOf(before)).toEqual(expect.arrayContaining([ITEMS.own.summary, ITEMS.kent.summary]));
      expect(summariesOf(before)).not.toContain(ITEMS.conditional.summary);
      expect(summariesOf(before).sort()).toEqual(await releasable(subject.pncId));
    }
    // The police themselves read every summary, C included.
    expect(summariesOf(await view(londonOfficer, subject.pncId, CASE_MANAGEMENT, SUMMARY_VIEW))).toContain(ITEMS.conditional.summary);

    const agreed = await agree(londonOfficer, ITEMS.conditional.reference, 'MAPPA_PARTNERS');
    expect(agreed.errors).toBeUndefined();
    expect(agreed.data?.recordIntelligenceSharingAgreement).toMatchObject({
      sharedWith: 'MAPPA_PARTNERS',
      sharedWithArea: null,
      agreedByForce: LONDON,
    });
    for (const reader of [practitioner, coordinator]) {
      const after = await view(reader, subject.pncId, atMeeting(meetingId), SUMMARY_VIEW);
      expect(summariesOf(after)).toEqual(expect.arrayContaining([ITEMS.own.summary, ITEMS.kent.summary, ITEMS.conditional.summary]));
    }
    await withdraw(londonOfficer, agreed.data!.recordIntelligenceSharingAgreement!.agreementId);
    expect(summariesOf(await view(practitioner, subject.pncId, atMeeting(meetingId), SUMMARY_VIEW))).not.toContain(
      ITEMS.conditional.summary,
    );
  });

  it('principle 4: an agreement with MAPPA partners opens the summary only: the partner still reads nothing of the graded item', async () => {
    const agreed = await agree(londonOfficer, ITEMS.conditional.reference, 'MAPPA_PARTNERS');
    const full = await view(practitioner, subject.pncId, atMeeting(meetingId));
    expect(forbiddenPaths(full)).toEqual([
      'offender.intelligence.handlingCode police.intelligence',
      'offender.intelligence.intelligenceAssessment police.intelligence',
      'offender.intelligence.originatorForce police.intelligence',
      'offender.intelligence.reference police.intelligence',
      'offender.intelligence.sourceEvaluation police.intelligence',
      'offender.intelligence.text police.intelligence',
    ]);
    await withdraw(londonOfficer, agreed.data!.recordIntelligenceSharingAgreement!.agreementId);
  });

  it("C.63: the YOT case manager of a terrorist case reads a P item's summary, and a C item's only once the originator agrees", async () => {
    const manager: PrincipalClaims = {
      staffId: youth.case_manager_staff_id,
      agency: 'yot',
      roles: ['yot_case_manager'],
      area: MappaArea.LONDON,
      clearance: 'CTC',
    };
    const before = await view(manager, youth.pnc_id, CASE_MANAGEMENT, SUMMARY_VIEW);
    expect(before.errors).toBeUndefined();
    expect(summariesOf(before)).toContain(YOUTH_ITEMS.plain.summary);
    expect(summariesOf(before)).not.toContain(YOUTH_ITEMS.conditional.summary);
    // Principle 7: the originating force's officer must be counter-terrorism cleared to know the item at all.
    const uncleared = await agree(
      police('PPU-OC-LON-2', MappaArea.LONDON, { clearance: 'BPSS' }),
      YOUTH_ITEMS.conditional.reference,
      'MAPPA_PARTNERS',
    );
    expect(codesOf(uncleared)).toEqual(['NOT_FOUND']);
    const agreed = await agree(
      police('PPU-OC-LON-3', MappaArea.LONDON, { clearance: 'CTC' }),
      YOUTH_ITEMS.conditional.reference,
      'MAPPA_PARTNERS',
    );
    expect(agreed.errors).toBeUndefined();
    expect(summariesOf(await view(manager, youth.pnc_id, CASE_MANAGEMENT, SUMMARY_VIEW))).toEqual(
      expect.arrayContaining([YOUTH_ITEMS.plain.summary, YOUTH_ITEMS.conditional.summary]),
    );
  });
});

describe('the synthetic data: cross-border intelligence', () => {
  it("principle 4: a minority of items come from another force than the person's area's, some with the originator's agreement; C items with and without agreement", async () => {
    const [shape] = await checkedRows(
      env.connection,
      {
        items: z.coerce.number(),
        other_force: z.coerce.number(),
        force_agreements: z.coerce.number(),
        partner_agreements: z.coerce.number(),
        c_items: z.coerce.number(),
      },
      sql`select (select count(*) from police.intelligence_item where reference not like 'INT-TEST-%') as items,
                 (select count(*) from police.intelligence_item i join police.person p using (pnc_id) where i.reference not like 'INT-TEST-%' and i.originator_force <> initcap(replace(p.mappa_area, '_', ' '))) as other_force,
                 (select count(*) from police.intelligence_sharing_agreement where shared_with = 'POLICE_FORCE' and item_reference not like 'INT-TEST-%') as force_agreements,
                 (select count(*) from police.intelligence_sharing_agreement where shared_with = 'MAPPA_PARTNERS' and item_reference not like 'INT-TEST-%') as partner_agreements,
                 (select count(*) from police.intelligence_item where handling_code = 'C' and reference not like 'INT-TEST-%') as c_items`,
    );
    expect(shape!.items).toBeGreaterThan(0);
    expect(shape!.other_force / shape!.items).toBeGreaterThan(0.05);
    expect(shape!.other_force / shape!.items).toBeLessThan(0.3);
    expect(shape!.force_agreements).toBeGreaterThan(0);
    expect(shape!.force_agreements).toBeLessThan(shape!.other_force);
    expect(shape!.partner_agreements).toBeGreaterThan(0);
    expect(shape!.partner_agreements).toBeLessThan(shape!.c_items);
  });
});
