import { sql } from 'drizzle-orm';
import { MappaArea } from '@mappa/shared';
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
      visorNominal { recordManagerStaffId }
      policeRiskAssessment { assessorStaffId }
    }
  }
`;

let env: TestStack;
let pncId: string;
let recordManagerStaffId: string;
let assessorStaffId: string;

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 300, seed: 12, asOf: '2026-11-01' } });
  const [row] = ((await env.connection.database().execute(
    sql`select v.pnc_id, v.record_manager_staff_id, r.assessor_staff_id
          from police.visor_nominal v join police.police_risk r using (pnc_id) join police.person p using (pnc_id)
         where not p.ct_restricted order by v.pnc_id limit 1`,
  )) as unknown as { rows: Record<string, unknown>[] }).rows;
  if (!row) throw new Error('no person with a ViSOR nominal and a police risk assessment');
  pncId = String(row.pnc_id);
  recordManagerStaffId = String(row.record_manager_staff_id);
  assessorStaffId = String(row.assessor_staff_id);
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 180_000);

afterAll(async () => {
  await env.close();
});

const ask = async (principal: PrincipalClaims, purpose: DeclaredPurpose, query: string = AUTHORS): Promise<GraphQLResponse<{ offender: Record<string, unknown> | null }>> =>
  postGraphQL(`${env.stack.gateway.url}/graphql`, query, { pncId }, await env.headersFor(principal, purpose));

const refusals = (result: GraphQLResponse) => (result.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code, error.extensions?.policy]).sort();

describe('A.R12, OQ 20: information governance reads the author fields for audit', () => {
  it('A.R12: the police\'s information governance, under AUDIT, reads who manages the ViSOR record and who assessed the police risk, in any area', async () => {
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
            visorNominal { recordManagerStaffId visorReference partnerAgencies retentionReviewDate }
            policeRiskAssessment { assessorStaffId level }
            identity { lastName }
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

  it('A.R12: under any other purpose the police\'s information governance reads no record', async () => {
    const result = await ask(governance('police', MappaArea.LONDON), { purpose: 'CASE_MANAGEMENT', caseId: null });
    expect(refusals(result).map(([path]) => path)).toEqual(['offender']);
    expect(result.data?.offender ?? null).toBeNull();
  });

  it('principle 10: another agency\'s information governance cannot tell the police hold the person', async () => {
    const result = await ask(governance('probation', MappaArea.LONDON), AUDIT);
    expect(result.data?.offender ?? null).toBeNull();
    expect(JSON.stringify(result)).not.toContain(recordManagerStaffId);
  });
});
