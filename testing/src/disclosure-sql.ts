import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Database, AgreementKind, ConsultationKind, ConsultationResponse, DisclosureOutcome, RecipientKind } from '@mappa/shared';

/*
 * Rows of a holder's disclosure tables written straight in SQL, for the tests of the triggers the holder's
 * `disclosure_rules` migration installs (disclosure-triggers.sql.ts): the database, not the code, must
 * refuse what the guidance forbids, so these helpers go around the code on purpose.
 */

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What a refused statement raised: the PostgreSQL error code (23001 restrict_violation, 23514 check_violation) and message. */
export interface Refusal {
  readonly code: string | undefined;
  readonly message: string;
}

export interface DecisionFacts {
  readonly subjectUnder18?: boolean;
  readonly recipientKind?: RecipientKind;
  readonly recipientIsChild?: boolean;
  readonly recipientIsAdultAtRisk?: boolean;
  readonly level?: 1 | 2 | 3;
  readonly meetingId?: string;
}

export class DisclosureSql {
  constructor(
    private readonly db: Database,
    readonly schema: 'mappa' | 'probation' | 'police',
  ) {}

  private table(name: string): SQL {
    return sql`${sql.identifier(this.schema)}.${sql.identifier(name)}`;
  }

  run(statement: SQL): Promise<unknown> {
    return this.db.execute(statement);
  }

  /** Runs `statement`, which must be refused, and says how. */
  refusal(statement: SQL): Promise<Refusal> {
    return this.rejection(this.db.execute(statement));
  }

  /** Awaits `work`, which must fail on a refused statement, and says how. */
  async rejection(work: Promise<unknown>): Promise<Refusal> {
    try {
      await work;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { code: cause?.code, message: String(cause?.message ?? (error as Error).message) };
    }
    throw new Error('the statement was not refused');
  }

  async value<T>(statement: SQL): Promise<T> {
    const result = (await this.db.execute(statement)) as unknown as { rows: Record<string, unknown>[] };
    return Object.values(result.rows[0] ?? {})[0] as T;
  }

  /** A PROPOSED decision (level 1 in probation and police, level 2 with a meeting in mappa), adult subject, adult recipient. */
  async proposed(facts: DecisionFacts = {}): Promise<string> {
    const id = `DSC-${this.schema.toUpperCase()}-${randomUUID().slice(0, 8)}`;
    const level = facts.level ?? (this.schema === 'mappa' ? 2 : 1);
    const caseId = level === 1 ? null : 'MC-0000001';
    const meetingId = level === 1 ? null : (facts.meetingId ?? 'MTG-TEST-1');
    await this.db
      .execute(sql`insert into ${this.table('disclosure_decision')} (decision_id, pnc_id, area, level, case_id, meeting_id, subject_under_18, status,
        recipient_kind, recipient_description, recipient_is_child, recipient_is_adult_at_risk, purpose, lawful_basis, alternatives_considered,
        recipient_guidance, proposed_by_staff_id, proposed_by_issuer, proposed_by_agency)
      values (${id}, '2001/0000001A', 'CLEVELAND', ${level}, ${caseId}, ${meetingId}, ${facts.subjectUnder18 ?? false}, 'PROPOSED',
        ${facts.recipientKind ?? 'EMPLOYER'}, 'The head of HR at a synthetic employer', ${facts.recipientIsChild ?? false}, ${facts.recipientIsAdultAtRisk ?? false},
        'To protect the staff of the workplace', 'COMMON_LAW', 'Supervision alone was considered', 'Call the offender manager if he is seen near the nursery',
        'PRO00001', 'https://idp.test', 'probation')`);
    return id;
  }

  async item(
    decisionId: string,
    options: { victimIdentifying?: boolean; wording?: string; sha?: string } = {},
  ): Promise<{ itemId: string; sha: string }> {
    const itemId = `ITM-${randomUUID().slice(0, 8)}`;
    const wording = options.wording ?? `Convicted of a synthetic offence (${itemId})`;
    const sha = options.sha ?? sha256Hex(wording);
    const position = await this.value<number>(
      sql`select count(*)::int + 1 from ${this.table('disclosure_item')} where decision_id = ${decisionId}`,
    );
    await this.db
      .execute(sql`insert into ${this.table('disclosure_item')} (item_id, decision_id, position, kind, source_agency, wording, wording_sha256, victim_identifying, photograph, added_by_staff_id, added_by_issuer)
      values (${itemId}, ${decisionId}, ${position}, 'FREE_TEXT', 'probation', ${wording}, ${sha}, ${options.victimIdentifying ?? false}, false, 'PRO00001', 'https://idp.test')`);
    return { itemId, sha };
  }

