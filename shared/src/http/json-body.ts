import type { IncomingMessage } from 'node:http';

/** A request body that could not be read as JSON, and the HTTP status that says why. */
export class UnreadableBodyError extends Error {
  constructor(
    /** 400: malformed or cut short; 413: over the limit; 415: compressed, or a charset other than UTF-8. */
    readonly status: 400 | 413 | 415,
    reason: string,
  ) {
    super(reason);
    this.name = 'UnreadableBodyError';
  }
}

/** A JSON request body: the exact bytes received (what a gateway assertion is bound to) and their value. */
export interface JsonBody {
  readonly bytes: Buffer;
  readonly value: unknown;
}

/** The first character of `text` that is not RFC 8259's whitespace (space, tab, line feed, carriage return). */
function firstSignificant(text: string): string | undefined {
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character !== ' ' && character !== '\t' && character !== '\n' && character !== '\r') return character;
  }
  return undefined;
}

/** Whether the request says it carries a body at all (a length, or a chunked transfer), as type-is decides. */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && !Number.isNaN(Number(length)));
}

/** The media type and charset of a `content-type` header, lower-cased. */
function contentTypeOf(header: string | undefined): { type: string; charset: string | undefined } {
  if (!header) return { type: '', charset: undefined };
  const [type = '', ...parameters] = header.split(';');
  let charset: string | undefined;
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset')
      charset = value
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

/** The bytes of the request's body, whole, refused past `limitBytes`. */
function readBytes(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  // Refused before a byte is read; Node reads off and drops the rest once the answer is sent.
  if (declared > limitBytes) return Promise.reject(new UnreadableBodyError(413, 'request entity too large'));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onCut);
      request.off('close', onCut);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limitBytes) {
        stop();
        // The rest is read off and dropped, so the connection can serve the answer and the next request.
        request.resume();
        reject(new UnreadableBodyError(413, 'request entity too large'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received));
    };
    // The client went away, or the connection broke, before the whole body arrived.
    const onCut = (): void => {
      stop();
      reject(new UnreadableBodyError(400, 'request body cut short'));
    };
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onCut);
    request.once('close', onCut);
  });
}

/**
 * The request's JSON body, read whole up to `limitBytes`, as Express's `json()` read it: undefined
 * when the request has no body or its content type is not `application/json` (what GraphQL makes of
 * that, CSRF prevention included, is Apollo Server's to answer); an empty body is `{}`; only an object
 * or an array is taken (a bare JSON scalar is malformed here). Unlike `json()`, it takes no compressed
 * body and no charset but UTF-8 (415): the gateway sends neither, and inflating is work, and a
 * decompression bomb, that no caller needs.
 */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<JsonBody | undefined> {
  if (!hasBody(request)) return undefined;
  const { type, charset } = contentTypeOf(request.headers['content-type']);
  if (type !== 'application/json') return undefined;
  if (charset !== undefined && charset !== 'utf-8') throw new UnreadableBodyError(415, 'unsupported charset');
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') throw new UnreadableBodyError(415, 'unsupported content encoding');
  const bytes = await readBytes(request, limitBytes);
  let text = bytes.toString('utf8');
  // A byte order mark is not JSON, and json() dropped it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return { bytes, value: {} };
  const first = firstSignificant(text);
  if (first !== '{' && first !== '[') throw new UnreadableBodyError(400, 'not a JSON object or array');
  try {
    return { bytes, value: JSON.parse(text) as unknown };
  } catch {
    throw new UnreadableBodyError(400, 'malformed JSON');
  }
}
