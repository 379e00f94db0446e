// Issue 9 §1, trusted documents: front-end teams register the documents their application sends
// at build time, and in production the gateway runs those only (analysts compiling statistics
// excepted, whose documents still pass the operation limits). Through the real gateway, in
// production mode, with manifests read from files in both formats the build tools write.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, desc, eq, sql } from 'drizzle-orm';
import { loadTrustedDocumentManifests } from '@mappa/gateway';
import { auditEntryTable, MappaArea } from '@mappa/shared';
import type { AuditPayload, PrincipalClaims } from '@mappa/shared';
import { startTestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Registered through GraphQL Codegen's client preset (persisted-documents.json)…
const OFFENDER_VIEW = `query OffenderView($pncId: ID!) {
  offender(pncId: $pncId) {
    pncId
    identity { firstName lastName dateOfBirth }
    mappaCase { category level leadAgency }
    probationCase { crn }
    custody { prisonNumber }
  }
}`;
// …and through Apollo's persisted-query manifest.
const REGISTER_PAGE =
  'query RegisterPage($first: Int, $after: String) { offenders(first: $first, after: $after) { totalCount edges { node { pncId } } } }';
const NOT_REGISTERED = 'query Unregistered($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } } }';

const ANALYST: PrincipalClaims = {
  staffId: 'ANL0001',
  agency: 'mappa_unit',
  roles: ['analyst'],
  area: MappaArea.LONDON,
  clearance: 'BPSS',
};

let env: TestStack;
let manifestDir: string;

beforeAll(async () => {
  manifestDir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
  writeFileSync(join(manifestDir, 'persisted-documents.json'), JSON.stringify({ [sha256(OFFENDER_VIEW)]: OFFENDER_VIEW }));
  writeFileSync(
    join(manifestDir, 'persisted-query-manifest.json'),
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(REGISTER_PAGE), name: 'RegisterPage', type: 'query', body: REGISTER_PAGE }],
    }),
  );
  const manifest = loadTrustedDocumentManifests([
    join(manifestDir, 'persisted-documents.json'),
    join(manifestDir, 'persisted-query-manifest.json'),
  ]);
  env = await startTestStack({ production: true, trustedDocuments: { mode: 'required', manifest } });
});

afterAll(async () => {
  await env?.close();
  rmSync(manifestDir, { recursive: true, force: true });
});