  /** An answer for an item's owner or victim liaison officer, at `recordedAt` (default now). */
  async agreement(
    decisionId: string,
    item: { itemId: string; sha: string },
    kind: AgreementKind = 'OWNER',
    options: { agreed?: boolean; sha?: string; recordedAt?: Date } = {},
  ): Promise<void> {
    const agreed = options.agreed ?? true;
    await this.db
      .execute(sql`insert into ${this.table('disclosure_item_agreement')} (agreement_id, item_id, decision_id, kind, agency, staff_id, issuer, role, agreed, note, wording_sha256, recorded_at)
      values (${`AGR-${randomUUID().slice(0, 8)}`}, ${item.itemId}, ${decisionId}, ${kind}, 'probation', 'PRO00002', 'https://idp.test',
        ${kind === 'OWNER' ? 'senior_probation_officer' : 'victim_liaison_officer'}, ${agreed}, ${agreed ? null : 'It would identify the victim'},
        ${options.sha ?? item.sha}, ${(options.recordedAt ?? new Date()).toISOString()})`);
  }

  async consultation(decisionId: string, kind: ConsultationKind): Promise<string> {
    const consultationId = `CON-${randomUUID().slice(0, 8)}`;
    await this.db
      .execute(sql`insert into ${this.table('disclosure_consultation')} (consultation_id, decision_id, kind, consultee_agency, requested_by_staff_id)
      values (${consultationId}, ${decisionId}, ${kind}, 'yot', 'PRO00001')`);
    return consultationId;
  }

  answer(consultationId: string, response: ConsultationResponse): SQL {
    return sql`update ${this.table('disclosure_consultation')} set response = ${response}, response_note = 'Answered', responded_at = now(),
      responded_by_staff_id = 'YOT00001', responded_by_issuer = 'https://idp.test', responded_by_role = 'yot_manager' where consultation_id = ${consultationId}`;
  }

  toConsulting(decisionId: string): SQL {
    return sql`update ${this.table('disclosure_decision')} set status = 'CONSULTING', consulting_from = now() where decision_id = ${decisionId}`;
  }

  representations(decisionId: string): SQL {
    return sql`update ${this.table('disclosure_decision')} set representations_sought = true, representations_summary = 'He objects', representations_recorded_at = now() where decision_id = ${decisionId}`;
  }

  decide(decisionId: string, outcome: DisclosureOutcome, extra: SQL = sql``): SQL {
    return sql`update ${this.table('disclosure_decision')} set status = 'DECIDED', outcome = ${outcome}, decided_by_staff_id = 'PRO00003', decided_by_issuer = 'https://idp.test',
      decided_by_agency = 'probation', decided_at = now(), rationale = 'Pressing need', disclosure_risk_assessment = 'Low risk of vigilantism',
      contingency_plans = 'Police told', dissent = '[]'::jsonb, executing_agency = ${outcome === 'DISCLOSE' ? 'probation' : null} ${extra} where decision_id = ${decisionId}`;
  }

  make(decisionId: string, frozenContent: string, contentSha256: string = sha256Hex(frozenContent)): SQL {
    return sql`update ${this.table('disclosure_decision')} set status = 'MADE', made_by_staff_id = 'PRO00001', made_by_issuer = 'https://idp.test', made_by_agency = 'probation',
      made_at = now(), made_to = 'The head of HR in person', offender_told = true, frozen_content = ${frozenContent}, content_sha256 = ${contentSha256} where decision_id = ${decisionId}`;
  }

  withdraw(decisionId: string): SQL {
    return sql`update ${this.table('disclosure_decision')} set status = 'WITHDRAWN', withdrawn_at = now(), withdrawn_by_staff_id = 'PRO00001', withdrawal_reason = 'No longer needed' where decision_id = ${decisionId}`;
  }

  async status(decisionId: string): Promise<string> {
    return this.value<string>(sql`select status from ${this.table('disclosure_decision')} where decision_id = ${decisionId}`);
  }

  /** A decision CONSULTING with its representations recorded and one owner-agreed item: ready to decide (adult subject, adult recipient). */
  async readyToDecide(facts: DecisionFacts = {}): Promise<{ decisionId: string; item: { itemId: string; sha: string } }> {
    const decisionId = await this.proposed(facts);
    const item = await this.item(decisionId);
    await this.agreement(decisionId, item);
    await this.run(this.toConsulting(decisionId));
    await this.run(this.representations(decisionId));
    return { decisionId, item };
  }
}
