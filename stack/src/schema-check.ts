import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ChangeType, CriticalityLevel, diff } from '@graphql-inspector/core';
import type { Change } from '@graphql-inspector/core';
import { declaredPolicies } from '@mappa/shared';
import { parse, validate } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { operationCoordinates } from './operation-usage';

/** One subgraph's SDL as composition takes it. */
export interface SubgraphSdl {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
}

/** An operation a client depends on: a registered (trusted) document, named for the report. */
export interface RegisteredOperation {
  /** The operation's name, or its document id when it has none. */
  readonly name: string;
  /** Where it is registered (a manifest file, the product's own operations, the gateway's built-ins). */
  readonly source: string;
  readonly document: string;
}

/** What an agency checks before it publishes its subgraph. */
export interface SchemaCheckInput {
  /** The agency's subgraph, as its code builds it now. */
  readonly subgraph: SubgraphSdl;
  /** Every other subgraph's committed SDL (the statistics service's included). */
  readonly others: readonly SubgraphSdl[];
  /** The committed supergraph, which clients run against today. */
  readonly baselineSupergraphSdl: string;
  readonly operations: readonly RegisteredOperation[];
}

/** How a change affects clients: Inspector's levels, `SAFE` for its `NON_BREAKING`. */
export type ChangeCriticality = 'BREAKING' | 'DANGEROUS' | 'SAFE';

/** One change of the composed API against the committed one, with the registered operations it breaks. */
export interface SchemaChangeReport {
  readonly type: string;
  readonly path: string | null;
  readonly message: string;
  readonly criticality: ChangeCriticality;
  /** The registered operations that use what changed (`source: name`). */
  readonly operations: readonly string[];
  /** A breaking change some registered operation uses: the check fails on it. */
  readonly fails: boolean;
}

/** A registered operation that the new API no longer validates (or that the committed one did not). */
export interface OperationValidation {
  readonly operation: string;
  readonly errors: readonly string[];
}

/** The outcome of `checkSubgraphSchema`. */
export interface SchemaCheckReport {
  readonly subgraph: string;
  readonly compositionErrors: readonly string[];
  /** Fields of the agency's subgraph that carry no `@mappaAccess` policy (deny by default refuses them). */
  readonly fieldsWithoutPolicy: readonly string[];
  readonly changes: readonly SchemaChangeReport[];
  /** Operations valid against the committed API and invalid against the new one. */
  readonly brokenOperations: readonly OperationValidation[];
  /** Operations already invalid against the committed API: reported, not failing (the client sends what cannot run today). */
  readonly staleOperations: readonly OperationValidation[];
  readonly passed: boolean;
}

const CRITICALITY: Readonly<Record<CriticalityLevel, ChangeCriticality>> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};

// Additions that break the users of what they are added to (a required argument or input field, a
// directive's required argument): they match the operations that use the parent coordinate.
const BREAKS_USERS_OF_PARENT = new Set<string>([
  ChangeType.FieldArgumentAdded,
  ChangeType.InputFieldAdded,
  ChangeType.DirectiveArgumentAdded,
]);

/** The schema clients see: the supergraph without federation's machinery and `@inaccessible` elements. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** `source: name`, how the report names an operation. */
const labelOf = (operation: RegisteredOperation): string => `${operation.source}: ${operation.name}`;

function usersOf(change: Change, usage: readonly { readonly label: string; readonly coordinates: ReadonlySet<string> }[]): string[] {
  const path = change.path;
  if (!path) return [];
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null;
  const matchesParent = parent !== null && BREAKS_USERS_OF_PARENT.has(change.type);
  return usage.filter(({ coordinates }) => coordinates.has(path) || (matchesParent && coordinates.has(parent))).map(({ label }) => label);
}

/** Fields of a subgraph's SDL with no access policy (federation's own machinery aside). */
export function fieldsWithoutPolicy(sdl: string): string[] {
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl) }]);
  return [...declaredPolicies(schema)].filter(([, policy]) => policy === undefined).map(([coordinate]) => coordinate);
}

/**
 * Composes an agency's current subgraph with the committed SDL of the others and reports, against
 * the committed supergraph's API: composition errors, fields without a policy, and each change as
 * GraphQL Inspector classifies it, with the registered operations that use what changed. Fails on a
 * composition error, a field without a policy, a breaking change a registered operation uses, or a
 * registered operation the new API no longer validates; a breaking change no registered operation
 * uses, and every dangerous or safe change, is reported and passes.
 */
