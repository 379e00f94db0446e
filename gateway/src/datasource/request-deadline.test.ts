import { RequestDeadline } from './request-deadline';

// Issue 15, one deadline per request: how each step's wait is cut from the one budget, on a clock the
// test moves itself. The integration tests (request-deadline, statistics-deadline, hung-database) show
// that a hung holder's request answers at all; how long each step may wait is counted here, where no
// loaded machine can move the numbers.
// @jest-database-independent: it opens no database (nor any socket), so CI runs it once (.ci/run).

function clockAt(startMs: number): { now: () => number; advance: (ms: number) => void } {
  let current = startMs;
  return { now: () => current, advance: (ms) => (current += ms) };
}

describe('RequestDeadline (issue 15)', () => {
  it('keeps a quarter of the budget, at most two seconds, for the audit commit that comes last', () => {
    const clock = clockAt(1_000);
    expect(new RequestDeadline(10_000, clock.now).fetchTimeLeftMs()).toBe(8_000);
    expect(new RequestDeadline(3_000, clock.now).fetchTimeLeftMs()).toBe(2_250);
    const deadline = new RequestDeadline(10_000, clock.now);
    expect(deadline.timeLeftMs()).toBe(10_000);
    clock.advance(8_500);
    // Calls must stop; the audit commit still has until the deadline itself.
    expect(deadline.fetchTimeLeftMs()).toBe(0);
    expect(deadline.timeLeftMs()).toBe(1_500);
    clock.advance(5_000);
    expect(deadline.timeLeftMs()).toBe(0);
  });

  it('a subgraph call waits its own bound or the time left for calls, whichever is shorter: one deadline in all, not a bound per step', () => {
    const clock = clockAt(0);
    const deadline = new RequestDeadline(10_000, clock.now);
    expect(deadline.fetchSignal(30_000).waitMs).toBe(8_000);
    expect(deadline.fetchSignal(1_000).waitMs).toBe(1_000);
    // A first step that waited 5 s leaves the next only what remains, however long its own bound.
    clock.advance(5_000);
    expect(deadline.fetchSignal(30_000).waitMs).toBe(3_000);
    const timer = deadline.callTimer(30_000);
    expect(timer.waitMs).toBe(3_000);
    expect(timer.signal.aborted).toBe(false);
    timer.clear();
  });

  it('a look-up before planning waits at most half the time left for calls, so a hung holder leaves the fetches the rest', () => {
    const clock = clockAt(0);
    const deadline = new RequestDeadline(8_000, clock.now);
    expect(deadline.fetchTimeLeftMs()).toBe(6_000);
    expect(deadline.lookupSignal(30_000).waitMs).toBe(3_000);
    expect(deadline.lookupSignal(1_000).waitMs).toBe(1_000);
    clock.advance(2_000);
    expect(deadline.lookupSignal(30_000).waitMs).toBe(2_000);
  });

  it('once the time for calls has run out, a call is cut at once and its signal aborts', async () => {
    const clock = clockAt(0);
    const deadline = new RequestDeadline(4_000, clock.now);
    clock.advance(3_500);
    const { signal, waitMs } = deadline.fetchSignal(30_000);
    expect(waitMs).toBe(0);
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve())));
    expect(signal.reason).toMatchObject({ name: 'TimeoutError' });
  });
});
