import type { PrincipalAgency } from '../auth/principal';
import { Agency } from '../domain/agency';

/** One agency that owns records and publishes them as its own subgraph. */
export interface AgencyRegistration {
  /** The subgraph's name in the supergraph, its workspace folder (`subgraphs/<name>`) and its package (`@mappa/<name>`). */
  readonly name: string;
  /** The `Agency` value its records carry as their owner. */
  readonly agency: Agency;
  /** The agency its own staff belong to, as principals name it: its information governance audits its records (principle 10). */
  readonly principalAgency: PrincipalAgency;
  /** The port its subgraph listens on unless told otherwise. */
  readonly defaultPort: number;
  /** The PostgreSQL schema holding its tables; nothing else writes there. */
  readonly databaseSchema: string;
  /** The gateway's variable for where this subgraph is deployed. */
  readonly urlVariable: string;
  /** The local stack's variable for the port it starts this subgraph on. */
  readonly portVariable: string;
  /** Its own audit chain (`audit.entry.log`). */
  readonly auditLog: string;
}

/**
 * The agencies that own records, one subgraph each, in the order the stack starts them and the
 * supergraph lists them. Everything that lists the owning agencies (the local stack, the gateway's
 * subgraph URLs, the audit logs, the lint rule that keeps subgraphs apart, the tests) derives from
 * this one list, so a new agency is registered once; `stack/src/agency-registry.test.ts` fails when
 * it and the `subgraphs/*` workspaces disagree.
 */
export const AGENCY_REGISTRY = [
  {
    name: 'police',
    agency: Agency.POLICE,
    principalAgency: 'police',
    defaultPort: 4001,
    databaseSchema: 'police',
    urlVariable: 'POLICE_SUBGRAPH_URL',
    portVariable: 'POLICE_PORT',
    auditLog: 'police',
  },
  {
    name: 'probation',
    agency: Agency.PROBATION,
    principalAgency: 'probation',
    defaultPort: 4002,
    databaseSchema: 'probation',
    urlVariable: 'PROBATION_SUBGRAPH_URL',
    portVariable: 'PROBATION_PORT',
    auditLog: 'probation',
  },
  {
    name: 'prison',
    agency: Agency.PRISON,
    principalAgency: 'prison',
    defaultPort: 4003,
    databaseSchema: 'prison',
    urlVariable: 'PRISON_SUBGRAPH_URL',
    portVariable: 'PRISON_PORT',
    auditLog: 'prison',
  },
  {
    name: 'yot',
    agency: Agency.YOT,
    principalAgency: 'yot',
    defaultPort: 4004,
    databaseSchema: 'yot',
    urlVariable: 'YOT_SUBGRAPH_URL',
    portVariable: 'YOT_PORT',
    auditLog: 'yot',
  },
  {
    name: 'mappa',
    agency: Agency.MAPPA_UNIT,
    principalAgency: 'mappa_unit',
    defaultPort: 4005,
    databaseSchema: 'mappa',
    urlVariable: 'MAPPA_SUBGRAPH_URL',
    portVariable: 'MAPPA_PORT',
    auditLog: 'mappa',
  },
  // Issue 14: the sixth owner. A duty-to-co-operate agency at meetings, and the owner of its own
  // immigration enforcement records (time-served foreign national offenders in immigration detention).
  {
    name: 'home-office',
    agency: Agency.HOME_OFFICE,
    principalAgency: 'home_office',
    defaultPort: 4006,
    databaseSchema: 'home_office',
    urlVariable: 'HOME_OFFICE_SUBGRAPH_URL',
    portVariable: 'HOME_OFFICE_PORT',
    auditLog: 'home-office',
  },
] as const satisfies readonly AgencyRegistration[];

export type RegisteredAgency = (typeof AGENCY_REGISTRY)[number];
/** The name of a registered agency's subgraph (`police`, …, `mappa`). */
export type AgencySubgraphName = RegisteredAgency['name'];
/** The name of a registered agency's audit chain. */
export type AgencyAuditLogName = RegisteredAgency['auditLog'];

/** Every registered agency's subgraph name, in registry order. */
export const AGENCY_SUBGRAPH_NAMES: readonly AgencySubgraphName[] = AGENCY_REGISTRY.map(({ name }) => name);

/** The registration of the agency whose subgraph is `name`; throws for any other name. */
export function agencyRegistration(name: string): RegisteredAgency {
  const registration = AGENCY_REGISTRY.find((candidate) => candidate.name === name);
  if (!registration) throw new Error(`"${name}" is not a registered agency (known: ${AGENCY_SUBGRAPH_NAMES.join(', ')})`);
  return registration;
}

/** One value per registered agency, keyed by subgraph name (ports, URLs, per-agency settings). */
export function byAgency<T>(value: (registration: RegisteredAgency) => T): Record<AgencySubgraphName, T> {
  return Object.fromEntries(AGENCY_REGISTRY.map((registration) => [registration.name, value(registration)])) as Record<
    AgencySubgraphName,
    T
  >;
}
