import { sql } from 'drizzle-orm';
import { formatPncId, MappaArea } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalAgency, PrincipalClaims, Role } from '@mappa/shared';
import { insertMeeting, inviteToMeeting, signAttendance, startTestStack } from '@mappa/testing/stack';
import { postGraphQL } from '@mappa/testing';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// One stack, two former test files (probation-record-conditions and audit-authorship): they started
// the same stack over the same dataset, so each paid for evaluating the product's modules, loading
// its database and starting six services. The first part writes probation's records it decides on;
// the second only reads the police's ViSOR and risk records, which the first does not touch.

// Issue 12, the probation items: who reads probation's victim-identifying material, a VLO's case
// management, approved premises staff's residents, electronic monitoring's conditions and the police
// co-manager's contact, each decided per record by probation (the owner) from its own records.
//
// Expected access is written from the rules (B.15, C.29, C.32, C.34, principle 3 and 4; C.8, C.11;
// A.R37; A.R6, A.R23; B.57, C.14) and the inventory's §5 rows for the probation records, not from the
// policies. Each test writes the records it decides on, so the answer follows from them alone:
//   CASE  an allocated case (COM `COM-T1`, line-managed by SPO `SPO-T1`, registered MAPPA category 1)
//         with two victims in the Victim Contact Scheme (`VLO-A`'s and `VLO-B`'s), whose licence has
//         a condition naming VLO-A's victim, an exclusion zone around VLO-B's victim's street, an
//         electronically monitored curfew and an electronically monitored town-centre exclusion zone;
//         its person lives at approved premises `AP-T1` and is recalled.
//   OTHER another case of the same area with no victim of VLO-A's, registered MAPPA category 2,
//         at no approved premises.

const AREA = 'LONDON';
const NAMING_VICTIM = 'Not to seek to approach or communicate with Ada Testvictim without the prior approval of your supervising officer.';
const ZONE_AROUND_VICTIM = 'Not to enter the area of Tarnside around 12 Test Street, as defined by the attached map.';
const MONITORED_CURFEW = 'Confine yourself to the approved address between 21:00 and 07:00 daily, monitored by an electronic tag.';
const MONITORED_ZONE = 'Not to enter Tarnside town centre, as defined by the attached map, monitored by GPS.';

let env: TestStack;
let subject: { pncId: string; crn: string; licenceId: number };
let other: { pncId: string; crn: string };

async function execute(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

const staff = (staffId: string, agency: PrincipalAgency, role: Role): PrincipalClaims => ({
  staffId,
  agency,
  roles: [role],
  area: AREA as PrincipalClaims['area'],
  clearance: 'SC',
});
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const atMeeting = (meetingId: string): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId: meetingId });

async function ask<Data = Record<string, unknown>>(
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

interface ConditionView {
  code: string;
  text: string | null;
}

const VICTIM_MATERIAL = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      licences {
        conditions {
          code
          text
        }
      }
      riskOfSeriousHarm {
        whoIsAtRisk
        natureOfRisk
        analysisOfRiskFactors
      }
      riskManagementPlan {
        victimSafetyPlanning
      }
    }
  }
