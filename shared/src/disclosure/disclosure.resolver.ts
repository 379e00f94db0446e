import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Access } from '../authorization/access-directive';
import type { FieldPolicy } from '../authorization/field-policy';
import type { SubgraphContext } from '../subgraph/subgraph-context';
import { parseInput } from '../validation/parse-input';
import {
  addDisclosureItemSchema,
  answerDisclosureConsultationSchema,
  decideDisclosureSchema,
  disclosureDecisionIdSchema,
  recordDisclosureItemAgreementSchema,
  recordDisclosureMadeSchema,
  recordDisclosureRepresentationsSchema,
  removeDisclosureItemSchema,
  withdrawDisclosureSchema,
} from './disclosure.input';
import type { DisclosureHolder } from './disclosure.model';
import {
  AddDisclosureItemInput,
  AnswerDisclosureConsultationInput,
  DecideDisclosureInput,
  disclosureTypes,
  RecordDisclosureItemAgreementInput,
  RecordDisclosureMadeInput,
  RecordDisclosureRepresentationsInput,
  RemoveDisclosureItemInput,
  WithdrawDisclosureInput,
} from './disclosure.type';
import type { DisclosureTypes } from './disclosure.type';
import {
  addDisclosureItem,
  answerDisclosureConsultation,
  decideDisclosure,
  disclosureDecisionView,
  disclosurePreviewOf,
  recordDisclosureItemAgreement,
  recordDisclosureMade,
  recordDisclosureRepresentations,
  removeDisclosureItem,
  requireDisclosureParty,
  startDisclosureConsultation,
  transitionsOf,
  withdrawDisclosure,
} from './disclosure.workflow';
import type { DisclosureHolderRules } from './disclosure.workflow';

type AnyContext = SubgraphContext<object>;

/** A holder's policies for its disclosure fields: the record's and the proposal answer's (the same grants in every holder), and its proposing. */
export interface DisclosurePolicies {
  readonly record: FieldPolicy;
  readonly proposal: FieldPolicy;
  readonly proposing: FieldPolicy;
}

/**
 * The name of a holder's root field: as the specification names it for the MAPPA unit
 * (`decideDisclosure`, `disclosureDecision`), with the level 1 holder's name before "Disclosure"
 * (`decideProbationDisclosure`, `probationDisclosureDecision`), root fields being unique in the supergraph.
 */
export function disclosureFieldName(holder: DisclosureHolder, base: string): string {
  if (holder === 'MAPPA') return base;
  const name = holder === 'PROBATION' ? 'Probation' : 'Police';
  if (base.startsWith('disclosure')) return `${name.toLowerCase()}D${base.slice(1)}`;
  return base.replace('Disclosure', `${name}Disclosure`);
}

/**
 * Makes the resolver of everything done to a holder's decisions under DISCLOSURE_DECISION (reads,
 * preview, and every transition after the proposal), with the holder's rules. Each holder makes one at
 * module load with its own proposal mutation beside it; the types are made with it (`disclosureTypes`).
 */
