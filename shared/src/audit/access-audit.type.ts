import { SafeIntResolver } from 'graphql-scalars';
import { ArgsType, Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISO } from '../domain/scalars';
import type { ClassType } from 'type-graphql';
import { Access } from '../authorization/access-directive';
import type { FieldPolicy } from '../authorization/field-policy';
import { MappaArea } from '../domain/mappa-area';
import type {
  AccessAuditChangeView,
  AccessAuditDeniedFieldView,
  AccessAuditEntryView,
  AccessAuditServedValueView,
} from './access-audit.query';
import type { AUDIT_OUTCOMES } from './audit-payload';

/** How a request that an audit entry records ended (the store's `AUDIT_OUTCOMES`). */
export enum AccessAuditOutcome {
  ALLOWED = 'ALLOWED',
  PARTLY_DENIED = 'PARTLY_DENIED',
  REJECTED = 'REJECTED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FAILED = 'FAILED',
}

// The GraphQL enum must name every outcome the store can hold, and nothing else.
const _everyOutcome: Record<(typeof AUDIT_OUTCOMES)[number], AccessAuditOutcome> = AccessAuditOutcome;

registerEnumType(AccessAuditOutcome, {
  name: 'AccessAuditOutcome',
  description: 'How the request an access-audit entry records ended.',
  valuesConfig: {
    ALLOWED: { description: 'Answered with every field asked for.' },
    PARTLY_DENIED: { description: 'Answered, with some fields denied by their policies (see `fieldsDenied`).' },
    REJECTED: { description: 'Refused as a whole (for example invalid input, or nothing the caller may read).' },
    UNAUTHENTICATED: { description: 'Refused: the caller could not be authenticated.' },
    FAILED: { description: 'Failed with an unexpected error.' },
  },
});

@ArgsType()
export class AccessAuditArgs {
  @Field(() => ID, { description: 'PNC ID of the subject whose records were accessed, e.g. `2008/0545166T`.' })
  pncId!: string;

  @Field(() => DateTimeISO, { description: 'Start of the time range, inclusive.' })
  from!: Date;

  @Field(() => DateTimeISO, {
    description:
      'End of the time range, exclusive: after `from`, and at most 366 days after it (a calendar year fits; a longer review asks year by year).',
  })
  to!: Date;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
  first!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Return the entries after this cursor (an `endCursor` or edge `cursor` from an earlier page, same subject and range); omit for the first page.',
  })
  after?: string | null;
}

/**
 * The classes of an access-audit answer, decorated with one subgraph's entry policy. Every subgraph
 * builds them from this one definition, so the types are the same value types in all five
 * (`@shareable`): only the policy's name differs, its grants are the same everywhere
 * (`accessAuditEntryPolicy`). Made once per subgraph, at module load, never per schema build.
 */
