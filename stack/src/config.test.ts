import { loadGatewayConfig } from '@mappa/gateway';
import { ConfigError, generateSigningKeyPair, parseEnv, subgraphEnv } from '@mappa/shared';
import { loadStackConfig, processLayoutOf } from './config';

// Issue 15, replicas: a production service may be one of several replicas, and replicas on in-memory
// state each keep their own rate-limit buckets and assertion replay cache. So in production the
// gateway and every subgraph refuse to start without REDIS_URL, unless REQUIRE_SHARED_STATE=false
// declares a single replica; `npm start` refuses several gateway replicas without Redis.

const SERVER = 'postgres://postgres@127.0.0.1:5432/mappa';
const REDIS = 'redis://127.0.0.1:6379';

let gatewayKey: string;
let publicKeys: string;

beforeAll(async () => {
  const pair = await generateSigningKeyPair();
  gatewayKey = JSON.stringify(pair.privateJwk);
  publicKeys = JSON.stringify({ keys: [pair.publicJwk] });
});

const gatewayConfig = (env: NodeJS.ProcessEnv) => () => loadGatewayConfig({ GATEWAY_ASSERTION_KEY: gatewayKey, ...env });
const subgraphConfig = (env: NodeJS.ProcessEnv) => () => parseEnv(subgraphEnv(4001), { GATEWAY_PUBLIC_KEYS: publicKeys, ...env });

describe('issue 15: shared state is required where replicas may run', () => {
  it.each([
    ['the gateway', gatewayConfig],
    ['a subgraph', subgraphConfig],
  ])('issue 15: %s in production refuses to start without REDIS_URL, naming the variable', (_service, load) => {
    expect(load({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(load({ NODE_ENV: 'production' })).toThrow(/REDIS_URL: required in production/);
    expect(load({ NODE_ENV: 'production', REQUIRE_SHARED_STATE: 'true' })).toThrow(/REDIS_URL/);
  });

  it.each([
    ['the gateway', gatewayConfig],
    ['a subgraph', subgraphConfig],
  ])(
    'issue 15: %s starts in production with REDIS_URL, or as a declared single replica; in development on memory unless told',
    (_service, load) => {
      expect(load({ NODE_ENV: 'production', REDIS_URL: REDIS })().REDIS_URL).toBe(REDIS);
      expect(load({ NODE_ENV: 'production', REQUIRE_SHARED_STATE: 'false' })().REDIS_URL).toBeUndefined();
      expect(load({ NODE_ENV: 'development' })().REDIS_URL).toBeUndefined();
      expect(load({ NODE_ENV: 'development', REQUIRE_SHARED_STATE: 'true' })).toThrow(/REDIS_URL/);
      expect(load({ REQUIRE_SHARED_STATE: 'yes' })).toThrow(/REQUIRE_SHARED_STATE/);
    },
  );
});

describe('issue 15: npm start, one process or one per service', () => {
  it('issue 15: one process on the embedded database, one per service with DATABASE_URL, unless PROCESS_LAYOUT says otherwise', () => {
    expect(processLayoutOf(loadStackConfig({}))).toBe('single');
    expect(processLayoutOf(loadStackConfig({ DATABASE_URL: SERVER }))).toBe('per-service');
    expect(processLayoutOf(loadStackConfig({ DATABASE_URL: SERVER, PROCESS_LAYOUT: 'single' }))).toBe('single');
  });

  it('issue 15: refuses one process per service on the embedded database (it lives inside one process)', () => {
    expect(() => loadStackConfig({ PROCESS_LAYOUT: 'per-service' })).toThrow(/PROCESS_LAYOUT: per-service needs DATABASE_URL/);
  });

  it('issue 15: several gateway replicas need Redis and the per-service layout', () => {
    expect(loadStackConfig({ DATABASE_URL: SERVER, REDIS_URL: REDIS, GATEWAY_REPLICAS: '3' }).GATEWAY_REPLICAS).toBe(3);
    expect(() => loadStackConfig({ DATABASE_URL: SERVER, GATEWAY_REPLICAS: '2' })).toThrow(
      /REDIS_URL: required for more than one gateway replica/,
    );
    expect(() => loadStackConfig({ REDIS_URL: REDIS, GATEWAY_REPLICAS: '2' })).toThrow(
      /GATEWAY_REPLICAS: more than one gateway replica needs the per-service layout/,
    );
    expect(() => loadStackConfig({ DATABASE_URL: SERVER, REDIS_URL: REDIS, GATEWAY_REPLICAS: '0' })).toThrow(/GATEWAY_REPLICAS/);
  });
});