`;
interface VictimMaterial {
  offender: {
    licences: { conditions: ConditionView[] | null }[] | null;
    riskOfSeriousHarm: { whoIsAtRisk: string | null; natureOfRisk: string | null; analysisOfRiskFactors: string | null } | null;
    riskManagementPlan: { victimSafetyPlanning: string | null } | null;
  } | null;
}

/** The wording of each condition of the subject's licence that the reader gets, by code. */
function wordingByCode(material: VictimMaterial): Record<string, string | null> {
  const conditions = material.offender?.licences?.flatMap((licence) => licence.conditions ?? []) ?? [];
  return Object.fromEntries(conditions.map((condition) => [condition.code, condition.text]));
}

beforeAll(async () => {
  env = await startTestStack();
  // Two current, unrestricted London cases on licence with an active MAPPA case (meetings need one).
  const cases = await execute(sql`
    select c.crn, c.pnc_id, min(l.licence_id) as licence_id from probation.probation_case c
    join probation.licence l on l.crn = c.crn and l.status = 'ACTIVE'
    join mappa.mappa_case m on m.pnc_id = c.pnc_id and m.status = 'ACTIVE'
    where c.status = 'CURRENT' and not c.current_restriction and not c.ct_restricted and c.area = ${AREA}
      and exists (select 1 from probation.risk_of_serious_harm r where r.crn = c.crn)
    group by c.crn, c.pnc_id order by c.crn limit 2`);
  const [first, second] = cases;
  if (!first || !second) throw new Error('the seed has too few current licence cases');
  subject = { pncId: String(first.pnc_id), crn: String(first.crn), licenceId: Number(first.licence_id) };
  other = { pncId: String(second.pnc_id), crn: String(second.crn) };

  await execute(
    sql`update probation.probation_case set manager_staff_code = 'COM-T1', manager_forenames = 'Test', manager_surname = 'Manager', manager_email = 'test.manager@probation.example.org', manager_telephone_number = '01632 960001', line_manager_staff_code = 'SPO-T1', mappa_category = 1 where crn = ${subject.crn}`,
  );
  await execute(
    sql`update probation.probation_case set manager_staff_code = 'COM-T2', line_manager_staff_code = 'SPO-T2', mappa_category = 2 where crn = ${other.crn}`,
  );
  await execute(sql`delete from probation.victim_contact where crn in (${subject.crn}, ${other.crn})`);
  for (const [reference, vlo, ordinal] of [
    ['VC-T-1', 'VLO-A', 0],
    ['VC-T-2', 'VLO-B', 1],
  ] as const) {
    await execute(sql`insert into probation.victim_contact (victim_reference, crn, ordinal, scheme, first_name, last_name, address_line1, address_town, address_postcode,
        preferred_contact_method, exclusion_zone_requested, no_contact_requested, wants_release_information, representations_made, wishes_notes, vlo_staff_id, contact_date)
      values (${reference}, ${subject.crn}, ${ordinal}, 'STATUTORY', 'Ada', 'Testvictim', '12 Test Street', 'Tarnside', 'ZZ1 1AB', 'LETTER', true, true, true, false, 'Test wishes', ${vlo}, '2026-10-01')`);
  }
  await execute(
    sql`delete from probation.licence_condition where licence_id in (select licence_id from probation.licence where crn in (${subject.crn}, ${other.crn}))`,
  );
  const conditions = [
    [
      'NOT_OFFEND',
      'General',
      'Be of good behaviour and not behave in a way which undermines the purpose of the licence period.',
      false,
      false,
      null,
      false,
    ],
    ['NO_CONTACT_NAMED_PERSON', 'Making or maintaining contact with a person', NAMING_VICTIM, true, false, 'VC-T-1', false],
    ['EXCLUSION_ZONE', 'Freedom of movement', ZONE_AROUND_VICTIM, true, true, 'VC-T-2', false],
    ['CURFEW', 'Curfew arrangement', MONITORED_CURFEW, false, false, null, true],
    ['EXCLUSION_ZONE_EM', 'Freedom of movement', MONITORED_ZONE, false, true, null, true],
  ] as const;
  for (const [ordinal, [code, category, text, identifiesVictim, isExclusionZone, victimReference, monitored]] of conditions.entries()) {
    await execute(sql`insert into probation.licence_condition (licence_id, kind, period, code, category, text, identifies_victim, is_exclusion_zone, victim_reference, electronic_monitoring, ordinal)
      values (${subject.licenceId}, 'ADDITIONAL', 'AP', ${code}, ${category}, ${text}, ${identifiesVictim}, ${isExclusionZone}, ${victimReference}, ${monitored}, ${ordinal})`);
  }
  await execute(sql`delete from probation.approved_premises_placement where crn in (${subject.crn}, ${other.crn})`);
  await execute(
    sql`insert into probation.approved_premises_staff (staff_code, premises_code) values ('AP-STAFF-1', 'AP-T1'), ('AP-STAFF-2', 'AP-T2')`,
  );
  await execute(
    sql`insert into probation.approved_premises_placement (crn, premises_code, premises_name, status, expected_arrival_date) values (${subject.crn}, 'AP-T1', 'Test House', 'RESIDENT', '2026-09-01')`,
  );
  // A departed resident is no longer the premises' (C.8): OTHER left AP-T1.
  await execute(
    sql`insert into probation.approved_premises_placement (crn, premises_code, premises_name, status, expected_arrival_date, departure_date) values (${other.crn}, 'AP-T1', 'Test House', 'DEPARTED', '2026-01-01', '2026-03-01')`,
  );
}, 180_000);

afterAll(async () => {
  await env.close();
});

describe("victim-identifying material: the allocated COM, their line manager and that victim's VLO only (B.15, C.29, principle 4)", () => {
  it("B.15, C.29: the allocated community offender manager reads every condition's wording, the RoSH narrative and victim safety planning", async () => {
    const result = await ask<VictimMaterial>(staff('COM-T1', 'probation', 'probation_practitioner'), CASE_MANAGEMENT, VICTIM_MATERIAL, {
      pncId: subject.pncId,
    });
    expect(result.errors).toBeUndefined();
    expect(wordingByCode(result.data!)).toMatchObject({
      NO_CONTACT_NAMED_PERSON: NAMING_VICTIM,
      EXCLUSION_ZONE: ZONE_AROUND_VICTIM,
      CURFEW: MONITORED_CURFEW,
    });
    expect(result.data!.offender!.riskOfSeriousHarm!.whoIsAtRisk).toEqual(expect.any(String));
    expect(result.data!.offender!.riskManagementPlan!.victimSafetyPlanning).toEqual(expect.any(String));
  });

  it('B.15: the senior probation officer who line-manages the COM reads them too; another SPO of the area does not', async () => {
    const manager = await ask<VictimMaterial>(staff('SPO-T1', 'probation', 'senior_probation_officer'), CASE_MANAGEMENT, VICTIM_MATERIAL, {
      pncId: subject.pncId,
    });
    expect(wordingByCode(manager.data!)).toMatchObject({ NO_CONTACT_NAMED_PERSON: NAMING_VICTIM, EXCLUSION_ZONE: ZONE_AROUND_VICTIM });
    expect(manager.data!.offender!.riskOfSeriousHarm!.whoIsAtRisk).toEqual(expect.any(String));
    const otherManager = await ask<VictimMaterial>(
      staff('SPO-T2', 'probation', 'senior_probation_officer'),
      CASE_MANAGEMENT,
      VICTIM_MATERIAL,
      { pncId: subject.pncId },
    );
    expect(otherManager.errors).toBeUndefined();
    expect(wordingByCode(otherManager.data!)).toMatchObject({ NO_CONTACT_NAMED_PERSON: null, EXCLUSION_ZONE: null });
    expect(otherManager.data!.offender!.riskOfSeriousHarm).toEqual({ whoIsAtRisk: null, natureOfRisk: null, analysisOfRiskFactors: null });
  });

  it('B.15, C.29, principle 4: any other practitioner of the area reads the wording that names no victim and maps no zone, and nothing that does, no narrative, no victim safety planning', async () => {
    const result = await ask<VictimMaterial>(staff('PP-OTHER', 'probation', 'probation_practitioner'), CASE_MANAGEMENT, VICTIM_MATERIAL, {
      pncId: subject.pncId,
    });
    expect(result.errors).toBeUndefined();
    expect(wordingByCode(result.data!)).toEqual({
      NOT_OFFEND: expect.any(String),
      NO_CONTACT_NAMED_PERSON: null,
      EXCLUSION_ZONE: null,
      CURFEW: MONITORED_CURFEW,
      EXCLUSION_ZONE_EM: null,
    });
    expect(result.data!.offender!.riskOfSeriousHarm).toEqual({ whoIsAtRisk: null, natureOfRisk: null, analysisOfRiskFactors: null });
    expect(result.data!.offender!.riskManagementPlan).toEqual({ victimSafetyPlanning: null });
  });

  it('principle 3, B.15, C.32: Responsible Authority roles read, for MAPPA purposes, the wording that neither identifies a victim nor maps an exclusion zone, never the rest', async () => {
    const coordinator = await env.query<{ offender: { licences: { conditions: ConditionView[] }[] } }>(
      /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            licences {
              conditions {
                code
                text
              }
            }
          }
        }
      `,
      { pncId: subject.pncId },
    );
    expect(coordinator.errors).toBeUndefined();
    expect(wordingByCode(coordinator.data as VictimMaterial)).toEqual({
      NOT_OFFEND: expect.any(String),
      NO_CONTACT_NAMED_PERSON: null,
      EXCLUSION_ZONE: null,
      CURFEW: MONITORED_CURFEW,
      EXCLUSION_ZONE_EM: null,
    });
  });
});

