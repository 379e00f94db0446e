import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayEnv } from '@mappa/gateway';
import { AGENCY_REGISTRY, defaultMetricsPortOf, generateSigningKeyPair, parseEnv, subgraphEnv } from '@mappa/shared';
import { parse, parseAllDocuments } from 'yaml';
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

/** Read by Node itself, not by a service's configuration. */
const NODE_VARIABLES = new Set(['NODE_OPTIONS']);

function expectReadsOnly(environment: Record<string, string>, schema: z.ZodObject, service: string): void {
  const unknown = Object.keys(environment).filter((name) => !(name in schema.shape) && !NODE_VARIABLES.has(name));
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

// ---- deploy/k8s: Kubernetes manifests, checked against the compose file and the agency registry ----

interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef?: { readonly name: string; readonly key: string } };
}
interface Container {
  readonly name: string;
  readonly image: string;
  readonly command: readonly string[];
  readonly ports?: readonly { readonly name: string; readonly containerPort: number }[];
  readonly env?: readonly EnvVar[];
  readonly readinessProbe?: { readonly httpGet?: { readonly path: string; readonly port: string | number } };
  readonly livenessProbe?: { readonly httpGet?: { readonly path: string; readonly port: string | number } };
  readonly lifecycle?: { readonly preStop?: { readonly sleep?: { readonly seconds: number } } };
  readonly securityContext?: { readonly allowPrivilegeEscalation?: boolean };
}
interface PodSpec {
  readonly terminationGracePeriodSeconds?: number;
  readonly securityContext?: { readonly runAsNonRoot?: boolean };
  readonly containers: readonly Container[];
}
interface PodTemplate {
  readonly metadata: { readonly labels: Record<string, string>; readonly annotations?: Record<string, string> };
  readonly spec: PodSpec;
}
interface Selector {
  readonly matchLabels?: Record<string, string>;
}
interface Peer {
  readonly podSelector?: Selector;
  readonly namespaceSelector?: Selector;
  readonly ipBlock?: unknown;
}
interface Rule {
  readonly from?: readonly Peer[];
  readonly to?: readonly Peer[];
  readonly ports?: readonly { readonly protocol: string; readonly port: number }[];
}
interface Manifest {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly spec: {
    readonly replicas?: number;
    readonly selector?: Selector;
    readonly template?: PodTemplate;
    readonly ports?: readonly { readonly port: number; readonly targetPort: string | number }[];
    readonly scaleTargetRef?: { readonly kind: string; readonly name: string };
    readonly minReplicas?: number;
    readonly maxReplicas?: number;
    readonly podSelector?: Selector;
    readonly policyTypes?: readonly string[];
    readonly ingress?: readonly Rule[];
    readonly egress?: readonly Rule[];
  };
}

const K8S = 'deploy/k8s';
const k8sFiles = readdirSync(join(ROOT, K8S)).filter((file) => file.endsWith('.yaml'));
const manifests: Manifest[] = k8sFiles.flatMap((file) =>
  parseAllDocuments(read(`${K8S}/${file}`))
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null && manifest.kind !== 'Kustomization'),
);
const manifest = (kind: string, name: string) => manifests.find((item) => item.kind === kind && item.metadata.name === name);
const SERVICES = ['gateway', ...AGENCY_REGISTRY.map(({ name }) => name)];
const containerOf = (kind: string, name: string): Container => manifest(kind, name)!.spec.template!.spec.containers[0]!;
/** A compose value the operator supplies (`${NAME:?…}`): in Kubernetes it comes from the Secret. */
const suppliedByOperator = (value: string | number) => /\$\{[A-Z_]+:\?/.test(String(value));
/** What only a cluster needs: the metrics listener reachable by the scraper (compose publishes no metrics). */
const CLUSTER_ONLY = new Set(['METRICS_HOST', 'METRICS_PORT']);

/** A pod's environment as Kubernetes gives it, with the Secret's keys filled as an operator would. */
function k8sEnvironmentOf(container: Container): Record<string, string> {
  return Object.fromEntries(
    (container.env ?? []).map((variable) => {
      if (variable.value !== undefined) return [variable.name, variable.value];
      const key = variable.valueFrom?.secretKeyRef?.key ?? '';
      const value = key === 'DATABASE_URL' ? `postgres://mappa:${secrets.POSTGRES_PASSWORD}@postgres:5432/mappa` : secrets[key];
      if (value === undefined) throw new Error(`${variable.name} comes from Secret key ${key}, which the test does not know`);
      return [variable.name, value];
    }),
  );
}

const sameLabels = (selector: Selector | undefined, labels: Record<string, string>) =>
  Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);

