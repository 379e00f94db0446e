import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import {
  CONSULTATION_KINDS,
  CONSULTATION_RESPONSES,
  consultationSatisfied,
  disclosureTriggersSql,
  requiredConsultationsOf,
} from '@mappa/shared';
import { DisclosureSql, migrationsTemplate, openTestDatabase, sha256Hex } from '@mappa/testing';
import type { ConsultationKind, ConsultationResponse } from '@mappa/shared';
import type { DecisionFacts, TestDatabase } from '@mappa/testing';
import { mappaSubgraph } from '../index';

// Issue 11, B §2 and B.7-B.17: the disclosure state machine as the MAPPA unit's database holds it
// (migrations 0011_disclosure_rules, the rules every holder shares, and 0012, the meeting's). Every
// statement here goes around the code: the database must refuse on its own what the guidance forbids.

const RESTRICT = '23001';
const CHECK = '23514';

let database: TestDatabase;
let d: DisclosureSql;

beforeAll(async () => {
  database = await openTestDatabase(migrationsTemplate(mappaSubgraph.migrationsFolder, 'mappa'));
  d = new DisclosureSql(database.connection.database(), 'mappa');
});

afterAll(async () => {
  await database.drop();
});

const decisions = sql`${sql.identifier('mappa')}.${sql.identifier('disclosure_decision')}`;

describe('the rules are defined once', () => {
  it('issue 11: the mappa disclosure_rules migration is exactly the shared definition for the mappa schema', () => {
    expect(readFileSync(join(mappaSubgraph.migrationsFolder, '0011_disclosure_rules.sql'), 'utf8')).toBe(disclosureTriggersSql('mappa'));
  });
});

describe('the allowed moves (B §2)', () => {
  it('B §2: PROPOSED → CONSULTING → DECIDED (DISCLOSE) → MADE, the content frozen with its SHA-256', async () => {
    const decisionId = await d.proposed();
    const item = await d.item(decisionId, { victimIdentifying: true });
    await d.agreement(decisionId, item, 'OWNER');
    await d.agreement(decisionId, item, 'VICTIM_LIAISON');
    expect(await d.status(decisionId)).toBe('PROPOSED');
    await d.run(d.toConsulting(decisionId));
    await d.run(d.representations(decisionId));
    await d.run(d.decide(decisionId, 'DISCLOSE'));
    expect(await d.status(decisionId)).toBe('DECIDED');
    const content = '<!DOCTYPE html><html lang="en"><body>Disclosure — ünïcode</body></html>';
    await d.run(d.make(decisionId, content));
    expect(await d.status(decisionId)).toBe('MADE');
    expect(await d.value(sql`select content_sha256 from ${decisions} where decision_id = ${decisionId}`)).toBe(sha256Hex(content));
  });

  it('B §2: CONSULTING → DECIDED (NOT_DISCLOSE) needs no item and no agreement', async () => {
    const decisionId = await d.proposed();
    await d.run(d.toConsulting(decisionId));
    await d.run(d.representations(decisionId));
    await d.run(d.decide(decisionId, 'NOT_DISCLOSE'));
    expect(await d.status(decisionId)).toBe('DECIDED');
  });

  it('B §2: representations may be recorded while PROPOSED, and items and consultations added then', async () => {
    const decisionId = await d.proposed();
    await d.run(d.representations(decisionId));
    await d.consultation(decisionId, 'YOT_SENIOR');
    await d.item(decisionId);
    expect(await d.value(sql`select representations_recorded_at is not null from ${decisions} where decision_id = ${decisionId}`)).toBe(
      true,
    );
  });

  it('B §2: a decision is withdrawn from PROPOSED, CONSULTING or DECIDED (DISCLOSE)', async () => {
    const fromProposed = await d.proposed();
    await d.run(d.withdraw(fromProposed));
    const fromConsulting = await d.proposed();
    await d.run(d.toConsulting(fromConsulting));
    await d.run(d.withdraw(fromConsulting));
    const { decisionId: fromDecided } = await d.readyToDecide();
    await d.run(d.decide(fromDecided, 'DISCLOSE'));
    await d.run(d.withdraw(fromDecided));
    for (const id of [fromProposed, fromConsulting, fromDecided]) expect(await d.status(id)).toBe('WITHDRAWN');
  });
});