async function send(body: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(`${env.stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(headers ?? (await env.headersFor())) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

function expectRefused(answer: { status: number; body: GraphQLResponse }, code: string): void {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
}

async function gatewayEntryFor(query: string): Promise<AuditPayload | undefined> {
  const [row] = await env.connection
    .database()
    .select()
    .from(auditEntryTable)
    .where(and(eq(auditEntryTable.log, 'gateway'), sql`${auditEntryTable.payload} ->> 'documentHash' = ${sha256(query)}`))
    .orderBy(desc(auditEntryTable.sequence))
    .limit(1);
  return row?.payload as AuditPayload | undefined;
}

describe('trusted documents at the gateway (issue 9 §1)', () => {
  it('issue 9 §1: with trusted documents required, a document nobody registered is refused (TRUSTED_DOCUMENT_REQUIRED, HTTP 400) and the refusal audited', async () => {
    const person = env.people[0]!;
    expectRefused(await send({ query: NOT_REGISTERED, variables: { pncId: person.pncId } }), 'TRUSTED_DOCUMENT_REQUIRED');
    expect(await gatewayEntryFor(NOT_REGISTERED)).toMatchObject({
      principal: { agency: 'mappa_unit' },
      outcome: 'REJECTED',
      errorCodes: ['TRUSTED_DOCUMENT_REQUIRED'],
      subjects: [],
    });
    // The registered text itself, sent as text, is not a registered document request either.
    expectRefused(await send({ query: OFFENDER_VIEW, variables: { pncId: person.pncId } }), 'TRUSTED_DOCUMENT_REQUIRED');
  });

  it('issue 9 §1: a document nobody registered is refused when sent by GET too', async () => {
    const search = new URLSearchParams({ query: NOT_REGISTERED, variables: JSON.stringify({ pncId: env.people[0]!.pncId }) });
    const response = await fetch(`${env.stack.gateway.url}/graphql?${search}`, {
      headers: { 'apollo-require-preflight': 'true', ...(await env.headersFor()) },
    });
    expectRefused({ status: response.status, body: (await response.json()) as GraphQLResponse }, 'TRUSTED_DOCUMENT_REQUIRED');
  });

  it('issue 9 §1: a registered document runs by its documentId, with or without the sha256: prefix', async () => {
    const person = env.people.find((p) => p.supervision === 'CUSTODY')!;
    for (const documentId of [`sha256:${sha256(OFFENDER_VIEW)}`, sha256(OFFENDER_VIEW)]) {
      const answer = await send({ documentId, variables: { pncId: person.pncId } });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data).toMatchObject({
        offender: { pncId: person.pncId, identity: { lastName: person.lastName }, custody: { prisonNumber: person.prisonNumber } },
      });
    }
  });

  it("issue 9 §1: a registered document runs by the persisted-query extension's sha256Hash", async () => {
    const answer = await send({
      variables: { first: 5 },
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(REGISTER_PAGE) } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data as { offenders: { edges: unknown[] } }).offenders.edges).toHaveLength(5);
  });

  it('issue 9 §1: the text sent beside a registered id is not what runs: the manifest is', async () => {
    const person = env.people.find((p) => p.supervision === 'CUSTODY')!;
    const answer = await send({ documentId: sha256(OFFENDER_VIEW), query: NOT_REGISTERED, variables: { pncId: person.pncId } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ offender: { custody: { prisonNumber: person.prisonNumber } } });
  });

  it('issue 9 §1: an unknown document id is PERSISTED_QUERY_NOT_FOUND (HTTP 400), and no client can register a document at run time', async () => {
    expectRefused(await send({ documentId: `sha256:${'0'.repeat(64)}` }), 'PERSISTED_QUERY_NOT_FOUND');
    expectRefused(await send({ documentId: 'OffenderView' }), 'PERSISTED_QUERY_NOT_FOUND');
    // Automatic persisted queries: the text and its hash, then the hash alone. Neither registers it.
    const persistedQuery = { version: 1, sha256Hash: sha256(NOT_REGISTERED) };
    const variables = { pncId: env.people[0]!.pncId };
    expectRefused(await send({ query: NOT_REGISTERED, variables, extensions: { persistedQuery } }), 'PERSISTED_QUERY_NOT_FOUND');
    expectRefused(await send({ variables, extensions: { persistedQuery } }), 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('issue 9 §1: a registered document still passes the operation limits (its page size comes from the variables)', async () => {
    const answer = await send({ documentId: sha256(REGISTER_PAGE), variables: { first: 100_000 } });
    expectRefused(answer, 'OPERATION_TOO_COMPLEX');
    expect(answer.body.errors![0]!.extensions).toMatchObject({ limit: 'maxCost', max: 10_000, measured: 500_000 });
  });

  it('issue 9 §1: an analyst under STATISTICS may send ad-hoc documents, which still pass the operation limits; not under another purpose', async () => {
    const statistics = await env.headersFor(ANALYST, { purpose: 'STATISTICS', caseId: null });
    const adHoc = await send({ query: '{ __typename }' }, statistics);
    expect(adHoc.status).toBe(200);
    expect(adHoc.body).toEqual({ data: { __typename: 'Query' } });
    // 10 aliased look-ups in a fragment spread 2^9 times: 5,120 aliases in under 1 KB.
    const fragments = [
      `fragment A0 on Query { ${Array.from({ length: 10 }, (_, i) => `a${i}: offender(pncId: "2008/0545166T") { pncId }`).join(' ')} }`,
    ];
    for (let level = 1; level <= 9; level += 1) fragments.push(`fragment A${level} on Query { ...A${level - 1} ...A${level - 1} }`);
    const folded = await send({ query: `query Folded { ...A9 }\n${fragments.join('\n')}` }, statistics);
    expectRefused(folded, 'OPERATION_TOO_COMPLEX');
    expect(folded.body.errors![0]!.extensions).toMatchObject({ limit: 'maxAliases', measured: 5_120 });
    expectRefused(
      await send({ query: '{ __typename }' }, await env.headersFor(ANALYST, { purpose: 'AUDIT', caseId: null })),
      'TRUSTED_DOCUMENT_REQUIRED',
    );
  });
});
