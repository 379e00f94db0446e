import { addDays, addMonths, DEV_ISSUER, MAPPA_AREAS, Random } from '@mappa/shared';
import type { MappaArea, SyntheticDatasetOptions } from '@mappa/shared';
import type { SmbRole } from '../smb/smb.roles';
import type { smbAttendanceTable, smbMeetingTable, smbMemberTable } from '../smb/smb.table';

/** The seats of an area's board: its minimum membership (A §6, [L5573-5659]), each an agency and a role. */
const SEATS: readonly { readonly agency: string; readonly role: SmbRole }[] = [
  { agency: 'police', role: 'CHAIR' },
  { agency: 'probation', role: 'MEMBER' },
  { agency: 'prison', role: 'MEMBER' },
  { agency: 'mappa_unit', role: 'COORDINATOR' },
  { agency: 'mappa_unit', role: 'LAY_ADVISER' },
  { agency: 'mappa_unit', role: 'LAY_ADVISER' },
  { agency: 'children_social_care', role: 'MEMBER' },
  { agency: 'adult_social_care', role: 'MEMBER' },
  { agency: 'health', role: 'MEMBER' },
  { agency: 'housing', role: 'MEMBER' },
  { agency: 'education', role: 'MEMBER' },
  { agency: 'yot', role: 'MEMBER' },
  { agency: 'jobcentre_plus', role: 'MEMBER' },
  { agency: 'electronic_monitoring', role: 'MEMBER' },
  { agency: 'home_office', role: 'MEMBER' },
];
const STAFF_PREFIX: Readonly<Record<string, string>> = { police: 'PPU', probation: 'NPS', prison: 'HMP', mappa_unit: 'MCU', yot: 'YOT' };

/** The years of board history the seed writes before the dataset's day. */
const HISTORY_YEARS = 3;

export interface SmbRows {
  readonly members: (typeof smbMemberTable.$inferInsert)[];
  readonly meetings: (typeof smbMeetingTable.$inferInsert)[];
  readonly attendance: (typeof smbAttendanceTable.$inferInsert)[];
}

/**
 * Each area's Strategic Management Board for the last three years (KPI 5): a meeting every three
 * months (the guidance asks for at least every four), about one seat in six changing hands once in
 * that time, and each member attending with a likelihood of their own, most above 75% and about one
 * in eight below it, so that KPI 5 has members who miss the standard. Its own random stream per area:
 * the board never changes another draw of the seed.
 */
export function smbRows(dataset: SyntheticDatasetOptions): SmbRows {
  const rows: SmbRows = { members: [], meetings: [], attendance: [] };
  const start = addMonths(dataset.asOf, -12 * HISTORY_YEARS);
  for (const area of dataset.areas ?? MAPPA_AREAS) {
    const random = new Random(dataset.seed, area, 'mappa-smb');
    const coordinator = `MCU${random.int(10000, 99999)}`;
    const taken = new Set([coordinator]);
    const meetingDays: string[] = [];
    for (let day = addDays(start, random.int(0, 60)); day <= dataset.asOf; day = addDays(addMonths(day, 3), random.int(-10, 10)))
      meetingDays.push(day);
    const seated: { memberId: string; joinedOn: string; leftOn: string | null; likelihood: number }[] = [];
    SEATS.forEach((seat, index) => {
      // A seat changes hands once in the period for about one in six; the successor joins the day after.
      const changeOn = random.chance(1 / 6) ? addDays(start, random.int(180, 365 * HISTORY_YEARS - 180)) : null;
      const spells: [string, string | null][] =
        changeOn === null
          ? [[start, null]]
          : [
              [start, changeOn],
              [addDays(changeOn, 1), null],
            ];
      spells.forEach(([joinedOn, leftOn], spell) => {
        const memberId = `SMB-${area}-${String(index + 1).padStart(2, '0')}-${spell + 1}`;
        const prefix = STAFF_PREFIX[seat.agency] ?? 'DTC';
        const draw = () => `${seat.role === 'LAY_ADVISER' ? 'LAY' : prefix}${random.int(10000, 99999)}`;
        let staffId = seat.role === 'COORDINATOR' ? coordinator : draw();
        // A person holds one seat of a board at a time (the register's unique open spell): a staff id drawn
        // twice in an area is drawn again. Only then is the stream drawn more, so no other dataset changes.
        while (seat.role !== 'COORDINATOR' && taken.has(staffId)) staffId = draw();
        taken.add(staffId);
        const likelihood = random.chance(0.12) ? 0.4 + 0.3 * random.next() : 0.8 + 0.2 * random.next();
        rows.members.push({ memberId, area: area as MappaArea, agency: seat.agency, role: seat.role, staffId, joinedOn, leftOn });
        seated.push({ memberId, joinedOn, leftOn, likelihood: seat.role === 'COORDINATOR' ? 1 : likelihood });
      });
    });
    meetingDays.forEach((heldOn, index) => {
      const smbMeetingId = `SMBM-${area}-${String(index + 1).padStart(3, '0')}`;
      rows.meetings.push({
        smbMeetingId,
        area: area as MappaArea,
        heldOn,
        recordedByStaffId: coordinator,
        recordedByIssuer: DEV_ISSUER,
        recordedAt: new Date(`${addDays(heldOn, 1)}T09:00:00Z`),
      });
      for (const member of seated) {
        if (heldOn < member.joinedOn || (member.leftOn !== null && heldOn > member.leftOn)) continue;
        if (random.chance(member.likelihood)) rows.attendance.push({ smbMeetingId, memberId: member.memberId });
      }
    });
  }
  return rows;
}
