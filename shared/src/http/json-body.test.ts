import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJsonBody, UnreadableBodyError } from './json-body';

// A subgraph's request body as it reads it without Express (issue 15): what it takes, and the status
// of each refusal, over a real socket.
const LIMIT = 64;

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((incoming, response) => {
    readJsonBody(incoming, LIMIT).then(
      (body) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(body ? { value: body.value, bytes: body.bytes.toString('base64') } : { none: true }));
      },
      (error: unknown) => {
        response.statusCode = error instanceof UnreadableBodyError ? error.status : 500;
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const post = async (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined };
};

/** Sends `chunks` with chunked transfer encoding (no declared length), one write each. */
const postChunked = (chunks: string[]): Promise<number> =>
  new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });

describe('a JSON request body', () => {
  it('is read whole: its value, and the exact bytes received (what an assertion is bound to)', async () => {
    const text = '{ "query": "{ a }",  "variables": {} }';
    const answer = await post(text, { 'content-type': 'application/json; charset=UTF-8' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ value: { query: '{ a }', variables: {} }, bytes: Buffer.from(text).toString('base64') });
  });

  it('is read across several chunks', async () => {
    expect(await postChunked(['{"query":', ' "{ a }"}'])).toBe(200);
  });

  it('empty is an empty object', async () => {
    expect((await post('')).body).toMatchObject({ value: {} });
  });

  it('is not read when the request has another content type, or no body (GraphQL decides what that means)', async () => {
    expect((await post('{"query":"{ a }"}', { 'content-type': 'text/plain' })).body).toEqual({ none: true });
    const get = await fetch(url, { headers: { 'content-type': 'application/json' } });
    expect(await get.json()).toEqual({ none: true });
  });

  it.each([
    ['malformed JSON', '{not json'],
    ['a bare JSON scalar', ' "a string"'],
  ])('is refused with 400 when it is %s', async (_case, text) => {
    expect((await post(text)).status).toBe(400);
  });

  it('is refused with 413 past the limit, whether it declares its length or not', async () => {
    expect((await post(`{"query":"${'a'.repeat(LIMIT)}"}`)).status).toBe(413);
    expect(await postChunked(['{"query":"', 'a'.repeat(LIMIT), '"}'])).toBe(413);
  });

  it('is refused with 415 in a charset other than UTF-8, or compressed', async () => {
    expect((await post('{}', { 'content-type': 'application/json; charset=latin1' })).status).toBe(415);
    expect((await post('{}', { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(415);
  });
});