export function accessAuditTypes(policy: FieldPolicy): { readonly AccessAuditConnection: ClassType } {
  @Directive('@shareable')
  @ObjectType('AccessAuditDeniedField', { description: 'A field the request asked for and was denied, with the policy that denied it.' })
  class AccessAuditDeniedField implements AccessAuditDeniedFieldView {
    @Access(policy)
    @Field(() => String, { description: 'The field, as `Type.field` (e.g. `Offender.intelligence`).' })
    field!: string;

    @Access(policy)
    @Field(() => String, { description: 'The policy that denied it (e.g. `police.intelligence`).' })
    policy!: string;
  }

  @Directive('@shareable')
  @ObjectType('AccessAuditChange', {
    description: 'A field a mutation changed, proven by SHA-256 hashes of its old and new values; the values themselves are never logged.',
  })
  class AccessAuditChange implements AccessAuditChangeView {
    @Access(policy)
    @Field(() => String, { description: 'The record changed, as the agency names it (its type and id).' })
    record!: string;

    @Access(policy)
    @Field(() => String, { description: 'The field changed.' })
    field!: string;

    @Access(policy)
    @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the value before; null when there was none.' })
    oldValueHash!: string | null;

    @Access(policy)
    @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the value after; null when it was removed.' })
    newValueHash!: string | null;
  }

  @Directive('@shareable')
  @ObjectType('AccessAuditServedValue', {
    description:
      "A value the agency served to a MAPP meeting about the subject (under MAPPA_MEETING; the entry's `caseId` is the meeting): the field and the SHA-256 of the value as served, over the meeting id, the PNC ID, the field and the value (canonical JSON), under the domain tag `mappa-meeting-served-value`. What the meeting relied on, provable later from the agency's own record; the value itself is never logged.",
  })
  class AccessAuditServedValue implements AccessAuditServedValueView {
    @Access(policy)
    @Field(() => String, { description: 'The field served, as `Type.field` (e.g. `PoliceIdentity.lastName`).' })
    field!: string;

    @Access(policy)
    @Field(() => String, { description: 'SHA-256 (hex) of the value served.' })
    valueHash!: string;
  }

  @Directive('@shareable')
  @ObjectType('AccessAuditEntry', {
    description:
      'One request an agency answered about the subject, as its own audit log recorded it: who asked, why, what was returned and denied. Ids, names, codes and hashes only: no values, variables or bodies, and no other subject the request named.',
  })
  class AccessAuditEntry implements AccessAuditEntryView {
    @Access(policy)
    @Field(() => SafeIntResolver, {
      description: "The entry's position in the agency's hash-chained log (1 for the first entry); later entries have higher numbers.",
    })
    sequence!: number;

    @Access(policy)
    @Field(() => DateTimeISO, { description: 'When the entry was recorded.' })
    recordedAt!: Date;

    @Access(policy)
    @Field(() => String, {
      description: "The request id (`x-request-id`), the same in the gateway's and every agency's log for one request.",
    })
    requestId!: string;

    @Access(policy)
    @Field(() => String, { nullable: true, description: 'Staff id of who asked; null when no one could be authenticated.' })
    staffId!: string | null;

    @Access(policy)
    @Field(() => String, {
      nullable: true,
      description: 'The agency of who asked (`police`, `health`…); null when no one could be authenticated.',
    })
    agency!: string | null;

    @Access(policy)
    @Field(() => [String], { description: 'The roles of who asked (`ppu_officer`…); empty when no one could be authenticated.' })
    roles!: string[];

    @Access(policy)
    @Field(() => MappaArea, { nullable: true, description: 'The MAPPA area of who asked; null when not recorded.' })
    area!: MappaArea | null;

    @Access(policy)
    @Field(() => String, {
      nullable: true,
      description: 'The purpose the request declared (`CASE_MANAGEMENT`, `MAPPA_MEETING`…); null when it declared none.',
    })
    purpose!: string | null;

    @Access(policy)
    @Field(() => String, { nullable: true, description: 'The meeting or disclosure decision id the request declared; null when none.' })
    caseId!: string | null;

    @Access(policy)
    @Field(() => String, { nullable: true, description: 'The GraphQL operation name the client gave; null when none.' })
    operationName!: string | null;

    @Access(policy)
    @Field(() => AccessAuditOutcome, { description: 'How the request ended.' })
    outcome!: AccessAuditOutcome;

    @Access(policy)
    @Field(() => [String], { description: "The agency's fields the request was given, as `Type.field`." })
    fieldsReturned!: string[];

    @Access(policy)
    @Field(() => [AccessAuditDeniedField], {
      description: "The agency's fields the request asked for and was denied, with the denying policy.",
    })
    fieldsDenied!: AccessAuditDeniedField[];

    @Access(policy)
    @Field(() => [AccessAuditChange], { description: 'The fields a mutation changed, as value hashes; empty for a read.' })
    changes!: AccessAuditChange[];

    // What a meeting relied on is read here, in the owner's existing access-audit answer, rather than
    // through a query the meeting's chair could ask: the hashes are the owner's evidence about its own
    // data, and a low-entropy value is recoverable from its hash by guessing, so only the owner's own
    // information governance, who may read the data anyway, reads them (principle 10). A chair who needs
    // the proof asks each owner.
    @Access(policy)
    @Field(() => [AccessAuditServedValue], {
      description:
        "Under MAPPA_MEETING, each distinct value of the agency's it served about this subject, as a value hash (what the meeting relied on); empty otherwise.",
    })
    valuesServed!: AccessAuditServedValue[];

    @Access(policy)
    @Field(() => [String], {
      description: 'The error codes the request was answered with (`FORBIDDEN`, `BAD_USER_INPUT`…); empty when none.',
    })
    errorCodes!: string[];
  }

  @Directive('@shareable')
  @ObjectType('AccessAuditEdge', { description: 'One access-audit entry, with the cursor to page on from it.' })
  class AccessAuditEdge {
    @Access(policy)
    @Field(() => String, { description: 'Opaque cursor for this position; pass it as `after` to get the entries that follow.' })
    cursor!: string;

    @Access(policy)
    @Field(() => AccessAuditEntry, { description: 'The entry.' })
    node!: AccessAuditEntry;
  }

  @Directive('@shareable')
  @ObjectType('AccessAuditPageInfo', { description: 'Where a page of access-audit entries sits in the whole answer.' })
  class AccessAuditPageInfo {
    @Access(policy)
    @Field(() => Boolean, { description: 'True when more entries follow this page.' })
    hasNextPage!: boolean;

    @Access(policy)
    @Field(() => String, {
      nullable: true,
      description: 'Cursor of the last entry on this page (pass it as `after` for the next page); null when the page is empty.',
    })
    endCursor!: string | null;
  }

  @Directive('@shareable')
  @ObjectType('AccessAuditConnection', {
    description: "A page of one agency's access-audit entries about one subject in a time range, newest first.",
  })
  class AccessAuditConnection {
    @Access(policy)
    @Field(() => [AccessAuditEdge], { description: 'The entries on this page, newest first.' })
    edges!: AccessAuditEdge[];

    @Access(policy)
    @Field(() => AccessAuditPageInfo, { description: 'Whether more pages follow, and the cursor to fetch the next one.' })
    pageInfo!: AccessAuditPageInfo;
  }

  return { AccessAuditConnection };
}