describe('the refused moves (B §2)', () => {
  it('B §2: a decision is inserted PROPOSED, with nothing consulted, decided, made or withdrawn', async () => {
    const decisionId = await d.proposed();
    // A copy of a proposed decision, under a new id, in another status or with consultation already begun.
    const copy = (newId: string, status: string) =>
      sql`insert into ${decisions} select ${newId}, pnc_id, area, level, case_id, meeting_id, subject_under_18, ${status}, outcome,
        recipient_kind, recipient_description, recipient_is_child, recipient_is_adult_at_risk, purpose, lawful_basis, alternatives_considered, recipient_guidance,
        proposed_by_staff_id, proposed_by_issuer, proposed_by_agency, proposed_at, now(), representations_sought, representations_summary, representations_exception,
        representations_recorded_at, decided_by_staff_id, decided_by_issuer, decided_by_agency, decided_at, rationale, disclosure_risk_assessment, contingency_plans, dissent,
        executing_agency, made_by_staff_id, made_by_issuer, made_by_agency, made_at, made_to, offender_told, signed_form_reference, frozen_content, content_sha256,
        withdrawn_at, withdrawn_by_staff_id, withdrawal_reason from ${decisions} where decision_id = ${decisionId}`;
    expect(await d.refusal(copy(`${decisionId}-A`, 'CONSULTING'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/starts PROPOSED/),
    });
    expect(await d.refusal(copy(`${decisionId}-B`, 'PROPOSED'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/starts PROPOSED/),
    });
  });

  it('B §2: no state is skipped and none is gone back to', async () => {
    const proposed = await d.proposed();
    await d.run(d.representations(proposed));
    expect(await d.refusal(d.decide(proposed, 'NOT_DISCLOSE'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/cannot go from PROPOSED to DECIDED/),
    });
    expect(await d.refusal(d.make(proposed, 'x'))).toMatchObject({ message: expect.stringMatching(/cannot go from PROPOSED to MADE/) });

    const { decisionId: consulting } = await d.readyToDecide();
    expect(await d.refusal(d.make(consulting, 'x'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/cannot go from CONSULTING to MADE/),
    });
    expect(
      await d.refusal(sql`update ${decisions} set status = 'PROPOSED', consulting_from = null where decision_id = ${consulting}`),
    ).toMatchObject({
      message: expect.stringMatching(/cannot go from CONSULTING to PROPOSED/),
    });
    await d.run(d.decide(consulting, 'DISCLOSE'));
    expect(
      await d.refusal(sql`update ${decisions} set status = 'CONSULTING', outcome = null, decided_at = null, decided_by_staff_id = null, decided_by_issuer = null, decided_by_agency = null,
        rationale = null, disclosure_risk_assessment = null, contingency_plans = null, dissent = null, executing_agency = null where decision_id = ${consulting}`),
    ).toMatchObject({ code: RESTRICT, message: expect.stringMatching(/cannot go from DECIDED to CONSULTING/) });
  });

  it('B §2: a move changes only its own columns (no changing the recipient on the way to a decision)', async () => {
    const proposed = await d.proposed();
    expect(
      await d.refusal(
        sql`update ${decisions} set status = 'CONSULTING', consulting_from = now(), purpose = 'Another purpose' where decision_id = ${proposed}`,
      ),
    ).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/changes only status, consulting_from/),
    });
    expect(await d.refusal(sql`update ${decisions} set recipient_kind = 'MEDIA' where decision_id = ${proposed}`)).toMatchObject({
      message: expect.stringMatching(/changes only/),
    });
    const { decisionId } = await d.readyToDecide({ subjectUnder18: true });
    // Deciding while dropping the facts that call for the consultations is refused.
    expect(await d.refusal(d.decide(decisionId, 'NOT_DISCLOSE', sql`, subject_under_18 = false`))).toMatchObject({ code: RESTRICT });
    expect(await d.status(decisionId)).toBe('CONSULTING');
  });

  it('B §2: a NOT_DISCLOSE decision never changes: not made, not withdrawn, not edited', async () => {
    const decisionId = await d.proposed();
    await d.run(d.toConsulting(decisionId));
    await d.run(d.representations(decisionId));
    await d.run(d.decide(decisionId, 'NOT_DISCLOSE'));
    expect(await d.refusal(d.make(decisionId, 'x'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/NOT_DISCLOSE disclosure decision never changes/),
    });
    expect(await d.refusal(d.withdraw(decisionId))).toMatchObject({ message: expect.stringMatching(/never changes/) });
    expect(await d.refusal(sql`update ${decisions} set rationale = 'Better words' where decision_id = ${decisionId}`)).toMatchObject({
      message: expect.stringMatching(/never changes/),
    });
  });

  it('B §2: a DISCLOSE decision is frozen once DECIDED: only MADE or WITHDRAWN, nothing else edited', async () => {
    const { decisionId } = await d.readyToDecide();
    await d.run(d.decide(decisionId, 'DISCLOSE'));
    expect(await d.refusal(sql`update ${decisions} set rationale = 'Better words' where decision_id = ${decisionId}`)).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/changes only/),
    });
    expect(
      await d.refusal(sql`update ${decisions} set outcome = 'NOT_DISCLOSE', executing_agency = null where decision_id = ${decisionId}`),
    ).toMatchObject({ code: RESTRICT });
    expect(
      await d.refusal(sql`update ${decisions} set status = 'MADE', made_by_staff_id = 'PRO00001', made_by_issuer = 'i', made_by_agency = 'probation', made_at = now(), made_to = 'x',
      offender_told = true, frozen_content = 'x', content_sha256 = ${sha256Hex('x')}, recipient_description = 'Someone else' where decision_id = ${decisionId}`),
    ).toMatchObject({
      message: expect.stringMatching(/changes only status, made_by_staff_id/),
    });
  });

  it('B §2: a MADE decision never changes: not its frozen content, not its hash, not its status', async () => {
    const { decisionId } = await d.readyToDecide();
    await d.run(d.decide(decisionId, 'DISCLOSE'));
    await d.run(d.make(decisionId, '<html>original</html>'));
    const changed = '<html>changed</html>';
    expect(
      await d.refusal(
        sql`update ${decisions} set frozen_content = ${changed}, content_sha256 = ${sha256Hex(changed)} where decision_id = ${decisionId}`,
      ),
    ).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/MADE disclosure decision never changes/),
    });
    expect(await d.refusal(d.withdraw(decisionId))).toMatchObject({
      message: expect.stringMatching(/MADE disclosure decision never changes/),
    });
    expect(await d.refusal(sql`update ${decisions} set made_to = 'Someone else' where decision_id = ${decisionId}`)).toMatchObject({
      code: RESTRICT,
    });
  });

  it("B §2: a made disclosure's content_sha256 must be the SHA-256 of its frozen content's UTF-8 bytes", async () => {
    const { decisionId } = await d.readyToDecide();
    await d.run(d.decide(decisionId, 'DISCLOSE'));
    const content = '<html>café</html>';
    // The hash of another encoding (Latin-1) of the same text is refused.
    const latin1 = (await import('node:crypto')).createHash('sha256').update(Buffer.from(content, 'latin1')).digest('hex');
    expect(await d.refusal(d.make(decisionId, content, latin1))).toMatchObject({
      code: CHECK,
      message: expect.stringMatching(/SHA-256 of its frozen content/),
    });
    expect(await d.refusal(d.make(decisionId, content, sha256Hex('<html>something else</html>')))).toMatchObject({ code: CHECK });
    await d.run(d.make(decisionId, content));
    expect(await d.status(decisionId)).toBe('MADE');
  });

  it('B §2: a WITHDRAWN decision never changes', async () => {
    const decisionId = await d.proposed();
    await d.run(d.withdraw(decisionId));
    expect(await d.refusal(d.toConsulting(decisionId))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/WITHDRAWN disclosure decision never changes/),
    });
    expect(
      await d.refusal(sql`update ${decisions} set withdrawal_reason = 'Another reason' where decision_id = ${decisionId}`),
    ).toMatchObject({ code: RESTRICT });
  });
});

