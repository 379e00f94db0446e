import pino from 'pino';
import type { Logger } from 'pino';
import { activeTraceIds } from '../tracing/tracing';

export type { Logger } from 'pino';

/**
 * Creates the structured logger for one service: one JSON line per event.
 * Redaction is a second line of defence: code must never pass personal data, variable values
 * or response bodies to a logger in the first place.
 */
export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    base: { service },
    // The trace of the request being served on every line it logs (issue 15), beside the request id
    // its child logger carries: one request's lines found across the gateway and every subgraph.
    mixin: () => activeTraceIds() ?? {},
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.variables', 'variables', '*.body', 'body'],
      censor: '[redacted]',
    },
  };
  // `destination`: where the lines go instead of stdout (tests read what a service logged).
  return destination ? pino(options, destination) : pino(options);
}
