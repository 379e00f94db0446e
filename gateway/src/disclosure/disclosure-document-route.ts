import type { Express, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import {
  answerNotFound,
  DISCLOSURE_DOCUMENT_HTTP_HEADERS,
  disclosureContentSha256,
  disclosureFieldName,
  ERROR_CODES,
  holderOfDisclosureDecisionId,
} from '@mappa/shared';
import type { DisclosureHolder, Logger } from '@mappa/shared';
import { PURPOSE_HEADER } from '../auth/declared-purpose';

/*
 * The disclosure document as a page (issue 11, "Offer it as GraphQL and as a printable page"): what
 * the practitioner opens and prints to take to the recipient. The route is a thin HTTP face on one
 * built-in GraphQL operation per holder, run through the gateway's own Apollo server with the
 * request's token and purpose headers: the same token check, rate limits, purpose evidence lookup,
 * holder routing by decision id, owners' field and row policies, and audit entry as any query. It
 * decides nothing itself; it only turns the operation's answer into an HTTP one.
 */

/** Where the gateway serves a decision's document: its live preview before MADE, the frozen content after. */
export const DISCLOSURE_DOCUMENT_PATH = '/disclosure-decisions/:decisionId/document';

/** A GraphQL operation the gateway runs on a route's behalf: registered like a client's, so production runs it. */
export interface BuiltInOperation {
  readonly operationName: string;
  readonly query: string;
}

const HOLDERS: readonly DisclosureHolder[] = ['MAPPA', 'PROBATION', 'POLICE'];

/** A holder's document operation, with the root field its answer is under. */
export interface DisclosureDocumentOperation extends BuiltInOperation {
  readonly field: string;
}

/** The built-in operation reading `holder`'s document: its preview field (`disclosurePreview`, `probationDisclosurePreview`, …). */
export function disclosureDocumentOperation(holder: DisclosureHolder): DisclosureDocumentOperation {
  const operationName = `${holder.charAt(0)}${holder.slice(1).toLowerCase()}DisclosureDocument`;
  const field = disclosureFieldName(holder, 'disclosurePreview');
  return {
    operationName,
    field,
    query: `query ${operationName}($decisionId: ID!) { ${field}(decisionId: $decisionId) { html contentSha256 } }`,
  };
}

/** Every built-in operation of the route, one per holder: `startGateway` registers them as trusted documents. */
export const DISCLOSURE_DOCUMENT_OPERATIONS: readonly DisclosureDocumentOperation[] = HOLDERS.map(disclosureDocumentOperation);

/** What running a built-in operation gave: the HTTP status Apollo chose (when it chose one) and the single result. */
export interface BuiltInOperationResult {
  readonly status: number | undefined;
  readonly data: Record<string, unknown> | null | undefined;
  readonly errorCodes: readonly string[];
}

/**
 * Runs `operation` with `variables` for the caller of `req` exactly as /graphql would run a registered
 * document (the gateway's context function, then its Apollo server). Throws the context function's
 * refusal (no token, a rate limit, an invalid purpose header), already audited.
 */
export type BuiltInOperationRunner = (
  req: Request,
  operation: BuiltInOperation,
  variables: Record<string, unknown>,
) => Promise<BuiltInOperationResult>;

/** The codes of a refusal that concern the request itself, never a decision: said as they are. */
const TOKEN_REFUSAL = 'UNAUTHENTICATED';
const RATE_REFUSAL = 'RATE_LIMITED';
/** The gateway cannot answer at all right now, whatever the id (no audit store, no holder): said as it is. */
const UNAVAILABLE = new Set(['AUDIT_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE']);

/**
 * Mounts GET (and HEAD) `DISCLOSURE_DOCUMENT_PATH`. Answers:
 * - 200 with the document, byte for byte as the holder holds it, and `DISCLOSURE_DOCUMENT_HTTP_HEADERS`;
 * - 401 for a missing or invalid token, 429 for a rate limit, 400 for a missing or invalid
 *   x-mappa-purpose header: none of them depends on any decision;
 * - 404, the very answer of an unknown path, for everything that does: an unknown or malformed id, a
 *   decision of another area or one the caller is no party to, another purpose, an x-mappa-case
 *   naming another decision, a role that may not read decisions (principle 9);
 * - 503 when the audit store or the holder cannot be reached; 405 (with Allow) for any other method.
 */
export function mountDisclosureDocumentRoute(
  app: Express,
  options: { readonly rateLimit: RequestHandler; readonly run: BuiltInOperationRunner; readonly log: Logger },
): void {
  // GET answers HEAD too (Express), with the same status and headers and no body.
  app.get(DISCLOSURE_DOCUMENT_PATH, options.rateLimit, async (req: Request, res: Response) => {
    const decisionId = String(req.params.decisionId);
    // An id naming no holder is still run (as the MAPPA unit's), so it is refused, answered and
    // audited exactly as an unknown id of the right form, by the same path.
    const operation = disclosureDocumentOperation(holderOfDisclosureDecisionId(decisionId) ?? 'MAPPA');
    let result: BuiltInOperationResult;
    try {
      result = await options.run(req, operation, { decisionId });
    } catch (error: unknown) {
      answerRefusal(res, error);
      return;
    }
    if (result.status === 503 || result.errorCodes.some((code) => UNAVAILABLE.has(code))) {
      const code = result.errorCodes.find((candidate) => UNAVAILABLE.has(candidate)) ?? 'UPSTREAM_UNAVAILABLE';
      res
        .status(503)
        .json({ errors: [{ message: 'The disclosure document cannot be served right now; try again shortly.', extensions: { code } }] });
      return;
    }
    const document = documentOf(result.data?.[operation.field]);
    if (!document) {
      answerNotFound(res);
      return;
    }
    // Defence in depth: what leaves is exactly what was made (or previewed), or nothing.
    if (disclosureContentSha256(document.html) !== document.contentSha256) {
      options.log.error({ operation: operation.operationName }, 'disclosure document does not match its SHA-256; not served');
      res
        .status(500)
        .json({ errors: [{ message: 'Internal server error', extensions: { code: ERROR_CODES.INTERNAL_SERVER_ERROR.code } }] });
      return;
    }
    const body = Buffer.from(document.html, 'utf8');
    // `end`, not `send`: no ETag and no 304 for a page that must not be cached or revalidated (no-store).
    res
      .status(200)
      .set({
        ...DISCLOSURE_DOCUMENT_HTTP_HEADERS,
        'content-length': String(body.length),
        'repr-digest': `sha-256=:${Buffer.from(document.contentSha256, 'hex').toString('base64')}:`,
      })
      .end(body);
  });
  app.all(DISCLOSURE_DOCUMENT_PATH, options.rateLimit, (_req: Request, res: Response) => {
    res
      .status(405)
      .set('allow', 'GET, HEAD')
      .json({
        errors: [{ message: 'The disclosure document is read with GET.', extensions: { code: ERROR_CODES.METHOD_NOT_ALLOWED.code } }],
      });
  });
}

function documentOf(value: unknown): { readonly html: string; readonly contentSha256: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { html, contentSha256 } = value as Record<string, unknown>;
  return typeof html === 'string' && typeof contentSha256 === 'string' ? { html, contentSha256 } : null;
}

/** A refusal from before the operation ran (the context function), as HTTP. */
function answerRefusal(res: Response, error: unknown): void {
  if (!(error instanceof GraphQLError)) throw error;
  const code = error.extensions.code;
  if (code === TOKEN_REFUSAL) {
    res
      .status(401)
      .set('www-authenticate', 'Bearer')
      .json({ errors: [{ message: error.message, extensions: { code } }] });
    return;
  }
  if (code === RATE_REFUSAL) {
    const retryAfterSeconds = error.extensions.retryAfterSeconds;
    res
      .status(429)
      .set('retry-after', String(retryAfterSeconds))
      .json({ errors: [{ message: error.message, extensions: { code, retryAfterSeconds } }] });
    return;
  }
  if (typeof code === 'string' && UNAVAILABLE.has(code)) {
    res.status(503).json({ errors: [{ message: error.message, extensions: { code } }] });
    return;
  }
  // The purpose header is the request's own business; x-mappa-case names a decision, so a refusal
  // about it is answered as any other refusal about the decision (not found).
  const issues = Array.isArray(error.extensions.issues) ? (error.extensions.issues as { path?: unknown; message?: unknown }[]) : [];
  if (code === 'BAD_USER_INPUT' && issues.length > 0 && issues.every((issue) => issue.path === PURPOSE_HEADER)) {
    res.status(400).json({ errors: [{ message: error.message, extensions: { code, issues } }] });
    return;
  }
  answerNotFound(res);
}
