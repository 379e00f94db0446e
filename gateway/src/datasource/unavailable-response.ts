import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, parse } from 'graphql';
import type { DocumentNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { UpstreamUnavailableError } from '@mappa/shared';

/** Response keys (aliases or field names) selected directly in a selection set, through fragments. */
function topLevelResponseKeys(selectionSet: SelectionSetNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [(selection.alias ?? selection.name).value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return topLevelResponseKeys(selection.selectionSet);
    return [];
  });
}

function operationOf(options: GraphQLDataSourceProcessOptions): OperationDefinitionNode | undefined {
  const document: DocumentNode | undefined =
    'document' in options && options.document ? options.document : options.request.query ? parse(options.request.query) : undefined;
  return document?.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
}

/**
 * What the gateway merges when an agency's subgraph cannot be reached: no data from it, and one
 * UPSTREAM_UNAVAILABLE error naming the agency at every path it would have filled. Paths inside
 * `_entities` are rewritten by the gateway to where each entity sits in the client's response.
 */
export function unavailableResponse(agency: string, options: GraphQLDataSourceProcessOptions): GatewayGraphQLResponse {
  const error = new UpstreamUnavailableError(agency);
  const toError = (path: (string | number)[]) => ({ message: error.message, path, extensions: { ...error.extensions } });
  const operation = operationOf(options);
  const rootKeys = operation ? topLevelResponseKeys(operation.selectionSet) : [];
  const representations = options.request.variables?.representations;
  if (rootKeys.length === 1 && rootKeys[0] === '_entities' && Array.isArray(representations) && operation) {
    const entitiesField = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
    const fieldKeys =
      entitiesField?.kind === Kind.FIELD && entitiesField.selectionSet ? topLevelResponseKeys(entitiesField.selectionSet) : [];
    return {
      data: { _entities: representations.map(() => null) },
      errors: representations.flatMap((_representation, index) => fieldKeys.map((key) => toError(['_entities', index, key]))),
    };
  }
  return { data: null, errors: rootKeys.map((key) => toError([key])) };
}
