import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayEnv } from '@mappa/gateway';
import { AGENCY_REGISTRY, generateSigningKeyPair, parseEnv, subgraphEnv } from '@mappa/shared';
import { parse } from 'yaml';
import type { z } from 'zod';
import { stackEnv } from './config';

// Issue 15, deployment: no container runtime runs on the development machine, so deploy/ is checked
// as configuration. Every registered agency has its service, every variable a service is given is one
// its own configuration (zod schema) reads and the whole environment parses under it, ports and URLs
// agree, health checks ask /readyz, the image is multi-stage and runs as a non-root user with production
// dependencies only, and no secret value is committed.

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ComposeService {
  readonly command?: readonly string[];
  readonly environment?: Record<string, string | number>;
  readonly healthcheck?: { readonly test?: readonly string[] };
  readonly deploy?: { readonly replicas?: string | number };
  readonly stop_grace_period?: string;
  readonly image?: string;
}

const compose = parse(read('deploy/compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };
const dockerfile = read('deploy/Dockerfile');
const nginx = read('deploy/nginx.conf');
const services = compose.services;
/** Our own services (built from the image), apart from PostgreSQL, Redis and nginx. */
const ours = Object.entries(services).filter(([, service]) => service.image === 'mappa:latest');

/** `${NAME:?message}` or `${NAME:-default}`: compose's interpolation, with its variable and default. */
const INTERPOLATION = /\$\{([A-Z0-9_]+)(?::[?-]([^}]*))?\}/g;

let secrets: Record<string, string>;

beforeAll(async () => {
  const pair = await generateSigningKeyPair();
  // What an operator supplies to `docker compose` (deploy/README.md), in shapes each service accepts.
  secrets = {
    POSTGRES_PASSWORD: 'operator-chosen',
    GATEWAY_PUBLIC_KEYS: JSON.stringify({ keys: [pair.publicJwk] }),
    GATEWAY_ASSERTION_KEY: JSON.stringify(pair.privateJwk),
    STATISTICS_KEY_SECRET: 'a'.repeat(43),
    TRUSTED_ISSUERS: '[]',
    STAFF_ID_ISSUERS: '["https://idp.example"]',
  };
});

/** A service's environment as compose would pass it, with the operator's values interpolated. */
function environmentOf(service: ComposeService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      String(value).replace(INTERPOLATION, (_match, variable: string, fallback: string | undefined) => {
        const supplied = secrets[variable];
        if (supplied === undefined && fallback === undefined) throw new Error(`${name} uses \${${variable}}, which the test does not know`);
        return supplied ?? fallback ?? '';
      }),
    ]),
  );
}

function expectReadsOnly(environment: Record<string, string>, schema: z.ZodObject, service: string): void {
  const unknown = Object.keys(environment).filter((name) => !(name in schema.shape));
  expect({ service, unknown }).toEqual({ service, unknown: [] });
  expect(() => parseEnv(schema, environment)).not.toThrow();
}