describe('what a decision needs (B.8, B.10-B.12, B.15, 10.20)', () => {
  it("10.20: no decision before the offender's representations are recorded, and they are recorded once, while open", async () => {
    const decisionId = await d.proposed();
    await d.run(d.toConsulting(decisionId));
    expect(await d.refusal(d.decide(decisionId, 'NOT_DISCLOSE'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/representations are recorded/),
    });
    await d.run(
      sql`update ${decisions} set representations_sought = false, representations_exception = 'IMMINENT_RISK_DELAY', representations_recorded_at = now() where decision_id = ${decisionId}`,
    );
    expect(await d.refusal(d.representations(decisionId))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/recorded once/),
    });
    await d.run(d.decide(decisionId, 'NOT_DISCLOSE'));

    const decided = await d.proposed();
    await d.run(d.toConsulting(decided));
    await d.run(d.representations(decided));
    expect(
      await d.refusal(sql`update ${decisions} set representations_summary = 'He now agrees' where decision_id = ${decided}`),
    ).toMatchObject({ message: expect.stringMatching(/recorded once/) });
  });

  it('B.8: DISCLOSE is refused while a live item has no owner agreement', async () => {
    const { decisionId } = await d.readyToDecide();
    await d.item(decisionId);
    expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/B\.8: .*owner's agreement.*positions 2/),
    });
    // NOT_DISCLOSE needs no agreement.
    await d.run(d.decide(decisionId, 'NOT_DISCLOSE'));
  });

  it("B.8: the owner's latest answer counts: a refusal after an agreement refuses the item", async () => {
    const decisionId = await d.proposed();
    const item = await d.item(decisionId);
    await d.agreement(decisionId, item, 'OWNER', { recordedAt: new Date(Date.now() - 60_000) });
    await d.agreement(decisionId, item, 'OWNER', { agreed: false });
    await d.run(d.toConsulting(decisionId));
    await d.run(d.representations(decisionId));
    expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({ code: RESTRICT, message: expect.stringMatching(/B\.8/) });
    await d.agreement(decisionId, item, 'OWNER');
    await d.run(d.decide(decisionId, 'DISCLOSE'));
  });

  it("B.8: an agreement is to the item's exact wording: a stale wording hash is refused", async () => {
    const decisionId = await d.proposed();
    const item = await d.item(decisionId);
    expect(
      await d.refusal(sql`insert into mappa.disclosure_item_agreement (agreement_id, item_id, decision_id, kind, agency, staff_id, issuer, role, agreed, wording_sha256)
      values ('AGR-stale', ${item.itemId}, ${decisionId}, 'OWNER', 'probation', 'PRO00002', 'i', 'senior_probation_officer', true, ${sha256Hex('An earlier wording')})`),
    ).toMatchObject({
      code: CHECK,
      message: expect.stringMatching(/current wording/),
    });
  });

  it('B.8: a DISCLOSE decision discloses at least one live item; a removed item needs no agreement', async () => {
    const decisionId = await d.proposed();
    const item = await d.item(decisionId);
    await d.run(d.toConsulting(decisionId));
    await d.run(d.representations(decisionId));
    await d.run(sql`update mappa.disclosure_item set removed_at = now(), removed_by_staff_id = 'PRO00001' where item_id = ${item.itemId}`);
    expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/at least one item/),
    });
    const kept = await d.item(decisionId);
    await d.agreement(decisionId, kept);
    await d.run(d.decide(decisionId, 'DISCLOSE'));
  });

  it("B.15: DISCLOSE is refused while a victim-identifying item lacks the victim liaison officer's agreement", async () => {
    const { decisionId } = await d.readyToDecide();
    const victimItem = await d.item(decisionId, { victimIdentifying: true });
    await d.agreement(decisionId, victimItem, 'OWNER');
    expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/B\.15: .*victim liaison.*positions 2/),
    });
    await d.agreement(decisionId, victimItem, 'VICTIM_LIAISON', { agreed: false });
    expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({ message: expect.stringMatching(/B\.15/) });
  });

  it('B.15: the victim liaison officer answers only for victim-identifying items', async () => {
    const { decisionId, item } = await d.readyToDecide();
    expect(
      await d.refusal(sql`insert into mappa.disclosure_item_agreement (agreement_id, item_id, decision_id, kind, agency, staff_id, issuer, role, agreed, wording_sha256)
      values ('AGR-vlo', ${item.itemId}, ${decisionId}, 'VICTIM_LIAISON', 'probation', 'PRO00004', 'i', 'victim_liaison_officer', true, ${item.sha})`),
    ).toMatchObject({ code: CHECK });
  });

  it('B.10: a decision about an under-18 subject needs both YOT_SENIOR and CHILDRENS_SERVICES answered, whatever the outcome', async () => {
    const { decisionId } = await d.readyToDecide({ subjectUnder18: true });
    expect(await d.refusal(d.decide(decisionId, 'NOT_DISCLOSE'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/not yet: CHILDRENS_SERVICES, YOT_SENIOR$/),
    });
    const yot = await d.consultation(decisionId, 'YOT_SENIOR');
    const childrens = await d.consultation(decisionId, 'CHILDRENS_SERVICES');
    await d.run(d.answer(yot, 'CONCERNS'));
    expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({
      message: expect.stringMatching(/not yet: CHILDRENS_SERVICES$/),
    });
    // An answer of the wrong kind does not satisfy it.
    await d.run(d.answer(childrens, 'INFORMED'));
    expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({
      message: expect.stringMatching(/not yet: CHILDRENS_SERVICES$/),
    });
  });

  it("B.10: with both answered, an under-18 subject's decision is taken", async () => {
    const { decisionId } = await d.readyToDecide({ subjectUnder18: true });
    await d.run(d.answer(await d.consultation(decisionId, 'YOT_SENIOR'), 'AGREES'));
    await d.run(d.answer(await d.consultation(decisionId, 'CHILDRENS_SERVICES'), 'CONCERNS'));
    await d.run(d.decide(decisionId, 'DISCLOSE'));
    expect(await d.status(decisionId)).toBe('DECIDED');
  });

  it('B.11: a child recipient needs CHILDRENS_SERVICES, an adult at risk ADULT_SOCIAL_CARE', async () => {
    const child = await d.readyToDecide({ recipientIsChild: true });
    expect(await d.refusal(d.decide(child.decisionId, 'DISCLOSE'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/not yet: CHILDRENS_SERVICES$/),
    });
    await d.run(d.answer(await d.consultation(child.decisionId, 'CHILDRENS_SERVICES'), 'AGREES'));
    await d.run(d.decide(child.decisionId, 'DISCLOSE'));

    const adult = await d.readyToDecide({ recipientIsAdultAtRisk: true });
    expect(await d.refusal(d.decide(adult.decisionId, 'DISCLOSE'))).toMatchObject({
      message: expect.stringMatching(/not yet: ADULT_SOCIAL_CARE$/),
    });
    await d.consultation(adult.decisionId, 'ADULT_SOCIAL_CARE');
    expect(await d.refusal(d.decide(adult.decisionId, 'DISCLOSE'))).toMatchObject({
      message: expect.stringMatching(/not yet: ADULT_SOCIAL_CARE$/),
    });
  });

  it("B.12: media needs the ACC's approval and the MoJ press office informed", async () => {
    const { decisionId } = await d.readyToDecide({ recipientKind: 'MEDIA' });
    expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/not yet: ACC_APPROVAL, MOJ_PRESS_OFFICE$/),
    });
    const acc = await d.consultation(decisionId, 'ACC_APPROVAL');
    const press = await d.consultation(decisionId, 'MOJ_PRESS_OFFICE');
    await d.run(d.answer(press, 'INFORMED'));
    await d.run(d.answer(acc, 'NOT_APPROVED'));
    expect(await d.refusal(d.decide(decisionId, 'DISCLOSE'))).toMatchObject({ message: expect.stringMatching(/not yet: ACC_APPROVAL$/) });

    const approved = await d.readyToDecide({ recipientKind: 'MEDIA' });
    await d.run(d.answer(await d.consultation(approved.decisionId, 'ACC_APPROVAL'), 'APPROVED'));
    const unanswered = await d.consultation(approved.decisionId, 'MOJ_PRESS_OFFICE');
    expect(await d.refusal(d.decide(approved.decisionId, 'DISCLOSE'))).toMatchObject({
      message: expect.stringMatching(/not yet: MOJ_PRESS_OFFICE$/),
    });
    await d.run(d.answer(unanswered, 'INFORMED'));
    await d.run(d.decide(approved.decisionId, 'DISCLOSE'));
    expect(await d.status(approved.decisionId)).toBe('DECIDED');
  });
});

