// BENCHMARK ONLY (issue 13, issue 15): the SQL statements of services running in processes of their own.
//
// `recordStatements` (explain-check.ts) patches pg's Client in the bench's own process, so it sees the
// in-process stack's statements and nothing of the deployed layout, whose services are other processes.
// This is a PostgreSQL wire-protocol relay the deployed services are pointed at instead of the server:
// every byte goes through unchanged, and while the bench records, the relay reads the statements the
// services send (simple queries, and the extended protocol's Parse and Bind: the text and the parameter
// values), keeping them in this process's memory only, exactly as the in-process recorder does.
//
// Chosen over the alternatives because it adds nothing to the product: an opt-in statement log in the
// services would be production code that must be refused under NODE_ENV=production, which is how the
// deployed layout runs (a log of texts alone could not be EXPLAIN ANALYZEd either: PostgreSQL 15 has no
// EXPLAIN (GENERIC_PLAN), and the statements' values include the per-query secrets, never to be written to
// a file); pg_stat_statements is not loaded on this server (shared_preload_libraries is empty, and loading
// it needs a restart of a server other work shares). The relay costs the deployed layout one more local
// hop per round trip (counted in its latencies, not in its processes' CPU).
import { createServer, connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import type { RecordedStatement } from './explain-check';

/** A statement as a service sent it, and the service (its connection's `application_name`). */
export interface RelayedStatement extends RecordedStatement {
  readonly service: string;
}

/** The relay, running. */
export interface StatementRelay {
  /** The database URL to give the services: the relay's address, with the server's user, password and database. */
  urlFor(service: string): string;
  /** Runs `run` and returns every statement any service sent through the relay meanwhile, in the order sent. */
  record(run: () => Promise<void>): Promise<RelayedStatement[]>;
  close(): Promise<void>;
}

// Startup-phase request codes (PostgreSQL protocol 3.0): answered by the server with one byte, then the real startup follows.
const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;

/**
 * Reads the frontend messages of one connection as they arrive in chunks: message boundaries always
 * (so that recording can start at any moment), and their content only while `recording()` is true.
 */
export class FrontendReader {
  private pending: Buffer = Buffer.alloc(0);
  private startup = true;
  private service = 'unknown';
  /** Prepared statements of this connection by name ('' the unnamed one): their text. */
  private readonly prepared = new Map<string, string>();

  constructor(
    private readonly recording: () => boolean,
    private readonly recorded: (statement: RelayedStatement) => void,
  ) {}

  /** Takes the next chunk the client sent. */
  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (this.startup) {
        if (this.pending.length < 8) return;
        const length = this.pending.readInt32BE(0);
        if (this.pending.length < length) return;
        const code = this.pending.readInt32BE(4);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) {
          this.service = startupParameters(this.pending.subarray(8, length)).get('application_name') ?? 'unknown';
          this.startup = false;
        }
        this.pending = this.pending.subarray(length);
        continue;
      }
      if (this.pending.length < 5) return;
      const length = this.pending.readInt32BE(1);
      if (this.pending.length < 1 + length) return;
      const type = String.fromCharCode(this.pending[0]!);
      const body = this.pending.subarray(5, 1 + length);
      this.pending = this.pending.subarray(1 + length);
      // Parse always (the statement of a later Bind may have been prepared before recording began).
      if (type === 'P') {
        const [name, afterName] = cString(body, 0);
        const [text] = cString(body, afterName);
        this.prepared.set(name, text);
      } else if (this.recording()) {
        if (type === 'Q') this.recorded({ service: this.service, text: cString(body, 0)[0], values: [] });
        else if (type === 'B') {
          const { statement, values } = bindOf(body);
          this.recorded({ service: this.service, text: this.prepared.get(statement) ?? '', values });
        }
      }
    }
  }
}

/** A NUL-terminated string at `offset`, and the offset after it. */
function cString(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  const stop = end < 0 ? buffer.length : end;
  return [buffer.toString('utf8', offset, stop), stop + 1];
}

/** The startup message's parameters (user, database, application_name…). */
function startupParameters(body: Buffer): Map<string, string> {
  const parameters = new Map<string, string>();
  let offset = 0;
  while (offset < body.length && body[offset] !== 0) {
    const [name, afterName] = cString(body, offset);
    const [value, afterValue] = cString(body, afterName);
    parameters.set(name, value);
    offset = afterValue;
  }
  return parameters;
}

/** A Bind message: the prepared statement it executes and its parameter values (text format as strings, binary as Buffers, NULL as null). */
function bindOf(body: Buffer): { statement: string; values: unknown[] } {
  const [, afterPortal] = cString(body, 0);
  const [statement, afterStatement] = cString(body, afterPortal);
  let offset = afterStatement;
  const formatCount = body.readInt16BE(offset);
  offset += 2;
  const formats = Array.from({ length: formatCount }, (_, index) => body.readInt16BE(offset + 2 * index));
  offset += 2 * formatCount;
  const valueCount = body.readInt16BE(offset);
  offset += 2;
  const values: unknown[] = [];
  for (let index = 0; index < valueCount; index += 1) {
    const length = body.readInt32BE(offset);
    offset += 4;
    if (length < 0) {
      values.push(null);
      continue;
    }
    const bytes = body.subarray(offset, offset + length);
    offset += length;
    // One format code applies to every value; none means text.
    const format = formats.length === 1 ? formats[0] : (formats[index] ?? 0);
    values.push(format === 1 ? Buffer.from(bytes) : bytes.toString('utf8'));
  }
  return { statement, values };
}

/** Starts a relay on 127.0.0.1 (a free port) in front of the PostgreSQL server of `databaseUrl`. */
export async function startStatementRelay(databaseUrl: string): Promise<StatementRelay> {
  const target = new URL(databaseUrl);
  const targetPort = Number(target.port || 5432);
  let recording: RelayedStatement[] | null = null;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, target.hostname);
    sockets.add(client).add(upstream);
    const reader = new FrontendReader(
      () => recording !== null,
      (statement) => recording?.push(statement),
    );
    client.on('data', (chunk: Buffer) => {
      reader.push(chunk);
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once('drain', () => client.resume());
      }
    });
    // The server's answers (rows included) are not read: piped straight back.
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    urlFor: (service) => {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      url.searchParams.set('application_name', service);
      return url.toString();
    },
    record: async (run) => {
      if (recording !== null) throw new Error('the statement relay records one run at a time');
      const recorded: RelayedStatement[] = [];
      recording = recorded;
      try {
        await run();
      } finally {
        recording = null;
      }
      return recorded;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
