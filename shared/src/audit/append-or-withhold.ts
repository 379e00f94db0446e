import type { GraphQLResponse } from '@apollo/server';
import { auditUnavailableResult } from '../errors/audit-unavailable.error';
import type { Logger } from '../logging/logger';
import { repeatedLogs } from '../logging/repeated-logs';
import type { AuditEntryInput } from './audit-log';
import type { AuditWriter } from './audit-writer';

/** How `appendOrWithhold` guards one answer. */
export interface WithholdOptions {
  /** The HTTP status of a withheld answer (the gateway's 503). */
  readonly withheldStatus?: number;
  /** The request's deadline: the commit is waited for no longer (issue 15). */
  readonly signal?: AbortSignal;
  /**
   * The answer reports a change already committed, with its own evidence in the same transaction
   * (a mutation, `RequestAudit.recordChanges`): withholding it now would tell the client that an
   * applied change failed (issue 15). A failure to write this entry is logged, and the answer stands.
   */
  readonly applied?: boolean;
}

/**
 * Appends a request's entry before its answer leaves, and withholds the answer if it cannot
 * (fail closed): the response becomes AUDIT_UNAVAILABLE with no data, with `withheldStatus` as its
 * HTTP status when given. The one way the gateway and every subgraph guard an answer by its entry.
 */
export async function appendOrWithhold(
  writer: AuditWriter,
  entry: AuditEntryInput,
  response: GraphQLResponse,
  /** The request's logger, asked for only when there is a failure to log (most requests never log). */
  log: () => Logger,
  options: WithholdOptions = {},
): Promise<void> {
  const { withheldStatus, signal, applied = false } = options;
  try {
    await writer.append(entry, signal ? { signal } : {});
  } catch (error: unknown) {
    // The kind of failure only: never the entry, which names subjects and fields.
    if (applied) {
      repeatedLogs.write(
        log(),
        'error',
        { log: writer.log, reason: error instanceof Error ? error.name : 'unknown' },
        'audit entry for an applied change could not be written; its change evidence is committed, so the answer stands',
      );
      return;
    }
    // One line per kind of failure per window, however many requests it refuses (issue 15).
    repeatedLogs.write(
      log(),
      'error',
      { log: writer.log, reason: error instanceof Error ? error.name : 'unknown' },
      'audit entry could not be written; response withheld',
    );
    response.body = { kind: 'single', singleResult: auditUnavailableResult() };
    if (withheldStatus !== undefined && response.http) response.http.status = withheldStatus;
  }
}