describe('issue 15: deploy/k8s (Kubernetes manifests)', () => {
  it('issue 15: every registered agency and the gateway has a Deployment and a Service, with its compose command and port', () => {
    for (const name of SERVICES) {
      const deployment = manifest('Deployment', name);
      const service = manifest('Service', name);
      expect({ name, deployment: deployment !== undefined, service: service !== undefined }).toEqual({
        name,
        deployment: true,
        service: true,
      });
      const container = containerOf('Deployment', name);
      const composed = services[name]!;
      const port = Number(composed.environment?.[name === 'gateway' ? 'GATEWAY_PORT' : 'PORT']);
      expect({ name, command: container.command, image: container.image }).toEqual({
        name,
        command: composed.command,
        image: composed.image,
      });
      expect({ name, http: container.ports?.find((entry) => entry.name === 'http')?.containerPort }).toEqual({ name, http: port });
      expect({ name, ports: service!.spec.ports }).toEqual({ name, ports: [expect.objectContaining({ port, targetPort: 'http' })] });
      // The Service and the Deployment select this service's pods, and only them.
      expect(deployment!.spec.selector?.matchLabels).toEqual({ 'app.kubernetes.io/name': name });
      expect(sameLabels(deployment!.spec.selector, deployment!.spec.template!.metadata.labels)).toBe(true);
    }
    const registered = AGENCY_REGISTRY.find(({ name }) => name === 'police')!;
    expect(containerOf('Deployment', 'police').ports?.find((entry) => entry.name === 'http')?.containerPort).toBe(registered.defaultPort);
    expect(containerOf('Job', 'migrate').command).toEqual(services.migrate!.command);
  });

  it('issue 15: each pod has exactly its compose environment: plain values equal, operator-supplied ones from the Secret, and it parses', () => {
    for (const [kind, name] of [...SERVICES.map((name) => ['Deployment', name] as const), ['Job', 'migrate'] as const]) {
      const container = containerOf(kind, name);
      const composed = services[name]!.environment ?? {};
      const plain = Object.fromEntries(
        (container.env ?? [])
          .filter((variable) => variable.value !== undefined && !CLUSTER_ONLY.has(variable.name))
          .map((v) => [v.name, v.value]),
      );
      const fromSecret = (container.env ?? []).filter((variable) => variable.valueFrom !== undefined);
      expect({ name, plain }).toEqual({
        name,
        plain: Object.fromEntries(
          Object.entries(composed)
            .filter(([, value]) => !suppliedByOperator(value))
            .map(([key, value]) => [key, String(value)]),
        ),
      });
      expect({ name, secret: fromSecret.map((variable) => variable.name).sort() }).toEqual({
        name,
        secret: Object.entries(composed)
          .filter(([, value]) => suppliedByOperator(value))
          .map(([key]) => key)
          .sort(),
      });
      for (const variable of fromSecret)
        expect({ name, ref: variable.valueFrom?.secretKeyRef }).toEqual({ name, ref: { name: 'mappa-secrets', key: variable.name } });
    }
    expectReadsOnly(k8sEnvironmentOf(containerOf('Deployment', 'gateway')), gatewayEnv, 'gateway');
    for (const { name, defaultPort } of AGENCY_REGISTRY)
      expectReadsOnly(k8sEnvironmentOf(containerOf('Deployment', name)), subgraphEnv(defaultPort), name);
    expectReadsOnly(k8sEnvironmentOf(containerOf('Job', 'migrate')), stackEnv, 'migrate');
  });

  it('issue 15: probes ask /readyz and /healthz, the grace period outlasts preStop plus the drain, pods run unprivileged', () => {
    for (const name of SERVICES) {
      const { spec } = manifest('Deployment', name)!.spec.template!;
      const container = spec.containers[0]!;
      expect({ name, readiness: container.readinessProbe?.httpGet, liveness: container.livenessProbe?.httpGet }).toEqual({
        name,
        readiness: { path: '/readyz', port: 'http' },
        liveness: { path: '/healthz', port: 'http' },
      });
      const drainMs = Number(k8sEnvironmentOf(container).SHUTDOWN_GRACE_MS);
      const preStopMs = (container.lifecycle?.preStop?.sleep?.seconds ?? 0) * 1000;
      expect((spec.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(drainMs + preStopMs);
      expect({
        name,
        nonRoot: spec.securityContext?.runAsNonRoot,
        escalation: container.securityContext?.allowPrivilegeEscalation,
      }).toEqual({
        name,
        nonRoot: true,
        escalation: false,
      });
    }
  });

  it('issue 15: the metrics port is open to the scraper and annotated, apart from the service port', () => {
    for (const name of SERVICES) {
      const template = manifest('Deployment', name)!.spec.template!;
      const container = template.spec.containers[0]!;
      const environment = k8sEnvironmentOf(container);
      const port = Number(environment.GATEWAY_PORT ?? environment.PORT);
      const metricsPort = defaultMetricsPortOf(port);
      expect({ name, host: environment.METRICS_HOST, port: environment.METRICS_PORT }).toEqual({
        name,
        host: '0.0.0.0',
        port: String(metricsPort),
      });
      expect({ name, annotations: template.metadata.annotations }).toEqual({
        name,
        annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(metricsPort), 'prometheus.io/path': '/metrics' },
      });
      expect(container.ports?.find((entry) => entry.name === 'metrics')?.containerPort).toBe(metricsPort);
    }
  });

  it('issue 15: the gateway runs several replicas, scaled by an autoscaler, with its heap bound', () => {
    expect(manifest('Deployment', 'gateway')!.spec.replicas).toBeGreaterThanOrEqual(2);
    const autoscaler = manifest('HorizontalPodAutoscaler', 'gateway')!;
    expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(autoscaler.spec.maxReplicas).toBeGreaterThan(autoscaler.spec.minReplicas!);
    expect(k8sEnvironmentOf(containerOf('Deployment', 'gateway')).NODE_OPTIONS).toMatch(/--max-old-space-size=\d+/);
  });

  describe('network policies', () => {
    const policies = manifests.filter((item) => item.kind === 'NetworkPolicy');
    /** The policies selecting a pod with these labels, and what they allow it. */
    const rulesFor = (labels: Record<string, string>, direction: 'ingress' | 'egress') =>
      policies
        .filter((policy) => sameLabels(policy.spec.podSelector, labels))
        .filter((policy) => policy.spec.policyTypes?.includes(direction === 'ingress' ? 'Ingress' : 'Egress'))
        .flatMap((policy) => policy.spec[direction] ?? []);
    const labelsOf = (name: string) => manifest(name === 'migrate' ? 'Job' : 'Deployment', name)!.spec.template!.metadata.labels;
    const portOf = (name: string) =>
      Number(k8sEnvironmentOf(containerOf('Deployment', name)).GATEWAY_PORT ?? k8sEnvironmentOf(containerOf('Deployment', name)).PORT);
    const DNS = { namespace: 'kube-system', pod: 'kube-dns' };

    it('issue 15: every pod is denied by default, in and out', () => {
      const deny = policies.find((policy) => Object.keys(policy.spec.podSelector?.matchLabels ?? {}).length === 0);
      expect(deny?.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(deny?.spec.ingress ?? []).toEqual([]);
      expect(deny?.spec.egress ?? []).toEqual([]);
    });

    it('issue 15: egress goes only gateway -> subgraphs, every service -> PostgreSQL and Redis, and to the cluster DNS', () => {
      for (const name of [...SERVICES, 'migrate']) {
        for (const rule of rulesFor(labelsOf(name), 'egress')) {
          // Never "anywhere": every rule names its peers and ports.
          expect(rule.to!.length).toBeGreaterThan(0);
          expect(rule.ports!.length).toBeGreaterThan(0);
          for (const peer of rule.to!) {
            expect(peer.ipBlock).toBeUndefined();
            const pod = peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] ?? peer.podSelector?.matchLabels?.['k8s-app'];
            const allowed =
              peer.namespaceSelector !== undefined
                ? peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'] === DNS.namespace && pod === DNS.pod
                : pod === 'postgres' || pod === 'redis' || (name === 'gateway' && AGENCY_REGISTRY.some((agency) => agency.name === pod));
            expect({ name, to: pod, allowed }).toEqual({ name, to: pod, allowed: true });
            const ports = rule.ports!.map((entry) => entry.port);
            const expected = pod === 'postgres' ? [5432] : pod === 'redis' ? [6379] : pod === DNS.pod ? [53, 53] : [portOf(pod!)];
            expect({ name, to: pod, ports }).toEqual({ name, to: pod, ports: expected });
          }
        }
      }
      // And the gateway can reach every subgraph.
      const gatewayEgress = rulesFor(labelsOf('gateway'), 'egress');
      for (const { name } of AGENCY_REGISTRY)
        expect({
          name,
          reachable: gatewayEgress.some((rule) =>
            rule.to?.some((peer) => peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] === name),
          ),
        }).toEqual({
          name,
          reachable: true,
        });
    });

    it('issue 15: a subgraph accepts only the gateway on its service port (and the scraper on its metrics port)', () => {
      for (const { name } of AGENCY_REGISTRY) {
        const metricsPort = defaultMetricsPortOf(portOf(name));
        for (const rule of rulesFor(labelsOf(name), 'ingress')) {
          const peers = (rule.from ?? []).map((peer) =>
            peer.namespaceSelector
              ? `namespace:${peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name']}`
              : `pod:${peer.podSelector?.matchLabels?.['app.kubernetes.io/name']}`,
          );
          const ports = (rule.ports ?? []).map((entry) => entry.port);
          if (peers.includes('pod:gateway'))
            expect({ name, peers, ports }).toEqual({ name, peers: ['pod:gateway'], ports: [portOf(name)] });
          else {
            expect({ name, peers }).toEqual({ name, peers: ['namespace:monitoring'] });
            expect(ports).toContain(metricsPort);
            expect(ports).not.toContain(portOf(name));
          }
        }
      }
    });
  });

  it('issue 15: no secret value is in the manifests', () => {
    for (const file of k8sFiles) {
      const text = read(`${K8S}/${file}`);
      expect({ file, privateKey: /"d"\s*:|PRIVATE KEY/.test(text), password: /:\/\/[^:/@\s]+:[^@\s]+@/.test(text) }).toEqual({
        file,
        privateKey: false,
        password: false,
      });
    }
    for (const item of manifests.filter((entry) => entry.kind === 'Secret')) expect(item).toBeUndefined();
  });
});
