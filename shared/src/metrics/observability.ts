import { z } from 'zod';
import { parseEnv, portEnv } from '../config/parse-env';
import type { Logger } from '../logging/logger';
import { otlpTracesUrlOf, startTracing, tracingEnv } from '../tracing/tracing';
import { Metrics } from './metrics';
import { serveMetrics } from './metrics-server';

/**
 * Where a process serves `/metrics` and where it sends traces (docs/operations.md): the metrics
 * listener is apart from the service port and on the loopback interface unless `METRICS_HOST` says
 * otherwise; tracing is off unless an OTLP endpoint is set.
 */
export const observabilityEnv = (defaultMetricsPort: number) => ({
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: portEnv(defaultMetricsPort),
  ...tracingEnv,
});

/** The metrics port a service gets by default: 9400 for the gateway (and the local stack), 9400 + n for the subgraph on 400n. */
export function defaultMetricsPortOf(servicePort: number): number {
  return 9400 + (servicePort - 4000);
}

type ObservabilityConfig = z.infer<z.ZodObject<ReturnType<typeof observabilityEnv>>>;

/** The observability settings alone, from `env` (each service reads them as part of its own configuration). */
export function loadObservabilityConfig(env: NodeJS.ProcessEnv, defaultMetricsPort: number): ObservabilityConfig {
  return parseEnv(z.object(observabilityEnv(defaultMetricsPort)), env);
}

/** A process's metrics and tracing, started from its configuration, and how to stop both. */
export interface ProcessObservability {
  readonly metrics: Metrics;
  readonly metricsUrl: string;
  close(): Promise<void>;
}

/**
 * Entry points only: registers the process's tracing (exporting over OTLP when configured), creates
 * its metrics registry (with Node's process metrics) and serves it on the metrics listener.
 */
export async function startObservability(serviceName: string, config: ObservabilityConfig, log: Logger): Promise<ProcessObservability> {
  const otlpTracesUrl = otlpTracesUrlOf(config);
  const tracing = startTracing({ serviceName, sampleRatio: config.OTEL_TRACES_SAMPLER_ARG, ...(otlpTracesUrl ? { otlpTracesUrl } : {}) });
  const metrics = new Metrics({ processMetrics: true });
  const server = await serveMetrics(metrics, config.METRICS_HOST, config.METRICS_PORT);
  // The receiver's address is configuration, not a secret; its path and host only.
  log.info(
    { metrics: server.url, tracing: otlpTracesUrl ? { exporting: true, to: new URL(otlpTracesUrl).host } : { exporting: false } },
    'observability',
  );
  return {
    metrics,
    metricsUrl: server.url,
    close: async () => {
      await server.close();
      await tracing.shutdown();
    },
  };
}
