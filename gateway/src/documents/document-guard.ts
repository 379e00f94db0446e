import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { PersistedQueryNotFoundError, TrustedDocumentRequiredError } from '@mappa/shared';
import type { DeclaredPurpose, Principal } from '@mappa/shared';
import { OperationLimiter } from './operation-limits';
import type { OperationLimits } from './operation-limits';
import { documentHashOf, mayQueryAdHoc, sha256Hex } from './trusted-documents';
import type { TrustedDocuments } from './trusted-documents';

/** What the request's document is: a registered one sent by id, an id nobody registered, or a text. */
type DocumentOrigin = 'registered' | 'unknown-id' | 'text';

/**
 * The gateway's document controls: which documents run (trusted documents) and how much work any
 * one may ask for (operation limits). Two steps, because the second needs the caller:
 * `resolveRegisteredDocuments` (express, before Apollo reads the body) puts a registered document's
 * text where Apollo reads it; `check` (in the context function, once the caller is authenticated
 * and before Apollo parses, validates or plans anything) refuses the request or lets it through.
 */
export class DocumentGuard {
  private readonly origins = new WeakMap<Request, DocumentOrigin>();
  private readonly limiter: OperationLimiter;

  constructor(
    private readonly trusted: TrustedDocuments,
    limits: OperationLimits,
    schema: GraphQLSchema,
  ) {
    this.limiter = new OperationLimiter(schema, limits);
  }

  /**
   * Express middleware: a POST naming a document by id (`documentId`, or the persisted-query
   * extension's `sha256Hash`) gets the registered text as its `query`, and the id is taken out, so
   * Apollo runs the text the manifest holds, never one the client sent with it. Refuses nothing
   * itself: an unknown id is refused by `check`, after authentication, so the refusal is audited.
   */
  resolveRegisteredDocuments(): RequestHandler {
    return (req: Request, _res: Response, next: NextFunction) => {
      const body: unknown = req.body;
      if (req.method === 'POST' && typeof body === 'object' && body !== null && !Array.isArray(body))
        this.origins.set(req, this.resolve(body as Record<string, unknown>));
      next();
    };
  }

  private resolve(body: Record<string, unknown>): DocumentOrigin {
    const extensions =
      typeof body.extensions === 'object' && body.extensions !== null ? (body.extensions as Record<string, unknown>) : undefined;
    const persistedQuery = extensions?.persistedQuery;
    const hash =
      typeof persistedQuery === 'object' && persistedQuery !== null ? (persistedQuery as Record<string, unknown>).sha256Hash : undefined;
    const id = body.documentId ?? hash;
    if (id === undefined) return 'text';
    delete body.documentId;
    if (extensions) delete extensions.persistedQuery;
    const registered =
      typeof id === 'string' && this.trusted.mode !== 'off' ? this.trusted.manifest.get(documentHashOf(id) ?? '') : undefined;
    if (registered === undefined) return 'unknown-id';
    body.query = registered;
    return 'registered';
  }

  /**
   * Refuses, before Apollo parses the document: an unknown document id (PERSISTED_QUERY_NOT_FOUND),
   * a document nobody registered where registered ones are required and the caller may not send
   * others (TRUSTED_DOCUMENT_REQUIRED), and any document over an operation limit
   * (OPERATION_TOO_COMPLEX). All HTTP 400. `document`: a built-in one (`builtInDocument`); by
   * default, the one the client's request carries.
   */
  check(req: Request, principal: Principal, purpose: DeclaredPurpose, document: RequestDocument = this.documentOf(req)): void {
    const { origin, source, variables } = document;
    if (origin === 'unknown-id') throw new PersistedQueryNotFoundError();
    // No document at all: Apollo refuses the request (BAD_REQUEST).
    if (source === undefined) return;
    if (origin === 'text' && this.trusted.mode === 'required' && !mayQueryAdHoc(principal, purpose))
      throw new TrustedDocumentRequiredError();
    this.limiter.enforce(source, variables);
  }

  /** What a client's request to /graphql asks to run, as Apollo will read it. */
  private documentOf(req: Request): RequestDocument {
    return { origin: this.origins.get(req) ?? 'text', ...documentOf(req) };
  }

  /**
   * A document the gateway itself runs (a built-in operation behind an HTTP route, such as the
   * disclosure document's): registered when the manifest holds its text, as `startGateway` makes
   * sure, so `check` treats it exactly as a client's registered document, limits included.
   */
  builtInDocument(source: string, variables: Record<string, unknown>): RequestDocument {
    return {
      origin: this.trusted.mode !== 'off' && this.trusted.manifest.has(sha256Hex(source)) ? 'registered' : 'text',
      source,
      variables,
    };
  }
}

/** A document to check: where it came from, its text (none: Apollo refuses the request) and its variables. */
export interface RequestDocument {
  readonly origin: DocumentOrigin;
  readonly source: string | undefined;
  readonly variables: Record<string, unknown>;
}

/** The document text and variables of a POST body or of a GET's query string, as Apollo will read them. */
function documentOf(req: Request): { source: string | undefined; variables: Record<string, unknown> } {
  const fields: Record<string, unknown> =
    req.method === 'GET'
      ? (req.query as Record<string, unknown>)
      : typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)
        ? (req.body as Record<string, unknown>)
        : {};
  const source = typeof fields.query === 'string' ? fields.query : undefined;
  let variables: unknown = fields.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      // Apollo refuses malformed variables; measured as none, page sizes fall back to their caps.
      variables = {};
    }
  }
  return { source, variables: typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {} };
}
