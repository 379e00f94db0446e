import { TEST_ISSUER, AUDIT_STORE_TEMPLATE, openTestDatabase } from '@mappa/testing';
import 'reflect-metadata';
import { graphql } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { Caller } from '../auth/caller';
import { rowScopeOf } from '../auth/row-scope';
import { AccessDecisions } from '../authorization/access-decisions';
import { definePolicies } from '../authorization/field-policy';
import type { Database } from '../db/database';
import { Agency } from '../domain/agency';
import { MappaArea } from '../domain/mappa-area';
import { buildFederatedSchema } from '../federation/build-federated-schema';
import { createLogger } from '../logging/logger';
import type { SubgraphContext } from '../subgraph/subgraph-context';
import { calendarDateOf } from '../time/calendar-date';
import type { TestDatabase } from '@mappa/testing';
import { formatPncId } from '../validation/identifiers';
import { accessAuditEntryPolicy, accessAuditPolicy } from './access-audit.policy';
import { accessAuditResolver } from './access-audit.resolver';
import { appendAuditEntries } from './audit-log';
import { RequestAudit } from './request-audit';

// The resolver factory on its own, executed against a real audit store with the context a subgraph
// builds per request, so what it records in the reader's own audit entry can be seen.

const SUBJECT = formatPncId(2008, 545166);
const policies = definePolicies('police', {
  accessAudit: accessAuditPolicy(Agency.POLICE),
  accessAuditEntry: accessAuditEntryPolicy(Agency.POLICE),
});
// Stands in for the owner's records and row scope: it holds SUBJECT alone, counter-terrorism
// restricted, so only a cleared reader may know it exists.
const resolver = accessAuditResolver<object>({
  log: 'police',
  queryPolicy: policies.accessAudit,
  entryPolicy: policies.accessAuditEntry,
  knowsSubject: (context, pncId) => Promise.resolve(pncId === SUBJECT && context.rowScope.counterTerrorismCleared),
});
const UNHELD = formatPncId(2008, 545167);

const QUERY = `query($pncId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  policeAccessAudit(pncId: $pncId, from: $from, to: $to) { edges { node { requestId } } pageInfo { hasNextPage } }
}`;

const informationGovernance = (clearance: 'BPSS' | 'SC', agency: 'police' | 'probation' = 'police'): Caller => ({
  principal: { issuer: TEST_ISSUER, staffId: 'IG000001', agency, roles: ['information_governance'], area: MappaArea.KENT, clearance },
  declaredPurpose: { purpose: 'AUDIT', caseId: null },
});

let database: TestDatabase;
let db: Database;
let schema: GraphQLSchema;

beforeAll(async () => {
  database = await openTestDatabase(AUDIT_STORE_TEMPLATE);
  db = database.connection.database();
  schema = await buildFederatedSchema({ resolvers: [resolver] }, {}, Object.values(policies));
  await appendAuditEntries(db, 'police', [
    {
      requestId: 'seen-1',
      payload: {
        principal: null,
        purpose: null,
        caseId: null,
        operationName: null,
        documentHash: null,
        subjects: [SUBJECT],
        fields: [],
        outcome: 'UNAUTHENTICATED',
        durationMs: 1,
      },
    },
  ]);
});
afterAll(async () => {
  await database.drop();
});

async function ask(caller: Caller, variables: Record<string, unknown>) {
  const log = createLogger('test', 'silent');
  const audit = new RequestAudit('police', 'recorded', caller, 'test-request', () => log);
  const now = new Date();
  const context: SubgraphContext<object> = {
    requestId: 'test-request',
    log,
    caller,
    now,
    today: calendarDateOf(now),
    rowScope: rowScopeOf(caller, now, 'police'),
    access: new AccessDecisions(caller, new Map(Object.values(policies).map((policy) => [policy.name, policy]))),
    audit,
    db,
    loaders: {},
  };
  const result = await graphql({ schema, source: QUERY, variableValues: variables, contextValue: context });
  return { result, recorded: audit.subjects() };
}

const range = { from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };

describe("an owner's access-audit resolver", () => {
  it("records the subject in the reader's own audit entry, with the page it answers", async () => {
    const { result, recorded } = await ask(informationGovernance('SC'), { pncId: SUBJECT, ...range });
    expect(result.errors).toBeUndefined();
    expect(result.data?.policeAccessAudit).toEqual({ edges: [{ node: { requestId: 'seen-1' } }], pageInfo: { hasNextPage: false } });
    expect(recorded).toEqual([SUBJECT]);
  });

  it('records the subject when the page is empty too: asking is what is audited', async () => {
    const { result, recorded } = await ask(informationGovernance('SC'), {
      pncId: SUBJECT,
      from: '2020-01-01T00:00:00Z',
      to: '2020-02-01T00:00:00Z',
    });
    expect(result.data?.policeAccessAudit).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
    expect(recorded).toEqual([SUBJECT]);
  });

  it('principle 7: gives a reader without counter-terrorism clearance an empty page for a subject the owner marks restricted', async () => {
    const { result, recorded } = await ask(informationGovernance('BPSS'), { pncId: SUBJECT, ...range });
    expect(result.data?.policeAccessAudit).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
    expect(recorded).toEqual([SUBJECT]);
  });

  it('principle 9: gives an empty page, without reading the log, for a PNC ID the owner does not hold, even though the log names it', async () => {
    await appendAuditEntries(db, 'police', [
      {
        requestId: 'probe-1',
        payload: {
          principal: null,
          purpose: null,
          caseId: null,
          operationName: null,
          documentHash: null,
          subjects: [UNHELD],
          fields: [],
          outcome: 'UNAUTHENTICATED',
          durationMs: 1,
        },
      },
    ]);
    const { result, recorded } = await ask(informationGovernance('SC'), { pncId: UNHELD, ...range });
    expect(result.data?.policeAccessAudit).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
    expect(recorded).toEqual([UNHELD]);
  });

  it('answers invalid arguments with BAD_USER_INPUT naming each, before reading or recording anything', async () => {
    const { result, recorded } = await ask(informationGovernance('SC'), { pncId: '2008/0545166A', from: range.to, to: range.from });
    expect(result.data?.policeAccessAudit).toBeNull();
    expect(result.errors?.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions.issues).toEqual([
      { path: 'pncId', message: 'PNC ID check letter does not match' },
      { path: 'to', message: 'to must be after from' },
    ]);
    expect(recorded).toEqual([]);
  });

  it("principle 10: never runs for another agency's information governance", async () => {
    const { result, recorded } = await ask(informationGovernance('SC', 'probation'), { pncId: SUBJECT, ...range });
    expect(result.data?.policeAccessAudit).toBeNull();
    expect(recorded).toEqual([]);
  });
});
