import { FailureTally, failureOf, noAnswerOf } from './failures';
import { runRequests } from './load';

// Issue 15: a deployed run reports what its failed requests answered, by status and code, not only how many.
describe('failed requests, by status and code', () => {
  it('finds nothing wrong with data and no errors, and names what is wrong otherwise', () => {
    expect(failureOf({ status: 200, body: { data: { a: 1 } } })).toBeNull();
    expect(failureOf({ status: 200, body: { data: { a: null }, errors: [{ extensions: { code: 'UPSTREAM_UNAVAILABLE' } }] } })).toBe(
      'HTTP 200: UPSTREAM_UNAVAILABLE',
    );
    expect(failureOf({ status: 503, body: { errors: [{ extensions: { code: 'AUDIT_UNAVAILABLE' } }] } })).toBe(
      'HTTP 503: AUDIT_UNAVAILABLE',
    );
    expect(failureOf({ status: 502, body: {} })).toBe('HTTP 502: no errors, no data');
    expect(failureOf({ status: 200, body: { data: null, errors: [{ message: 'x' }] } })).toBe('HTTP 200: no code');
  });

  it("lists a request's codes once each, sorted, and leaves out the codes a workload expects", () => {
    const errors = [
      { extensions: { code: 'UPSTREAM_UNAVAILABLE' } },
      { extensions: { code: 'FORBIDDEN' } },
      { extensions: { code: 'UPSTREAM_UNAVAILABLE' } },
    ];
    expect(failureOf({ status: 200, body: { data: {}, errors } })).toBe('HTTP 200: FORBIDDEN, UPSTREAM_UNAVAILABLE');
    expect(failureOf({ status: 200, body: { data: {}, errors } }, (code) => code === 'FORBIDDEN')).toBe('HTTP 200: UPSTREAM_UNAVAILABLE');
    expect(
      failureOf({ status: 200, body: { data: {}, errors: [{ extensions: { code: 'FORBIDDEN' } }] } }, (code) => code === 'FORBIDDEN'),
    ).toBeNull();
  });

  it("names a request without an answer by its socket error's code, its own, or its class", () => {
    expect(
      noAnswerOf(new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) })),
    ).toBe('no answer: UND_ERR_SOCKET');
    expect(noAnswerOf(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe('no answer: ECONNRESET');
    expect(noAnswerOf(new SyntaxError('Unexpected token'))).toBe('no answer: SyntaxError');
  });

  it('counts by key across chunks, the most frequent first', () => {
    const round = new FailureTally();
    round.add('HTTP 200: UPSTREAM_UNAVAILABLE');
    round.add('no answer: ECONNRESET', 2);
    const total = new FailureTally();
    expect(total.summary()).toBe('none');
    total.addAll(round);
    total.addAll(round);
    expect(total.total).toBe(6);
    expect(total.summary()).toBe('4 × no answer: ECONNRESET; 2 × HTTP 200: UPSTREAM_UNAVAILABLE');
  });

  it('keeps sending after a request gets no answer, and counts it with the rest', async () => {
    const result = await runRequests(6, 2, async (i) => {
      if (i === 1) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
      return i % 2 === 0 ? null : 'HTTP 200: UPSTREAM_UNAVAILABLE';
    });
    expect(result.latenciesMs).toHaveLength(6);
    expect(result.errors).toBe(3);
    expect(result.failures.entries()).toEqual([
      ['HTTP 200: UPSTREAM_UNAVAILABLE', 2],
      ['no answer: ECONNRESET', 1],
    ]);
  });
});
