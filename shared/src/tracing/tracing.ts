import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span, TextMapSetter } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { z } from 'zod';

/** The instrumentation scope of every span the product makes itself (@apollo/gateway adds its own). */
const TRACER_NAME = '@mappa/shared';

/**
 * Tracing settings every service reads (issue 15). Off by default: without an OTLP endpoint no span
 * is recorded and nothing connects anywhere. The standard OpenTelemetry variable names, so an
 * operator's usual configuration works; only these are read (no SDK auto-configuration).
 */
export const tracingEnv = {
  /** Base URL of an OTLP/HTTP receiver (the collector); traces go to `<url>/v1/traces`. Unset: tracing off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Full URL for traces, when the receiver's path is not `/v1/traces`; wins over the endpoint above. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** The share of new traces recorded (0-1); a request continuing a trace follows its parent's choice. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
};

/** Tracing as configured for one process. */
export interface TracingSettings {
  /** `service.name` of the process's spans. */
  readonly serviceName: string;
  /** Where spans are sent over OTLP/HTTP (the full `/v1/traces` URL); unset: none is. */
  readonly otlpTracesUrl?: string;
  /** Share of new traces recorded when exporting (default 1). */
  readonly sampleRatio?: number;
  /** Tests: where spans go instead of (or beside) an OTLP exporter. */
  readonly spanProcessors?: readonly SpanProcessor[];
}

/** The tracing of this process, and how to flush and stop it. */
export interface Tracing {
  /** Whether spans are recorded and exported (false: ids only, for log correlation). */
  readonly recording: boolean;
  shutdown(): Promise<void>;
}

/** The OTLP traces URL the configuration names, if any. */
export function otlpTracesUrlOf(config: {
  readonly OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  readonly OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string | undefined;
}): string | undefined {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}

/**
 * Registers this process's tracer provider, context manager and W3C `traceparent` propagator (once,
 * at start, from the entry point). With no exporter the sampler records nothing, yet every request
 * still gets a trace id, propagated to the subgraphs and written on each log line, so one request's
 * lines can be found across services at no recording cost; nothing is sent anywhere. With an OTLP
 * URL (or span processors, in tests), spans are recorded and exported in batches.
 */
export function startTracing(settings: TracingSettings): Tracing {
  const processors: SpanProcessor[] = [...(settings.spanProcessors ?? [])];
  if (settings.otlpTracesUrl) processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.otlpTracesUrl })));
  const recording = processors.length > 0;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    // A parent's choice is followed, so one trace is recorded whole or not at all across services.
    sampler: recording ? new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio ?? 1) }) : new AlwaysOffSampler(),
    spanProcessors: processors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  recordingSpans = recording;
  return {
    recording,
    shutdown: async () => {
      recordingSpans = false;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

function tracer() {
  return trace.getTracer(TRACER_NAME);
}

// Whether this process records spans (`startTracing` with an exporter or span processors). When it
// does not, `inSpan` inside a request makes no child span (issue 15): the request's span is not
// recorded, so neither would its child be, which still cost a sampler's decision, new ids and a
// context of its own per call, twice per request for the audit alone.
let recordingSpans = false;

/**
 * Starts the server span of one request to `service`. `trustInbound`: continue the caller's trace
 * from its `traceparent` header; otherwise the request starts a trace of its own (the gateway in
 * production, like the request id: a client does not choose how its request is filed).
 */
export function startServerSpan(
  service: string,
  name: string,
  headers: Record<string, unknown>,
  trustInbound: boolean,
): { readonly span: Span; readonly context: Context } {
  const parent = trustInbound ? propagation.extract(ROOT_CONTEXT, headers) : ROOT_CONTEXT;
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes: { 'mappa.service': service } }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `work` in `active`'s context (its spans and logs belong to that request's trace). */
export function withTraceContext<T>(active: Context, work: () => T): T {
  return context.with(active, work);
}

const headerSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** The `traceparent` (and `tracestate`) headers that continue the active trace in a call about to be sent. */
export function traceHeaders(active: Context = context.active()): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(active, headers, headerSetter);
  return headers;
}

/**
 * Runs `work` inside a span named `name` (child of the active one), ended when `work` settles; an
 * error marks the span with its class name only (never its message: it may quote a value). When this
 * process records no spans, work inside a request runs in the request's own (unrecorded) span.
 */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  // The request's own span, unrecorded: work logs under the request's trace and span ids.
  const active = recordingSpans ? undefined : trace.getActiveSpan();
  if (active) return work(active);
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error: unknown) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active trace and span ids, for a log line; none outside a request. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const spanContext = trace.getSpanContext(context.active());
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}

export { SpanKind, SpanStatusCode };
export type { Span };
