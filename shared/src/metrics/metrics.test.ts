import { Counter } from './counter';
import { codeLabel, Metrics, purposeLabel } from './metrics';
import { rootFieldLabel } from '../apollo/request-observation.plugin';
import { parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';

// Issue 15: what a caller sends never becomes a label; only fixed sets do, so /metrics holds no
// personal data and its series stay bounded.

const operationOf = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;

describe('metric labels', () => {
  it('counts an operation under its name only when the service registered it, otherwise as "other"', () => {
    const metrics = new Metrics().forService('gateway', { operationNames: ['ViewOffender'] });
    expect(metrics.operationLabel('ViewOffender')).toBe('ViewOffender');
    expect(metrics.operationLabel('Lookup_AB12345C')).toBe('other');
    expect(metrics.operationLabel(undefined)).toBe('other');
  });

  it('labels a subgraph operation by its one root field from its own schema, never by the name the gateway forwarded', () => {
    expect(
      rootFieldLabel(
        'Smith__police__0',
        operationOf('query Smith__police__0($r: [_Any!]!) { _entities(representations: $r) { __typename } }'),
      ),
    ).toBe('_entities');
    expect(rootFieldLabel(null, operationOf('{ a: offender(pncId: "x") { pncId } offenders { totalCount } }'))).toBe('multiple');
  });

  it('keeps error codes and purposes to their known sets', () => {
    expect(codeLabel('FORBIDDEN')).toBe('FORBIDDEN');
    expect(codeLabel('Smith was here')).toBe('OTHER');
    expect(purposeLabel('MAPPA_MEETING')).toBe('MAPPA_MEETING');
    expect(purposeLabel('2012/0052834F')).toBe('none');
  });

  it('counts each event once: a resettable Counter moves the Prometheus counter behind it, which a reset leaves alone', async () => {
    const metrics = new Metrics();
    const statements = new Counter(metrics.forService('police').counterFor('data-statements'));
    statements.increment();
    statements.increment(2);
    expect(statements.count).toBe(3);
    statements.reset();
    statements.increment();
    expect(statements.count).toBe(1);
    expect(await metrics.exposition()).toMatch(/^mappa_sql_statements_total\{service="police",store="data"\} 4$/m);
  });

  it('counts a request refused before GraphQL ran under the code of its HTTP status, with no operation and no purpose', async () => {
    const metrics = new Metrics();
    metrics.forService('gateway').requestAnswered({ operation: 'none', purpose: 'none', codes: new Set(), hasData: false }, 429, 0.001);
    const text = await metrics.exposition();
    expect(text).toMatch(/^mappa_requests_total\{service="gateway",operation="none",outcome="error",purpose="none"\} 1$/m);
    expect(text).toMatch(/^mappa_request_errors_total\{service="gateway",code="RATE_LIMITED"\} 1$/m);
  });
});
