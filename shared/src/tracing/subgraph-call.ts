import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';
import type { ServiceMetrics } from '../metrics/metrics';
import { traceHeaders } from './tracing';

/** How one subgraph call ended: answered, answered "unavailable" (502-504), timed out, not reachable, or failed before sending. */
export type SubgraphCallResult = 'ok' | 'unavailable' | 'timeout' | 'unreachable' | 'error';

/** Where subgraph calls are counted (the gateway's `ServiceMetrics`). */
export type SubgraphCallObserver = Pick<ServiceMetrics, 'subgraphFetched'>;

/**
 * Runs one gateway-to-subgraph call inside a client span (child of @apollo/gateway's fetch span),
 * hands `call` the `traceparent` headers that continue the trace in the subgraph, and counts the
 * call by agency and result with its latency. `call` reports its result once it knows it.
 * `attributes` go on the span beside the agency (e.g. `mappa.call`: which look-up or statistic).
 */
export async function observedSubgraphCall<T>(
  agency: string,
  metrics: SubgraphCallObserver | undefined,
  call: (headers: Record<string, string>, result: (result: SubgraphCallResult, status?: number) => void) => Promise<T>,
  attributes: Attributes = {},
): Promise<T> {
  const started = process.hrtime.bigint();
  const span = trace.getTracer('@mappa/shared').startSpan(`POST ${agency}`, {
    kind: SpanKind.CLIENT,
    attributes: { ...attributes, 'mappa.agency': agency, 'http.request.method': 'POST' },
  });
  const ended: { outcome: SubgraphCallResult } = { outcome: 'error' };
  try {
    return await call(traceHeaders(trace.setSpan(context.active(), span)), (result, status) => {
      ended.outcome = result;
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
    });
  } finally {
    if (ended.outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: ended.outcome });
    span.setAttribute('mappa.subgraph.result', ended.outcome);
    span.end();
    metrics?.subgraphFetched(agency, ended.outcome, Number(process.hrtime.bigint() - started) / 1e9);
  }
}
