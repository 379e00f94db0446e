import type { Logger } from '@mappa/shared';
import type { ServiceProcess } from './service-process';

/** Service processes watched together: when one exits on its own, the others are stopped. */
export interface Supervision {
  /**
   * Settles once every service has stopped: after `close()`, or after one exited on its own and the
   * others were stopped (`failed` names it).
   */
  readonly stopped: Promise<{ readonly failed: string | undefined }>;
  /** Stops every service, group by group in order (each group's services side by side); once only. */
  close(): Promise<void>;
}

/**
 * Watches `groups` of running services. A service that exits while no one asked it to is logged at
 * error level and every other service is stopped cleanly (SIGTERM, its drain, exit), so the product
 * never runs on with a service missing. `close()` stops the groups in order: the gateways before the
 * subgraphs, so the subgraphs still answer what the gateways have in flight.
 */
export function supervise(groups: readonly (readonly ServiceProcess[])[], graceMs: number, log: Logger): Supervision {
  let closing: Promise<void> | undefined;
  let failed: string | undefined;
  let settle: (result: { readonly failed: string | undefined }) => void = () => undefined;
  const stopped = new Promise<{ readonly failed: string | undefined }>((resolve) => (settle = resolve));
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const group of groups) await Promise.all(group.map((service) => service.stop(graceMs)));
      settle({ failed });
    })();
    return closing;
  };
  for (const service of groups.flat()) {
    void service.exited.then(({ code, signal }) => {
      if (closing) return;
      failed = service.service;
      log.error({ process: service.service, pid: service.pid, code, signal }, 'service process exited on its own; stopping the others');
      void close();
    });
  }
  return { stopped, close };
}