describe('a victim liaison officer reads only about their own victims and their offender (B.15, C.29, C.32, C.34)', () => {
  const VLO_VIEW = /* GraphQL */ `
    query ($pncId: ID!) {
      offender(pncId: $pncId) {
        probationCase {
          crn
          communityOffenderManager {
            staffCode
            email
          }
        }
        licences {
          status
          licenceExpiryDate
          conditions {
            code
            text
          }
        }
        victimContacts {
          victimReference
          vloStaffId
        }
        riskManagementPlan {
          victimSafetyPlanning
        }
        riskOfSeriousHarm {
          whoIsAtRisk
        }
      }
    }
  `;
  interface VloView {
    offender: {
      probationCase: { crn: string | null; communityOffenderManager: { staffCode: string | null; email: string | null } } | null;
      licences: { status: string; licenceExpiryDate: string | null; conditions: ConditionView[] | null }[] | null;
      victimContacts: { victimReference: string; vloStaffId: string }[] | null;
      riskManagementPlan: { victimSafetyPlanning: string | null } | null;
      riskOfSeriousHarm: { whoIsAtRisk: string | null } | null;
    } | null;
  }

  it("B.15, C.32: reads the wording about their own victim and what names no victim, never the wording or exclusion zone about another officer's victim", async () => {
    const result = await ask<VloView>(staff('VLO-A', 'probation', 'victim_liaison_officer'), CASE_MANAGEMENT, VLO_VIEW, {
      pncId: subject.pncId,
    });
    const offender = result.data!.offender!;
    expect(wordingByCode(result.data as VictimMaterial)).toEqual({
      NOT_OFFEND: expect.any(String),
      NO_CONTACT_NAMED_PERSON: NAMING_VICTIM,
      EXCLUSION_ZONE: null,
      CURFEW: MONITORED_CURFEW,
      EXCLUSION_ZONE_EM: null,
    });
    expect(offender.victimContacts).toEqual([{ victimReference: 'VC-T-1', vloStaffId: 'VLO-A' }]);
    // C.34: the case and the licence dates, to tell the victim (the Victim Contact Scheme).
    expect(offender.probationCase).toEqual({
      crn: subject.crn,
      communityOffenderManager: { staffCode: 'COM-T1', email: expect.anything() },
    });
    expect(offender.licences![0]!.status).toEqual(expect.any(String));
    // B.15, B.42: victim safety planning for their victims' offender; the narrative stays the COM's.
    expect(offender.riskManagementPlan).toEqual({ victimSafetyPlanning: expect.any(String) });
    expect(offender.riskOfSeriousHarm?.whoIsAtRisk ?? null).toBeNull();
  });

  it('B.15, C.29, principle 9: about an offender with no victim of theirs, nothing: no CRN, offender manager, licence dates or conditions, and the victim list is null, never empty', async () => {
    const result = await ask<VloView>(staff('VLO-A', 'probation', 'victim_liaison_officer'), CASE_MANAGEMENT, VLO_VIEW, {
      pncId: other.pncId,
    });
    const offender = result.data!.offender;
    expect(offender?.probationCase ?? null).toBeNull();
    expect(offender?.licences ?? null).toBeNull();
    expect(offender?.victimContacts ?? null).toBeNull();
    expect(offender?.riskManagementPlan ?? null).toBeNull();
  });

  it("C.32: the other victim's liaison officer reads the exclusion zone drawn around their victim, not the wording naming VLO-A's victim", async () => {
    const result = await ask<VloView>(staff('VLO-B', 'probation', 'victim_liaison_officer'), CASE_MANAGEMENT, VLO_VIEW, {
      pncId: subject.pncId,
    });
    expect(wordingByCode(result.data as VictimMaterial)).toMatchObject({
      NO_CONTACT_NAMED_PERSON: null,
      EXCLUSION_ZONE: ZONE_AROUND_VICTIM,
    });
    expect(result.data!.offender!.victimContacts).toEqual([{ victimReference: 'VC-T-2', vloStaffId: 'VLO-B' }]);
  });
});

