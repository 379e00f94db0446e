import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  GraphQLError,
  isObjectType,
  isInterfaceType,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  TypeInfo,
  ValidationContext,
  visit,
  visitInParallel,
} from 'graphql';
import type {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  SelectionSetNode,
  ValidationRule,
  ValueNode,
} from 'graphql';
import { OPERATION_LIMIT_NAMES, OperationTooComplexError } from '@mappa/shared';
import type { OperationLimitName } from '@mappa/shared';

/** The most work one operation may ask of the gateway; each is configurable (see `config.ts`). */
export type OperationLimits = Readonly<Record<OperationLimitName, number>>;

/**
 * Defaults, from the real operations with ample head-room (the unit test measures them: the README's
 * examples, the benchmark's, the five-agency offender view). The largest, a 50-offender register page
 * over five agencies, measures 5 deep, no aliases, 1 root field, 24 fields, cost 1,200 and 50 records.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  /** The document's text in UTF-8 bytes: the real ones are under 1 KiB. */
  maxBytes: 16_384,
  /** Lexical tokens, counted while parsing (graphql-js stops parsing past it). */
  maxTokens: 2_000,
  /** Nested fields (`offenders { edges { node { identity { firstName } } } }` is 5). */
  maxDepth: 12,
  /** Aliased fields, counted every time a fragment is spread. */
  maxAliases: 50,
  /** Top-level fields: each is at least one look-up planned and sent to the subgraphs. */
  maxRootFields: 50,
  /** Directives (`@skip`, `@include`), counted every time a fragment is spread. */
  maxDirectives: 50,
  /** Fields after every fragment is expanded: what validation, planning and the audit walk. */
  maxFields: 500,
  /** List-weighted cost: each field counts once per item its enclosing pages can return. */
  maxCost: 10_000,
  /** Records (people, audit entries) the operation can return: page sizes plus single look-ups. */
  maxRecords: 250,
};

/** What a document measures; `fields`, `cost` and `records` are totals after fragment expansion. */
export type OperationMeasures = Readonly<Record<OperationLimitName, number>>;

/** Where the page size of a field is, when it has one: the subgraphs' page arguments. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);
/**
 * The size of a page whose size is not known before it runs (a non-integer variable, which
 * validation will refuse anyway): the subgraphs' page cap, the most a page can hold.
 */
const UNKNOWN_PAGE_SIZE = 100;

/** How many documents' analyses are kept: more than the registered documents of every application. */
const ANALYSES_KEPT = 1_000;

/** A document that passed the limits once: what does not depend on the variables is not measured again. */
interface Analysis {
  readonly document: DocumentNode;
  readonly measures: OperationMeasures;
  /** Whether a page size comes from a variable, so cost and records are measured again per request. */
  readonly pageSizesFromVariables: boolean;
}

/**
 * Measures every operation of a document against the limits and refuses it with
 * OPERATION_TOO_COMPLEX (naming the first limit exceeded) before anything else walks it. Linear in
 * the document's size: the text is measured before parsing, parsing stops at `maxTokens`, and every
 * walk visits each fragment once, however often it is spread (memoised), so a few hundred bytes of
 * doubled fragments cannot make it, or anything after it, do exponential work. A document that
 * passed is remembered by its text, so the documents an application sends again and again cost a
 * look-up (and, where a page size is a variable, one walk), not a parse.
 */
export class OperationLimiter {
  private readonly analyses = new Map<string, Analysis>();

  constructor(
    private readonly schema: GraphQLSchema,
    readonly limits: OperationLimits,
  ) {}

  /** The document's measures once it is within every limit; null when it does not parse (Apollo reports the syntax error). */
  enforce(source: string, variables: Readonly<Record<string, unknown>>): OperationMeasures | null {
    const known = this.analyses.get(source);
    if (known) {
      const measures = known.pageSizesFromVariables
        ? { ...known.measures, ...new SelectionWalk(known.document, variables, this.schema).measureOperations() }
        : known.measures;
      refuseOverLimit(measures, this.limits);
      return measures;
    }
    const bytes = Buffer.byteLength(source, 'utf8');
    if (bytes > this.limits.maxBytes) throw new OperationTooComplexError('maxBytes', this.limits.maxBytes, bytes);
    let document: DocumentNode;
    try {
      document = parse(source, { maxTokens: this.limits.maxTokens, noLocation: true });
    } catch (error: unknown) {
      const tokens = tokensIn(source);
      if (tokens > this.limits.maxTokens) throw new OperationTooComplexError('maxTokens', this.limits.maxTokens, tokens);
      if (error instanceof GraphQLError) return null;
      throw error;
    }
    const walk = new SelectionWalk(document, variables, this.schema);
    const measures: OperationMeasures = {
      maxBytes: bytes,
      maxTokens: tokensIn(source),
      ...armorMeasures(document, this.schema),
      ...walk.measureOperations(),
    };
    refuseOverLimit(measures, this.limits);
    // Bounded: an attacker sending ever-new documents evicts the oldest, never grows the map.
    if (this.analyses.size >= ANALYSES_KEPT) this.analyses.delete(this.analyses.keys().next().value as string);
    this.analyses.set(source, { document, measures, pageSizesFromVariables: walk.pageSizesFromVariables });
    return measures;
  }
}

