import { createHash } from 'node:crypto';
import { getNamedType, getOperationAST, isListType, isNonNullType, Kind, visit } from 'graphql';
import type { DocumentNode, FieldNode, GraphQLOutputType, OperationDefinitionNode } from 'graphql';
import {
  conditionNeedsCaseRelationships,
  decidedOnce,
  decidePolicyFor,
  deniedSelections,
  ForbiddenFieldError,
  policySubjectKeyOf,
  policySubjectOf,
} from '@mappa/shared';
import type { Caller, DecidedResult, DeniedSelection, PolicyDecision, PolicySubject, SelectionStep } from '@mappa/shared';
import { ownerOfPolicy } from './supergraph-policies';
import type { SupergraphPolicies } from './supergraph-policies';

/** An operation with the fields its caller can never see taken out, ready to plan. */
export interface EnforcedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /**
   * What the plan is cached by. The plan depends on the rewritten document, and the rewrite on the
   * original text and on which of the policies it meets are denied; so the original hash plus the
   * sorted denied policy names identifies it. Two permission sets that remove the same fields share
   * a plan; two that do not can never be served each other's.
   */
  readonly planKey: string;
  readonly denied: readonly DeniedSelection[];
  /**
   * Whether a field the operation asks for is granted to this caller only on a record condition decided
   * on a case relationship for a caller of its agency (`conditionNeedsCaseRelationships`): then, and only then, the caller's
   * relationships are looked up and vouched for.
   */
  readonly needsCaseRelationships: boolean;
}

/**
 * Removes, before planning, every field selection whose policy can never allow this caller (roles,
 * purpose, agency, clearance: the grants composed into the supergraph, decided by the same
 * `policyAllows` the owner uses). Row conditions, and a grant's per-record condition, stay with the
 * owner, which still enforces every field: a conditional grant whose role and purpose match "may
 * allow", so its field is asked for and the owner answers null where the record fails the condition.
 *
 * A removed field is replaced by `<response key>: __typename` with the original directives, rather
 * than dropped: the response keeps its shape and key order (the placeholder is answered from whichever
 * fetch already brings the parent, never from the field's owner), `@skip`/`@include` still decide
 * whether the key appears, a selection set never ends up empty, and `applyDenials` knows exactly where
 * to put the `null`.
 */
export function enforceBeforePlanning(
  policies: SupergraphPolicies,
  caller: Caller,
  document: DocumentNode,
  operationName: string | null,
  queryHash: string,
): EnforcedOperation | undefined {
  // All of the caller the result depends on: its policy decisions read nothing else (`decidePolicyFor`),
  // nor does the need for case relationships (the subject's agency).
  const subject = policySubjectOf(caller);
  const remembered = rememberedOperationOf(policies, document, `${operationName ?? ''}\0${queryHash}`);
  const subjectKey = policySubjectKeyOf(subject);
  if (remembered.bySubject.has(subjectKey)) return remembered.bySubject.get(subjectKey);
  const enforced = enforceFor(policies, subject, document, operationName, queryHash, remembered.walks);
  if (remembered.bySubject.size >= SUBJECTS_KEPT) remembered.bySubject.delete(remembered.bySubject.keys().next().value!);
  remembered.bySubject.set(subjectKey, enforced);
  return enforced;
}

/** `enforceBeforePlanning` worked out for one subject, walking the document only when no remembered walk fits its decisions. */
function enforceFor(
  policies: SupergraphPolicies,
  subject: PolicySubject,
  document: DocumentNode,
  operationName: string | null,
  queryHash: string,
  walks: DecidedResult<WalkedOperation>[],
): EnforcedOperation | undefined {
  // This subject's decision on each policy, asked at most once.
  const decisions = new Map<string, PolicyDecision>();
  const decisionOf = (name: string): PolicyDecision => {
    let decision = decisions.get(name);
    if (!decision) {
      const policy = policies.byName.get(name);
      // Deny by default: a name the supergraph does not define cannot be allowed.
      decision = policy ? decidePolicyFor(policy, subject) : { kind: 'none' };
      decisions.set(name, decision);
    }
    return decision;
  };
  const isDenied = (name: string): boolean => decisionOf(name).kind === 'none';
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  // The walk depends only on the document, the schema and the denials it asks about (`decidedOnce`).
  const walk = decidedOnce(walks, isDenied, (ask) => walkDocument(policies, document, operation, operationName, queryHash, ask));
  // Only the policies the walk asked about: a field under a removed parent is never asked for, so its policy cannot call for relationships.
  const needsCaseRelationships = walk.consulted.some(([name]) => {
    const decision = decisionOf(name);
    return (
      decision.kind === 'conditional' && decision.conditions.some((condition) => conditionNeedsCaseRelationships(condition, subject.agency))
    );
  });
  return { ...walk.result, needsCaseRelationships };
}

