import { buildASTSchema, isObjectType, Kind, parse } from 'graphql';
import type { GraphQLField, GraphQLSchema } from 'graphql';
import { ACCESS_DIRECTIVE, decodeGrant } from '@mappa/shared';
import type { FieldPolicy } from '@mappa/shared';

/** What the gateway knows of a policy: its name and its grants, as composed into the supergraph. */
export type ComposedPolicy = Pick<FieldPolicy, 'name' | 'grants'>;

/** The supergraph's schema (with every field's `@mappaAccess`) and the policies its fields name. */
export interface SupergraphPolicies {
  /**
   * Built from the supergraph text, not Apollo's API schema: the API schema drops composed
   * directives. Its object types and fields are the API schema's, plus federation's own `join__`
   * and `link__` definitions, which no operation can select.
   */
  readonly schema: GraphQLSchema;
  readonly byName: ReadonlyMap<string, ComposedPolicy>;
  /** Entity types (`@join__type(…, key: …)`): what the gateway asks each owner about. */
  readonly entityTypeNames: ReadonlySet<string>;
  /** The policy each field (`Type.field`) names: what the audit attributes a returned field to. */
  readonly policyOfField: ReadonlyMap<string, string>;
}

/** The subgraph that owns a policy: policies are named `<agency>.<record>` and subgraphs by agency. */
export function ownerOfPolicy(policyName: string): string {
  return policyName.slice(0, policyName.indexOf('.'));
}

function accessOf(typeName: string, field: GraphQLField<unknown, unknown>): ComposedPolicy | undefined {
  const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === ACCESS_DIRECTIVE);
  if (!directive) return undefined;
  const policy = directive.arguments?.find((argument) => argument.name.value === 'policy')?.value;
  const grants = directive.arguments?.find((argument) => argument.name.value === 'grants')?.value;
  if (policy?.kind !== Kind.STRING || grants?.kind !== Kind.LIST || grants.values.some((value) => value.kind !== Kind.STRING)) {
    throw new Error(`Supergraph: ${typeName}.${field.name} has an unreadable @${ACCESS_DIRECTIVE} (policy and grants are required)`);
  }
  return { name: policy.value, grants: grants.values.map((value) => decodeGrant(value.kind === Kind.STRING ? value.value : '')) };
}

/**
 * Reads every field's policy from the supergraph text. Deny by default, fail closed: a field with no
 * policy, an unreadable grant, or one policy name composed with two different sets of grants stops
 * the gateway from starting, because it could not then be sure to remove only what the owner denies.
 */
export function readSupergraphPolicies(supergraphSdl: string): SupergraphPolicies {
  if (lastRead?.supergraphSdl === supergraphSdl) return lastRead.policies;
  const policies = policiesIn(supergraphSdl);
  lastRead = { supergraphSdl, policies };
  return policies;
}

/**
 * The last supergraph read and its policies, which nothing changes once read: a process that starts
 * several gateways on one supergraph (a jest group's stacks, the benchmark's in-process ones) reads
 * its 600 KB once (about 60 ms of CPU a start); a deployed gateway reads it once anyway.
 */
let lastRead: { readonly supergraphSdl: string; readonly policies: SupergraphPolicies } | undefined;

function policiesIn(supergraphSdl: string): SupergraphPolicies {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const byName = new Map<string, ComposedPolicy>();
  const signatures = new Map<string, string>();
  const problems: string[] = [];
  const entityTypeNames = new Set<string>();
  const policyOfField = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const keyed = type.astNode?.directives?.some(
      (directive) => directive.name.value === 'join__type' && directive.arguments?.some((argument) => argument.name.value === 'key'),
    );
    if (keyed) entityTypeNames.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const policy = accessOf(type.name, field);
      if (!policy) {
        problems.push(`${type.name}.${field.name} has no @${ACCESS_DIRECTIVE} policy`);
        continue;
      }
      policyOfField.set(`${type.name}.${field.name}`, policy.name);
      const signature = JSON.stringify(policy.grants);
      const known = signatures.get(policy.name);
      if (known === undefined) {
        signatures.set(policy.name, signature);
        byName.set(policy.name, policy);
      } else if (known !== signature) {
        problems.push(`policy ${policy.name} is composed with different grants on ${type.name}.${field.name}`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Supergraph access policies are not usable:\n  ${problems.join('\n  ')}`);
  return { schema, byName, entityTypeNames, policyOfField };
}
