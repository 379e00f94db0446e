import { sql } from 'drizzle-orm';
import { formatPncId, MappaArea } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalAgency, PrincipalClaims } from '@mappa/shared';
import { postGraphQL, startTestStack } from './support/test-stack';
import type { GraphQLResponse, TestStack } from './support/test-stack';

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

let env: TestStack;
let pncId: string;
let recordManagerStaffId: string;
let assessorStaffId: string;

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 300, seed: 12, asOf: '2026-11-01' } });
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

afterAll(async () => {
  await env.close();
});

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
