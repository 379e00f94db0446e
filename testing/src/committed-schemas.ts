import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { buildSchema, parse, printSchema, validate } from 'graphql';
import type { GraphQLSchema } from 'graphql';

// The committed schemas the tests' documents are checked against before they are sent: the composed
// supergraph's API schema (what a client of the gateway may ask) and each subgraph's committed SDL
// (what the gateway may ask of it). A test whose document names a removed or renamed field then fails
// with GraphQL's own message, instead of reading `undefined` from an answer that only has errors.

const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** Where a schema's source is committed, and how a GraphQL schema is made from it. */
interface CommittedSchema {
  readonly name: string;
  readonly path: string;
  build(sdl: string): GraphQLSchema;
}

const SUPERGRAPH: CommittedSchema = {
  name: 'the API schema of the committed supergraph (gateway/supergraph.graphql)',
  path: join(REPOSITORY_ROOT, 'gateway', 'supergraph.graphql'),
  build: (sdl) => Supergraph.build(sdl).apiSchema().toGraphQLJSSchema(),
};

const subgraph = (name: string): CommittedSchema => ({
  name: `the committed SDL of the ${name} subgraph (subgraphs/${name}/schema.graphql)`,
  path: join(REPOSITORY_ROOT, 'subgraphs', name, 'schema.graphql'),
  build: (sdl) => buildSubgraphSchema([{ typeDefs: parse(sdl) }]),
});

/**
 * The printed schemas, one file per committed source's content: building the supergraph's API schema
 * takes about 1.2 s of CPU and a subgraph's about 0.3 s, reading the printed schema back 0.07 s, and
 * every test file that sends documents needs one. Keyed by the source's SHA-256, so an edited schema
 * is built afresh; written to a temporary name and renamed, so parallel workers never read half a file.
 */
const CACHE_FOLDER = join(tmpdir(), 'mappa-test-schemas');

interface LoadedSchema {
  readonly name: string;
  readonly schema: GraphQLSchema;
  /** Each document's validation messages, by its text ([] when valid). */
  readonly checked: Map<string, readonly string[]>;
}

const loaded = new Map<string, LoadedSchema>();

function load(committed: CommittedSchema): LoadedSchema {
  const known = loaded.get(committed.path);
  if (known) return known;
  const source = readFileSync(committed.path, 'utf8');
  const cached = join(CACHE_FOLDER, `${createHash('sha256').update(committed.path).update('\0').update(source).digest('hex')}.graphql`);
  let schema: GraphQLSchema;
  try {
    schema = buildSchema(readFileSync(cached, 'utf8'));
  } catch {
    schema = committed.build(source);
    void cachePrinted(cached, printSchema(schema));
  }
  const result = { name: committed.name, schema, checked: new Map<string, readonly string[]>() };
  loaded.set(committed.path, result);
  return result;
}

async function cachePrinted(file: string, printed: string): Promise<void> {
  try {
    await mkdir(CACHE_FOLDER, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, printed);
    await rename(partial, file);
  } catch {
    // Only a cache: the next test file builds the schema again.
  }
}

/** A document the committed schema does not accept, with GraphQL's messages. */
export class InvalidTestDocumentError extends Error {
  constructor(schemaName: string, messages: readonly string[], document: string) {
    super(`The test's document is not valid against ${schemaName}:\n- ${messages.join('\n- ')}\n${document}`);
    this.name = 'InvalidTestDocumentError';
  }
}

function check(schema: LoadedSchema, document: string): void {
  let messages = schema.checked.get(document);
  if (messages === undefined) {
    try {
      messages = validate(schema.schema, parse(document)).map((error) => error.message);
    } catch (error) {
      messages = [error instanceof Error ? error.message : String(error)];
    }
    schema.checked.set(document, messages);
  }
  if (messages.length > 0) throw new InvalidTestDocumentError(schema.name, messages, document);
}

/** Throws unless `document` parses and validates against the committed supergraph's API schema (once per text). */
export function checkGatewayDocument(document: string): void {
  check(load(SUPERGRAPH), document);
}

/** Throws unless `document` parses and validates against `subgraphName`'s committed SDL (once per text). */
export function checkSubgraphDocument(subgraphName: string, document: string): void {
  check(load(subgraph(subgraphName)), document);
}