/**
 * Throws OPERATION_TOO_COMPLEX for the first measure over its limit, in a fixed order: size and
 * tokens, then what the document spells out (depth, aliases, root fields, directives), then what it
 * expands to (fields, cost, records).
 */
function refuseOverLimit(measures: OperationMeasures, limits: OperationLimits): void {
  for (const limit of OPERATION_LIMIT_NAMES) {
    if (measures[limit] > limits[limit]) throw new OperationTooComplexError(limit, limits[limit], measures[limit]);
  }
}

/** Lexical tokens in a text, up to its end or its first lexical error. Linear; the text is already bounded by `maxBytes`. */
function tokensIn(source: string): number {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  } catch {
    // A lexical error: parsing reports it; the count so far is the count.
  }
  return tokens;
}

/**
 * Armor's depth, alias and directive counts, the largest over the document's operations. GraphQL
 * Armor (a maintained, memoised walk each) measures these; fields, root fields, cost and records are
 * counted by `SelectionWalk`, because Armor's cost rule reads page sizes only from literals
 * (`first: $n` would cost 1) and none of its rules counts expanded fields or records. Its rules
 * are run only to measure (their own limit set to infinity, the value taken from `onAccept`): the
 * gateway decides and refuses with its own coded error. Run directly over the document, not through
 * `validate()`, which would first check the supergraph schema itself, and would run nothing else.
 */
function armorMeasures(
  document: DocumentNode,
  schema: GraphQLSchema,
): Pick<OperationMeasures, 'maxDepth' | 'maxAliases' | 'maxDirectives'> {
  const measured = { maxDepth: 0, maxAliases: 0, maxDirectives: 0 };
  const record = (limit: keyof typeof measured) => [
    (_context: ValidationContext | null, { n }: { n: number }) => void (measured[limit] = Math.max(measured[limit], n)),
  ];
  const common = { n: Number.POSITIVE_INFINITY, exposeLimits: false, propagateOnRejection: false };
  const rules: ValidationRule[] = [
    // Fragments flattened: depth counts nested fields, not the fragments that hold them.
    maxDepthRule({ ...common, flattenFragments: true, ignoreIntrospection: false, onAccept: record('maxDepth') }),
    maxAliasesRule({ ...common, onAccept: record('maxAliases') }),
    maxDirectivesRule({ ...common, onAccept: record('maxDirectives') }),
  ];
  const context = new ValidationContext(schema, document, new TypeInfo(schema), () => undefined);
  visit(document, visitInParallel(rules.map((rule): ASTVisitor => rule(context))));
  return measured;
}

interface Totals {
  /** Fields, every fragment expanded where it is spread. */
  fields: number;
  /** Fields at this level (the operation's root fields, at the top). */
  levelFields: number;
  /** Each field once per item the pages around it can return. */
  cost: number;
  /** Page sizes, and at the top each look-up that returns one record. */
  records: number;
}

const NONE: Totals = { fields: 0, levelFields: 0, cost: 0, records: 0 };

/**
 * One walk over a document's operations. A fragment's totals do not depend on where it is spread
 * (every total scales with the pages around the spread, applied by the caller), so each fragment is
 * walked once per level kind (top level or nested) and its totals reused at every other spread:
 * linear in the document, where re-walking each spread doubles per level of a doubled chain. A
 * fragment that spreads itself (a cycle) adds nothing here; validation refuses the document.
 */
class SelectionWalk {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, Totals | 'walking'>();
  /** A variable's default, the largest any operation gives it: the memo is shared by every operation. */
  private readonly variableDefaults = new Map<string, ValueNode>();
  /** Whether any page size was read from a variable: then the totals hold for these variables only. */
  pageSizesFromVariables = false;

