import { getNamedType, isEnumType, isInputObjectType, parse, TypeInfo, typeFromAST, visit, visitWithTypeInfo } from 'graphql';
import type { GraphQLNamedType, GraphQLSchema } from 'graphql';

/**
 * The schema coordinates one operation depends on, read against the schema it was written for:
 * every type it reaches (`Offender`), field it selects (`Offender.identity`), argument it passes
 * (`Query.offenders.first`) and directive it uses (`@include`). An input object or enum it reaches
 * (through an argument or a variable) counts with every one of its fields or values
 * (`OffenderFilter.level`, `MappaLevel.LEVEL_3`): a variable can carry any of them, so the operation
 * is held to depend on them all (the safe side for a breaking-change check). The same coordinates as
 * GraphQL Inspector's change paths, so a change matches the operations it breaks by equality.
 */
export function operationCoordinates(schema: GraphQLSchema, document: string): Set<string> {
  const used = new Set<string>();
  const addType = (type: GraphQLNamedType | null | undefined): void => {
    if (!type || used.has(type.name)) return;
    used.add(type.name);
    if (isEnumType(type)) for (const value of type.getValues()) used.add(`${type.name}.${value.name}`);
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        used.add(`${type.name}.${field.name}`);
        addType(getNamedType(field.type));
      }
    }
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        addType(schema.getRootType(node.operation));
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        addType(type ? getNamedType(type) : undefined);
      },
      FragmentDefinition() {
        addType(typeInfo.getType() ? getNamedType(typeInfo.getType()) : undefined);
      },
      InlineFragment() {
        addType(typeInfo.getType() ? getNamedType(typeInfo.getType()) : undefined);
      },
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        used.add(`${parent.name}.${node.name.value}`);
        addType(typeInfo.getType() ? getNamedType(typeInfo.getType()) : undefined);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const directive = typeInfo.getDirective();
        if (directive) used.add(`@${directive.name}.${node.name.value}`);
        else if (parent && field) used.add(`${parent.name}.${field.name}.${node.name.value}`);
        const argument = typeInfo.getArgument();
        addType(argument ? getNamedType(argument.type) : undefined);
      },
      Directive(node) {
        used.add(`@${node.name.value}`);
      },
    }),
  );
  return used;
}
