import { createLogger } from '../logging/logger';
import { createHttpApp, listen, READINESS_TIMEOUT_MS } from './http-service';
import type { RunningService } from './http-service';

describe('the HTTP shell', () => {
  let service: RunningService;

  afterEach(async () => {
    await service.close();
  });

  it('issue 15: /readyz answers 503 within a second when a check does not answer (a hung database)', async () => {
    const app = createHttpApp({
      log: createLogger('test', 'silent'),
      production: true,
      readiness: [
        { name: 'database', check: () => new Promise<boolean>(() => undefined) },
        { name: 'cache', check: () => true },
      ],
    });
    service = await listen(app, '127.0.0.1', 0, { shutdownGraceMs: 1_000 });
    // Alive whatever its checks say.
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    // The database check never answers, so an answer at all is the check's bound at work; the bound
    // itself is under the second a load balancer's probe waits (not timed here: a loaded machine can
    // take longer than a second to answer anything).
    const ready = await fetch(`${service.url}/readyz`);
    expect(READINESS_TIMEOUT_MS).toBeLessThan(1_000);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: 'not ready',
      checks: [
        { name: 'database', ok: false },
        { name: 'cache', ok: true },
      ],
    });
  });

  it('issue 15: a stop cuts a request still in flight once the shutdown grace period has passed', async () => {
    const app = createHttpApp({ log: createLogger('test', 'silent'), production: true, readiness: [] });
    app.get('/hang', () => undefined);
    service = await listen(app, '127.0.0.1', 0, { shutdownGraceMs: 300 });
    const hanging = fetch(`${service.url}/hang`).then(
      () => 'answered',
      () => 'cut',
    );
    while (service.inFlight() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await service.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await hanging).toBe('cut');
  });
});
