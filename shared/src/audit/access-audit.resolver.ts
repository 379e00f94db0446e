import type { SQL } from 'drizzle-orm';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Access } from '../authorization/access-directive';
import type { FieldPolicy } from '../authorization/field-policy';
import type { Database } from '../db/database';
import { BadUserInputError } from '../errors/bad-user-input.error';
import type { SubgraphContext } from '../subgraph/subgraph-context';
import { accessAuditArgsSchema, fetchAccessAuditPage, toAccessAuditPage } from './access-audit.query';
import type { AccessAuditPage } from './access-audit.query';
import { AccessAuditArgs, accessAuditTypes } from './access-audit.type';
import type { AuditLogName } from './audit-payload';

/** What one owner's access-audit query needs to know about the owner. */
export interface AccessAuditResolverOptions {
  /** The owner's own log, which is its subgraph's name; the query reads this log and no other. */
  readonly log: AuditLogName;
  /** The owner's `accessAuditPolicy`, on the query field. */
  readonly queryPolicy: FieldPolicy;
  /** The owner's `accessAuditEntryPolicy`, on every field of the answer. */
  readonly entryPolicy: FieldPolicy;
  /**
   * True, in SQL, when the owner marks the subject counter-terrorism restricted in its own records
   * (principle 7): for a reader who is not cleared the answer is then an empty page, the same as
   * for a subject with no entries (principle 9). Built through the query builder, in the page's
   * one statement.
   */
  readonly counterTerrorismRestricted: (db: Database, pncId: string) => SQL;
}

/** The name of an owner's access-audit query: one way for all five (`policeAccessAudit`, `mappaAccessAudit`…). */
export function accessAuditQueryName(log: AuditLogName): string {
  return `${log}AccessAudit`;
}

/**
 * Makes the resolver of one owner's access-audit query (`<log>AccessAudit`) over its own log only.
 * Each subgraph makes one at module load, with its log and policies; the answer's types are the
 * shared value types (`accessAuditTypes`). The query records its subject in the reader's own audit
 * entry (`RequestAudit.addSubject`), so reading the audit is itself audited against the subject.
 */
export function accessAuditResolver(options: AccessAuditResolverOptions): ClassType {
  const { log } = options;
  const { AccessAuditConnection } = accessAuditTypes(options.entryPolicy);

  @Resolver()
  class AccessAuditResolver {
    @Access(options.queryPolicy)
    @Query(() => AccessAuditConnection, {
      name: accessAuditQueryName(log),
      nullable: true,
      description:
        `Who accessed this agency's records about one subject (by PNC ID) between \`from\` (inclusive) and \`to\` (exclusive), newest first, a page at a time: from the agency's own audit log (\`${log}\`) only. ` +
        'For the agency\'s own information governance under purpose AUDIT only; anyone else is FORBIDDEN. A subject the agency marks counter-terrorism restricted gives an empty page unless the reader is cleared (CTC or above). Reading it is recorded in the reader\'s own audit entry against the subject. Invalid arguments (a malformed PNC ID, `to` not after `from` or more than 366 days after it, a page size outside 1-100, a cursor this query did not make) are BAD_USER_INPUT.',
    })
    async accessAudit(@Args(() => AccessAuditArgs) args: AccessAuditArgs, @Ctx() context: SubgraphContext<object>): Promise<AccessAuditPage> {
      // Input first: its errors depend on the input alone, never on what the log holds.
      const parsed = accessAuditArgsSchema.safeParse({ pncId: args.pncId, from: args.from, to: args.to, first: args.first, after: args.after });
      if (!parsed.success) throw BadUserInputError.fromZod(parsed.error);
      const { pncId, from, to, first, after } = parsed.data;
      // Recorded whatever the page holds, an empty one included: asking is what is audited.
      context.audit.addSubject(pncId);
      const rows = await fetchAccessAuditPage(context.db, {
        log,
        pncId,
        from,
        to,
        beforeSequence: after,
        // One row more than asked for tells whether another page follows, in the same statement.
        limit: first + 1,
        hideSubjectWhen: context.rowScope.counterTerrorismCleared ? undefined : options.counterTerrorismRestricted(context.db, pncId),
      });
      return toAccessAuditPage(rows, first, log);
    }
  }

  return AccessAuditResolver;
}
