import { sql } from 'drizzle-orm';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import {
  agreedAndDecided,
  askGateway,
  consultingDecision as consulting,
  decideInput,
  deciding,
  DISCLOSURE_STEPS,
  mustAnswer,
  POLICE_ITEM_WORDING,
  recordMade,
  startTestStack,
} from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// Issue 11, the disclosure decision through the gateway with real subgraphs: each step by the party the
// guidance names, under DISCLOSURE_DECISION with the decision in x-mappa-case (the gateway asks the
// decision's holder how the caller stands to it). The rules are written from the guidance (B §2), not
// from the workflow's code: what a recipient may be given, who must have agreed or been consulted first,
// and that what is disclosed is exactly what was previewed.

let env: TestStack;
let adult: SyntheticPerson;
let child: SyntheticPerson;

const who = (
  staffId: string,
  agency: PrincipalClaims['agency'],
  roles: PrincipalClaims['roles'],
  area: PrincipalClaims['area'],
): PrincipalClaims => ({ staffId, agency, roles, area, clearance: 'SC' });
let chair: PrincipalClaims;
let policeOwner: PrincipalClaims;
let yotManager: PrincipalClaims;
let childrensServices: PrincipalClaims;

const ask = (principal: PrincipalClaims, purpose: DeclaredPurpose, query: string, variables: Record<string, unknown>) =>
  askGateway(env, principal, purpose, query, variables);
const must = (principal: PrincipalClaims, purpose: DeclaredPurpose, query: string, variables: Record<string, unknown>, field: string) =>
  mustAnswer(env, principal, purpose, query, variables, field);
const { agree: AGREE, answer: ANSWER, decide: DECIDE, preview: PREVIEW, made: MADE } = DISCLOSURE_STEPS;

beforeAll(async () => {
  env = await startTestStack();
  const result = (await env.connection
    .database()
    .execute(sql`select pnc_id from mappa.mappa_case where status = 'ACTIVE' and not ct_restricted`)) as unknown as {
    rows: { pnc_id: string }[];
  };
  const active = new Set(result.rows.map((row) => row.pnc_id));
  const plain = (person: SyntheticPerson) => person.category !== 4 && !person.restrictedAccess && active.has(person.pncId);
  adult = env.people.find((person) => plain(person) && !person.isYouth && person.level >= 2)!;
  child = env.people.find((person) => plain(person) && person.isYouth && person.level >= 2 && person.area === adult.area)!;
  if (!adult || !child) throw new Error('an adult at level 2 or 3 and a child with active MAPPA cases in one area');
  chair = who('CHAIR-WF-01', 'police', ['mappa_chair'], adult.area);
  policeOwner = who('PPU-WF-01', 'police', ['ppu_officer'], adult.area);
  yotManager = who('YOT-WF-01', 'yot', ['yot_manager'], adult.area);
  childrensServices = who('CSC-WF-01', 'children_social_care', ['dtc_attendee'], adult.area);
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 180_000);

afterAll(async () => {
  await env.close();
});

describe('issue 11: the disclosure decision through the gateway', () => {
  it("B.8, C.29: an item without its owner's agreement cannot be disclosed; with the police's agreement to its exact wording it can", async () => {
    const { decisionId, itemId, wordingSha256 } = await consulting(env, adult, chair);
    const refused = await ask(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'DISCLOSE') });
    expect(refused.data?.decideDisclosure).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // An agreement to other words than the item's holds for nothing.
    const stale = await ask(policeOwner, deciding(decisionId), AGREE, {
      input: { decisionId, itemId, kind: 'OWNER', agreed: true, note: null, wordingSha256: '0'.repeat(64) },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (await ask(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'DISCLOSE') })).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    await must(
      policeOwner,
      deciding(decisionId),
      AGREE,
      { input: { decisionId, itemId, kind: 'OWNER', agreed: true, note: null, wordingSha256 } },
      'recordDisclosureItemAgreement',
    );
    expect(await must(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'DISCLOSE') }, 'decideDisclosure')).toEqual({
      status: 'DECIDED',
      outcome: 'DISCLOSE',
    });
  });

  it('B §2 "What must be recorded": what is made is exactly what was previewed, byte for byte, with the same SHA-256, and it never changes', async () => {
    const { decisionId, itemId, wordingSha256 } = await consulting(env, adult, chair);
    await agreedAndDecided(env, { decisionId, itemId, wordingSha256 }, chair, policeOwner);
    const preview = await must(policeOwner, deciding(decisionId), PREVIEW, { decisionId }, 'disclosurePreview');
    expect(preview.frozen).toBe(false);
    expect(preview.html).toContain(POLICE_ITEM_WORDING);
    const made = await recordMade(env, decisionId, policeOwner);
    expect(made).toEqual({ status: 'MADE', contentSha256: preview.contentSha256 });
    const after = await must(chair, deciding(decisionId), PREVIEW, { decisionId }, 'disclosurePreview');
    expect(after).toEqual({ html: preview.html, contentSha256: preview.contentSha256, frozen: true });
    // Made is final: a second record of it, or a withdrawal, is refused.
    expect(
      (
        await ask(policeOwner, deciding(decisionId), MADE, {
          input: { decisionId, madeTo: 'Someone else', offenderTold: false, signedFormReference: null },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });

  it("B.10, C.52, A.R25: a decision about a child cannot be decided until a senior YOT member and children's services have answered", async () => {
    const { decisionId, requiredConsultations } = await consulting(env, child, chair);
    expect(requiredConsultations).toEqual(expect.arrayContaining(['YOT_SENIOR', 'CHILDRENS_SERVICES']));
    const refused = await ask(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'NOT_DISCLOSE') });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await must(
      yotManager,
      deciding(decisionId),
      ANSWER,
      { input: { decisionId, kind: 'YOT_SENIOR', response: 'CONCERNS', note: 'School placement at risk' } },
      'answerDisclosureConsultation',
    );
    expect(
      (await ask(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'NOT_DISCLOSE') })).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    // The YOT cannot answer for children's services.
    expect(
      (
        await ask(yotManager, deciding(decisionId), ANSWER, {
          input: { decisionId, kind: 'CHILDRENS_SERVICES', response: 'AGREES', note: 'x' },
        })
      ).errors,
    ).toBeDefined();
    await must(
      childrensServices,
      deciding(decisionId),
      ANSWER,
      { input: { decisionId, kind: 'CHILDRENS_SERVICES', response: 'AGREES', note: 'Strategy discussion held' } },
      'answerDisclosureConsultation',
    );
    expect(await must(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'NOT_DISCLOSE') }, 'decideDisclosure')).toEqual(
      { status: 'DECIDED', outcome: 'NOT_DISCLOSE' },
    );
  });
});
