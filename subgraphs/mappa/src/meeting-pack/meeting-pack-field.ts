/** One field of the meeting pack's subject selection, as `npm run schema:generate` lists it from the supergraph. */
export interface MeetingPackField {
  /** Its path in the pack's answer, from the meeting (`subject.identity.firstName`; aliases as the pack writes them). */
  readonly path: string;
  /** `Type.field`, as the field policies and the audit name it. */
  readonly coordinate: string;
  /** The policy the owner declares on it, as composed into the supergraph (`police.identity`). */
  readonly policy: string;
  /** Its grants as composed (`encodeGrant`), read with `decodeGrant`. */
  readonly grants: readonly string[];
}
