import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Caller, Principal } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import {
  atMeeting,
  auditChangesOf,
  codes,
  coordinatorIn,
  db,
  freshCase,
  insertMeeting,
  startMeetingStack,
} from '../meeting/meeting-minutes.fixtures';
import type { GraphQLResponse, MeetingTestStack } from '../meeting/meeting-minutes.fixtures';
import type { MeetingRow } from '../meeting/meeting.table';
import {
  attendingPractitioner,
  decisionOf,
  disclosureClient,
  onDecision,
  partiesIn,
  POLICE_ITEM,
  PROBATION_ITEM,
} from './disclosure.fixtures';
import type { Decision } from './disclosure.fixtures';
import { disclosureConsiderationTable, disclosureDecisionTable } from './disclosure.table';

let stack: MeetingTestStack;
let client: ReturnType<typeof disclosureClient>;

beforeAll(async () => {
  stack = await startMeetingStack(31);
  client = disclosureClient(stack);
});

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const issuesOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.issues?.map((issue) => issue.message).join(' | ') ?? '';

interface Setup {
  readonly mappaCase: MappaCaseRow;
  readonly meeting: MeetingRow;
  readonly parties: ReturnType<typeof partiesIn>;
  readonly decisionId: string;
  /** The caller under DISCLOSURE_DECISION for this decision. */
  readonly as: (principal: Principal) => Caller;
}

/** A level 2 meeting in session chaired by `parties.chair`, and a decision proposed at it by an attending probation practitioner. */
async function proposed(overrides: Record<string, unknown> = {}, options: { under18?: boolean } = {}): Promise<Setup> {
  let mappaCase = await freshCase(stack, 2);
  if (options.under18) {
    [mappaCase] = (await db(stack)
      .update(mappaCaseTable)
      .set({ subjectDateOfBirth: '2011-03-01' })
      .where(eq(mappaCaseTable.caseId, mappaCase.caseId))
      .returning()) as [MappaCaseRow];
  }
  const parties = partiesIn(mappaCase.area);
  const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', parties.chair);
  const proposal = await client.propose(meeting, await attendingPractitioner(stack, meeting, parties.practitioner), overrides);
  expect(proposal.errors).toBeUndefined();
  const { decisionId } = proposal.data?.proposeDisclosure as { decisionId: string };
  return { mappaCase, meeting, parties, decisionId, as: (principal) => onDecision(principal, decisionId, mappaCase.pncId) };
}

/** Two items (police record field, probation free text), consulting, representations recorded. */
async function readyToAgree(setup: Setup): Promise<Decision> {
  const { decisionId, parties, as } = setup;
  decisionOf(await client.addItem(decisionId, as(parties.practitioner), POLICE_ITEM), 'addDisclosureItem');
  decisionOf(await client.addItem(decisionId, as(parties.practitioner), PROBATION_ITEM), 'addDisclosureItem');
  decisionOf(await client.startConsultation(decisionId, as(parties.practitioner)), 'startDisclosureConsultation');
  return decisionOf(await client.representations(decisionId, as(parties.practitioner)), 'recordDisclosureRepresentations');
}