describe('the database computes the consultations as requiredConsultationsOf and consultationSatisfied do', () => {
  const satisfying = (kind: ConsultationKind): ConsultationResponse =>
    kind === 'ACC_APPROVAL' ? 'APPROVED' : kind === 'MOJ_PRESS_OFFICE' ? 'INFORMED' : 'AGREES';

  it('B.10-B.12: for every combination of the facts, a decision waits for exactly the consultations requiredConsultationsOf names', async () => {
    for (const subjectUnder18 of [false, true])
      for (const recipientIsChild of [false, true])
        for (const recipientIsAdultAtRisk of [false, true])
          for (const recipientKind of ['MEDIA', 'SCHOOL'] as const) {
            const facts = { subjectUnder18, recipientIsChild, recipientIsAdultAtRisk, recipientKind };
            const required = requiredConsultationsOf(facts);
            const { decisionId } = await d.readyToDecide(facts);
            if (required.length > 0) {
              const refusal = await d.refusal(d.decide(decisionId, 'DISCLOSE'));
              expect({ facts, message: refusal.message }).toEqual({
                facts,
                message: expect.stringMatching(new RegExp(`not yet: ${[...required].sort().join(', ')}$`)),
              });
            }
            for (const kind of required) await d.run(d.answer(await d.consultation(decisionId, kind), satisfying(kind)));
            await d.run(d.decide(decisionId, 'DISCLOSE'));
          }
  });

  it('B.10-B.12: a response satisfies a consultation exactly when consultationSatisfied says so', async () => {
    const factsRequiring: { readonly [K in ConsultationKind]: DecisionFacts } = {
      YOT_SENIOR: { subjectUnder18: true },
      CHILDRENS_SERVICES: { recipientIsChild: true },
      ADULT_SOCIAL_CARE: { recipientIsAdultAtRisk: true },
      ACC_APPROVAL: { recipientKind: 'MEDIA' },
      MOJ_PRESS_OFFICE: { recipientKind: 'MEDIA' },
    };
    for (const kind of CONSULTATION_KINDS)
      for (const response of CONSULTATION_RESPONSES) {
        const facts = factsRequiring[kind];
        const { decisionId } = await d.readyToDecide(facts);
        for (const other of requiredConsultationsOf({
          subjectUnder18: false,
          recipientKind: 'SCHOOL',
          recipientIsChild: false,
          recipientIsAdultAtRisk: false,
          ...facts,
        })) {
          await d.run(d.answer(await d.consultation(decisionId, other), other === kind ? response : satisfying(other)));
        }
        if (consultationSatisfied(kind, response)) {
          await d.run(d.decide(decisionId, 'NOT_DISCLOSE'));
        } else {
          const refusal = await d.refusal(d.decide(decisionId, 'NOT_DISCLOSE'));
          expect({ kind, response, message: refusal.message }).toEqual({
            kind,
            response,
            message: expect.stringMatching(new RegExp(`not yet: ${kind}$`)),
          });
        }
        expect({ kind, response, status: await d.status(decisionId) }).toEqual({
          kind,
          response,
          status: consultationSatisfied(kind, response) ? 'DECIDED' : 'CONSULTING',
        });
      }
  });
});