type WalkedOperation = Omit<EnforcedOperation, 'needsCaseRelationships'>;

/** What is remembered of one operation of one parsed document: its walks, and each subject's whole result. */
interface RememberedOperation {
  readonly walks: DecidedResult<WalkedOperation>[];
  /**
   * The result for each policy subject (`policySubjectKeyOf`), shared between requests (read, never
   * changed): deciding the same caller's policies again on every request, and finding the walk that
   * fits them, was about 1.6% of the gateway's CPU on the single view (issue 15). Keyed by everything
   * the result depends on besides the document, operation and supergraph (which key the maps above
   * it), so a subject differing in any role, its agency, clearance or purpose is worked out afresh.
   */
  readonly bySubject: Map<string, EnforcedOperation | undefined>;
}

// Distinct subjects (role sets x agencies x clearances x purposes) remembered per operation: the
// oldest goes first past the bound, which costs working its result out again and nothing else.
const SUBJECTS_KEPT = 256;

// Apollo Server keeps one parsed document per text, so the same text finds its walks here; the walks
// go when the document (or the supergraph's policies) does. Walking the page's document for every
// request was about 1.5% of the gateway's CPU (issue 15).
const rememberedByPolicies = new WeakMap<SupergraphPolicies, WeakMap<DocumentNode, Map<string, RememberedOperation>>>();

function rememberedOperationOf(policies: SupergraphPolicies, document: DocumentNode, operationKey: string): RememberedOperation {
  let byDocument = rememberedByPolicies.get(policies);
  if (!byDocument) rememberedByPolicies.set(policies, (byDocument = new WeakMap()));
  let byOperation = byDocument.get(document);
  if (!byOperation) byDocument.set(document, (byOperation = new Map()));
  let remembered = byOperation.get(operationKey);
  if (!remembered) byOperation.set(operationKey, (remembered = { walks: [], bySubject: new Map() }));
  return remembered;
}

/** The removals, rewritten document and plan key for one set of answers to `isDenied`. */
function walkDocument(
  policies: SupergraphPolicies,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  operationName: string | null,
  queryHash: string,
  isDenied: (policy: string) => boolean,
): WalkedOperation {
  const denied = deniedSelections(policies.schema, document, operation, isDenied);
  if (denied.length === 0) return { document, operation, planKey: queryHash, denied };
  const removed = new Set<FieldNode>(denied.flatMap((selection) => selection.fieldNodes));
  // visit() copies what it changes: Apollo Server caches the parsed document across requests and callers.
  const rewritten = visit(document, {
    Field(node) {
      if (!removed.has(node)) return undefined;
      const placeholder: FieldNode = {
        kind: Kind.FIELD,
        alias: { kind: Kind.NAME, value: (node.alias ?? node.name).value },
        name: { kind: Kind.NAME, value: '__typename' },
        directives: node.directives ?? [],
      };
      return placeholder;
    },
  });
  const deniedPolicies = [...new Set(denied.map((selection) => selection.policyName))].sort();
  const planKey = createHash('sha256').update(queryHash).update('\0mappa-access-denied\0').update(deniedPolicies.join('\n')).digest('hex');
  return { document: rewritten, operation: getOperationAST(rewritten, operationName) ?? operation, planKey, denied };
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Visits every object of the response that holds the denied field's placeholder (every item of every
 * list on the way), calling `atParent` with it. `atParent` returns whether that object must become
 * null (a denied non-null field); the null then travels up to the nearest nullable field or list item,
 * as GraphQL does when a non-null field errors.
 */