describe("a level 2/3 disclosure decision, the meeting's (guidance ch. 10, analysis B §2)", () => {
  it('B.7, B.8: one decision from proposal at the meeting to MADE, each step by its actor, with its transitions and audit evidence', async () => {
    const setup = await proposed();
    const { decisionId, parties, as, meeting } = setup;
    expect(decisionId).toMatch(/^DSC-MAPPA-/);
    // The proposal records that disclosure was considered at this meeting.
    expect(
      await db(stack).select().from(disclosureConsiderationTable).where(eq(disclosureConsiderationTable.decisionId, decisionId)),
    ).toEqual([expect.objectContaining({ meetingId: meeting.meetingId, outcome: 'DECISION_PROPOSED' })]);
    const ready = await readyToAgree(setup);
    expect(ready).toMatchObject({ status: 'CONSULTING', requiredConsultations: [], subjectUnder18: false });
    const [policeItem, probationItem] = ready.items;
    expect(policeItem).toMatchObject({
      position: 1,
      sourceAgency: 'police',
      wordingSha256: sha256(POLICE_ITEM.wording),
      ownerAgreement: 'AWAITING',
    });
    decisionOf(await client.agree(decisionId, as(parties.policeOwner), policeItem!), 'recordDisclosureItemAgreement');
    const agreed = decisionOf(await client.agree(decisionId, as(parties.probationOwner), probationItem!), 'recordDisclosureItemAgreement');
    expect(agreed.items.map((item) => item.ownerAgreement)).toEqual(['AGREED', 'AGREED']);

    const before = await client.preview(decisionId, as(parties.practitioner));
    expect(before.errors).toBeUndefined();
    const previewed = before.data?.disclosurePreview as {
      html: string;
      contentSha256: string;
      frozen: boolean;
      items: { sourceAgency: string; agreement: string }[];
    };
    expect(previewed).toMatchObject({
      frozen: false,
      contentSha256: sha256(previewed.html),
      items: [
        { sourceAgency: 'police', agreement: 'AGREED' },
        { sourceAgency: 'probation', agreement: 'AGREED' },
      ],
    });

    const decided = decisionOf(await client.decide(decisionId, as(parties.chair), 'DISCLOSE', 'police'), 'decideDisclosure');
    expect(decided).toMatchObject({ status: 'DECIDED', outcome: 'DISCLOSE', executingAgency: 'police' });
    // A party of the executing agency makes it: the police owner.
    const made = decisionOf(await client.made(decisionId, as(parties.policeOwner)), 'recordDisclosureMade');
    expect(made.status).toBe('MADE');
    expect(made.transitions.map((transition) => [transition.fromStatus, transition.toStatus, transition.staffId])).toEqual([
      [null, 'PROPOSED', 'NPS00101'],
      ['PROPOSED', 'CONSULTING', 'NPS00101'],
      ['CONSULTING', 'DECIDED', 'NPS00078'],
      ['DECIDED', 'MADE', 'PPU00101'],
    ]);
    const changed = (await auditChangesOf(stack, `DisclosureDecision:${decisionId}`)).map((change) => change.field);
    expect(changed).toEqual(expect.arrayContaining(['status', 'outcome', 'rationale', 'executingAgency', 'madeTo', 'contentSha256']));
    expect((await auditChangesOf(stack, `DisclosureItem:${policeItem!.itemId}`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['wording', 'wordingSha256', 'sourceAgency']),
    );
  });

  it('issue 11 "Preview as the recipient": the preview equals the made content byte for byte, with its SHA-256; made content never changes', async () => {
    const setup = await proposed();
    const { decisionId, parties, as } = setup;
    const ready = await readyToAgree(setup);
    for (const [item, owner] of [
      [ready.items[0]!, parties.policeOwner],
      [ready.items[1]!, parties.probationOwner],
    ] as const)
      decisionOf(await client.agree(decisionId, as(owner), item), 'recordDisclosureItemAgreement');
    decisionOf(await client.decide(decisionId, as(parties.chair), 'DISCLOSE', 'probation'), 'decideDisclosure');
    const decidedPreview = (await client.preview(decisionId, as(parties.chair))).data?.disclosurePreview as {
      html: string;
      contentSha256: string;
    };
    const made = decisionOf(await client.made(decisionId, as(parties.practitioner)), 'recordDisclosureMade');
    const [row] = await db(stack).select().from(disclosureDecisionTable).where(eq(disclosureDecisionTable.decisionId, decisionId));
    expect(row!.frozenContent).toBe(decidedPreview.html);
    expect(row!.contentSha256).toBe(sha256(decidedPreview.html));
    expect(made.contentSha256).toBe(decidedPreview.contentSha256);
    const afterMade = (await client.preview(decisionId, as(parties.policeOwner))).data?.disclosurePreview as {
      html: string;
      contentSha256: string;
      frozen: boolean;
    };
    expect(afterMade).toEqual(
      expect.objectContaining({ html: decidedPreview.html, contentSha256: decidedPreview.contentSha256, frozen: true }),
    );

    // Nothing changes a made disclosure: no item, no withdrawal, no second making.
    expect(codes(await client.addItem(decisionId, as(parties.practitioner), { ...PROBATION_ITEM, wording: 'Another line.' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await client.withdraw(decisionId, as(parties.chair)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await client.made(decisionId, as(parties.practitioner)))).toEqual(['BAD_USER_INPUT']);
    const [unchanged] = await db(stack).select().from(disclosureDecisionTable).where(eq(disclosureDecisionTable.decisionId, decisionId));
    expect(unchanged).toEqual(row);
  });

  it("B.8, C.29: an item without its owner's agreement cannot be disclosed; only its owner answers for it, for the wording they saw", async () => {
    const setup = await proposed();
    const { decisionId, parties, as } = setup;
    const ready = await readyToAgree(setup);
    const [policeItem, probationItem] = ready.items;
    decisionOf(await client.agree(decisionId, as(parties.probationOwner), probationItem!), 'recordDisclosureItemAgreement');
    // Probation cannot agree for the police's item: to them it is a step that does not exist.
    expect(codes(await client.agree(decisionId, as(parties.probationOwner), policeItem!))).toEqual(['NOT_FOUND']);
    // An agreement is to the wording's SHA-256; any other is refused.
    const stale = await client.agree(decisionId, as(parties.policeOwner), {
      itemId: policeItem!.itemId,
      wordingSha256: sha256('an earlier wording'),
    });
    expect(codes(stale)).toEqual(['BAD_USER_INPUT']);

    const unagreed = await client.decide(decisionId, as(parties.chair), 'DISCLOSE');
    expect(codes(unagreed)).toEqual(['BAD_USER_INPUT']);
    expect(issuesOf(unagreed)).toMatch(/item 1 has not been agreed by its owner \(police/);
    // A refusal keeps it undisclosable.
    decisionOf(
      await client.agree(decisionId, as(parties.policeOwner), policeItem!, { agreed: false, note: 'Would reveal an ongoing operation.' }),
      'recordDisclosureItemAgreement',
    );
    expect(issuesOf(await client.decide(decisionId, as(parties.chair), 'DISCLOSE'))).toMatch(/item 1 has not been agreed/);
    // Removing the refused item leaves only agreed content, which can be disclosed.
    decisionOf(await client.removeItem(decisionId, as(parties.practitioner), policeItem!.itemId), 'removeDisclosureItem');
    const decided = decisionOf(await client.decide(decisionId, as(parties.chair), 'DISCLOSE'), 'decideDisclosure');
    expect(decided.status).toBe('DECIDED');
    const preview = (await client.preview(decisionId, as(parties.chair))).data?.disclosurePreview as { items: { sourceAgency: string }[] };
    expect(preview.items.map((item) => item.sourceAgency)).toEqual(['probation']);
  });

  it("B.15: a victim-identifying item needs the victim liaison officer's agreement as well as its owner's", async () => {
    const setup = await proposed({ recipientKind: 'PARTNER', recipientDescription: 'His new partner' });
    const { decisionId, parties, as } = setup;
    decisionOf(
      await client.addItem(decisionId, as(parties.practitioner), {
        ...PROBATION_ITEM,
        wording: 'His previous partner, who lives in the next street, was the victim.',
        victimIdentifying: true,
      }),
      'addDisclosureItem',
    );
    decisionOf(await client.startConsultation(decisionId, as(parties.practitioner)), 'startDisclosureConsultation');
    const ready = decisionOf(await client.representations(decisionId, as(parties.practitioner)), 'recordDisclosureRepresentations');
    const item = ready.items[0]!;
    expect(item.victimLiaisonAgreement).toBe('AWAITING');
    decisionOf(await client.agree(decisionId, as(parties.probationOwner), item), 'recordDisclosureItemAgreement');
    const refused = await client.decide(decisionId, as(parties.chair), 'DISCLOSE');
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(issuesOf(refused)).toMatch(/victim liaison officer \(B\.15\)/);
    // The owner cannot stand in for the VLO.
    expect(codes(await client.agree(decisionId, as(parties.probationOwner), item, { kind: 'VICTIM_LIAISON' }))).toEqual(['NOT_FOUND']);
    decisionOf(
      await client.agree(decisionId, as(parties.victimLiaison), item, { kind: 'VICTIM_LIAISON' }),
      'recordDisclosureItemAgreement',
    );
    expect(decisionOf(await client.decide(decisionId, as(parties.chair), 'DISCLOSE'), 'decideDisclosure').status).toBe('DECIDED');
  });

  it("B.10, C.52: a child subject's decision cannot be decided until a senior YOT member and children's services have answered", async () => {
    const setup = await proposed({}, { under18: true });
    const { decisionId, parties, as } = setup;
    const started = decisionOf(await client.startConsultation(decisionId, as(parties.practitioner)), 'startDisclosureConsultation');
    expect(started).toMatchObject({ subjectUnder18: true, requiredConsultations: ['YOT_SENIOR', 'CHILDRENS_SERVICES'] });
    expect(started.consultations.map((consultation) => consultation.kind).sort()).toEqual(['CHILDRENS_SERVICES', 'YOT_SENIOR']);
    decisionOf(await client.representations(decisionId, as(parties.practitioner)), 'recordDisclosureRepresentations');
    const neither = await client.decide(decisionId, as(parties.chair), 'NOT_DISCLOSE');
    expect(codes(neither)).toEqual(['BAD_USER_INPUT']);
    expect(issuesOf(neither)).toMatch(/YOT_SENIOR.*CHILDRENS_SERVICES/);
    // A YOT case manager is not the senior member the guidance names.
    expect(codes(await client.answer(decisionId, as(parties.yotCaseManager), 'YOT_SENIOR', 'AGREES'))).toEqual(['NOT_FOUND']);
    decisionOf(await client.answer(decisionId, as(parties.yotSenior), 'YOT_SENIOR', 'CONCERNS'), 'answerDisclosureConsultation');
    expect(issuesOf(await client.decide(decisionId, as(parties.chair), 'NOT_DISCLOSE'))).toMatch(/CHILDRENS_SERVICES/);
    decisionOf(
      await client.answer(decisionId, as(parties.childrensServices), 'CHILDRENS_SERVICES', 'AGREES'),
      'answerDisclosureConsultation',
    );
    expect(decisionOf(await client.decide(decisionId, as(parties.chair), 'NOT_DISCLOSE'), 'decideDisclosure')).toMatchObject({
      status: 'DECIDED',
      outcome: 'NOT_DISCLOSE',
    });
    // A NOT_DISCLOSE decision is final.
    expect(codes(await client.withdraw(decisionId, as(parties.chair)))).toEqual(['BAD_USER_INPUT']);
  });

  it("B.12: a disclosure to the media needs an Assistant Chief Constable's approval and the MoJ press office told", async () => {
    const setup = await proposed({ recipientKind: 'MEDIA', recipientDescription: 'Editor, Example Evening News' });
    const { decisionId, parties, as } = setup;
    decisionOf(await client.addItem(decisionId, as(parties.practitioner), PROBATION_ITEM), 'addDisclosureItem');
    const started = decisionOf(await client.startConsultation(decisionId, as(parties.practitioner)), 'startDisclosureConsultation');
    expect(started.requiredConsultations).toEqual(['ACC_APPROVAL', 'MOJ_PRESS_OFFICE']);
    decisionOf(await client.representations(decisionId, as(parties.practitioner)), 'recordDisclosureRepresentations');
    decisionOf(await client.agree(decisionId, as(parties.probationOwner), started.items[0]!), 'recordDisclosureItemAgreement');
    expect(issuesOf(await client.decide(decisionId, as(parties.chair), 'DISCLOSE'))).toMatch(/ACC_APPROVAL.*MOJ_PRESS_OFFICE/);
    decisionOf(await client.answer(decisionId, as(parties.policeOwner), 'ACC_APPROVAL', 'APPROVED'), 'answerDisclosureConsultation');
    const pressOfficeUntold = await client.decide(decisionId, as(parties.chair), 'DISCLOSE');
    expect(issuesOf(pressOfficeUntold)).toMatch(/MOJ_PRESS_OFFICE/);
    expect(issuesOf(pressOfficeUntold)).not.toMatch(/ACC_APPROVAL/);
    decisionOf(await client.answer(decisionId, as(parties.probationOwner), 'MOJ_PRESS_OFFICE', 'INFORMED'), 'answerDisclosureConsultation');
    expect(decisionOf(await client.decide(decisionId, as(parties.chair), 'DISCLOSE'), 'decideDisclosure').status).toBe('DECIDED');
  });

  it("B.7: only the chair of the decision's meeting decides; the proposer, the co-ordinator and another chair cannot", async () => {
    const setup = await proposed();
    const { decisionId, parties, as, mappaCase } = setup;
    const ready = await readyToAgree(setup);
    for (const [item, owner] of [
      [ready.items[0]!, parties.policeOwner],
      [ready.items[1]!, parties.probationOwner],
    ] as const)
      decisionOf(await client.agree(decisionId, as(owner), item), 'recordDisclosureItemAgreement');
    const anotherChair: Principal = { ...parties.chair, staffId: 'NPS00077' };
    for (const caller of [parties.practitioner, coordinatorIn(mappaCase.area), anotherChair])
      expect(codes(await client.decide(decisionId, as(caller), 'DISCLOSE'))).toEqual(['NOT_FOUND']);
    expect(
      (await db(stack).select().from(disclosureDecisionTable).where(eq(disclosureDecisionTable.decisionId, decisionId)))[0]!.status,
    ).toBe('CONSULTING');
    expect(decisionOf(await client.decide(decisionId, as(parties.chair), 'DISCLOSE'), 'decideDisclosure').status).toBe('DECIDED');
  });

  it("principle 9: an unknown id, a caller who is no party, another area's co-ordinator and a party acting out of turn are answered alike", async () => {
    const setup = await proposed();
    const { decisionId, parties, as, mappaCase } = setup;
    const otherArea = mappaCase.area === 'LONDON' ? 'WEST_MIDLANDS' : 'LONDON';
    const unknownId = 'DSC-MAPPA-00000000-0000-0000-0000-000000000000';
    const answers = [
      await client.read(unknownId, onDecision(parties.practitioner, unknownId, mappaCase.pncId)),
      await client.read(decisionId, as(parties.prisonManager)),
      await client.read(decisionId, as(coordinatorIn(otherArea as Principal['area']))),
      // The victim liaison officer is no party until a victim-identifying item exists.
      await client.read(decisionId, as(parties.victimLiaison)),
      // A party (the co-ordinator) doing what is not theirs.
      await client.startConsultation(decisionId, as(coordinatorIn(mappaCase.area))),
    ];
    expect(answers.map((answer) => answer.errors?.map((error) => [error.extensions?.code, error.message]))).toEqual(
      answers.map(() => [['NOT_FOUND', 'No disclosure decision you can act on has this id.']]),
    );
    // The co-ordinator of the area is a party and reads it.
    expect(decisionOf(await client.read(decisionId, as(coordinatorIn(mappaCase.area))), 'disclosureDecision').decisionId).toBe(decisionId);
    // Declared under another purpose, or without the gateway's evidence, nothing either.
    expect(
      codes(
        await client.read(decisionId, {
          principal: parties.practitioner,
          declaredPurpose: { purpose: 'DISCLOSURE_DECISION', caseId: decisionId },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
  });

  it('a decision is withdrawn by its proposer or decision maker, with the reason, and then never changes; representations are recorded once', async () => {
    const setup = await proposed();
    const { decisionId, parties, as } = setup;
    decisionOf(await client.representations(decisionId, as(parties.practitioner)), 'recordDisclosureRepresentations');
    expect(codes(await client.representations(decisionId, as(parties.chair)))).toEqual(['BAD_USER_INPUT']);
    // An owner is a party but withdraws nothing.
    decisionOf(await client.addItem(decisionId, as(parties.practitioner), POLICE_ITEM), 'addDisclosureItem');
    expect(codes(await client.withdraw(decisionId, as(parties.policeOwner)))).toEqual(['NOT_FOUND']);
    const withdrawn = decisionOf(await client.withdraw(decisionId, as(parties.practitioner)), 'withdrawDisclosure');
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(withdrawn.transitions.at(-1)).toMatchObject({ fromStatus: 'PROPOSED', toStatus: 'WITHDRAWN', staffId: 'NPS00101' });
    expect(codes(await client.startConsultation(decisionId, as(parties.practitioner)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await client.addItem(decisionId, as(parties.chair), PROBATION_ITEM))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await client.withdraw(decisionId, as(parties.chair)))).toEqual(['BAD_USER_INPUT']);
    expect((await auditChangesOf(stack, `DisclosureDecision:${decisionId}`)).map((change) => change.field)).toEqual(
      expect.arrayContaining(['withdrawnByStaffId', 'withdrawalReason']),
    );
  });

  it('RECORD_FIELD items quote a real field of the federation owned by the named agency; inputs list every problem', async () => {
    const { decisionId, parties, as } = await proposed();
    const wrongOwner = await client.addItem(decisionId, as(parties.practitioner), { ...POLICE_ITEM, sourceAgency: 'probation' });
    expect(codes(wrongOwner)).toEqual(['BAD_USER_INPUT']);
    expect(wrongOwner.errors?.[0]?.extensions?.issues?.map((issue) => issue.path)).toEqual(['input.fieldCoordinate']);
    expect(
      codes(
        await client.addItem(decisionId, as(parties.practitioner), { ...POLICE_ITEM, fieldCoordinate: 'PoliceIntelligence.madeUpField' }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const invalid = await client.addItem(decisionId, as(parties.practitioner), {
      kind: 'RECORD_FIELD',
      sourceAgency: 'probation',
      fieldCoordinate: 'not a coordinate',
      recordReference: 'no spaces allowed',
      wording: '',
      victimIdentifying: false,
      photograph: false,
    });
    expect(invalid.errors?.[0]?.extensions?.issues?.map((issue) => issue.path).sort()).toEqual([
      'input.fieldCoordinate',
      'input.recordReference',
      'input.wording',
    ]);
    // A rule across fields is listed beside the fields' own problems, not after they are fixed.
    const mixed = await client.addItem(decisionId, as(parties.practitioner), {
      kind: 'FREE_TEXT',
      sourceAgency: 'probation',
      fieldCoordinate: 'PoliceIdentity.lastName',
      wording: '',
      victimIdentifying: false,
      photograph: false,
    });
    expect(mixed.errors?.[0]?.extensions?.issues?.map((issue) => issue.path).sort()).toEqual(['input.fieldCoordinate', 'input.wording']);
    decisionOf(await client.addItem(decisionId, as(parties.practitioner), POLICE_ITEM), 'addDisclosureItem');
  });

  it("proposing is for the meeting's chair, co-ordinator and attending Responsible Authority invitees; not at a cancelled meeting", async () => {
    const mappaCase = await freshCase(stack, 3);
    const parties = partiesIn(mappaCase.area);
    const meeting = await insertMeeting(stack, mappaCase, 'IN_SESSION', parties.chair);
    expect(
      codes(
        await client.propose(
          meeting,
          atMeeting(parties.practitioner, meeting, 'INVITEE', { attending: true, invitationId: 'not-an-invitation' }),
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const byChair = await client.propose(meeting, atMeeting(parties.chair, meeting, 'CHAIR'));
    expect(byChair.data?.proposeDisclosure).toMatchObject({ status: 'PROPOSED', subjectUnder18: false });
    const cancelledCase = await freshCase(stack, 2);
    const cancelledChair = partiesIn(cancelledCase.area).chair;
    const cancelled = await insertMeeting(stack, cancelledCase, 'CANCELLED', cancelledChair);
    expect(codes(await client.propose(cancelled, atMeeting(cancelledChair, cancelled, 'CHAIR')))).toEqual(['BAD_USER_INPUT']);
    const [row] = await db(stack)
      .select()
      .from(disclosureDecisionTable)
      .where(eq(disclosureDecisionTable.decisionId, (byChair.data?.proposeDisclosure as { decisionId: string }).decisionId));
    expect(row).toMatchObject({
      level: 3,
      caseId: mappaCase.caseId,
      meetingId: meeting.meetingId,
      area: mappaCase.area,
      proposedByStaffId: 'NPS00078',
    });
  });
});
