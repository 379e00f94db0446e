/**
 * What one request's handling adds to its audit entry beyond what the response itself shows: the
 * subjects a resolver looked at that the response does not name (an audit query's subject, a
 * mutation's). Created per request in the context function; read once, when the entry is written.
 */
export class RequestAudit {
  private readonly extraSubjects = new Set<string>();

  /** Records that this request touched the subject with this PNC ID. */
  addSubject(pncId: string): void {
    this.extraSubjects.add(pncId);
  }

  /** The subjects resolvers recorded, in the order first recorded. */
  subjects(): readonly string[] {
    return [...this.extraSubjects];
  }
}
