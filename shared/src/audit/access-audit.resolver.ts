import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Access } from '../authorization/access-directive';
import type { FieldPolicy } from '../authorization/field-policy';
import { BadUserInputError } from '../errors/bad-user-input.error';
import type { SubgraphContext } from '../subgraph/subgraph-context';
import { accessAuditArgsSchema, fetchAccessAuditPage, toAccessAuditPage } from './access-audit.query';
import type { AccessAuditPage } from './access-audit.query';
import { AccessAuditArgs, accessAuditTypes } from './access-audit.type';
import type { AuditLogName } from './audit-payload';

/** What one owner's access-audit query needs to know about the owner. */
export interface AccessAuditResolverOptions<Loaders extends object> {
  /** The owner's own log, which is its subgraph's name; the query reads this log and no other. */
  readonly log: AuditLogName;
  /** The owner's `accessAuditPolicy`, on the query field. */
  readonly queryPolicy: FieldPolicy;
  /** The owner's `accessAuditEntryPolicy`, on every field of the answer. */
  readonly entryPolicy: FieldPolicy;
  /**
   * Whether the owner holds the subject and the reader may know it exists: the very check the
   * owner's `__resolveReference` makes (its own records, `subjectInScope` with the request's row
   * scope). Anything else is answered as a PNC ID the owner does not hold (see `accessAuditResolver`).
   */
  readonly knowsSubject: (context: SubgraphContext<Loaders>, pncId: string) => Promise<boolean>;
}

/** The name of an owner's access-audit query: one way for all (`policeAccessAudit`, `mappaAccessAudit`, `homeOfficeAccessAudit` for `home-office`). */
export function accessAuditQueryName(log: AuditLogName): string {
  // A log named like its subgraph (`home-office`) gives a GraphQL name in camel case: `homeOfficeAccessAudit`.
  return `${log.replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase())}AccessAudit`;
}

// The one answer about any subject the owner does not hold or the reader may not know exists.
const NOTHING_TO_SHOW: AccessAuditPage = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/**
 * Makes the resolver of one owner's access-audit query (`<log>AccessAudit`) over its own log only.
 * Each subgraph makes one at module load, with its log and policies; the answer's types are the
 * shared value types (`accessAuditTypes`). The query records its subject in the reader's own audit
 * entry (`RequestAudit.addSubject`), so reading the audit is itself audited against the subject.
 *
 * Principle 9 across any sequence of reads: the log names every PNC ID anyone asked about, the
 * reader's own earlier reads included, so a page about a subject the reader may not know exists
 * must not depend on the log at all. Hiding only the hidden subjects' entries is not enough: an
 * unknown PNC ID asked twice shows the first read, a hidden one would stay empty, and two requests
 * would tell them apart. So the owner answers from its log only about a subject it holds and the
 * reader may know (`knowsSubject`: the reader's row scope, the counter-terrorism gate included);
 * for every other PNC ID, unknown or hidden alike, the answer is always `NOTHING_TO_SHOW`, before
 * the log is read. The read is still recorded against the subject, where it surfaces only to readers
 * who may know the subject (the owner's cleared information governance), never as evidence to
 * anyone who may not. Entries about PNC IDs the owner does not hold (someone probing for a person)
 * stay in the log for `npm run audit:verify` and an investigation in the database, not this query.
 */
export function accessAuditResolver<Loaders extends object>(options: AccessAuditResolverOptions<Loaders>): ClassType {
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
        "For the agency's own information governance under purpose AUDIT only; anyone else is FORBIDDEN. Only about a subject the agency holds and the reader may know exists (a counter-terrorism restricted one only for a reader cleared CTC or above): for any other PNC ID the answer is always an empty page. Reading it is recorded in the reader's own audit entry against the subject. Invalid arguments (a malformed PNC ID, `to` not after `from` or more than 366 days after it, a page size outside 1-100, a cursor this query did not make) are BAD_USER_INPUT.",
    })
    async accessAudit(
      @Args(() => AccessAuditArgs) args: AccessAuditArgs,
      @Ctx() context: SubgraphContext<Loaders>,
    ): Promise<AccessAuditPage> {
      // Input first: its errors depend on the input alone, never on what the log holds.
      const parsed = accessAuditArgsSchema.safeParse({
        pncId: args.pncId,
        from: args.from,
        to: args.to,
        first: args.first,
        after: args.after,
      });
      if (!parsed.success) throw BadUserInputError.fromZod(parsed.error);
      const { pncId, from, to, first, after } = parsed.data;
      // Recorded whatever the page holds, an empty one included: asking is what is audited.
      context.audit.addSubject(pncId);
      if (!(await options.knowsSubject(context, pncId))) return NOTHING_TO_SHOW;
      const rows = await fetchAccessAuditPage(context.db, {
        log,
        pncId,
        from,
        to,
        beforeSequence: after,
        // One row more than asked for tells whether another page follows, in the same statement.
        limit: first + 1,
      });
      return toAccessAuditPage(rows, first, log, pncId);
    }
  }

  return AccessAuditResolver;
}