function forEachParent(data: JsonObject, selection: DeniedSelection, atParent: (parent: JsonObject, key: string) => boolean): boolean {
  const { steps } = selection;
  const last = steps.length - 1;
  const visitValue = (value: unknown, type: GraphQLOutputType, index: number): boolean => {
    if (value === null || value === undefined) return false;
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isListType(nullable)) {
      if (!Array.isArray(value)) return false;
      for (let item = 0; item < value.length; item += 1) {
        if (!visitValue(value[item], nullable.ofType, index)) continue;
        if (isNonNullType(nullable.ofType)) return true;
        value[item] = null;
      }
      return false;
    }
    return isObject(value) && visitObject(value, index);
  };
  const visitObject = (object: JsonObject, index: number): boolean => {
    const step: SelectionStep | undefined = steps[index];
    if (!step || !(step.key in object)) return false;
    if (index === last) return atParent(object, step.key);
    if (!visitValue(object[step.key], step.type, index + 1)) return false;
    object[step.key] = null;
    return isNonNullType(step.type);
  };
  return visitObject(data, 0);
}

/**
 * Whether the field's owner would have been asked for it, had the gateway not removed it: the owner
 * is asked about an entity (an `Offender`) whenever that entity is in the response, and reports its
 * denials from the operation, not the data (principle 9). So the error stands whenever the nearest
 * entity above the field (or the root) is in the response, whether or not the records in between
 * (a custody record, a licence) exist: the same errors for every person the caller may know. Not
 * where the key is absent from its parent (a skipped field) or no entity is there to ask about.
 */
function ownerWouldBeAsked(data: JsonObject, selection: DeniedSelection, entityTypeNames: ReadonlySet<string>): boolean {
  const { steps } = selection;
  const last = steps.length - 1;
  let entityIndex = -1;
  for (let index = 0; index < last; index += 1) {
    if (entityTypeNames.has(getNamedType(steps[index]!.type).name)) entityIndex = index;
  }
  // `inValue(value, index)` holds the value of step `index - 1`; the entity's own value is at `entityIndex + 1`.
  const belowEntity = (index: number): boolean => index > entityIndex + 1;
  const inValue = (value: unknown, index: number): boolean => {
    // A missing record or an empty list below the entity: the owner was still asked about the entity.
    if (value === null || value === undefined) return belowEntity(index);
    if (Array.isArray(value)) return value.length === 0 ? belowEntity(index) : value.some((item) => inValue(item, index));
    return isObject(value) && inObject(value, index);
  };
  const inObject = (object: JsonObject, index: number): boolean => {
    const step = steps[index];
    // A key that is not there was not asked for here (`@skip`, `@include`, another fragment's type).
    if (!step || !(step.key in object)) return false;
    return index === last || inValue(object[step.key], index + 1);
  };
  return inObject(data, 0);
}

/**
 * Puts each removed field back as the owner's denial would have given it: `null` at its path (and the
 * nulls GraphQL propagates from a non-null field), with one FORBIDDEN error per denied field path,
 * naming the policy and, as `serviceName`, the owning subgraph, as the owner's errors reach the client
 * through the gateway. The error stands where the owner would have been asked (`ownerWouldBeAsked`):
 * not for an unknown person or an empty page, where no owner is asked because there is nothing to ask about.
 */
export function applyDenials(
  data: JsonObject | null | undefined,
  denied: readonly DeniedSelection[],
  entityTypeNames: ReadonlySet<string>,
): { data: JsonObject | null | undefined; errors: ForbiddenFieldError[] } {
  if (!data) return { data, errors: [] };
  // First decide every error, then null: nulling a parent first would hide a sibling's denial
  // and make the errors depend on the order of the fields.
  const present = denied.filter((selection) => ownerWouldBeAsked(data, selection, entityTypeNames));
  let dataBecameNull = false;
  for (const selection of present) {
    const fieldType = selection.steps[selection.steps.length - 1]!.type;
    const rootNull = forEachParent(data, selection, (parent, key) => {
      // Only the placeholder: `__typename` answers the parent's type name.
      if (parent[key] !== selection.parentTypeName) return false;
      parent[key] = null;
      return isNonNullType(fieldType);
    });
    if (rootNull) dataBecameNull = true;
  }
  const errors = present.map(
    (selection) => new ForbiddenFieldError(selection.policyName, selection.path, { serviceName: ownerOfPolicy(selection.policyName) }),
  );
  return { data: dataBecameNull ? null : data, errors };
}