export async function checkSubgraphSchema(input: SchemaCheckInput): Promise<SchemaCheckReport> {
  const withoutPolicy = fieldsWithoutPolicy(input.subgraph.sdl);
  const services = [input.subgraph, ...input.others.filter(({ name }) => name !== input.subgraph.name)];
  const composition = composeServices(services.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  const empty = { brokenOperations: [], staleOperations: [], changes: [] };
  if (composition.errors) {
    return {
      subgraph: input.subgraph.name,
      compositionErrors: composition.errors.map((error) => error.message),
      fieldsWithoutPolicy: withoutPolicy,
      ...empty,
      passed: false,
    };
  }
  const before = apiSchemaOf(input.baselineSupergraphSdl);
  const after = apiSchemaOf(composition.supergraphSdl);
  const validations = input.operations.map((operation) => {
    const document = parse(operation.document);
    return {
      operation,
      label: labelOf(operation),
      before: validate(before, document).map((error) => error.message),
      after: validate(after, document).map((error) => error.message),
    };
  });
  const staleOperations = validations
    .filter(({ before }) => before.length > 0)
    .map(({ label, before }) => ({ operation: label, errors: before }));
  const usage = validations
    .filter(({ before }) => before.length === 0)
    .map(({ operation, label }) => ({ label, coordinates: operationCoordinates(before, operation.document) }));
  const brokenOperations = validations
    .filter(({ before, after }) => before.length === 0 && after.length > 0)
    .map(({ label, after }) => ({ operation: label, errors: after }));
  const changes = (await diff(before, after)).map((change): SchemaChangeReport => {
    const criticality = CRITICALITY[change.criticality.level];
    const operations = usersOf(change, usage);
    return {
      type: change.type,
      path: change.path ?? null,
      message: change.message,
      criticality,
      operations,
      fails: criticality === 'BREAKING' && operations.length > 0,
    };
  });
  const passed = withoutPolicy.length === 0 && brokenOperations.length === 0 && !changes.some(({ fails }) => fails);
  return {
    subgraph: input.subgraph.name,
    compositionErrors: [],
    fieldsWithoutPolicy: withoutPolicy,
    changes,
    brokenOperations,
    staleOperations,
    passed,
  };
}

/** The report as an agency's engineer reads it in a terminal or a CI log. */
export function renderSchemaCheckReport(report: SchemaCheckReport): string {
  const lines = [`schema check of the ${report.subgraph} subgraph: ${report.passed ? 'PASSED' : 'FAILED'}`];
  const section = (title: string, items: readonly string[]) => {
    if (items.length > 0) lines.push(`  ${title}:`, ...items.map((item) => `    - ${item}`));
  };
  section('composition errors (the supergraph cannot be built)', report.compositionErrors);
  section('fields without an access policy (deny by default: add @Access)', report.fieldsWithoutPolicy);
  const byLevel = (criticality: ChangeCriticality) => report.changes.filter((change) => change.criticality === criticality);
  section(
    'breaking changes',
    byLevel('BREAKING').map((change) =>
      change.fails
        ? `${change.message} [${change.path ?? change.type}] FAILS: breaks ${change.operations.join('; ')}`
        : `${change.message} [${change.path ?? change.type}] passes: no registered operation uses it`,
    ),
  );
  section(
    'registered operations the new schema no longer validates',
    report.brokenOperations.map(({ operation, errors }) => `${operation}: ${errors.join(' ')}`),
  );
  section(
    'dangerous changes (reported, not failing)',
    byLevel('DANGEROUS').map((change) => `${change.message} [${change.path ?? change.type}]`),
  );
  section(
    'safe changes',
    byLevel('SAFE').map((change) => `${change.message} [${change.path ?? change.type}]`),
  );
  section(
    'registered operations already invalid against the committed schema (not failing)',
    report.staleOperations.map(({ operation, errors }) => `${operation}: ${errors.join(' ')}`),
  );
  if (report.changes.length === 0 && report.compositionErrors.length === 0) lines.push('  no changes against the committed supergraph');
  return `${lines.join('\n')}\n`;
}
