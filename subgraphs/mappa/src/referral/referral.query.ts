import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Database, MappaArea, RowScope } from '@mappa/shared';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { hiddenByGates } from '../offender/offender.scope';
import { referralTable } from './referral.table';
import type { ReferralRow } from './referral.table';
import { ReferralStatus } from './referral.type';

/** The screening decision is due 10 days after the co-ordinator receives the MAPPA A (A §5). */
export const SCREENING_DAYS = 10;
/** A MAPPA A for someone in custody is due at least 6 months before release (A §5 timescales). */
export const REFERRAL_MONTHS_BEFORE_RELEASE = 6;
/**
 * How far back a referral counts for a release: one made in the 12 months before it. An older one
 * was for an earlier stage of the sentence (or an earlier sentence) and does not prepare this release.
 */
export const REFERRAL_WINDOW_MONTHS = 12;

/** One referral by id, or null; `forUpdate` locks it for the rest of the transaction. */
export async function referralById(db: Database, referralId: string, forUpdate = false): Promise<ReferralRow | null> {
  const query = db.select().from(referralTable).where(eq(referralTable.referralId, referralId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Records a referral; returns it as stored. */
export async function insertReferral(tx: Database, values: typeof referralTable.$inferInsert): Promise<ReferralRow | null> {
  const [inserted] = await tx.insert(referralTable).values(values).returning();
  return inserted ?? null;
}

/** A step of the referral's workflow (endorsed, withdrawn, screened): sets `changes` and returns it as it now is. */
export async function updateReferral(
  tx: Database,
  referralId: string,
  changes: Partial<Omit<typeof referralTable.$inferInsert, 'referralId'>>,
): Promise<ReferralRow | null> {
  const [updated] = await tx.update(referralTable).set(changes).where(eq(referralTable.referralId, referralId)).returning();
  return updated ?? null;
}

/** `updateReferral` only while the referral is SUBMITTED (its acceptance); null when it is not. */
export async function updateSubmittedReferral(
  tx: Database,
  referralId: string,
  changes: Partial<Omit<typeof referralTable.$inferInsert, 'referralId'>>,
): Promise<ReferralRow | null> {
  const [updated] = await tx
    .update(referralTable)
    .set(changes)
    .where(and(eq(referralTable.referralId, referralId), eq(referralTable.status, ReferralStatus.SUBMITTED)))
    .returning();
  return updated ?? null;
}

/** The referrals with these ids, in one statement (none for no ids). */
export async function referralsByIds(db: Database, referralIds: readonly string[]): Promise<ReferralRow[]> {
  if (referralIds.length === 0) return [];
  return db
    .select()
    .from(referralTable)
    .where(inArray(referralTable.referralId, [...referralIds]));
}

/** The co-ordinator's screening queue: SUBMITTED referrals of `area`, received longest ago first. */
export function submittedReferralsOf(db: Database, area: MappaArea): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referralTable)
    .where(and(eq(referralTable.area, area), eq(referralTable.status, ReferralStatus.SUBMITTED)))
    .orderBy(asc(referralTable.submittedAt), asc(referralTable.referralId));
}

/** The person's ACTIVE MAPPA case in any area, locked for the transaction; null when none. */
export async function activeCaseForUpdate(db: Database, pncId: string): Promise<MappaCaseRow | null> {
  const [row] = await db
    .select()
    .from(mappaCaseTable)
    .where(and(eq(mappaCaseTable.pncId, pncId), eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE)))
    .for('update');
  return row ?? null;
}

/** A new MAPPA case number, `MC-` and seven digits, from the sequence migration 0006 creates (above the seed's numbers). */
export async function nextCaseId(db: Database): Promise<string> {
  const result = (await db.execute(sql`select nextval('mappa.mappa_case_number')::text as next`)) as unknown as {
    rows: { next: string }[];
  };
  const next = result.rows[0]?.next;
  if (next === undefined) throw new Error('mappa_case_number returned no value');
  return `MC-${next.padStart(7, '0')}`;
}

/** One row of `releasesNeedingReferral`: the case, its dates and the late referral's id, if any. */
export interface LateRelease {
  readonly case: MappaCaseRow;
  readonly releaseDate: string;
  readonly dueDate: string;
  readonly lateReferralId: string | null;
}

// The statuses of a referral the co-ordinator received: a withdrawn one did not refer anyone.
const RECEIVED = sql.raw(`'${ReferralStatus.SUBMITTED}', '${ReferralStatus.ACCEPTED}', '${ReferralStatus.REJECTED}'`);

/**
 * ACTIVE level 2 and 3 cases of `area` in the caller's row scope (the counter-terrorism and age gates,
 * `hiddenByGates`) whose subject is to be released after `today` and whose referral due date (release
 * minus 6 months) is before `today`, and about whom no referral was received on time: received (any
 * area, not withdrawn) on or before the due date and no more than 12 months before the release. Each
 * with the earliest referral received after the due date, if one was. Keyset-paged by release date
 * then PNC ID (unique among active cases), after `after`; one statement, every condition before the
 * limit, so the page holds no one the caller may not know of (principle 9).
 */
export async function lateReleases(
  db: Database,
  scope: RowScope,
  area: MappaArea,
  today: string,
  after: { releaseDate: string; pncId: string } | null,
  limit: number,
): Promise<LateRelease[]> {
  const release = mappaCaseTable.custodyReleaseDate;
  const due = sql`(${release} - make_interval(months => ${REFERRAL_MONTHS_BEFORE_RELEASE}))::date`;
  const windowStart = sql`(${release} - make_interval(months => ${REFERRAL_WINDOW_MONTHS}))::date`;
  const received = (extra: SQL) =>
    sql`select r.referral_id from ${referralTable} r where r.pnc_id = ${mappaCaseTable.pncId} and r.status in (${RECEIVED}) and r.submitted_at is not null and ${extra}`;
  const submittedDate = sql`(r.submitted_at at time zone 'Europe/London')::date`;
  const hidden = hiddenByGates(scope);
  const rows = await db
    .select({
      case: mappaCaseTable,
      dueDate: sql<string>`to_char(${due}, 'YYYY-MM-DD')`,
      lateReferralId: sql<
        string | null
      >`(${received(sql`${submittedDate} > ${due} and ${submittedDate} <= ${release} and r.area = ${area} order by r.submitted_at, r.referral_id limit 1`)})`,
    })
    .from(mappaCaseTable)
    .where(
      and(
        eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE),
        eq(mappaCaseTable.area, area),
        hidden === undefined ? undefined : sql`not (${hidden})`,
        sql`${mappaCaseTable.level} in (2, 3)`,
        sql`${release} > ${today}::date`,
        sql`${due} < ${today}::date`,
        sql`not exists (${received(sql`${submittedDate} <= ${due} and ${submittedDate} >= ${windowStart}`)})`,
        after === null ? undefined : sql`(${release}, ${mappaCaseTable.pncId}) > (${after.releaseDate}::date, ${after.pncId})`,
      ),
    )
    .orderBy(asc(release), asc(mappaCaseTable.pncId))
    .limit(limit);
  return rows.map((row) => ({
    case: row.case,
    releaseDate: row.case.custodyReleaseDate!,
    dueDate: row.dueDate,
    lateReferralId: row.lateReferralId,
  }));
}