describe('approved premises staff: residents and proposed residents of their premises only (C.8, C.11)', () => {
  const AP_VIEW = /* GraphQL */ `
    query ($pncId: ID!) {
      offender(pncId: $pncId) {
        probationCase {
          crn
          communityOffenderManager {
            surname
            telephoneNumber
          }
        }
        riskOfSeriousHarm {
          overallRiskLevel
          riskInCommunity {
            public
            staff
          }
        }
      }
    }
  `;
  interface ApView {
    offender: {
      probationCase: { crn: string | null; communityOffenderManager: { surname: string | null } } | null;
      riskOfSeriousHarm: { overallRiskLevel: string | null } | null;
    } | null;
  }

  it("C.8, C.11: the staff of the premises read a resident's CRN, offender manager contact and risk levels", async () => {
    const result = await ask<ApView>(staff('AP-STAFF-1', 'probation', 'approved_premises_staff'), CASE_MANAGEMENT, AP_VIEW, {
      pncId: subject.pncId,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.offender!.probationCase!.crn).toBe(subject.crn);
    expect(result.data!.offender!.riskOfSeriousHarm!.overallRiskLevel).toEqual(expect.any(String));
  });

  it('C.8, C.11: staff of another premises, or about someone who left, read nothing of the case', async () => {
    const elsewhere = await ask<ApView>(staff('AP-STAFF-2', 'probation', 'approved_premises_staff'), CASE_MANAGEMENT, AP_VIEW, {
      pncId: subject.pncId,
    });
    expect(elsewhere.data!.offender?.probationCase ?? null).toBeNull();
    expect(elsewhere.data!.offender?.riskOfSeriousHarm ?? null).toBeNull();
    const departed = await ask<ApView>(staff('AP-STAFF-1', 'probation', 'approved_premises_staff'), CASE_MANAGEMENT, AP_VIEW, {
      pncId: other.pncId,
    });
    expect(departed.data!.offender?.probationCase ?? null).toBeNull();
    expect(departed.data!.offender?.riskOfSeriousHarm ?? null).toBeNull();
  });

  it("C.8: a proposed resident (a bed booked for release) is the premises' too", async () => {
    await execute(
      sql`insert into probation.approved_premises_placement (crn, premises_code, premises_name, status, expected_arrival_date) values (${other.crn}, 'AP-T2', 'Second House', 'PROPOSED', '2027-01-15')`,
    );
    const result = await ask<ApView>(staff('AP-STAFF-2', 'probation', 'approved_premises_staff'), CASE_MANAGEMENT, AP_VIEW, {
      pncId: other.pncId,
    });
    expect(result.data!.offender!.probationCase!.crn).toBe(other.crn);
  });

  it("C.11: at a MAPP meeting about a resident, the premises' attending staff read the risk management plan, but not victim safety planning (B.42)", async () => {
    const plan = /* GraphQL */ `
      query ($pncId: ID!) {
        offender(pncId: $pncId) {
          riskManagementPlan {
            supervision
            contingencyPlans
          }
        }
      }
    `;
    const apStaff = staff('AP-STAFF-1', 'probation', 'approved_premises_staff');
    const aboutResident = await insertMeeting(env, subject.pncId);
    const invitation = await inviteToMeeting(env, aboutResident, { staffId: 'AP-STAFF-1', agency: 'probation' });
    await signAttendance(env, aboutResident, apStaff, invitation.invitationId);
    const result = await ask<{ offender: { riskManagementPlan: Record<string, string | null> | null } | null }>(
      apStaff,
      atMeeting(aboutResident),
      plan,
      { pncId: subject.pncId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.offender!.riskManagementPlan).toEqual({ supervision: expect.any(String), contingencyPlans: expect.any(String) });
    const victimSafety = await ask(
      apStaff,
      atMeeting(aboutResident),
      /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            riskManagementPlan {
              victimSafetyPlanning
            }
          }
        }
      `,
      { pncId: subject.pncId },
    );
    expect(victimSafety.errors?.map((error) => [error.extensions?.code, error.extensions?.policy])).toEqual([
      ['FORBIDDEN', 'probation.victimSafetyPlanning'],
    ]);

    // At a meeting about someone who is not their resident, the plan stays closed.
    const aboutOther = await insertMeeting(env, other.pncId);
    const otherInvitation = await inviteToMeeting(env, aboutOther, { staffId: 'AP-STAFF-1', agency: 'probation' });
    await signAttendance(env, aboutOther, apStaff, otherInvitation.invitationId);
    const closed = await ask<{ offender: { riskManagementPlan: unknown } | null }>(
      apStaff,
      atMeeting(aboutOther),
      /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            riskManagementPlan {
              supervision
            }
          }
        }
      `,
      { pncId: other.pncId },
    );
    expect(closed.data!.offender?.riskManagementPlan ?? null).toBeNull();
  });
});

