import { isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedScalarType } from 'graphql';
import type { GraphQLNamedType } from 'graphql';
import { buildStatisticsSchema, STATISTICS_SUBGRAPH } from '@mappa/gateway';
import { SUBGRAPHS } from './subgraphs';

// @jest-database-independent: it reads the subgraphs' built schemas and opens no database, so CI runs it once (.ci/run).

// Front-end developers read the schema, not our code: every type, field and argument we publish
// explains itself. Federation's own machinery (_entities, _Service, link__…) is Apollo's to describe.
const FEDERATION_MACHINERY = /^(_Any|_Entity|_Service|link__.*|federation__.*)$/;

function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  // The root Query and Mutation types are containers; their fields carry the descriptions.
  if (!type.description && type.name !== 'Query' && type.name !== 'Mutation') missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const argument of 'args' in field ? field.args : []) {
        if (!argument.description) missing.push(`${type.name}.${field.name}(${argument.name})`);
      }
    }
  }
  return missing;
}

// The gateway's in-process statistics subgraph is published in the same supergraph.
const PUBLISHED = [...SUBGRAPHS.map(({ definition }) => definition), { name: STATISTICS_SUBGRAPH, buildSchema: buildStatisticsSchema }];

describe.each(PUBLISHED.map((definition) => [definition.name, definition] as const))('the %s subgraph schema', (_name, definition) => {
  it('describes every type, field and argument it publishes', async () => {
    const schema = await definition.buildSchema();
    const missing = Object.values(schema.getTypeMap())
      .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type) && !FEDERATION_MACHINERY.test(type.name))
      .flatMap(undescribed);
    expect(missing).toEqual([]);
  });
});
