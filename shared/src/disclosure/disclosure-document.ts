import { createHash } from 'node:crypto';
import type { MappaArea } from '../domain/mappa-area';
import type { DisclosureHolder, DisclosureItemKind, ItemAgreementStatus, RecipientKind } from './disclosure.model';

/*
 * PLACEHOLDER with the signatures of the shared specification, so the seed can freeze made content:
 * helper C writes the real renderer; at merge keep C's file (the seed only calls these two functions).
 */

export interface DisclosureDocumentItem {
  readonly position: number;
  readonly kind: DisclosureItemKind;
  readonly sourceAgency: string;
  readonly fieldCoordinate: string | null;
  readonly wording: string;
  readonly photograph: boolean;
  readonly victimIdentifying: boolean;
  readonly agreement: ItemAgreementStatus;
}

export interface DisclosureDocumentContent {
  readonly decisionId: string;
  readonly holder: DisclosureHolder;
  readonly area: MappaArea;
  readonly recipientKind: RecipientKind;
  readonly recipientDescription: string;
  readonly purpose: string;
  readonly recipientGuidance: string;
  /** representations were sought, so the offender knows */
  readonly offenderAware: boolean;
  readonly items: readonly DisclosureDocumentItem[];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The disclosure as the recipient receives it: a complete, deterministic HTML5 document. */
export function renderDisclosureDocument(content: DisclosureDocumentContent): string {
  const items = [...content.items].sort((a, b) => a.position - b.position).map((item) => `<li>${escape(item.wording)}</li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Disclosure ${escape(content.decisionId)}</title></head><body><h1>Disclosure</h1><p>${escape(content.recipientDescription)}</p><p>${escape(content.purpose)}</p><ol>${items}</ol><p>${escape(content.recipientGuidance)}</p></body></html>`;
}

/** Lowercase hex SHA-256 of the document's UTF-8 bytes. */
export function disclosureContentSha256(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}
