import type { GraphQLResponse } from '@apollo/server';
import { auditUnavailableResult } from '../errors/audit-unavailable.error';
import type { Logger } from '../logging/logger';
import type { AuditEntryInput } from './audit-log';
import type { AuditWriter } from './audit-writer';

/**
 * Appends a request's entry before its answer leaves, and withholds the answer if it cannot
 * (fail closed): the response becomes AUDIT_UNAVAILABLE with no data, with `withheldStatus` as its
 * HTTP status when given. The one way the gateway and every subgraph guard an answer by its entry.
 */
export async function appendOrWithhold(writer: AuditWriter, entry: AuditEntryInput, response: GraphQLResponse, log: Logger, withheldStatus?: number): Promise<void> {
  try {
    await writer.append(entry);
  } catch (error: unknown) {
    // The kind of failure only: never the entry, which names subjects and fields.
    log.error({ log: writer.log, reason: error instanceof Error ? error.name : 'unknown' }, 'audit entry could not be written; response withheld');
    response.body = { kind: 'single', singleResult: auditUnavailableResult() };
    if (withheldStatus !== undefined && response.http) response.http.status = withheldStatus;
  }
}