describe('issue 15: deploy/compose.yaml', () => {
  it('issue 15: every registered agency has its subgraph service, on its registered port, from its own entry point', () => {
    for (const { name, defaultPort } of AGENCY_REGISTRY) {
      const service = services[name];
      expect({ name, command: service?.command, port: service?.environment?.PORT }).toEqual({
        name,
        command: ['node', `subgraphs/${name}/dist/main.js`],
        port: String(defaultPort),
      });
    }
    expect(ours.map(([name]) => name).sort()).toEqual([...AGENCY_REGISTRY.map(({ name }) => name), 'gateway', 'migrate'].sort());
  });

  it('issue 15: the gateway finds each subgraph at its service name and port, and the proxy finds the gateway', () => {
    const gateway = services.gateway!;
    expect(gateway.command).toEqual(['node', 'gateway/dist/main.js']);
    for (const { name, defaultPort, urlVariable } of AGENCY_REGISTRY)
      expect(gateway.environment?.[urlVariable]).toBe(`http://${name}:${defaultPort}/graphql`);
    expect(nginx).toContain(`server gateway:${String(gateway.environment?.GATEWAY_PORT)} `);
    expect(nginx).toMatch(/proxy_pass http:\/\/gateway;/);
  });

  it('issue 15: every variable a service is given is one its own configuration reads, and the whole environment parses', () => {
    expectReadsOnly(environmentOf(services.gateway!), gatewayEnv, 'gateway');
    for (const { name, defaultPort } of AGENCY_REGISTRY) expectReadsOnly(environmentOf(services[name]!), subgraphEnv(defaultPort), name);
    expectReadsOnly(environmentOf(services.migrate!), stackEnv, 'migrate');
  });

  it('issue 15: several gateway replicas by default, every service in production on Redis (the shared-state rule), stopped after its drain', () => {
    expect(String(services.gateway?.deploy?.replicas)).toMatch(/^\$\{GATEWAY_REPLICAS:-([2-9])\}$/);
    for (const [name, service] of ours.filter(([name]) => name !== 'migrate')) {
      const environment = environmentOf(service);
      expect({ name, NODE_ENV: environment.NODE_ENV, redis: environment.REDIS_URL }).toEqual({
        name,
        NODE_ENV: 'production',
        redis: 'redis://redis:6379',
      });
      // compose's stop_grace_period (then SIGKILL) is longer than the service's own drain bound.
      expect(Number(/^(\d+)s$/.exec(service.stop_grace_period ?? '')?.[1]) * 1000).toBeGreaterThan(Number(environment.SHUTDOWN_GRACE_MS));
    }
  });

  it('issue 15: no secret value is committed: secrets and database passwords come from the operator', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET|ASSERTION_KEY|TOKEN/.test(variable))
          expect({ name, variable, value }).toEqual({ name, variable, value: expect.stringMatching(/^\$\{[A-Z_]+:\?[^}]+\}$/) });
        // A URL with credentials carries only an interpolated password.
        const password = /:\/\/[^:/@]+:([^@]+)@/.exec(String(value))?.[1];
        if (password)
          expect({ name, variable, password }).toEqual({ name, variable, password: expect.stringMatching(/^\$\{[A-Z_]+:\?[^}]+\}$/) });
      }
    }
    for (const file of ['deploy/compose.yaml', 'deploy/Dockerfile', 'deploy/nginx.conf', 'deploy/README.md']) {
      expect({ file, privateKey: /"d"\s*:|PRIVATE KEY/.test(read(file)) }).toEqual({ file, privateKey: false });
    }
  });
});

describe('issue 15: deploy/Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('issue 15: is multi-stage, and the final stage installs production dependencies only and runs as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime).toMatch(/^RUN npm ci --omit=dev\b/m);
    const user = /^USER (\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime.indexOf('USER ')).toBeGreaterThan(runtime.lastIndexOf('RUN '));
  });

  it('issue 15: both stages have every workspace manifest, and the final stage every agency built, with its migrations and schema', () => {
    const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
    for (const stage of stages) for (const workspace of workspaces) expect(stage).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    for (const { name } of AGENCY_REGISTRY) {
      for (const part of ['dist', 'drizzle'])
        expect(runtime).toContain(`COPY --from=build /app/subgraphs/${name}/${part} subgraphs/${name}/${part}`);
      expect(runtime).toContain(`COPY --from=build /app/subgraphs/${name}/schema.graphql subgraphs/${name}/`);
    }
    for (const path of ['shared/dist', 'shared/drizzle', 'gateway/dist', 'stack/dist'])
      expect(runtime).toContain(`COPY --from=build /app/${path} ${path}`);
  });

  it('issue 15: its health check asks the service own /readyz (503 while draining or while its database does not answer)', () => {
    expect(runtime).toMatch(/^HEALTHCHECK .*CMD \["node", "deploy\/healthcheck\.js"\]$/m);
    expect(read('deploy/healthcheck.js')).toMatch(/\/readyz/);
    for (const [name, service] of ours)
      if (service.healthcheck)
        expect({ name, test: service.healthcheck.test?.join(' ') }).toEqual({ name, test: expect.stringContaining('/readyz') });
  });
});
