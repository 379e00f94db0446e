import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { MAPPA_AREAS, MAX_CASE_GRANTS_PER_REQUEST } from '@mappa/shared';
import { TEST_ISSUER, postGraphQL } from '@mappa/testing';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { insertMeeting, signAttendance, startGatewayOver, startTestStack } from '@mappa/testing/stack';
import type { RunningGateway } from '@mappa/gateway';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// End to end: the co-ordinator grants through the gateway, the gateway looks the grant up for the
// grantee's next request and vouches for it in every subgraph's assertion; each subgraph logs the
// grant ids it was told of (ids only), which is how these tests see what reached it.

// The subgraph timeout of the gateway that meets a hung MAPPA unit. Only that test's own gateway has it:
// with it on the whole stack, a loaded machine's slow lookup of the co-ordinator's meeting evidence
// timed out, the grant was refused as "No MAPPA case in your area holds this PNC ID", and every test
// of the file failed with it.
const SUBGRAPH_TIMEOUT_MS = 1_000;
const MEETING_ID = 'MTG-7001';
const MEETING: DeclaredPurpose = { purpose: 'MAPPA_MEETING', caseId: MEETING_ID };

let env: TestStack;
let subject: SyntheticPerson;
let coordinator: PrincipalClaims;
let healthAttendee: PrincipalClaims;
// A probation practitioner from another area, invited to the meeting: outside their own area's scope.
let visitingPractitioner: PrincipalClaims;
const logLines: Record<string, unknown>[] = [];
const rawLog: string[] = [];
let requestCounter = 0;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        rawLog.push(line);
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  env = await startTestStack({
    dataset: { offenders: 200, seed: 5, asOf: '2026-11-01' },
    log: pino({ level: 'info' }, sink),
  });
  subject = env.people.find((person) => person.category !== 4 && !person.restrictedAccess && person.crn !== null)!;
  const elsewhere = MAPPA_AREAS.find((area) => area !== subject.area)!;
  coordinator = { staffId: 'MCU07001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: subject.area, clearance: 'SC' };
  healthAttendee = { staffId: 'HLT07001', agency: 'health', roles: ['dtc_attendee'], area: subject.area, clearance: 'BPSS' };
  visitingPractitioner = {
    staffId: 'NPS07001',
    agency: 'probation',
    roles: ['probation_practitioner'],
    area: elsewhere,
    clearance: 'BPSS',
  };
  // Issue 10: MAPPA_MEETING is bound to a meeting about the subject, in the co-ordinator's area, that
  // the grantees have signed in to (MAPPA E); the grants below are what make them its invitees.
  await insertMeeting(env, subject.pncId, { meetingId: MEETING_ID });
  for (const attendee of [healthAttendee, visitingPractitioner, { ...visitingPractitioner, staffId: 'NPS07002' }])
    await signAttendance(env, MEETING_ID, attendee);
  // Seeding this file's own dataset into a template and starting the stack took over two minutes on the
  // PostgreSQL server at load average ~40 (a set-up's time limit, not a bound anything is measured by).
}, 300_000);

afterAll(async () => {
  await env.close();
});

/** POSTs through the gateway (the stack's unless `gatewayUrl`) as `principal` for `purpose`, under a fresh request id it returns. */
async function ask(
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  variables: Record<string, unknown> = {},
  gatewayUrl = env.stack.gateway.url,
): Promise<{ requestId: string; result: GraphQLResponse }> {
  requestCounter += 1;
  const requestId = `grants-e2e-${String(requestCounter).padStart(4, '0')}`;
  const headers = { ...(await env.headersFor(principal, purpose)), 'x-request-id': requestId };
  return { requestId, result: await postGraphQL(`${gatewayUrl}/graphql`, query, variables, headers) };
}

/** What each subgraph that served the request was told: subgraph name → grant ids (empty: none). */
function grantsSeenBy(requestId: string): Record<string, unknown[]> {
  const seen: Record<string, unknown[]> = {};
  for (const line of logLines) {
    if (line.requestId !== requestId || line.msg !== 'graphql operation' || typeof line.subgraph !== 'string') continue;
    // The gateway's own lookup is asked without grants, by design; leave it out of "what the data calls carried".
    if (typeof line.operationName === 'string' && /^(CaseGrant|PurposeEvidence|CaseGrantAndEvidence)Lookup$/.test(line.operationName))
      continue;
    seen[line.subgraph] = (line.caseGrantIds as unknown[] | undefined) ?? [];
  }
  return seen;
}

const GRANT = 'mutation($input: GrantCaseAccessInput!) { grantCaseAccess(input: $input) { grantId } }';
const REVOKE = 'mutation($id: ID!) { revokeCaseAccess(grantId: $id, reason: "No longer invited") { grantId revokedAt } }';
const DTC_VIEW = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { level leadAgency } } }';
const PRACTITIONER_VIEW = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { level leadAgency } probationCase { crn } } }';

