import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { RepeatedLogSuppressor } from './repeated-logs';

/** A logger whose lines a test reads back, parsed. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger('test', 'info', destination), lines };
}

describe('RepeatedLogSuppressor', () => {
  it('issue 15: 6,000 identical error lines in an outage become the first line and one "N similar suppressed" summary, each with a request id', () => {
    const { log, lines } = recordingLogger();
    const suppressor = new RepeatedLogSuppressor(60_000);
    for (let i = 0; i < 6_000; i += 1) {
      suppressor.write(
        log.child({ requestId: `req-${i}` }),
        'error',
        { log: 'gateway', reason: 'AuditQueueFullError' },
        'audit entry could not be written; response withheld',
      );
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      requestId: 'req-0',
      log: 'gateway',
      reason: 'AuditQueueFullError',
      msg: 'audit entry could not be written; response withheld',
    });
    suppressor.flush();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      level: 50,
      requestId: 'req-5999',
      suppressed: 5_999,
      msg: 'audit entry could not be written; response withheld (5999 similar suppressed)',
    });
  });

  it('keeps kinds apart: another reason, agency or level is its own line, and a detail such as a wait does not make a new kind', () => {
    const { log, lines } = recordingLogger();
    const suppressor = new RepeatedLogSuppressor(60_000);
    suppressor.write(log, 'warn', { agency: 'mappa', reason: 'no answer in time' }, 'subgraph unavailable', { waitedMs: 1_125 });
    suppressor.write(log, 'warn', { agency: 'mappa', reason: 'no answer in time' }, 'subgraph unavailable', { waitedMs: 980 });
    suppressor.write(log, 'warn', { agency: 'police', reason: 'no answer in time' }, 'subgraph unavailable', { waitedMs: 1_125 });
    suppressor.write(log, 'warn', { agency: 'mappa', reason: 'cannot connect to mappa' }, 'subgraph unavailable');
    suppressor.write(log, 'error', { agency: 'mappa', reason: 'no answer in time' }, 'subgraph unavailable');
    expect(lines.map((line) => [line.agency, line.reason, line.level, line.waitedMs])).toEqual([
      ['mappa', 'no answer in time', 40, 1_125],
      ['police', 'no answer in time', 40, 1_125],
      ['mappa', 'cannot connect to mappa', 40, undefined],
      ['mappa', 'no answer in time', 50, undefined],
    ]);
    suppressor.flush();
    // Only the kind that repeated gets a summary.
    expect(lines.slice(4).map((line) => [line.agency, line.suppressed])).toEqual([['mappa', 1]]);
  });

  it('writes the next line of a kind again once its window has closed', async () => {
    const { log, lines } = recordingLogger();
    const suppressor = new RepeatedLogSuppressor(20);
    suppressor.write(log, 'error', { reason: 'x' }, 'failed');
    suppressor.write(log, 'error', { reason: 'x' }, 'failed');
    await new Promise((resolve) => setTimeout(resolve, 60));
    suppressor.write(log, 'error', { reason: 'x' }, 'failed');
    expect(lines.map((line) => [line.msg, line.suppressed])).toEqual([
      ['failed', undefined],
      ['failed (1 similar suppressed)', 1],
      ['failed', undefined],
    ]);
    suppressor.flush();
  });
});
