import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { BATCH_JOB_DATABASE_TIMEOUTS, DEFAULT_AS_OF, migrateAgencies, seedAgencies } from '@mappa/shared';
import { openTestDatabase } from '@mappa/testing';
import type { TestDatabase } from '@mappa/testing';
import { SUBGRAPHS } from '@mappa/stack';

/*
 * The synthetic workflow data (issue 10): referrals, MAPP meetings, invitations with their grants,
 * attendance, minutes, decisions and actions, checked against the rules they follow and against the
 * prison's records of the same people. The default dataset (2,000 offenders, seed 1), MAPPA unit and
 * prison only: the two whose records must agree about releases and MAPPA F reports.
 * @jest-database-independent: it checks what the generator makes, which no database changes, so CI runs it
 * once, in the server run (.ci/run); seeding itself runs on both databases in every test file's template.
 */

const OFFENDERS = 2_000;
let database: TestDatabase;

async function rows<Row>(query: SQL): Promise<Row[]> {
  return ((await database.connection.database().execute(query)) as unknown as { rows: Row[] }).rows;
}

async function count(query: SQL): Promise<number> {
  const [row] = await rows<{ n: number | string }>(query);
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  // Seeding is a batch job: its connections wait for the pool as a batch job's do, not as a request's.
  database = await openTestDatabase(undefined, { timeouts: BATCH_JOB_DATABASE_TIMEOUTS });
  const definitions = SUBGRAPHS.map(({ definition }) => definition).filter(
    (definition) => definition.name === 'prison' || definition.name === 'mappa',
  );
  await migrateAgencies(database.connection, definitions);
  await seedAgencies(database.connection, definitions, { offenders: OFFENDERS, seed: 1, asOf: DEFAULT_AS_OF });
}, 180_000);

afterAll(async () => {
  await database.drop();
});

