import { startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

let env: TestStack;

beforeAll(async () => {
  env = await startTestStack({ dataset: SMALL_DATASET });
});

afterAll(async () => {
  await env.close();
});

describe('service endpoints', () => {
  it('every service answers /healthz and /readyz', async () => {
    const services = [env.stack.gateway, ...Object.values(env.stack.subgraphs)];
    for (const service of services) {
      const health = await fetch(`${service.url}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready' });
    }
  });

  it('every subgraph reports its database in /readyz', async () => {
    for (const subgraph of Object.values(env.stack.subgraphs)) {
      const body = (await (await fetch(`${subgraph.url}/readyz`)).json()) as { checks: { name: string; ok: boolean }[] };
      expect(body.checks).toEqual([{ name: 'database', ok: true }]);
    }
  });

  it('serves GraphiQL to a browser from local assets with a strict content-security policy', async () => {
    const page = await fetch(`${env.stack.gateway.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets).toHaveLength(5);
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of assets) {
      const response = await fetch(`${env.stack.gateway.url}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('answers API clients at the same /graphql path', async () => {
    const result = await env.query('{ __typename }');
    expect(result).toEqual({ data: { __typename: 'Query' } });
  });

  it("returns the caller's request id, or a new one when it is missing or unsafe", async () => {
    const echoed = await fetch(`${env.stack.gateway.url}/healthz`, { headers: { 'x-request-id': 'test-request-0001' } });
    expect(echoed.headers.get('x-request-id')).toBe('test-request-0001');
    const replaced = await fetch(`${env.stack.gateway.url}/healthz`, {
      headers: { 'x-request-id': 'bad id\nwith newline'.replace('\n', ' ') },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unknown asset is 404', async () => {
    const response = await fetch(`${env.stack.gateway.url}/graphiql/assets/..%2Fpackage.json`);
    expect(response.status).toBe(404);
  });
});

describe('requests that fail before GraphQL', () => {
  it.each(['gateway', 'police'])('the %s answers a malformed JSON body with a JSON error and no stack trace', async (service) => {
    const env2 = env;
    const url = service === 'gateway' ? env2.stack.gateway.url : env2.stack.subgraphs.police.url;
    const headers = service === 'gateway' ? await env2.headersFor() : {};
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{not json',
    });
    expect(response.status).toBe(service === 'gateway' ? 400 : 401);
    const body = await response.text();
    expect(() => JSON.parse(body) as unknown).not.toThrow();
    expect(body).not.toMatch(/at .*\.js:\d+|<html|SyntaxError/i);
  });
});
