import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, getNamedType, isObjectType, parse, print } from 'graphql';
import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import { ACCESS_DIRECTIVE, principalSchema, ROLES } from '@mappa/shared';
import { DEFAULT_PRINCIPAL } from '@mappa/testing/stack';

// Victims' information under C.28-C.30, checked on what the product serves: the committed supergraph
// (the one schema every client sees) and the principal every request is made as. These are
// structural rules: they hold for every row, so they are tested on the schema and the principal
// vocabulary rather than on data.

const supergraph: GraphQLSchema = buildASTSchema(parse(readFileSync(join(__dirname, '../../gateway/supergraph.graphql'), 'utf8')), {
  assumeValidSDL: true,
});

/** The object types a type's fields reach, itself included, following every field to its named type. */
function reachableFrom(type: GraphQLNamedType): Set<string> {
  const reached = new Set<string>();
  const visit = (current: GraphQLNamedType): void => {
    if (!isObjectType(current) || reached.has(current.name)) return;
    reached.add(current.name);
    for (const field of Object.values(current.getFields())) visit(getNamedType(field.type));
  };
  visit(type);
  return reached;
}

/** The `Type.field` coordinates of every field, outside `types`, whose type is one of `types`. */
function fieldsLeadingInto(types: ReadonlySet<string>): string[] {
  return Object.values(supergraph.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__') && !types.has(type.name))
    .flatMap((type) => (isObjectType(type) ? Object.values(type.getFields()).map((field) => ({ type, field })) : []))
    .filter(({ field }) => types.has(getNamedType(field.type).name))
    .map(({ type, field }) => `${type.name}.${field.name}`);
}

describe('victim information stays with the victim liaison officer (C.28-C.30)', () => {
  const victimTypes = reachableFrom(supergraph.getType('ProbationVictimContact')!);

  it('C.30: no field links a victim contact to anything but its own details and wishes (no path to minutes or any other record)', () => {
    expect([...victimTypes].sort()).toEqual(['ProbationVictimContact', 'ProbationVictimContactDetails', 'ProbationVictimWishes']);
  });

  it("C.29, C.30: the only way into victim information is the offender's own victimContacts, under the victim liaison officer's policy", () => {
    expect(fieldsLeadingInto(victimTypes)).toEqual(['Offender.victimContacts']);
    // And that way is the victim liaison officer's alone: no other role reads it, under any purpose.
    const offender = supergraph.getType('Offender');
    const access = isObjectType(offender)
      ? offender.getFields().victimContacts?.astNode?.directives?.find((directive) => directive.name.value === ACCESS_DIRECTIVE)
      : undefined;
    // B.15, C.29 (issue 12): and only for a victim allocated to them, decided per victim by probation.
    expect(access && print(access)).toBe(
      '@mappaAccess(policy: "probation.victimContacts", grants: ["roles=victim_liaison_officer;purposes=CASE_MANAGEMENT;condition=victimLiaisonForVictim"])',
    );
  });

  it('C.28: there is no victim principal: no role for one exists, and a principal claiming one does not validate', () => {
    expect(ROLES.filter((role) => /victim/i.test(role) && role !== 'victim_liaison_officer')).toEqual([]);
    const asVictim = principalSchema.safeParse({ ...DEFAULT_PRINCIPAL, roles: ['victim'] });
    expect(asVictim.success).toBe(false);
  });
});