async function grantAccess(grantee: Record<string, unknown>): Promise<string> {
  const { result } = await ask(coordinator, MEETING, GRANT, {
    input: {
      ...grantee,
      pncId: subject.pncId,
      purpose: 'MAPPA_MEETING',
      caseId: MEETING_ID,
      validUntil: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      reason: 'Invited to the meeting',
    },
  });
  expect(result.errors).toBeUndefined();
  return (result.data?.grantCaseAccess as { grantId: string }).grantId;
}

describe('case access grants through the gateway', () => {
  let dtcGrant: string;
  let practitionerGrant: string;

  beforeAll(async () => {
    // Issue 12: a grant to an agency and role names the areas it holds in.
    dtcGrant = await grantAccess({ granteeAgency: 'health', granteeRole: 'dtc_attendee', granteeAreas: [subject.area] });
    practitionerGrant = await grantAccess({ granteeStaffId: visitingPractitioner.staffId, granteeIssuer: TEST_ISSUER });
  });

  it('principle 5: a co-ordinator grants a DTC attendee access for a meeting, and the gateway vouches for it to the subgraphs it asks', async () => {
    const { requestId, result } = await ask(healthAttendee, MEETING, DTC_VIEW, { pncId: subject.pncId });
    const seen = grantsSeenBy(requestId);
    expect(Object.keys(seen).length).toBeGreaterThan(0);
    for (const grantIds of Object.values(seen)) expect(grantIds).toEqual([dtcGrant]);
    // The minimal summary of the one subject it was invited about (A.R26).
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toEqual({ pncId: subject.pncId, mappaCase: { level: subject.level, leadAgency: subject.leadAgency } });
  });

  it('principle 5: a grant by staff id reaches every agency asked, the mappa case included', async () => {
    const { requestId, result } = await ask(visitingPractitioner, MEETING, PRACTITIONER_VIEW, { pncId: subject.pncId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toEqual({
      pncId: subject.pncId,
      mappaCase: { level: subject.level, leadAgency: subject.leadAgency },
      probationCase: { crn: subject.crn },
    });
    expect(grantsSeenBy(requestId)).toEqual({ police: [practitionerGrant], mappa: [practitionerGrant], probation: [practitionerGrant] });
  });

  it('principle 5: a grant for one meeting is not carried for another meeting or another purpose', async () => {
    const otherMeeting = await ask(visitingPractitioner, { purpose: 'MAPPA_MEETING', caseId: 'MTG-7002' }, PRACTITIONER_VIEW, {
      pncId: subject.pncId,
    });
    const disclosure = await ask(visitingPractitioner, { purpose: 'DISCLOSURE_DECISION', caseId: MEETING_ID }, PRACTITIONER_VIEW, {
      pncId: subject.pncId,
    });
    for (const { requestId, result } of [otherMeeting, disclosure]) {
      const seen = grantsSeenBy(requestId);
      expect(Object.keys(seen)).toContain('police');
      for (const grantIds of Object.values(seen)) expect(grantIds).toEqual([]);
      // Without the grant the subject is outside the visitor's area: unknown (principle 9).
      expect(result).toEqual({ data: { offender: null } });
    }
  });

  it('costs one mappa request per operation, and only where a grant could apply (MAPPA purposes, roles that hold grants)', async () => {
    const count = async (principal: PrincipalClaims, purpose: DeclaredPurpose) => {
      env.resetCounters();
      const { result } = await ask(principal, purpose, 'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }', {
        pncId: subject.pncId,
      });
      expect(result.errors).toBeUndefined();
      return { mappa: env.stack.subgraphs.mappa.requests.count, police: env.stack.subgraphs.police.requests.count };
    };
    // The lookup: one request to mappa, which this operation does not otherwise touch.
    expect(await count(visitingPractitioner, MEETING)).toEqual({ mappa: 1, police: 1 });
    // Case management: no grant covers it, so no lookup.
    expect(await count({ ...visitingPractitioner, area: subject.area }, { purpose: 'CASE_MANAGEMENT', caseId: null })).toEqual({
      mappa: 0,
      police: 1,
    });
    // The co-ordinator's scope is their area; they grant, they hold none.
    expect(await count(coordinator, { purpose: 'MAPPA_SCREENING', caseId: null })).toEqual({ mappa: 0, police: 1 });
  });

  it('keeps personal data out of the logs: no PNC ID, no reason, no grant body', () => {
    const text = rawLog.join('\n');
    expect(text).not.toContain(subject.pncId);
    expect(text).not.toContain('Invited to the meeting');
  });

  it('principle 5: once revoked, the next request no longer carries the grant', async () => {
    const { result } = await ask(coordinator, MEETING, REVOKE, { id: dtcGrant });
    expect(result.errors).toBeUndefined();
    const { requestId, result: afterRevocation } = await ask(healthAttendee, MEETING, DTC_VIEW, { pncId: subject.pncId });
    const seen = grantsSeenBy(requestId);
    expect(Object.keys(seen).length).toBeGreaterThan(0);
    for (const grantIds of Object.values(seen)) expect(grantIds).toEqual([]);
    // The attendee knows the subject no more: the same answer as for an unknown PNC ID (principles 5, 9).
    expect(afterRevocation).toEqual({ data: { offender: null } });
    // The other grant is untouched.
    const practitioner = await ask(visitingPractitioner, MEETING, PRACTITIONER_VIEW, { pncId: subject.pncId });
    expect(grantsSeenBy(practitioner.requestId).police).toEqual([practitionerGrant]);
  });

  it('carries as many live grants as an assertion header holds, and none (fail closed, logged) past that', async () => {
    const collector: PrincipalClaims = { ...visitingPractitioner, staffId: 'NPS07002' };
    const grants: string[] = [];
    while (grants.length < MAX_CASE_GRANTS_PER_REQUEST)
      grants.push(await grantAccess({ granteeStaffId: collector.staffId, granteeIssuer: TEST_ISSUER }));
    const atLimit = await ask(collector, MEETING, PRACTITIONER_VIEW, { pncId: subject.pncId });
    expect(atLimit.result.errors).toBeUndefined();
    expect(grantsSeenBy(atLimit.requestId).police?.sort()).toEqual([...grants].sort());
    await grantAccess({ granteeStaffId: collector.staffId, granteeIssuer: TEST_ISSUER });
    const pastLimit = await ask(collector, MEETING, PRACTITIONER_VIEW, { pncId: subject.pncId });
    expect(pastLimit.result).toEqual({ data: { offender: null } });
    expect(grantsSeenBy(pastLimit.requestId)).toEqual({ police: [] });
    expect(logLines.some((line) => line.requestId === pastLimit.requestId && line.reason === 'too many live grants')).toBe(true);
  });

  describe('when the MAPPA unit cannot answer the lookup, the request goes on with no grants (fail closed)', () => {
    let silent: Server | undefined;
    let hasty: RunningGateway | undefined;
    const sockets = new Set<Socket>();

    afterAll(async () => {
      await hasty?.close();
      for (const socket of sockets) socket.destroy();
      if (silent) await new Promise<void>((resolve) => silent!.close(() => resolve()));
    });

    const policeOnly = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } } }';

    it('mappa down: no grants, so the visitor from another area does not know the subject; the other agencies still answer', async () => {
      await env.stack.subgraphs.mappa.close();
      const { requestId, result } = await ask(visitingPractitioner, MEETING, policeOnly, { pncId: subject.pncId });
      // Without its grant the visitor from another area does not know the subject (fail closed, principle 9).
      expect(result).toEqual({ data: { offender: null } });
      expect(grantsSeenBy(requestId)).toEqual({ police: [] });
      expect(
        logLines.some(
          (line) => line.requestId === requestId && line.msg === 'case grant lookup failed; answering without grants or purpose evidence',
        ),
      ).toBe(true);
    });

    it('mappa hanging: the lookup gives up within the subgraph timeout and the request answers without grants', async () => {
      // Stand-in for a hung MAPPA unit: accepts connections on its port and never answers.
      const mappaPort = env.stack.subgraphs.mappa.port;
      silent = createServer((socket) => {
        sockets.add(socket);
      });
      await new Promise<void>((resolve) => silent!.listen(mappaPort, '127.0.0.1', resolve));
      hasty = await startGatewayOver(env, { subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS });
      const started = Date.now();
      const { requestId, result } = await ask(visitingPractitioner, MEETING, policeOnly, { pncId: subject.pncId }, hasty.url);
      const elapsed = Date.now() - started;
      // The stand-in never answers, so an answer at all is the gateway giving up on it; having waited out
      // the timeout (a lower bound, which a slow machine cannot break) shows it was the timeout that ended
      // the wait. No upper bound: a loaded machine answers late whatever the timeout.
      expect(result).toEqual({ data: { offender: null } });
      expect(grantsSeenBy(requestId)).toEqual({ police: [] });
      expect(elapsed).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 50);
    });

    it('mappa answering something that is not a list of grants: no grants, nothing of it carried', async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent!.close(() => resolve()));
      const mappaPort = env.stack.subgraphs.mappa.port;
      // Stand-in for a broken MAPPA unit: a well-formed HTTP answer whose grants do not validate.
      silent = createServer((socket) => {
        sockets.add(socket);
        socket.once('data', () => {
          const body = JSON.stringify({
            data: {
              myCaseAccessGrants: [
                { grantId: 'forged', pncId: 'not a PNC ID', purpose: 'MAPPA_MEETING', caseId: MEETING_ID, validUntil: 'soon' },
              ],
            },
          });
          socket.end(
            `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
          );
        });
      });
      await new Promise<void>((resolve) => silent!.listen(mappaPort, '127.0.0.1', resolve));
      const { requestId, result } = await ask(visitingPractitioner, MEETING, policeOnly, { pncId: subject.pncId });
      expect(result).toEqual({ data: { offender: null } });
      expect(grantsSeenBy(requestId)).toEqual({ police: [] });
      expect(logLines.some((line) => line.requestId === requestId && line.reason === 'unexpected answer')).toBe(true);
    });
  });
});
