// @jest-runs-alone: it registers and disables OpenTelemetry's process-wide tracer provider, context
// manager and propagator (scripts/jest-grouping-runner.js).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createHttpApp, listen } from '../http/http-service';
import { createLogger } from '../logging/logger';
import { activeTraceIds, inSpan, otlpTracesUrlOf, startTracing, traceHeaders, tracingEnv } from './tracing';

// Issue 15: tracing is off unless an OTLP endpoint is configured (no span recorded, nothing sent
// anywhere), yet each request still has a trace id for its log lines; configured, spans go over
// OTLP/HTTP to the receiver named, here one started on loopback by the test.

const INBOUND_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('tracing', () => {
  it('is off by default: no endpoint in an empty environment, no span recorded, yet a trace id to propagate (not sampled) and to log', async () => {
    const config = z.object(tracingEnv).parse({});
    expect(otlpTracesUrlOf(config)).toBeUndefined();
    const tracing = startTracing({ serviceName: 'off-by-default' });
    try {
      expect(tracing.recording).toBe(false);
      const lines: { traceId?: string }[] = [];
      const log = createLogger('test', 'info', { write: (line: string) => void lines.push(JSON.parse(line) as { traceId?: string }) });
      const seen = await inSpan('request', {}, async (span) => {
        log.info('inside a request');
        return { recording: span.isRecording(), headers: traceHeaders(), ids: activeTraceIds() };
      });
      expect(seen.recording).toBe(false);
      expect(seen.ids?.traceId).toMatch(/^[0-9a-f]{32}$/);
      // Propagated with the "not sampled" flag, so the subgraphs record nothing either.
      expect(seen.headers.traceparent).toBe(`00-${seen.ids!.traceId}-${seen.ids!.spanId}-00`);
      expect(lines[0]?.traceId).toBe(seen.ids!.traceId);
      log.info('outside any request');
      expect(lines[1]?.traceId).toBeUndefined();
    } finally {
      await tracing.shutdown();
    }
  });

  it('exports spans over OTLP/HTTP to the configured receiver when an endpoint is set', async () => {
    const received: { path: string; body: string }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const otlpTracesUrl = otlpTracesUrlOf(z.object(tracingEnv).parse({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }));
    expect(otlpTracesUrl).toBe(`${endpoint}/v1/traces`);
    const tracing = startTracing({ serviceName: 'exporting', otlpTracesUrl: otlpTracesUrl! });
    try {
      expect(tracing.recording).toBe(true);
      await inSpan('exported-span', { 'mappa.service': 'test' }, async () => undefined);
    } finally {
      // Shutting down flushes the batch.
      await tracing.shutdown();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
    expect(received.map((request) => request.path)).toContain('/v1/traces');
    expect(received.map((request) => request.body).join('')).toContain('exported-span');
  });

  it("starts a trace of its own, ignoring the caller's traceparent, where the inbound trace is not trusted (the gateway in production), and continues it where it is", async () => {
    const tracing = startTracing({ serviceName: 'edge' });
    const serve = async (trustInboundTrace: boolean) => {
      const app = createHttpApp({ log: createLogger('test', 'silent'), readiness: [], production: true, trustInboundTrace });
      app.post('/graphql', (_request, response) => {
        response.json(activeTraceIds() ?? null);
      });
      const running = await listen(app, '127.0.0.1', 0);
      try {
        const response = await fetch(`${running.url}/graphql`, {
          method: 'POST',
          headers: { traceparent: `00-${INBOUND_TRACE}-00f067aa0ba902b7-01` },
        });
        return (await response.json()) as { traceId: string } | null;
      } finally {
        await running.close();
      }
    };
    try {
      const edge = await serve(false);
      expect(edge?.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(edge?.traceId).not.toBe(INBOUND_TRACE);
      expect((await serve(true))?.traceId).toBe(INBOUND_TRACE);
    } finally {
      await tracing.shutdown();
    }
  });
});