describe('items, agreements and consultations (B §2)', () => {
  it("B.8: an item's wording_sha256 is the SHA-256 of its wording", async () => {
    const decisionId = await d.proposed();
    expect(
      await d.refusal(sql`insert into mappa.disclosure_item (item_id, decision_id, position, kind, source_agency, wording, wording_sha256, victim_identifying, photograph, added_by_staff_id, added_by_issuer)
      values ('ITM-badsha', ${decisionId}, 1, 'FREE_TEXT', 'probation', 'The wording', ${sha256Hex('Another wording')}, false, false, 'PRO00001', 'i')`),
    ).toMatchObject({
      code: CHECK,
      message: expect.stringMatching(/SHA-256 of its wording/),
    });
  });

  it('B §2: no item is added, removed or agreed to after DECIDED', async () => {
    const { decisionId, item } = await d.readyToDecide();
    await d.run(d.decide(decisionId, 'DISCLOSE'));
    expect(await d.rejection(d.item(decisionId))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/items are added only while/),
    });
    expect(
      await d.refusal(sql`insert into mappa.disclosure_item (item_id, decision_id, position, kind, source_agency, wording, wording_sha256, victim_identifying, photograph, added_by_staff_id, added_by_issuer)
      values ('ITM-late', ${decisionId}, 9, 'FREE_TEXT', 'probation', 'Late', ${sha256Hex('Late')}, false, false, 'PRO00001', 'i')`),
    ).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/items are added only while the decision is PROPOSED or CONSULTING, not DECIDED/),
    });
    expect(
      await d.refusal(
        sql`update mappa.disclosure_item set removed_at = now(), removed_by_staff_id = 'PRO00001' where item_id = ${item.itemId}`,
      ),
    ).toMatchObject({
      message: expect.stringMatching(/items are removed only while/),
    });
    expect(await d.rejection(d.agreement(decisionId, item))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/agreed to only while/),
    });
  });

  it('B §2: an item changes only by one removal; a new wording is a new item', async () => {
    const decisionId = await d.proposed();
    const item = await d.item(decisionId);
    const wording = 'A new wording';
    expect(
      await d.refusal(
        sql`update mappa.disclosure_item set wording = ${wording}, wording_sha256 = ${sha256Hex(wording)} where item_id = ${item.itemId}`,
      ),
    ).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/only by its removal/),
    });
    await d.run(sql`update mappa.disclosure_item set removed_at = now(), removed_by_staff_id = 'PRO00001' where item_id = ${item.itemId}`);
    expect(
      await d.refusal(sql`update mappa.disclosure_item set removed_at = null, removed_by_staff_id = null where item_id = ${item.itemId}`),
    ).toMatchObject({
      message: expect.stringMatching(/removed item never changes/),
    });
    // And no one agrees to a removed item.
    expect(await d.rejection(d.agreement(decisionId, item))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/removed item is not agreed to/),
    });
  });

  it('B.8: an agreement is never changed', async () => {
    const decisionId = await d.proposed();
    const item = await d.item(decisionId);
    await d.agreement(decisionId, item, 'OWNER', { agreed: false });
    expect(
      await d.refusal(sql`update mappa.disclosure_item_agreement set agreed = true, note = null where item_id = ${item.itemId}`),
    ).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/never changed/),
    });
  });

  it('B.8: an agreement is to an item of its own decision', async () => {
    const one = await d.proposed();
    const other = await d.proposed();
    const item = await d.item(one);
    expect(await d.rejection(d.agreement(other, item))).toMatchObject({ code: CHECK, message: expect.stringMatching(/own decision/) });
  });

  it('B.10-B.12: a consultation is requested unanswered while open, answered once while CONSULTING, and never changed after', async () => {
    const decisionId = await d.proposed();
    const consultation = await d.consultation(decisionId, 'YOT_SENIOR');
    expect(await d.refusal(d.answer(consultation, 'AGREES'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/answered while the decision is CONSULTING, not PROPOSED/),
    });
    await d.run(d.toConsulting(decisionId));
    await d.run(d.answer(consultation, 'CONCERNS'));
    expect(await d.refusal(d.answer(consultation, 'AGREES'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/answered consultation never changes/),
    });
    expect(
      await d.refusal(sql`update mappa.disclosure_consultation set response_note = 'Edited' where consultation_id = ${consultation}`),
    ).toMatchObject({
      message: expect.stringMatching(/answered consultation never changes/),
    });
    expect(
      await d.refusal(sql`insert into mappa.disclosure_consultation (consultation_id, decision_id, kind, consultee_agency, requested_by_staff_id, response, response_note, responded_at, responded_by_staff_id, responded_by_issuer, responded_by_role)
      values ('CON-preanswered', ${decisionId}, 'CHILDRENS_SERVICES', 'children_social_care', 'PRO00001', 'AGREES', 'x', now(), 'CSC00001', 'i', 'dtc_attendee')`),
    ).toMatchObject({
      message: expect.stringMatching(/requested before it is answered/),
    });
  });

  it('B.10-B.12: an unanswered consultation changes only by its answer; none is requested after DECIDED', async () => {
    const { decisionId } = await d.readyToDecide();
    const consultation = await d.consultation(decisionId, 'CHILDRENS_SERVICES');
    expect(
      await d.refusal(sql`update mappa.disclosure_consultation set kind = 'YOT_SENIOR' where consultation_id = ${consultation}`),
    ).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/only by its answer/),
    });
    await d.run(d.decide(decisionId, 'NOT_DISCLOSE'));
    expect(await d.rejection(d.consultation(decisionId, 'ADULT_SOCIAL_CARE'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/requested only while/),
    });
    expect(await d.refusal(d.answer(consultation, 'AGREES'))).toMatchObject({ message: expect.stringMatching(/not DECIDED/) });
  });
});

