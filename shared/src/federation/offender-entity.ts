import type { GraphQLResolveInfo } from 'graphql';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Access } from '../authorization/access-directive';
import type { FieldPolicy } from '../authorization/field-policy';
import { accessAuditResolver } from '../audit/access-audit.resolver';
import type { SubgraphContext } from '../subgraph/subgraph-context';
import type { OwnerPolicies } from '../subgraph/owner-policies';
import { agencyRegistration } from './agency-registry';
import type { AgencySubgraphName } from './agency-registry';
import { resolveOffenderReference } from './offender-reference';
import type { OffenderReference } from './offender-reference';

/** An agency's `Offender` entity class: the federation key alone, under the agency's own `subjectKey` policy. */
export type OffenderEntity = ClassType<OffenderReference>;

/**
 * Whether the agency holds the person and the caller may know it exists (row scope). `info`, when
 * given (a reference's `_entities` call, a root query), is only a hint of what else the request will
 * read about the person; it never changes the answer.
 */
export type KnowsSubject<Loaders extends object> = (
  context: SubgraphContext<Loaders>,
  pncId: string,
  info?: GraphQLResolveInfo,
) => Promise<boolean>;

/** One agency's `Offender` entity: its type, its reference resolver and its access-audit query (`offenderEntity`). */
export interface AgencyOffender<Loaders extends object> {
  /** The agency whose entity this is. */
  readonly agency: AgencySubgraphName;
  /** The `Offender` class the agency's resolvers extend (`@Resolver(() => Offender)`). */
  readonly type: OffenderEntity;
  /** Whether the agency holds the person and the caller may know it exists (row scope). */
  readonly knowsSubject: KnowsSubject<Loaders>;
  /** `Offender.__resolveReference`, through the request's loaders (`knowsSubject`). */
  readonly referenceResolvers: {
    readonly Offender: {
      readonly __resolveReference: (
        reference: OffenderReference,
        context: SubgraphContext<Loaders>,
        info?: GraphQLResolveInfo,
      ) => Promise<OffenderReference | null>;
    };
  };
  /** The `<agency>AccessAudit` query over the agency's own audit log. */
  readonly accessAuditResolver: ClassType;
}

/**
 * One agency's `Offender` entity and what answers about a person by PNC ID with it: the type (see
 * `offenderType`), its `__resolveReference` and the agency's `<agency>AccessAudit` query, both behind
 * the agency's one `knowsSubject` check (principle 9: a malformed key, a person the agency does not
 * hold and one out of the caller's row scope are answered alike). Called once per agency in
 * `offender/offender.type.ts`, which its index imports first: type-graphql orders a schema's `Query`
 * fields as their classes were declared, and the access-audit query is every subgraph's first.
 */
export function offenderEntity<Loaders extends object>(options: {
  readonly agency: AgencySubgraphName;
  readonly policies: OwnerPolicies;
  readonly knowsSubject: KnowsSubject<Loaders>;
}): AgencyOffender<Loaders> {
  const { knowsSubject, policies } = options;
  return {
    agency: options.agency,
    accessAuditResolver: accessAuditResolver<Loaders>({
      log: agencyRegistration(options.agency).auditLog,
      queryPolicy: policies.accessAudit,
      entryPolicy: policies.accessAuditEntry,
      // Principle 9: only about a person the agency holds and the reader may know exists, as everywhere else.
      knowsSubject,
    }),
    type: offenderType(policies.subjectKey),
    knowsSubject,
    referenceResolvers: {
      Offender: {
        // A subgraph never invents an entity: `null` for a malformed key or a person it does not hold or may not show.
        // The `_entities` field's resolve info goes along, so the agency may read a record the selection
        // asks for in the same statement as the person (`selectionAsks`, `loaderWithCompanion`).
        __resolveReference: (reference, context, info) =>
          resolveOffenderReference(reference, (pncId) => knowsSubject(context, pncId, info)),
      },
    },
  };
}

/**
 * Makes one agency's `Offender` type: the type every agency extends with its own fields, keyed by
 * PNC ID. Every agency's is the same type with the same description; only the policy on `pncId` is
 * the agency's own (`<agency>.subjectKey`, whose grants `npm run schema:generate` requires to agree
 * across subgraphs). A factory rather than one shared class because type-graphql keeps a class's
 * decorators in one global store, so each agency needs a class of its own to carry its policy name.
 */
export function offenderType(subjectKey: FieldPolicy): OffenderEntity {
  @Directive('@key(fields: "pncId")')
  @ObjectType('Offender', {
    description:
      "A MAPPA offender: one person, with each agency's records about them resolved from the agency that owns them. A field is null when its owner holds no record of the person.",
  })
  class Offender implements OffenderReference {
    @Access(subjectKey)
    @Field(() => ID, { description: 'Police National Computer ID, `YYYY/NNNNNNNX`: the key every agency shares.' })
    pncId!: string;
  }
  return Offender;
}