export function disclosureResolver(
  rules: DisclosureHolderRules,
  policies: DisclosurePolicies,
): { readonly resolver: ClassType; readonly types: DisclosureTypes } {
  const types = disclosureTypes({ record: policies.record, proposal: policies.proposal });
  const { DisclosureDecision, DisclosurePreview } = types;
  const name = (base: string) => disclosureFieldName(rules.holder, base);
  const record = policies.record;
  const parties =
    'Any party to the decision (proposer, decision maker, consulted agency, owner asked for agreement' +
    (rules.holder === 'MAPPA' ? ", the area's co-ordinator" : '') +
    "), under DISCLOSURE_DECISION with the decision declared in x-mappa-case; an unknown id, another area, a caller who is no party and a step that is not the caller's are NOT_FOUND alike.";

  const read = async (context: AnyContext, decisionId: string) => {
    const state = await requireDisclosureParty(context, context.db, rules, decisionId);
    return disclosureDecisionView(rules, state, await transitionsOf(context.db, rules, decisionId));
  };

  @Resolver()
  class DisclosureDecisionResolver {
    @Access(record)
    @Query(() => DisclosureDecision, {
      name: name('disclosureDecision'),
      nullable: true,
      description: `The disclosure decision declared in x-mappa-case, with its items, agreements, consultations and transitions. ${parties}`,
    })
    async disclosureDecision(
      @Arg('decisionId', () => ID, { description: 'The decision, as declared in x-mappa-case.' }) decisionId: string,
      @Ctx() context: AnyContext,
    ) {
      return read(context, parseInput(disclosureDecisionIdSchema, decisionId, 'decisionId'));
    }

    @Access(record)
    @Query(() => DisclosurePreview, {
      name: name('disclosurePreview'),
      nullable: true,
      description: `Exactly what the recipient would receive: the live items rendered as the disclosure will read, each with its source agency and agreement status, and the SHA-256 of the document; once MADE, the frozen content itself. ${parties}`,
    })
    async disclosurePreview(
      @Arg('decisionId', () => ID, { description: 'The decision, as declared in x-mappa-case.' }) decisionId: string,
      @Ctx() context: AnyContext,
    ) {
      const state = await requireDisclosureParty(
        context,
        context.db,
        rules,
        parseInput(disclosureDecisionIdSchema, decisionId, 'decisionId'),
      );
      return disclosurePreviewOf(rules, state);
    }

    @Access(record)
    @Mutation(() => DisclosureDecision, {
      name: name('addDisclosureItem'),
      nullable: true,
      description: `Adds a content item while PROPOSED or CONSULTING: a field of the federation owned by the source agency (RECORD_FIELD), or the writer's free text. The proposer or the decision maker. ${parties}`,
    })
    async addDisclosureItem(
      @Arg('input', () => AddDisclosureItemInput, { description: 'What to record.' }) input: AddDisclosureItemInput,
      @Ctx() context: AnyContext,
    ) {
      const values = parseInput(addDisclosureItemSchema, input, 'input');
      await addDisclosureItem(context, rules, values);
      return read(context, values.decisionId);
    }

    @Access(record)
    @Mutation(() => DisclosureDecision, {
      name: name('removeDisclosureItem'),
      nullable: true,
      description: `Removes a live item while PROPOSED or CONSULTING (a new wording is a new item). The proposer or the decision maker. ${parties}`,
    })
    async removeDisclosureItem(
      @Arg('input', () => RemoveDisclosureItemInput, { description: 'What to record.' }) input: RemoveDisclosureItemInput,
      @Ctx() context: AnyContext,
    ) {
      const values = parseInput(removeDisclosureItemSchema, input, 'input');
      await removeDisclosureItem(context, rules, values.decisionId, values.itemId);
      return read(context, values.decisionId);
    }

    @Access(record)
    @Mutation(() => DisclosureDecision, {
      name: name('startDisclosureConsultation'),
      nullable: true,
      description: `PROPOSED → CONSULTING: requests every consultation the guidance requires (B.10, B.11, B.12). The proposer or the decision maker. ${parties}`,
    })
    async startDisclosureConsultation(
      @Arg('decisionId', () => ID, { description: 'The decision, as declared in x-mappa-case.' }) decisionId: string,
      @Ctx() context: AnyContext,
    ) {
      const id = parseInput(disclosureDecisionIdSchema, decisionId, 'decisionId');
      await startDisclosureConsultation(context, rules, id);
      return read(context, id);
    }

    @Access(record)
    @Mutation(() => DisclosureDecision, {
      name: name('answerDisclosureConsultation'),
      nullable: true,
      description: `Answers a requested consultation once, while CONSULTING: the consultee the guidance names for its kind. ${parties}`,
    })
    async answerDisclosureConsultation(
      @Arg('input', () => AnswerDisclosureConsultationInput, { description: 'What to record.' }) input: AnswerDisclosureConsultationInput,
      @Ctx() context: AnyContext,
    ) {
      const values = parseInput(answerDisclosureConsultationSchema, input, 'input');
      await answerDisclosureConsultation(context, rules, values);
      return read(context, values.decisionId);
    }

    @Access(record)
    @Mutation(() => DisclosureDecision, {
      name: name('recordDisclosureItemAgreement'),
      nullable: true,
      description: `The owner's answer for an item (B.8, C.29), or the victim liaison officer's for a victim-identifying item (B.15), bound to the wording's SHA-256, while PROPOSED or CONSULTING. ${parties}`,
    })
    async recordDisclosureItemAgreement(
      @Arg('input', () => RecordDisclosureItemAgreementInput, { description: 'What to record.' }) input: RecordDisclosureItemAgreementInput,
      @Ctx() context: AnyContext,
    ) {
      const values = parseInput(recordDisclosureItemAgreementSchema, input, 'input');
      await recordDisclosureItemAgreement(context, rules, values);
      return read(context, values.decisionId);
    }

    @Access(record)
    @Mutation(() => DisclosureDecision, {
      name: name('recordDisclosureRepresentations'),
      nullable: true,
      description: `The offender's representations (10.20), once, while PROPOSED or CONSULTING. The proposer or the decision maker. ${parties}`,
    })
    async recordDisclosureRepresentations(
      @Arg('input', () => RecordDisclosureRepresentationsInput, { description: 'What to record.' })
      input: RecordDisclosureRepresentationsInput,
      @Ctx() context: AnyContext,
    ) {
      const values = parseInput(recordDisclosureRepresentationsSchema, input, 'input');
      await recordDisclosureRepresentations(context, rules, values);
      return read(context, values.decisionId);
    }

    @Access(record)
    @Mutation(() => DisclosureDecision, {
      name: name('decideDisclosure'),
      nullable: true,
      description: `CONSULTING → DECIDED, by the decision maker (${rules.holder === 'MAPPA' ? "the chair of the decision's meeting" : "the lead agency's manager, not the proposer"}), with rationale, risk assessment, contingency plans and dissent; refused (BAD_USER_INPUT, every reason listed) until representations are recorded, every required consultation is satisfied, and for DISCLOSE every live item is agreed by its owner and a victim-identifying one by the VLO. ${parties}`,
    })
    async decideDisclosure(
      @Arg('input', () => DecideDisclosureInput, { description: 'What to record.' }) input: DecideDisclosureInput,
      @Ctx() context: AnyContext,
    ) {
      const values = parseInput(decideDisclosureSchema, input, 'input');
      await decideDisclosure(context, rules, values);
      return read(context, values.decisionId);
    }

    @Access(record)
    @Mutation(() => DisclosureDecision, {
      name: name('recordDisclosureMade'),
      nullable: true,
      description: `DECIDED (DISCLOSE) → MADE, by a party of the executing agency: the document as decided is frozen with its SHA-256 and never changes. ${parties}`,
    })
    async recordDisclosureMade(
      @Arg('input', () => RecordDisclosureMadeInput, { description: 'What to record.' }) input: RecordDisclosureMadeInput,
      @Ctx() context: AnyContext,
    ) {
      const values = parseInput(recordDisclosureMadeSchema, input, 'input');
      await recordDisclosureMade(context, rules, values);
      return read(context, values.decisionId);
    }

    @Access(record)
    @Mutation(() => DisclosureDecision, {
      name: name('withdrawDisclosure'),
      nullable: true,
      description: `PROPOSED, CONSULTING or DECIDED (DISCLOSE) → WITHDRAWN, with the reason. The proposer or the decision maker. ${parties}`,
    })
    async withdrawDisclosure(
      @Arg('input', () => WithdrawDisclosureInput, { description: 'What to record.' }) input: WithdrawDisclosureInput,
      @Ctx() context: AnyContext,
    ) {
      const values = parseInput(withdrawDisclosureSchema, input, 'input');
      await withdrawDisclosure(context, rules, values.decisionId, values.reason);
      return read(context, values.decisionId);
    }
  }

  return { resolver: DisclosureDecisionResolver, types };
}