describe('electronic monitoring reads exactly the conditions it monitors (A.R37)', () => {
  it('A.R37, B.15: at a meeting it attends, the provider reads the monitored curfew and the zone it must monitor, and no other condition', async () => {
    const provider = staff('EM-T1', 'electronic_monitoring', 'dtc_attendee');
    const meetingId = await insertMeeting(env, subject.pncId);
    const invitation = await inviteToMeeting(env, meetingId, { staffId: 'EM-T1', agency: 'electronic_monitoring' });
    await signAttendance(env, meetingId, provider, invitation.invitationId);
    const result = await ask<{
      offender: { licences: { conditions: (ConditionView & { isExclusionZone: boolean })[] | null }[] | null } | null;
    }>(
      provider,
      atMeeting(meetingId),
      /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            licences {
              conditions {
                code
                text
                isExclusionZone
              }
            }
          }
        }
      `,
      { pncId: subject.pncId },
    );
    expect(result.errors).toBeUndefined();
    const conditions = result.data!.offender!.licences!.flatMap((licence) => licence.conditions ?? []);
    expect(conditions).toEqual([
      { code: 'CURFEW', text: MONITORED_CURFEW, isExclusionZone: false },
      { code: 'EXCLUSION_ZONE_EM', text: MONITORED_ZONE, isExclusionZone: true },
    ]);
    // Nothing else of probation: not the licence dates, the risk levels or the plan.
    const more = await ask(
      provider,
      atMeeting(meetingId),
      /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            licences {
              licenceExpiryDate
            }
            riskOfSeriousHarm {
              overallRiskLevel
            }
          }
        }
      `,
      { pncId: subject.pncId },
    );
    expect(more.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});

describe('the police officer co-managing a category 1 case reaches the offender manager (A.R6, A.R23)', () => {
  const CONTACT = /* GraphQL */ `
    query ($pncId: ID!) {
      offender(pncId: $pncId) {
        probationCase {
          communityOffenderManager {
            surname
            email
            telephoneNumber
            team {
              telephoneNumber
            }
          }
        }
      }
    }
  `;
  interface ContactView {
    offender: {
      probationCase: {
        communityOffenderManager: { surname: string | null; email: string | null; team: { telephoneNumber: string } };
      } | null;
    } | null;
  }

  it("A.R6, A.R23: a PPU officer of the area reads the offender manager's contact on a case probation registers as category 1", async () => {
    const result = await ask<ContactView>(staff('PPU-T1', 'police', 'ppu_officer'), CASE_MANAGEMENT, CONTACT, { pncId: subject.pncId });
    expect(result.errors).toBeUndefined();
    expect(result.data!.offender!.probationCase!.communityOffenderManager.team.telephoneNumber).toEqual(expect.any(String));
  });

  it('A.R6, A.R23: not on a case registered in another category, and no other police role', async () => {
    const otherCategory = await ask<ContactView>(staff('PPU-T1', 'police', 'ppu_officer'), CASE_MANAGEMENT, CONTACT, {
      pncId: other.pncId,
    });
    expect(otherCategory.data?.offender?.probationCase ?? null).toBeNull();
    const administrator = await ask<ContactView>(staff('VA-T1', 'police', 'visor_administrator'), CASE_MANAGEMENT, CONTACT, {
      pncId: subject.pncId,
    });
    expect(administrator.data?.offender?.probationCase ?? null).toBeNull();
  });
});

// Formerly audit-authorship.test.ts: the same stack (dataset and options) as above, its own rows and principals.
describe('who wrote a record, for audit (A.R12, OQ 20)', () => {
  /*
   * A.R12 (inventory OQ 20): every ViSOR write is attributed to the person who made it, and information
   * governance audits that attribution. Expected from the rule: an agency's own information governance,
   * under AUDIT, reads the author fields of that agency's records (the ViSOR record manager, the police
   * risk assessor) and nothing else of those records; under any other purpose, or for another agency's
   * information governance, nothing.
   */

  const AUDIT: DeclaredPurpose = { purpose: 'AUDIT', caseId: null };
  const governance = (agency: PrincipalAgency, area: MappaArea = MappaArea.KENT): PrincipalClaims => ({
    staffId: `IG-${agency}`,
    agency,
    roles: ['information_governance'],
    area,
    clearance: 'SC',
  });

  const AUTHORS = /* GraphQL */ `
    query ($pncId: ID!) {
      offender(pncId: $pncId) {
        pncId
        visorNominal {
          recordManagerStaffId
        }
        policeRiskAssessment {
          assessorStaffId
        }
      }
    }
  `;

  let pncId: string;
  let recordManagerStaffId: string;
  let assessorStaffId: string;

  beforeAll(async () => {
    const [row] = (
      (await env.connection.database().execute(
        sql`select v.pnc_id, v.record_manager_staff_id, r.assessor_staff_id
            from police.visor_nominal v join police.police_risk r using (pnc_id) join police.person p using (pnc_id)
           where not p.ct_restricted order by v.pnc_id limit 1`,
      )) as unknown as { rows: Record<string, unknown>[] }
    ).rows;
    if (!row) throw new Error('no person with a ViSOR nominal and a police risk assessment');
    pncId = String(row.pnc_id);
    recordManagerStaffId = String(row.record_manager_staff_id);
    assessorStaffId = String(row.assessor_staff_id);
    // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
  }, 180_000);

  const ask = async (
    principal: PrincipalClaims,
    purpose: DeclaredPurpose,
    query: string = AUTHORS,
  ): Promise<GraphQLResponse<{ offender: Record<string, unknown> | null }>> =>
    postGraphQL(`${env.stack.gateway.url}/graphql`, query, { pncId }, await env.headersFor(principal, purpose));

  const refusals = (result: GraphQLResponse) =>
    (result.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code, error.extensions?.policy]).sort();

  describe('A.R12, OQ 20: information governance reads the author fields for audit', () => {
    it("A.R12: the police's information governance, under AUDIT, reads who manages the ViSOR record and who assessed the police risk, in any area", async () => {
      const result = await ask(governance('police'), AUDIT);
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender).toEqual({ pncId, visorNominal: { recordManagerStaffId }, policeRiskAssessment: { assessorStaffId } });
    });

    it('A.R12: opening the records for their authors opens nothing else of them', async () => {
      const result = await ask(
        governance('police'),
        AUDIT,
        /* GraphQL */ `
          query ($pncId: ID!) {
            offender(pncId: $pncId) {
              visorNominal {
                recordManagerStaffId
                visorReference
                partnerAgencies
                retentionReviewDate
              }
              policeRiskAssessment {
                assessorStaffId
                level
              }
              identity {
                lastName
              }
            }
          }
        `,
      );
      expect(refusals(result)).toEqual(
        [
          ['offender.identity', 'FORBIDDEN', 'police.identityNames'],
          ['offender.policeRiskAssessment.level', 'FORBIDDEN', 'police.policeRisk'],
          ['offender.visorNominal.partnerAgencies', 'FORBIDDEN', 'police.visorNominal'],
          ['offender.visorNominal.visorReference', 'FORBIDDEN', 'police.visorNominal'],
        ].sort(),
      );
      // The refused fields are non-null in the schema, so each record comes back null around them:
      // asked alone, the author fields come back (the test above); asked with content, no content does.
      expect(result.data?.offender).toEqual({ visorNominal: null, policeRiskAssessment: null, identity: null });
    });

    it("A.R12: under any other purpose the police's information governance reads no record", async () => {
      const result = await ask(governance('police', MappaArea.LONDON), { purpose: 'CASE_MANAGEMENT', caseId: null });
      expect(refusals(result).map(([path]) => path)).toEqual(['offender']);
      expect(result.data?.offender ?? null).toBeNull();
    });

    it("principle 10: another agency's information governance cannot tell the police hold the person", async () => {
      const result = await ask(governance('probation', MappaArea.LONDON), AUDIT);
      expect(result.data?.offender ?? null).toBeNull();
      expect(JSON.stringify(result)).not.toContain(recordManagerStaffId);
    });
  });

  describe("A.R12, OQ 20: the MAPPA unit's and the YOT's information governance read their own author fields for audit", () => {
    const rowsOf = async (query: ReturnType<typeof sql>) =>
      ((await env.connection.database().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
    let casePncId: string;
    let changedBy: string[];
    let youthPncId: string;
    let assessorStaffId: string;

    beforeAll(async () => {
      const [mappaCase] = await rowsOf(
        sql`select c.case_id, c.pnc_id from mappa.mappa_case c where not c.ct_restricted and (select count(*) from mappa.mappa_case o where o.pnc_id = c.pnc_id) = 1 order by c.case_id limit 1`,
      );
      if (!mappaCase) throw new Error('no person with one MAPPA case');
      casePncId = String(mappaCase.pnc_id);
      changedBy = (
        await rowsOf(
          sql`select changed_by_staff_id from mappa.mappa_case_change where case_id = ${String(mappaCase.case_id)} order by sequence`,
        )
      ).map((row) => String(row.changed_by_staff_id));
      const [assessment] = await rowsOf(
        sql`select a.pnc_id, a.assessor_staff_id from yot.asset_plus_assessment a join yot.youth_case y using (pnc_id) where not y.ct_restricted order by a.pnc_id limit 1`,
      );
      if (!assessment) throw new Error('no young person with an AssetPlus assessment');
      youthPncId = String(assessment.pnc_id);
      assessorStaffId = String(assessment.assessor_staff_id);
    });

    const MAPPA_AUTHORS = /* GraphQL */ `
      query ($pncId: ID!) {
        mappaAuditSubject(pncId: $pncId) {
          pncId
          mappaCase {
            history {
              changedByStaffId
            }
          }
        }
      }
    `;
    const YOT_AUTHORS = /* GraphQL */ `
      query ($pncId: ID!) {
        yotAuditSubject(pncId: $pncId) {
          pncId
          assetPlusAssessment {
            assessorStaffId
          }
        }
      }
    `;
    const askAbout = async (principal: PrincipalClaims, purpose: DeclaredPurpose, query: string, subject: string) =>
      postGraphQL<Record<string, unknown>>(
        `${env.stack.gateway.url}/graphql`,
        query,
        { pncId: subject },
        await env.headersFor(principal, purpose),
      );

    it("A.R12: the MAPPA unit's information governance, under AUDIT, reads who recorded each change to a case, in any area", async () => {
      expect(changedBy.length).toBeGreaterThan(0);
      const result = await askAbout(governance('mappa_unit'), AUDIT, MAPPA_AUTHORS, casePncId);
      expect(result.errors).toBeUndefined();
      expect(result.data?.mappaAuditSubject).toEqual({
        pncId: casePncId,
        mappaCase: { history: changedBy.map((changedByStaffId) => ({ changedByStaffId })) },
      });
    });

    it("A.R12: the YOT's information governance, under AUDIT, reads who completed a young person's AssetPlus assessment", async () => {
      const result = await askAbout(governance('yot'), AUDIT, YOT_AUTHORS, youthPncId);
      expect(result.errors).toBeUndefined();
      expect(result.data?.yotAuditSubject).toEqual({ pncId: youthPncId, assetPlusAssessment: { assessorStaffId } });
    });

    it('A.R12: opening the records for their authors opens nothing else of them', async () => {
      const mappa = await askAbout(
        governance('mappa_unit'),
        AUDIT,
        /* GraphQL */ `
          query ($pncId: ID!) {
            mappaAuditSubject(pncId: $pncId) {
              mappaCase {
                level
                caseId
                history {
                  field
                  changedByStaffId
                }
              }
            }
          }
        `,
        casePncId,
      );
      expect(
        refusals(mappa)
          .map(([path, code, policy]) => `${String(path).replace(/\.\d+\./u, '.')} ${String(code)} ${String(policy)}`)
          .filter((line, index, all) => all.indexOf(line) === index)
          .sort(),
      ).toEqual(
        [
          'mappaAuditSubject.mappaCase.caseId FORBIDDEN mappa.mappaCase',
          'mappaAuditSubject.mappaCase.history.field FORBIDDEN mappa.caseHistoryContent',
          'mappaAuditSubject.mappaCase.level FORBIDDEN mappa.levelAndLeadAgencyFields',
        ].sort(),
      );
      expect(JSON.stringify(mappa.data)).not.toMatch(/"level":\d/u);
      const yot = await askAbout(
        governance('yot'),
        AUDIT,
        /* GraphQL */ `
          query ($pncId: ID!) {
            yotAuditSubject(pncId: $pncId) {
              assetPlusAssessment {
                assessorStaffId
                roshLevel
              }
            }
          }
        `,
        youthPncId,
      );
      expect(refusals(yot)).toEqual([['yotAuditSubject.assetPlusAssessment.roshLevel', 'FORBIDDEN', 'yot.assetPlusContent']]);
    });

    it("principle 10: another agency's information governance, or the owner's under another purpose, gets no way in", async () => {
      for (const [principal, purpose, query, subject] of [
        [governance('police'), AUDIT, MAPPA_AUTHORS, casePncId],
        [governance('mappa_unit'), { purpose: 'CASE_MANAGEMENT', caseId: null }, MAPPA_AUTHORS, casePncId],
        [governance('probation'), AUDIT, YOT_AUTHORS, youthPncId],
        [governance('yot'), { purpose: 'CASE_MANAGEMENT', caseId: null }, YOT_AUTHORS, youthPncId],
      ] as const) {
        const result = await askAbout(principal, purpose, query, subject);
        expect([principal.agency, purpose.purpose, refusals(result).map(([, code]) => code)]).toEqual([
          principal.agency,
          purpose.purpose,
          ['FORBIDDEN'],
        ]);
        expect(JSON.stringify(result.data)).not.toContain(subject);
      }
    });

    it('principle 9: a PNC ID the owner holds no record of answers null, as for anyone unknown', async () => {
      const unknown = formatPncId(1999, 1);
      expect(await askAbout(governance('mappa_unit'), AUDIT, MAPPA_AUTHORS, unknown)).toEqual({ data: { mappaAuditSubject: null } });
      expect(await askAbout(governance('yot'), AUDIT, YOT_AUTHORS, unknown)).toEqual({ data: { yotAuditSubject: null } });
    });
  });
});
