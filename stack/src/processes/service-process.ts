import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { isServiceListeningMessage } from '@mappa/shared';

/** How a service process ended. */
export interface ServiceExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Beyond a service's own drain bound, how long it may take to close its connections and exit before it is killed. */
const EXIT_MARGIN_MS = 5_000;

/**
 * One service (a subgraph or a gateway replica) running in a child process of its own, as it runs
 * deployed: its own entry point (`dist/main.js`), configuration from its environment, its own pools.
 */
export class ServiceProcess {
  private constructor(
    readonly service: string,
    private readonly child: ChildProcess,
    /** Its base URL, as the service reported it once listening. */
    readonly url: string,
    /** Settles when the process has exited, for whatever reason. */
    readonly exited: Promise<ServiceExit>,
  ) {}

  /**
   * Starts `modulePath` with `env` (and `nodeFlags`, none unless given) and resolves once the service reports that it listens; rejects
   * (and kills the process) when it exits first or does not listen within `startTimeoutMs`.
   */
  static start(
    service: string,
    modulePath: string,
    env: NodeJS.ProcessEnv,
    startTimeoutMs: number,
    nodeFlags: readonly string[] = [],
  ): Promise<ServiceProcess> {
    const child = fork(modulePath, [], {
      env,
      // Node's own flags of this process (a test runner's) are not the service's: only those asked for
      // (the benchmark's `--node-flags`).
      execArgv: [...nodeFlags],
      // Its log lines go where this process's go; the IPC channel carries only the listening report.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // A process group of its own: a Ctrl-C in the terminal reaches the supervisor alone, which stops
      // the services in order (gateways first, while the subgraphs still answer what they have in flight).
      detached: true,
    });
    const exited = new Promise<ServiceExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    return new Promise<ServiceProcess>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${service} did not start listening within ${startTimeoutMs} ms`));
      }, startTimeoutMs);
      child.on('message', (message) => {
        if (!isServiceListeningMessage(message)) return;
        clearTimeout(timer);
        resolve(new ServiceProcess(service, child, message.url, exited));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`${service} could not be started: ${error.message}`));
      });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`${service} exited before listening (${signal ?? `exit code ${String(code)}`})`));
      });
    });
  }

  /** The operating system's id of the process. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** True until the process has exited. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * SIGTERM, so the service drains (up to its `SHUTDOWN_GRACE_MS`), then waits for it to exit; a
   * process still there `graceMs` plus a margin later is killed.
   */
  async stop(graceMs: number): Promise<ServiceExit> {
    if (this.running) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs + EXIT_MARGIN_MS);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