describe('concurrent writers (B.8): an item and a decision never both commit unseen by each other', () => {
  // Holds a transaction open after `work` until `release` resolves, so another statement can run meanwhile.
  function heldOpen(
    work: (tx: { execute: (statement: ReturnType<typeof sql>) => Promise<unknown> }) => Promise<unknown>,
    release: Promise<void>,
  ): { done: Promise<unknown>; ready: Promise<void> } {
    let markReady = (): void => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const done = database.connection.database().transaction(async (tx) => {
      await work(tx);
      markReady();
      await release;
    });
    return { done, ready };
  }
  const outcome = (work: Promise<unknown>): Promise<string> =>
    work.then(
      () => 'committed',
      (error: { cause?: { message?: string } }) => String(error.cause?.message),
    );

  it('B.8: a decision taken while an item is being added waits for it, and then refuses it unagreed', async () => {
    const { decisionId } = await d.readyToDecide();
    let release = (): void => undefined;
    const adding = heldOpen(
      (tx) =>
        tx.execute(sql`insert into mappa.disclosure_item (item_id, decision_id, position, kind, source_agency, wording, wording_sha256, victim_identifying, photograph, added_by_staff_id, added_by_issuer)
          values (${`ITM-${decisionId}-late`}, ${decisionId}, 2, 'FREE_TEXT', 'probation', 'Added meanwhile', ${sha256Hex('Added meanwhile')}, false, false, 'PRO00001', 'i')`),
      new Promise<void>((resolve) => (release = resolve)),
    );
    await adding.ready;
    const deciding = outcome(d.run(d.decide(decisionId, 'DISCLOSE')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    expect(await outcome(adding.done)).toBe('committed');
    expect(await deciding).toMatch(/B\.8: .*positions 2/);
    expect(await d.status(decisionId)).toBe('CONSULTING');
  });

  it('B §2: an item added while the decision is being decided waits, and is refused once it is DECIDED', async () => {
    const { decisionId } = await d.readyToDecide();
    let release = (): void => undefined;
    const deciding = heldOpen((tx) => tx.execute(d.decide(decisionId, 'DISCLOSE')), new Promise<void>((resolve) => (release = resolve)));
    await deciding.ready;
    const adding = outcome(d.item(decisionId, { wording: 'Added meanwhile' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    expect(await outcome(deciding.done)).toBe('committed');
    expect(await adding).toMatch(/items are added only while the decision is PROPOSED or CONSULTING, not DECIDED/);
  });
});

describe('nothing is deleted; history is insert-only (B §2)', () => {
  it('B §2: no decision, item, agreement, consultation, transition or consideration is ever deleted', async () => {
    const { decisionId, item } = await d.readyToDecide();
    await d.consultation(decisionId, 'YOT_SENIOR');
    await d.run(
      sql`insert into mappa.disclosure_transition (transition_id, decision_id, from_status, to_status, staff_id, issuer, agency) values (${`TRN-${decisionId}`}, ${decisionId}, null, 'PROPOSED', 'PRO00001', 'i', 'probation')`,
    );
    await d.run(sql`insert into mappa.disclosure_consideration (consideration_id, pnc_id, area, meeting_id, reviewed_on, outcome, reason, decision_id, recorded_by_staff_id, recorded_by_issuer)
      values (${`CNS-${decisionId}`}, '2001/0000001A', 'CLEVELAND', 'MTG-TEST-1', current_date, 'DECISION_PROPOSED', 'Proposed', ${decisionId}, 'MCU00001', 'i')`);
    for (const table of ['disclosure_consideration', 'disclosure_transition', 'disclosure_consultation', 'disclosure_item_agreement']) {
      expect(
        await d.refusal(sql`delete from ${sql.identifier('mappa')}.${sql.identifier(table)} where decision_id = ${decisionId}`),
      ).toMatchObject({ code: RESTRICT, message: expect.stringMatching(/never/) });
    }
    expect(await d.refusal(sql`delete from mappa.disclosure_item where item_id = ${item.itemId}`)).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/never deleted/),
    });
    expect(await d.refusal(sql`delete from ${decisions} where decision_id = ${decisionId}`)).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/never deleted/),
    });
  });

  it('B §2: a transition and a consideration are never changed', async () => {
    const decisionId = await d.proposed();
    await d.run(
      sql`insert into mappa.disclosure_transition (transition_id, decision_id, from_status, to_status, staff_id, issuer, agency) values (${`TRN-${decisionId}`}, ${decisionId}, null, 'PROPOSED', 'PRO00001', 'i', 'probation')`,
    );
    await d.run(sql`insert into mappa.disclosure_consideration (consideration_id, pnc_id, area, meeting_id, reviewed_on, outcome, reason, recorded_by_staff_id, recorded_by_issuer)
      values (${`CNS-${decisionId}`}, '2001/0000001A', 'CLEVELAND', 'MTG-TEST-1', current_date, 'NOT_NECESSARY', 'No third party at risk', 'MCU00001', 'i')`);
    expect(
      await d.refusal(sql`update mappa.disclosure_transition set staff_id = 'PRO00009' where decision_id = ${decisionId}`),
    ).toMatchObject({ code: RESTRICT, message: expect.stringMatching(/never changed/) });
    expect(
      await d.refusal(
        sql`update mappa.disclosure_consideration set reason = 'Another reason' where consideration_id = ${`CNS-${decisionId}`}`,
      ),
    ).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/never changed/),
    });
  });

  it('B §2: a load of finished history inserts a MADE decision directly, and its updates are still checked', async () => {
    const decisionId = 'DSC-MAPPA-history1';
    const content = '<html>history</html>';
    await database.connection.database().transaction(async (tx) => {
      await tx.execute(sql`set local mappa.loading_history = 'on'`);
      await tx.execute(sql`insert into ${decisions} (decision_id, pnc_id, area, level, case_id, meeting_id, subject_under_18, status, outcome, recipient_kind, recipient_description,
          recipient_is_child, recipient_is_adult_at_risk, purpose, lawful_basis, alternatives_considered, recipient_guidance, proposed_by_staff_id, proposed_by_issuer, proposed_by_agency,
          consulting_from, representations_sought, representations_summary, representations_recorded_at, decided_by_staff_id, decided_by_issuer, decided_by_agency, decided_at, rationale,
          disclosure_risk_assessment, contingency_plans, dissent, executing_agency, made_by_staff_id, made_by_issuer, made_by_agency, made_at, made_to, offender_told, frozen_content, content_sha256)
        values (${decisionId}, '2001/0000001A', 'CLEVELAND', 2, 'MC-0000001', 'MTG-TEST-1', false, 'MADE', 'DISCLOSE', 'EMPLOYER', 'HR', false, false, 'p', 'COMMON_LAW', 'a', 'g',
          'PRO00001', 'i', 'probation', now(), true, 's', now(), 'PRO00003', 'i', 'probation', now(), 'r', 'ra', 'c', '[]'::jsonb, 'probation', 'PRO00001', 'i', 'probation', now(), 'HR', true,
          ${content}, ${sha256Hex(content)})`);
      await tx.execute(sql`insert into mappa.disclosure_item (item_id, decision_id, position, kind, source_agency, wording, wording_sha256, victim_identifying, photograph, added_by_staff_id, added_by_issuer)
        values ('ITM-history1', ${decisionId}, 1, 'FREE_TEXT', 'probation', 'w', ${sha256Hex('w')}, false, false, 'PRO00001', 'i')`);
    });
    expect(await d.status(decisionId)).toBe('MADE');
    expect(
      await d.rejection(
        database.connection.database().transaction(async (tx) => {
          await tx.execute(sql`set local mappa.loading_history = 'on'`);
          await tx.execute(sql`update ${decisions} set frozen_content = 'rewritten' where decision_id = ${decisionId}`);
        }),
      ),
    ).toMatchObject({ code: RESTRICT, message: expect.stringMatching(/MADE disclosure decision never changes/) });
    // Outside a history load, the same insert is refused.
    expect(
      await d.refusal(sql`insert into ${decisions} select ('DSC-MAPPA-history2'), pnc_id, area, level, case_id, meeting_id, subject_under_18, status, outcome, recipient_kind, recipient_description,
        recipient_is_child, recipient_is_adult_at_risk, purpose, lawful_basis, alternatives_considered, recipient_guidance, proposed_by_staff_id, proposed_by_issuer, proposed_by_agency, proposed_at,
        consulting_from, representations_sought, representations_summary, representations_exception, representations_recorded_at, decided_by_staff_id, decided_by_issuer, decided_by_agency, decided_at,
        rationale, disclosure_risk_assessment, contingency_plans, dissent, executing_agency, made_by_staff_id, made_by_issuer, made_by_agency, made_at, made_to, offender_told, signed_form_reference,
        frozen_content, content_sha256, withdrawn_at, withdrawn_by_staff_id, withdrawal_reason from ${decisions} where decision_id = ${decisionId}`),
    ).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/starts PROPOSED/),
    });
  });
});