describe('the synthetic MAPPA workflow data', () => {
  it('has meetings, referrals, invitations, grants, attendance, minutes, decisions and actions', async () => {
    for (const table of [
      'referral',
      'meeting',
      'meeting_invitation',
      'meeting_attendance',
      'meeting_minutes',
      'meeting_decision',
      'meeting_action',
    ]) {
      expect(await count(sql`select count(*) as n from ${sql.identifier('mappa')}.${sql.identifier(table)}`)).toBeGreaterThan(0);
    }
    const ids = await rows<{ id: string }>(sql`
      select referral_id as id from mappa.referral union all select meeting_id from mappa.meeting
      union all select invitation_id from mappa.meeting_invitation union all select attendance_id from mappa.meeting_attendance
      union all select action_id from mappa.meeting_action union all select decision_id from mappa.meeting_decision`);
    for (const { id } of ids) expect(id).toMatch(/^(REF|MTG|INV|ATT|ACT|DEC)-[A-Za-z0-9-]{1,60}$/);
  });

  it('B §5: every held meeting has its chair (police or probation, mappa_chair), one level decision and signed attendance from the Responsible Authority', async () => {
    expect(await count(sql`select count(*) as n from mappa.meeting where chair_agency not in ('police', 'probation')`)).toBe(0);
    const held = await count(sql`select count(*) as n from mappa.meeting where status = 'HELD'`);
    expect(held).toBeGreaterThan(500);
    expect(
      await count(
        sql`select count(*) as n from mappa.meeting m where m.status = 'HELD' and not exists (select 1 from mappa.meeting_decision d where d.meeting_id = m.meeting_id)`,
      ),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from mappa.meeting_decision d join mappa.meeting m using (meeting_id) where m.status <> 'HELD'`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from mappa.meeting m where m.status = 'HELD' and not exists (
        select 1 from mappa.meeting_attendance a where a.meeting_id = m.meeting_id and a.role = 'mappa_chair' and a.staff_id = m.chair_staff_id and a.issuer = m.chair_issuer)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from mappa.meeting m where m.status = 'HELD' and not exists (
        select 1 from mappa.meeting_attendance a where a.meeting_id = m.meeting_id and a.invitation_id is not null and a.agency in ('police', 'probation'))`),
    ).toBe(0);
    // Attendance only at held meetings, signed once the chair opened it, by someone invited (or the chair).
    expect(
      await count(sql`select count(*) as n from mappa.meeting_attendance a join mappa.meeting m using (meeting_id)
        where m.status <> 'HELD' or a.signed_at < m.opened_at or (a.left_at is not null and a.extent <> 'PART')`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from mappa.meeting_attendance where extent = 'PART'`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from mappa.meeting_attendance where not information_sharing_agreement`)).toBeGreaterThan(0);
  });

  it("B.24: every invitation is its invitee's case grant for MAPPA_MEETING and that meeting, named as the invitation names the invitee", async () => {
    const mismatched = await rows<{ invitation_id: string }>(sql`
      select i.invitation_id from mappa.meeting_invitation i join mappa.meeting m using (meeting_id)
      left join mappa.case_access_grant g on g.grant_id = i.grant_id
      where g.grant_id is null or g.purpose <> 'MAPPA_MEETING' or g.case_id <> m.meeting_id or g.pnc_id <> m.pnc_id
         or g.grantee_agency is distinct from (case when i.invitee_staff_id is null then i.invitee_agency end)
         or g.grantee_role is distinct from (case when i.invitee_staff_id is null then i.invitee_role end)
         or g.grantee_staff_id is distinct from i.invitee_staff_id or g.grantee_issuer is distinct from i.invitee_issuer
         or g.valid_from <> i.invited_at or g.valid_until <= g.valid_from
         or (g.revoked_at is null) <> (i.withdrawn_at is null)`);
    expect(mismatched).toEqual([]);
    // Live for coming meetings, expired for most past ones (after the minutes were distributed).
    expect(
      await count(
        sql`select count(*) as n from mappa.case_access_grant where purpose = 'MAPPA_MEETING' and valid_until > ${`${DEFAULT_AS_OF}T00:00:00Z`}::timestamptz`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        sql`select count(*) as n from mappa.case_access_grant where purpose = 'MAPPA_MEETING' and valid_until <= ${`${DEFAULT_AS_OF}T00:00:00Z`}::timestamptz`,
      ),
    ).toBeGreaterThan(0);
    // Every grant of the seed is an invitation's.
    expect(
      await count(
        sql`select count(*) as n from mappa.case_access_grant g where not exists (select 1 from mappa.meeting_invitation i where i.grant_id = g.grant_id)`,
      ),
    ).toBe(0);
    // The police and probation are invited to every meeting.
    expect(
      await count(sql`select count(*) as n from mappa.meeting m where (select count(distinct invitee_agency) from mappa.meeting_invitation i
        where i.meeting_id = m.meeting_id and i.invitee_agency in ('police', 'probation')) <> 2`),
    ).toBe(0);
  });

  it('W7: the custody release date on each MAPPA case is the release date the prison holds for the same person', async () => {
    const disagreeing = await rows<{ pnc_id: string }>(sql`
      select c.pnc_id from mappa.mappa_case c
      left join prison.prisoner p on p.pnc_id = c.pnc_id and p.in_out_status = 'IN'
      left join prison.sentence s on s.prison_number = p.prison_number
      where c.status = 'ACTIVE' and c.custody_release_date is distinct from s.release_date`);
    expect(disagreeing).toEqual([]);
    expect(await count(sql`select count(*) as n from mappa.mappa_case where custody_release_date is not null`)).toBeGreaterThan(100);
  });

  it("B.6: a custody case's meetings invite the prison with MAPPA F requested, and the prison's MAPPA F reports are for meetings the unit holds", async () => {
    expect(
      await count(sql`select count(*) as n from mappa.meeting_invitation where invitee_agency = 'prison' and not mappa_f_requested`),
    ).toBe(0);
    const orphanReports = await rows<{ pnc_id: string; meeting_date: string }>(sql`
      select p.pnc_id, f.meeting_date from prison.mappa_f_report f join prison.prisoner p using (prison_number)
      where not exists (select 1 from mappa.meeting m where m.pnc_id = p.pnc_id and (m.scheduled_for at time zone 'UTC')::date = f.meeting_date)`);
    expect(orphanReports).toEqual([]);
  });

  it("A.R25, B.10: every meeting about someone under 18 invites the YOT and children's services, and a held one has each attending or consulted", async () => {
    const childMeetings = await rows<{ meeting_id: string; status: string; agencies: string[]; present: string[] }>(sql`
      select m.meeting_id, m.status,
        array(select i.invitee_agency from mappa.meeting_invitation i where i.meeting_id = m.meeting_id and i.withdrawn_at is null) as agencies,
        array(select i.invitee_agency from mappa.meeting_invitation i where i.meeting_id = m.meeting_id and (i.consulted_at is not null
          or exists (select 1 from mappa.meeting_attendance a where a.invitation_id = i.invitation_id))) as present
      from mappa.meeting m join mappa.mappa_case c using (case_id)
      where c.subject_date_of_birth > ((m.scheduled_for at time zone 'UTC')::date - interval '18 years')`);
    expect(childMeetings.length).toBeGreaterThan(0);
    for (const meeting of childMeetings) {
      expect(meeting.agencies).toEqual(expect.arrayContaining(['yot', 'children_social_care']));
      if (meeting.status === 'HELD') expect(meeting.present).toEqual(expect.arrayContaining(['yot', 'children_social_care']));
    }
  });

  it('A.R16: each level change by a MAPP meeting names a held meeting of the case that day, whose decision is that change', async () => {
    const changes = await rows<{
      field: string;
      value_before: string;
      value_after: string;
      changed_date: string;
      kind: string | null;
      level_before: number | null;
      level_after: number | null;
    }>(sql`
      select h.field, h.value_before, h.value_after, h.changed_date::text as changed_date, d.kind, d.level_before, d.level_after
      from mappa.mappa_case_change h
      left join mappa.meeting m on m.meeting_id = h.decision_reference and m.case_id = h.case_id and m.status = 'HELD'
        and (m.scheduled_for at time zone 'UTC')::date = h.changed_date
      left join mappa.meeting_decision d on d.meeting_id = m.meeting_id
      where h.decision_kind = 'MAPP_MEETING'`);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change.kind).not.toBeNull();
      if (change.field === 'LEVEL') {
        expect([change.level_before, change.level_after]).toEqual([Number(change.value_before), Number(change.value_after)]);
        expect(change.kind).toBe(change.value_after === '1' ? 'MOVED_TO_LEVEL_1' : 'LEVEL_CHANGED');
      }
      if (change.field === 'STATUS') expect(change.kind).toBe('CASE_CLOSED');
    }
    // And the other way: no meeting changed a level the case history does not show.
    expect(
      await count(sql`select count(*) as n from mappa.meeting_decision d where d.kind <> 'LEVEL_RETAINED' and not exists (
        select 1 from mappa.mappa_case_change h where h.decision_reference = d.meeting_id and h.decision_kind = 'MAPP_MEETING')`),
    ).toBe(0);
  });

  it("A §5, B §5: reviews follow the level's cadence (level 3 at least every 8 weeks, level 2 every 16), with the next one scheduled for most active cases and a few overdue", async () => {
    // The decision's next review date is the next meeting: at most the cadence (plus a week's slack after an initial meeting).
    expect(
      await count(sql`select count(*) as n from mappa.meeting_decision d join mappa.meeting m using (meeting_id)
        where d.next_review_date is not null and d.next_review_date - (m.scheduled_for at time zone 'UTC')::date > (case when coalesce(d.level_after, d.level_before) = 3 then 56 else 112 end) + 7`),
    ).toBe(0);
    const active = await count(sql`select count(*) as n from mappa.mappa_case where status = 'ACTIVE' and level >= 2`);
    const scheduled = await count(sql`select count(distinct m.case_id) as n from mappa.meeting m join mappa.mappa_case c using (case_id)
      where c.status = 'ACTIVE' and c.level >= 2 and m.status = 'SCHEDULED'`);
    expect(scheduled / active).toBeGreaterThan(0.8);
    const withMeetings = await count(
      sql`select count(distinct m.case_id) as n from mappa.meeting m join mappa.mappa_case c using (case_id) where c.status = 'ACTIVE' and c.level >= 2`,
    );
    expect(withMeetings).toBe(active);
    expect(await count(sql`select count(*) as n from mappa.meeting where status = 'CANCELLED'`)).toBeGreaterThan(0);
    // Nothing happened after the dataset's day.
    expect(
      await count(
        sql`select count(*) as n from mappa.meeting where status = 'HELD' and closed_at > ${`${DEFAULT_AS_OF}T23:59:59Z`}::timestamptz`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from mappa.meeting where status = 'SCHEDULED' and scheduled_for < ${`${DEFAULT_AS_OF}T00:00:00Z`}::timestamptz`,
      ),
    ).toBe(0);
  });

  it('B.24, B §6: minutes are drafted by the unit, approved by the chair only for held meetings, and most distributed within 10 (level 2) or 5 (level 3) working days', async () => {
    expect(
      await count(sql`select count(*) as n from mappa.meeting_minutes mm join mappa.meeting m using (meeting_id) where m.status <> 'HELD'`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from mappa.meeting_minutes mm join mappa.meeting m using (meeting_id) where mm.approved_by_staff_id is distinct from m.chair_staff_id and mm.status = 'APPROVED'`,
      ),
    ).toBe(0);
    const distributed = await count(sql`select count(*) as n from mappa.meeting_minutes where distributed_at is not null`);
    const onTime = await count(
      sql`select count(*) as n from mappa.meeting_minutes where distributed_at is not null and (distributed_at at time zone 'UTC')::date <= due_date`,
    );
    expect(onTime / distributed).toBeGreaterThan(0.8);
    expect(onTime).toBeLessThan(distributed);
  });

  it('B.41: actions are owned across agencies, accepted, declined with reasons, completed, and some still open past their due date', async () => {
    const byStatus = Object.fromEntries(
      (await rows<{ status: string; n: string }>(sql`select status, count(*) as n from mappa.meeting_action group by status`)).map(
        (row) => [row.status, Number(row.n)],
      ),
    );
    expect(Object.keys(byStatus).sort()).toEqual(['ACCEPTED', 'COMPLETED', 'DECLINED', 'PROPOSED']);
    expect(await count(sql`select count(distinct owner_agency) as n from mappa.meeting_action`)).toBeGreaterThanOrEqual(4);
    expect(
      await count(sql`select count(*) as n from mappa.meeting_action where status = 'ACCEPTED' and due_date < ${DEFAULT_AS_OF}::date`),
    ).toBeGreaterThan(0);
  });

  it("A.R19, C.50: every screening that put a case at level 2 or 3 is an accepted MAPPA A naming the case's category, level and lead agency; YOT referrals are endorsed; most come from probation", async () => {
    const accepted = await rows<{ referral_id: string; matched: boolean }>(sql`
      select r.referral_id, exists (select 1 from mappa.mappa_case_change h where h.case_id = r.case_id and h.changed_by_staff_id = r.screened_by_staff_id
        and h.decision_kind = 'SCREENING_DECISION' and h.changed_date = (r.screened_at at time zone 'UTC')::date) as matched
      from mappa.referral r where r.status = 'ACCEPTED'`);
    expect(accepted.length).toBeGreaterThan(50);
    expect(accepted.filter((referral) => !referral.matched)).toEqual([]);
    // And the other way: every screening decision that put a case at level 2 or 3 has its accepted referral.
    const unreferred = await count(sql`select count(*) as n from mappa.mappa_case_change h join mappa.mappa_case c using (case_id)
      where h.decision_kind = 'SCREENING_DECISION' and ((h.field = 'LEVEL' and h.value_after::int >= 2) or (h.field = 'STATUS' and c.level >= 2 and not exists (
        select 1 from mappa.mappa_case_change l where l.case_id = h.case_id and l.field = 'LEVEL')))
      and not exists (select 1 from mappa.referral r where r.case_id = h.case_id and r.status = 'ACCEPTED' and (r.screened_at at time zone 'UTC')::date = h.changed_date)`);
    expect(unreferred).toBe(0);
    expect(await count(sql`select count(*) as n from mappa.referral where status = 'REJECTED'`)).toBeGreaterThan(0);
    expect(
      await count(
        sql`select count(*) as n from mappa.referral where referring_agency = 'yot' and submitted_at is not null and endorsed_at is null`,
      ),
    ).toBe(0);
    const byAgency = Object.fromEntries(
      (
        await rows<{ agency: string; n: string }>(
          sql`select referring_agency as agency, count(*) as n from mappa.referral group by referring_agency`,
        )
      ).map((row) => [row.agency, Number(row.n)]),
    );
    const total = Object.values(byAgency).reduce((sum, n) => sum + n, 0);
    expect((byAgency.probation ?? 0) / total).toBeGreaterThan(0.45);
    expect(byAgency.police ?? 0).toBeGreaterThan(0);
    expect(byAgency.prison ?? 0).toBeGreaterThan(0);
    // A §5: a few referrals for people in custody came less than six months before release.
    expect(
      await count(sql`select count(*) as n from mappa.referral where in_custody and submitted_at is not null
        and expected_release_date < ((submitted_at at time zone 'UTC')::date + interval '6 months')`),
    ).toBeGreaterThan(0);
  });

  it("domain README §7: the level 2 and 3 population is about the annual report's share (84 and 8 of 1,883)", async () => {
    const [row] = await rows<{ l2: string; l3: string; total: string }>(sql`
      select count(*) filter (where level = 2) as l2, count(*) filter (where level = 3) as l3, count(*) as total from mappa.mappa_case where status = 'ACTIVE'`);
    const total = Number(row?.total);
    expect(total).toBe(OFFENDERS);
    expect(Number(row?.l2) / total).toBeGreaterThan(0.025);
    expect(Number(row?.l2) / total).toBeLessThan(0.07);
    expect(Number(row?.l3) / total).toBeGreaterThan(0.001);
    expect(Number(row?.l3) / total).toBeLessThan(0.015);
  });

  // Issue 11: disclosure, considered at every held meeting, and the decisions some of them proposed.
  it('KPI 3, B §2: every held meeting considered disclosure (most "not necessary" with a reason); only held meetings did', async () => {
    expect(
      await count(
        sql`select count(*) as n from mappa.meeting m where m.status = 'HELD' and not exists (select 1 from mappa.disclosure_consideration k where k.meeting_id = m.meeting_id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from mappa.disclosure_consideration k join mappa.meeting m using (meeting_id) where m.status <> 'HELD' or k.pnc_id <> m.pnc_id or k.area <> m.area`,
      ),
    ).toBe(0);
    const [shares] = await rows<{ not_necessary: string; proposed: string }>(
      sql`select count(*) filter (where outcome = 'NOT_NECESSARY') as not_necessary, count(*) filter (where outcome = 'DECISION_PROPOSED') as proposed from mappa.disclosure_consideration`,
    );
    expect(Number(shares?.not_necessary)).toBeGreaterThan(5 * Number(shares?.proposed));
    expect(Number(shares?.proposed)).toBeGreaterThan(0);
    // The minutes say disclosure was considered wherever they exist.
    expect(await count(sql`select count(*) as n from mappa.meeting_minutes where not disclosure_considered`)).toBe(0);
  });

  it("B §2, B.7-B.17: seeded decisions are their held meeting's (same subject, case and level), across recipient kinds and every state", async () => {
    expect(
      await count(sql`select count(*) as n from mappa.disclosure_decision d left join mappa.meeting m using (meeting_id) left join mappa.meeting_decision md using (meeting_id)
      where m.meeting_id is null or m.status <> 'HELD' or d.pnc_id <> m.pnc_id or d.case_id <> m.case_id or d.level <> md.level_before or d.proposed_at > m.closed_at`),
    ).toBe(0);
    // Each proposed at its meeting, which recorded it as its consideration.
    expect(
      await count(
        sql`select count(*) as n from mappa.disclosure_decision d where not exists (select 1 from mappa.disclosure_consideration k where k.decision_id = d.decision_id and k.meeting_id = d.meeting_id)`,
      ),
    ).toBe(0);
    const states = (
      await rows<{ state: string }>(sql`select distinct status || coalesce('/' || outcome, '') as state from mappa.disclosure_decision`)
    ).map((row) => row.state);
    expect(states).toEqual(expect.arrayContaining(['MADE/DISCLOSE', 'DECIDED/NOT_DISCLOSE', 'WITHDRAWN']));
    expect(await count(sql`select count(distinct recipient_kind) as n from mappa.disclosure_decision`)).toBeGreaterThanOrEqual(5);
    // Decided by the chair of the meeting (B §2 "Who decides").
    expect(
      await count(
        sql`select count(*) as n from mappa.disclosure_decision d join mappa.meeting m using (meeting_id) where d.decided_at is not null and d.decided_by_staff_id <> m.chair_staff_id`,
      ),
    ).toBe(0);
  });

  it('B.8, B.10-B.12: a decided one had every consultation the guidance requires answered, and a disclosure every item agreed by its owner to the exact wording', async () => {
    // Under-18 subjects: the YOT and children's services; media: the ACC approved and the press office told.
    expect(
      await count(sql`select count(*) as n from mappa.disclosure_decision d where d.decided_at is not null and d.subject_under_18 and (
      select count(*) from mappa.disclosure_consultation c where c.decision_id = d.decision_id and c.kind in ('YOT_SENIOR', 'CHILDRENS_SERVICES') and c.response in ('AGREES', 'CONCERNS')) < 2`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from mappa.disclosure_decision d where d.decided_at is not null and d.recipient_kind = 'MEDIA' and (
      select count(*) from mappa.disclosure_consultation c where c.decision_id = d.decision_id and ((c.kind = 'ACC_APPROVAL' and c.response = 'APPROVED') or (c.kind = 'MOJ_PRESS_OFFICE' and c.response = 'INFORMED'))) < 2`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from mappa.disclosure_consultation c join mappa.disclosure_decision d using (decision_id) where d.decided_at is not null and (c.response is null or c.responded_at > d.decided_at)`,
      ),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from mappa.disclosure_item i join mappa.disclosure_decision d using (decision_id) where d.outcome = 'DISCLOSE' and i.removed_at is null and not exists (
      select 1 from mappa.disclosure_item_agreement a where a.item_id = i.item_id and a.kind = 'OWNER' and a.agreed and a.wording_sha256 = i.wording_sha256 and a.agency = i.source_agency and a.recorded_at < d.decided_at)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from mappa.disclosure_item i join mappa.disclosure_decision d using (decision_id) where d.outcome = 'DISCLOSE' and i.victim_identifying and not exists (
      select 1 from mappa.disclosure_item_agreement a where a.item_id = i.item_id and a.kind = 'VICTIM_LIAISON' and a.agreed and a.wording_sha256 = i.wording_sha256)`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from mappa.disclosure_item where wording_sha256 <> encode(sha256(convert_to(wording, 'UTF8')), 'hex')`,
      ),
    ).toBe(0);
  });

  it('B §2 "Making the disclosure": a made disclosure froze exactly its content with the real SHA-256, and nothing happened after the dataset\'s day', async () => {
    expect(await count(sql`select count(*) as n from mappa.disclosure_decision where status = 'MADE'`)).toBeGreaterThan(0);
    expect(
      await count(
        sql`select count(*) as n from mappa.disclosure_decision where status = 'MADE' and content_sha256 <> encode(sha256(convert_to(frozen_content, 'UTF8')), 'hex')`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from mappa.disclosure_decision where greatest(proposed_at, consulting_from, decided_at, made_at, withdrawn_at) > ${`${DEFAULT_AS_OF}T18:00:00Z`}::timestamptz`,
      ),
    ).toBe(0);
    // Its history: one transition per move, in order.
    expect(
      await count(sql`select count(*) as n from mappa.disclosure_decision d where (select count(*) from mappa.disclosure_transition t where t.decision_id = d.decision_id) <>
      1 + (d.consulting_from is not null)::int + (d.decided_at is not null)::int + (d.made_at is not null)::int + (d.withdrawn_at is not null)::int`),
    ).toBe(0);
  });
});
