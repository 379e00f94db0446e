import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '@mappa/shared';
import type { Tracing } from '@mappa/shared';

/** Tracing for one test process, recording every span in memory (nothing leaves the process). */
export function startInMemoryTracing(serviceName = 'test'): { readonly tracing: Tracing; spans(): readonly ReadableSpan[] } {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing({ serviceName, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { tracing, spans: () => exporter.getFinishedSpans() };
}

export type { ReadableSpan };
