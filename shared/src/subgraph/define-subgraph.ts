import type { PgTable } from 'drizzle-orm/pg-core';
import type { GraphQLSchema } from 'graphql';
import type { ClassType } from 'type-graphql';
import type { z } from 'zod';
import type { AuthorizationMode } from '../authorization/authorization-mode';
import type { FieldPolicy } from '../authorization/field-policy';
import type { RecordConditions } from '../authorization/record-condition';
import { parseEnv, subgraphEnv } from '../config/parse-env';
import type { Database } from '../db/database';
import { agencyRegistration } from '../federation/agency-registry';
import type { AgencySubgraphName } from '../federation/agency-registry';
import { buildFederatedSchema } from '../federation/build-federated-schema';
import type { AgencyOffender } from '../federation/offender-entity';
import type { SyntheticDatasetOptions, SyntheticPerson } from '../synthetic/person';
import type { OwnerPolicies } from './owner-policies';
import { runStandaloneSubgraph } from './run-standalone';
import type { StandaloneSubgraphConfig } from './run-standalone';
import { tableIsEmpty, truncateSeededTables } from './subgraph-database.query';
import type { SubgraphDefinition } from './subgraph-definition';

/** How an agency writes, clears and recognises its synthetic data. */
export interface SubgraphSeed {
  /** Writes the agency's rows for a batch of synthetic people (bulk inserts). */
  write(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void>;
  /**
   * The tables one `TRUNCATE … RESTART IDENTITY CASCADE` empties, in that statement's order: every
   * table no foreign key ties to another of the agency's (the rest go with them by `CASCADE`).
   * TRUNCATE rather than DELETE: it fires no row triggers, so append-only tables are cleared too.
   */
  readonly tables: readonly PgTable[];
  /** The table whose first row tells a seeded database from a fresh one. */
  readonly seededWhenRowsIn: PgTable;
}

/** What an agency writes to publish its subgraph; `defineSubgraph` provides the rest. */
export interface SubgraphSpec<Loaders extends object, Env extends z.ZodRawShape> {
  /** The agency, as registered (`AGENCY_REGISTRY`): its name, database schema, port and audit log come from there. */
  readonly agency: AgencySubgraphName;
  /** The package's drizzle-kit migrations folder (`join(__dirname, '..', 'drizzle')`). */
  readonly migrationsFolder: string;
  /** Every policy its fields name, the three every agency has (`ownerPolicies`) among them. */
  readonly policies: OwnerPolicies & Readonly<Record<string, FieldPolicy>>;
  /** Its `Offender` entity (`offenderEntity`): the type its resolvers extend, its reference resolver and access-audit query. */
  readonly offender: AgencyOffender<Loaders>;
  /** Its type-graphql resolvers: its entity modules' own, the `Offender` fields among them. */
  readonly resolvers: readonly ClassType[];
  /** The predicates of the record conditions its grants name (none by default). */
  readonly conditions?: RecordConditions;
  /** Its loaders, created afresh for every request (never shared between callers). */
  createLoaders(db: Database): Loaders;
  readonly seed: SubgraphSeed;
  /** Settings of its own beyond every subgraph's (`subgraphEnv`), checked at start with the rest. */
  readonly env?: Env;
}

/** A subgraph as `defineSubgraph` makes it: what the stack runs, its configuration and its own entry point. */
export interface DefinedSubgraph<
  Loaders extends object = object,
  Config extends StandaloneSubgraphConfig = StandaloneSubgraphConfig,
> extends SubgraphDefinition<Loaders> {
  /** Its configuration, read once from the environment (zod; every problem listed). `PORT` defaults to its registered port. */
  loadConfig(env?: NodeJS.ProcessEnv): Config;
  /** Runs it deployed on its own (`main.ts`): its own process and database; exits 1 with the reason when it cannot start. */
  main(): void;
}

/**
 * One agency's subgraph from what only the agency can say (its records' resolvers, policies, record
 * conditions, loaders, seed, and its `Offender` entity from `offenderEntity`): provides the schema
 * build with the entity's reference resolver and access-audit query and every field's policy
 * enforced, clearing and recognising its seeded data, the configuration (its registered port as the
 * default) and its standalone `main`; `startSubgraph` adds health, readiness, the gateway's assertion
 * check, per-request loaders and the audit trail.
 */
export function defineSubgraph<Loaders extends object, Env extends z.ZodRawShape = Record<never, never>>(
  spec: SubgraphSpec<Loaders, Env>,
): DefinedSubgraph<Loaders, StandaloneSubgraphConfig & z.infer<z.ZodObject<Env>>> {
  const registration = agencyRegistration(spec.agency);
  const { name, databaseSchema } = registration;
  // Another agency's policies or entity would serve this agency's records under that agency's rules.
  if (spec.policies.subjectKey.name !== `${name}.subjectKey` || spec.offender.agency !== name) {
    throw new Error(
      `${name}: its policies (${spec.policies.subjectKey.name}) and its Offender entity (${spec.offender.agency}) must be its own`,
    );
  }
  const policies = Object.values(spec.policies);
  const resolvers: [ClassType, ...ClassType[]] = [spec.offender.accessAuditResolver, ...spec.resolvers];
  const envSchema = subgraphEnv(registration.defaultPort).extend(spec.env ?? {});
  // The schema follows from the spec and the mode alone and holds no state of a service (its Apollo
  // Server, loaders, counters and audit writer are each service's own): built once per mode, so the
  // many stacks a test group starts in one module registry stop rebuilding it (a quarter of a warm
  // stack start's CPU); a deployed subgraph builds it once anyway.
  const schemas = new Map<AuthorizationMode, Promise<GraphQLSchema>>();
  const definition: DefinedSubgraph<Loaders, StandaloneSubgraphConfig & z.infer<z.ZodObject<Env>>> = {
    name,
    schema: databaseSchema,
    migrationsFolder: spec.migrationsFolder,
    policies,
    buildSchema: (authorization = 'enforced') => {
      const built =
        schemas.get(authorization) ??
        buildFederatedSchema({ resolvers }, spec.offender.referenceResolvers, policies, authorization, spec.conditions ?? {});
      schemas.set(authorization, built);
      return built;
    },
    createLoaders: (db) => spec.createLoaders(db),
    seed: (db, people, dataset) => spec.seed.write(db, people, dataset),
    clear: (db) => truncateSeededTables(db, spec.seed.tables),
    isEmpty: (db) => tableIsEmpty(db, spec.seed.seededWhenRowsIn),
    loadConfig: (env = process.env) => parseEnv(envSchema, env) as StandaloneSubgraphConfig & z.infer<z.ZodObject<Env>>,
    main: () => {
      // Configuration errors included: an operator reads one line with every problem, never a stack trace.
      void Promise.resolve()
        .then(() => runStandaloneSubgraph(definition, definition.loadConfig()))
        .catch((error: unknown) => {
          process.stderr.write(`${name} subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        });
    },
  };
  return definition;
}
