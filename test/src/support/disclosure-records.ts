import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { newDisclosureDecisionId, TEST_ISSUER } from '@mappa/shared';
import type { ConsultationKind, DisclosureHolder, ItemSourceAgency, MappaArea, PrincipalAgency, PrincipalClaims } from '@mappa/shared';
import type { TestStack } from './test-stack';

/*
 * Disclosure decisions (issue 11) a test needs, written straight into their holder's tables (the
 * workflow mutations that make them are another part of the issue): a PROPOSED decision with its
 * items and requested consultations, which the state machine allows at proposal. Staff are named by
 * staff id with the test identity provider, as the test tokens are.
 */

const SCHEMA_OF: { readonly [H in DisclosureHolder]: string } = { MAPPA: 'mappa', PROBATION: 'probation', POLICE: 'police' };

async function execute(env: TestStack, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

export interface DisclosureDecisionOptions {
  readonly holder: DisclosureHolder;
  /** Default: a new id of the holder's (`DSC-<HOLDER>-<uuid>`). */
  readonly decisionId?: string;
  readonly pncId: string;
  readonly area: MappaArea;
  /** Who proposed it (with the test issuer). */
  readonly proposer: Pick<PrincipalClaims, 'staffId' | 'agency'>;
  /** MAPPA only: the meeting it belongs to (its MAPPA case is looked up). */
  readonly meetingId?: string;
  readonly subjectUnder18?: boolean;
  /** Live items, by the agency whose record each is drawn from. */
  readonly items?: readonly { readonly sourceAgency: ItemSourceAgency | PrincipalAgency; readonly victimIdentifying?: boolean }[];
  /** Consultations requested. */
  readonly consultations?: readonly ConsultationKind[];
}

/** A PROPOSED disclosure decision in its holder's schema, with its items and requested consultations. Returns its id. */
export async function insertDisclosureDecision(env: TestStack, options: DisclosureDecisionOptions): Promise<string> {
  const schema = sql.identifier(SCHEMA_OF[options.holder]);
  const decisionId = options.decisionId ?? newDisclosureDecisionId(options.holder, randomUUID());
  let level = 1;
  let caseId: string | null = null;
  if (options.holder === 'MAPPA') {
    const [meeting] = await execute(env, sql`select m.case_id, c.level from mappa.meeting m join mappa.mappa_case c on c.case_id = m.case_id where m.meeting_id = ${options.meetingId ?? ''}`);
    if (!meeting) throw new Error('a level 2/3 decision needs its meeting');
    caseId = String(meeting.case_id);
    // The decision is the meeting's: level 2 or 3 (a level 1 case's meeting is recorded at 2).
    level = Math.max(2, Number(meeting.level));
  }
  await execute(
    env,
    sql`insert into ${schema}.disclosure_decision (decision_id, pnc_id, area, level, case_id, meeting_id, subject_under_18, status, recipient_kind, recipient_description,
          recipient_is_child, recipient_is_adult_at_risk, purpose, lawful_basis, alternatives_considered, recipient_guidance, proposed_by_staff_id, proposed_by_issuer, proposed_by_agency)
        values (${decisionId}, ${options.pncId}, ${options.area}, ${level}, ${caseId}, ${options.holder === 'MAPPA' ? (options.meetingId ?? null) : null}, ${options.subjectUnder18 ?? false}, 'PROPOSED',
          'EMPLOYER', 'Test: the employer safeguarding lead', false, false, 'Test: protect colleagues', 'COMMON_LAW', 'Test: none would protect', 'Test: report concerns to the PPU',
          ${options.proposer.staffId}, ${TEST_ISSUER}, ${options.proposer.agency})`,
  );
  for (const [position, item] of (options.items ?? []).entries()) {
    const wording = `Test: item ${position + 1}`;
    await execute(
      env,
      sql`insert into ${schema}.disclosure_item (item_id, decision_id, position, kind, source_agency, wording, wording_sha256, victim_identifying, photograph, added_by_staff_id, added_by_issuer)
          values (${`ITM-${randomUUID()}`}, ${decisionId}, ${position + 1}, 'FREE_TEXT', ${item.sourceAgency}, ${wording}, ${createHash('sha256').update(wording, 'utf8').digest('hex')},
            ${item.victimIdentifying ?? false}, false, ${options.proposer.staffId}, ${TEST_ISSUER})`,
    );
  }
  for (const kind of options.consultations ?? []) await requestConsultation(env, options.holder, decisionId, kind);
  return decisionId;
}

const CONSULTEE_AGENCY: { readonly [K in ConsultationKind]: PrincipalAgency } = {
  YOT_SENIOR: 'yot',
  CHILDRENS_SERVICES: 'children_social_care',
  ADULT_SOCIAL_CARE: 'adult_social_care',
  ACC_APPROVAL: 'police',
  MOJ_PRESS_OFFICE: 'probation',
};

/** Requests one consultation of a decision (unanswered). */
export async function requestConsultation(env: TestStack, holder: DisclosureHolder, decisionId: string, kind: ConsultationKind): Promise<void> {
  await execute(
    env,
    sql`insert into ${sql.identifier(SCHEMA_OF[holder])}.disclosure_consultation (consultation_id, decision_id, kind, consultee_agency, requested_by_staff_id)
        values (${`CON-${randomUUID()}`}, ${decisionId}, ${kind}, ${CONSULTEE_AGENCY[kind]}, 'TEST-PROPOSER')`,
  );
}