describe('a level 2 or 3 meeting considers disclosure (B §2, migration 0012)', () => {
  async function meetingInSession(meetingId: string): Promise<void> {
    await d.run(sql`insert into mappa.mappa_case (case_id, pnc_id, category, level, lead_agency, area, start_date, status)
      values (${`MC-${meetingId}`}, ${`2001/${meetingId}`}, 1, 2, 'probation', 'CLEVELAND', '2026-01-01', 'ACTIVE')`);
    await d.run(sql`insert into mappa.meeting (meeting_id, case_id, pnc_id, area, kind, scheduled_for, chair_staff_id, chair_issuer, chair_agency, status, created_by_staff_id, opened_at, confidentiality_statement_read_at)
      values (${meetingId}, ${`MC-${meetingId}`}, ${`2001/${meetingId}`}, 'CLEVELAND', 'REVIEW', now(), 'POL00001', 'i', 'police', 'IN_SESSION', 'MCU00001', now(), now())`);
  }
  const close = (meetingId: string) => sql`update mappa.meeting set status = 'HELD', closed_at = now() where meeting_id = ${meetingId}`;

  it('B §2: a meeting is not closed (HELD) without a disclosure consideration for it', async () => {
    await meetingInSession('MTG-NOCONS');
    // A consideration for another meeting does not count.
    await d.run(sql`insert into mappa.disclosure_consideration (consideration_id, pnc_id, area, meeting_id, reviewed_on, outcome, reason, recorded_by_staff_id, recorded_by_issuer)
      values ('CNS-elsewhere', '2001/0000001A', 'CLEVELAND', 'MTG-ELSEWHERE', current_date, 'NOT_NECESSARY', 'Nobody at risk', 'MCU00001', 'i')`);
    expect(await d.refusal(close('MTG-NOCONS'))).toMatchObject({
      code: RESTRICT,
      message: expect.stringMatching(/closed only once disclosure has been considered/),
    });
    expect(await d.value(sql`select status from mappa.meeting where meeting_id = 'MTG-NOCONS'`)).toBe('IN_SESSION');
  });

  it('B §2: "not considered necessary", with the reason, is a consideration: the meeting closes', async () => {
    await meetingInSession('MTG-CONS');
    await d.run(sql`insert into mappa.disclosure_consideration (consideration_id, pnc_id, area, meeting_id, reviewed_on, outcome, reason, recorded_by_staff_id, recorded_by_issuer)
      values ('CNS-here', '2001/MTG-CONS', 'CLEVELAND', 'MTG-CONS', current_date, 'NOT_NECESSARY', 'No third party at risk', 'MCU00001', 'i')`);
    await d.run(close('MTG-CONS'));
    expect(await d.value(sql`select status from mappa.meeting where meeting_id = 'MTG-CONS'`)).toBe('HELD');
  });
});