  constructor(
    private readonly document: DocumentNode,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly schema: GraphQLSchema,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const variable of definition.variableDefinitions ?? []) {
        const known = this.variableDefaults.get(variable.variable.name.value);
        if (variable.defaultValue && (!known || intValue(variable.defaultValue) > intValue(known)))
          this.variableDefaults.set(variable.variable.name.value, variable.defaultValue);
      }
    }
  }

  /**
   * Fields and root fields summed over every operation (validation walks them all, whichever runs);
   * cost and records the largest of any one operation (one runs).
   */
  measureOperations(): Pick<OperationMeasures, 'maxFields' | 'maxRootFields' | 'maxCost' | 'maxRecords'> {
    const measures = { maxFields: 0, maxRootFields: 0, maxCost: 0, maxRecords: 0 };
    for (const definition of this.document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const root =
        definition.operation === 'query'
          ? this.schema.getQueryType()
          : definition.operation === 'mutation'
            ? this.schema.getMutationType()
            : this.schema.getSubscriptionType();
      const totals = this.walk(definition.selectionSet, root ?? undefined, true);
      measures.maxFields += totals.fields;
      measures.maxRootFields += totals.levelFields;
      measures.maxCost = Math.max(measures.maxCost, totals.cost);
      measures.maxRecords = Math.max(measures.maxRecords, totals.records);
    }
    return measures;
  }

  private walk(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, top: boolean): Totals {
    const totals: Totals = { ...NONE };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(totals, this.field(selection, parent, top));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent;
        add(totals, this.walk(selection.selectionSet, type ?? undefined, top));
      } else {
        add(totals, this.spread(selection.name.value, top));
      }
    }
    return totals;
  }

  private spread(name: string, top: boolean): Totals {
    const key = `${top ? 'top' : 'nested'}:${name}`;
    const known = this.memo.get(key);
    if (known === 'walking') return NONE;
    if (known) return known;
    const fragment = this.fragments.get(name);
    // An unknown fragment: validation refuses the document.
    if (!fragment) return NONE;
    this.memo.set(key, 'walking');
    const totals = this.walk(fragment.selectionSet, this.schema.getType(fragment.typeCondition.name.value) ?? undefined, top);
    this.memo.set(key, totals);
    return totals;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined, top: boolean): Totals {
    const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[node.name.value] : undefined;
    const pageSize = this.pageSize(node, definition);
    const items = pageSize ?? 1;
    const children = node.selectionSet ? this.walk(node.selectionSet, definition ? getNamedType(definition.type) : undefined, false) : NONE;
    // A look-up at the top that returns an object is one record (an offender by PNC ID); a page is its size.
    const ownRecords = pageSize ?? (top && node.selectionSet ? 1 : 0);
    return {
      fields: 1 + children.fields,
      levelFields: 1,
      cost: items * (1 + children.cost),
      records: ownRecords + items * children.records,
    };
  }

  /**
   * The most items a paged field can return: its `first`/`last` from the literal, the request's
   * variables, the variable's default or the schema's default; null for a field that is not paged.
   */
  private pageSize(node: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number | null {
    let size: number | null = null;
    const given = new Set<string>();
    for (const argument of node.arguments ?? []) {
      if (!PAGE_SIZE_ARGUMENTS.has(argument.name.value)) continue;
      given.add(argument.name.value);
      size = Math.max(
        size ?? 0,
        this.valueOf(argument.value, definition?.args.find((arg) => arg.name === argument.name.value)?.defaultValue),
      );
    }
    for (const arg of definition?.args ?? []) {
      if (!PAGE_SIZE_ARGUMENTS.has(arg.name) || given.has(arg.name) || typeof arg.defaultValue !== 'number') continue;
      size = Math.max(size ?? 0, arg.defaultValue);
    }
    return size;
  }

  private valueOf(value: ValueNode, schemaDefault: unknown): number {
    if (value.kind === Kind.VARIABLE) {
      this.pageSizesFromVariables = true;
      const name = value.name.value;
      const given = this.variables[name];
      if (typeof given === 'number' && Number.isInteger(given)) return Math.max(0, given);
      if (given !== undefined && given !== null) return UNKNOWN_PAGE_SIZE;
      const fallback = this.variableDefaults.get(name);
      if (given === undefined && fallback) return this.valueOf(fallback, schemaDefault);
    } else if (value.kind === Kind.INT) {
      return Math.max(0, intValue(value));
    }
    // Null or absent: the subgraph applies its default.
    return typeof schemaDefault === 'number' ? schemaDefault : UNKNOWN_PAGE_SIZE;
  }
}

function intValue(value: ValueNode): number {
  return value.kind === Kind.INT ? Number(value.value) : Number.NEGATIVE_INFINITY;
}

function add(into: Totals, totals: Totals): void {
  into.fields += totals.fields;
  into.levelFields += totals.levelFields;
  into.cost += totals.cost;
  into.records += totals.records;
}
