import { AstUtils, type AstNode, type ValidationAcceptor, type ValidationCheck, type ValidationChecks } from 'langium';
import type { Document, MinutesAstType, Party } from '../generated/ast.js';
import type { MinutesServices } from '../minutes-module.js';
import { structureOf } from '../model/structure.js';
import { registerActionLedgerChecks } from './action-ledger-rules.js';
import { agendaNumbersMustFollowInOrder } from './agenda-rules.js';
import { attendeeShouldSpeak, speakerMustBeAmongAttendees, speakerMustNotBeListedAsAbsent } from './attendance-rules.js';
import {
    aliasMustNameOneParty, handleMustBeUnique, organisationMustBeDeclaredOnce, personMustBeDeclaredOnce, stakeholderMustBeKnown, type PartyRule
} from './directory-rules.js';
import { actionDueDateMustBeValid, actionMustHaveOwner, actionMustNotBeDueBeforeMeeting, type ActionRule } from './action-rules.js';
import { dateMustBeValid, languageMustBeKnown, meetingMustHaveDate, meetingMustHaveTitle, timeMustBeValid, type MeetingRule } from './meeting-rules.js';
import { envelopeMustBeAddresses } from './envelope-rules.js';
import { NameClashes } from './name-clashes.js';
import { mentionMustNotFollowWordPunctuation } from './near-mentions.js';
import { interventionMustNotBeEmpty, narrationMayResume, qualifiersMustBeKnown, type TurnRule } from './turn-rules.js';
import { entryMarkedForReviewMustBeReviewed } from './review-entries.js';
import { headerKeyMustBeInHeader } from './header-key-rules.js';

/**
 * Registers the Minutes validation rules. Rules about what spans lines (meetings, turns,
 * agendas, actions) run once per document over its structure (model/structure.ts, built
 * once per parse); rules about one line run on its node. Everything is in the default
 * 'fast' category, so the editor runs it on every change: each rule is linear in its own
 * document, and the one cross-file rule (name clashes in the directory) reads a table
 * built once per workspace state (see NameClashes).
 */
export function registerValidationChecks(services: MinutesServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.MinutesValidator;
    const configs = services.shared.workspace.MinutesConfigs;
    const configuredLanguage = (node: AstNode) => configs.rootOf(AstUtils.getDocument(node).uri)?.config.locale;
    const checks: ValidationChecks<MinutesAstType> = {
        Document: validator.checkDocument,
        Field: [dateMustBeValid(configuredLanguage), timeMustBeValid, languageMustBeKnown, envelopeMustBeAddresses],
        Party: validator.checkParty,
        EntryField: [entryMarkedForReviewMustBeReviewed, stakeholderMustBeKnown]
    };
    registry.register(checks, validator);
    registerActionLedgerChecks(services);
}

/**
 * Checks that read nothing but their node's own text, by node type. The document validator
 * runs them in the walk, in place of the registry's checks for these types, and keeps what
 * they report while the node lives: an edit parsed incrementally keeps the nodes of the
 * lines it did not touch (parser/incremental-reparser.ts).
 */
export const OWN_TEXT_CHECKS: Readonly<Record<string, ReadonlyArray<ValidationCheck>>> = {
    Text: [mentionMustNotFollowWordPunctuation as unknown as ValidationCheck]
};

const MEETING_RULES: MeetingRule[] = [
    speakerMustBeAmongAttendees, speakerMustNotBeListedAsAbsent, attendeeShouldSpeak, meetingMustHaveTitle, meetingMustHaveDate
];
const TURN_RULES: TurnRule[] = [interventionMustNotBeEmpty, qualifiersMustBeKnown, narrationMayResume];
const ACTION_RULES: ActionRule[] = [actionMustHaveOwner, actionDueDateMustBeValid, actionMustNotBeDueBeforeMeeting];
const PARTY_RULES: PartyRule[] = [handleMustBeUnique, personMustBeDeclaredOnce, organisationMustBeDeclaredOnce, aliasMustNameOneParty];

export class MinutesValidator {
    private readonly clashes: NameClashes;

    constructor(services: MinutesServices) {
        this.clashes = new NameClashes(services);
    }

    checkDocument(document: Document, accept: ValidationAcceptor): void {
        const structure = structureOf(document);
        for (const meeting of structure.meetings) {
            for (const rule of MEETING_RULES) rule(meeting, accept, structure);
        }
        for (const item of structure.items) {
            if (item.kind !== 'meeting-start' && item.kind !== 'party') headerKeyMustBeInHeader(item, item.meeting, accept);
            if (item.kind === 'turn') {
                for (const rule of TURN_RULES) rule(item.turn, accept);
            } else if (item.kind === 'action') {
                for (const rule of ACTION_RULES) rule(item.action, accept, item.meeting, structure);
            } else if (item.kind === 'agenda') {
                agendaNumbersMustFollowInOrder(item.group, accept);
            }
        }
    }

    checkParty(party: Party, accept: ValidationAcceptor): void {
        for (const rule of PARTY_RULES) rule(party, accept, this.clashes);
    }
}
