import type { Logger } from '../logging/logger';

/** What a service tells the process that started it (`npm start` with one process per service) once it listens. */
export interface ServiceListeningMessage {
  readonly type: 'mappa:listening';
  readonly service: string;
  /** Its base URL (`http://host:port`), with the port the operating system chose when it was 0. */
  readonly url: string;
}

/** True when `message` is a service's `ServiceListeningMessage`. */
export function isServiceListeningMessage(message: unknown): message is ServiceListeningMessage {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Record<string, unknown>;
  return candidate.type === 'mappa:listening' && typeof candidate.service === 'string' && typeof candidate.url === 'string';
}

/**
 * When this process was started by a supervisor (Node's IPC channel is open), tells it where the
 * service listens, and stops the service if the supervisor goes away without stopping it (killed
 * outright): no orphan keeps holding its port and database connections. Without a channel (a
 * container, `npm start -w …`) it does nothing.
 */
export function reportToSupervisor(service: string, url: string, stop: (reason: string) => void): void {
  if (!process.send) return;
  process.send({ type: 'mappa:listening', service, url } satisfies ServiceListeningMessage);
  process.once('disconnect', () => stop('supervisor gone'));
}

/**
 * An entry point's stop, once only, whichever comes first: SIGINT, SIGTERM, or the supervisor of
 * `npm start` going away. Runs `closers` in order (the service first, so it drains its in-flight
 * requests, then what it holds), then exits 0; reports the service to its supervisor, if any.
 */
export function stopOnceOnSignal(service: string, url: string, log: Logger, closers: readonly (() => Promise<void>)[]): void {
  let stopping: Promise<void> | undefined;
  const stop = (reason: string) => {
    stopping ??= (async () => {
      log.info({ reason }, 'stopping');
      for (const close of closers) await close();
      process.exit(0);
    })();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  reportToSupervisor(service, url, stop);
}
