import { AstUtils, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationChecks } from 'langium';
import { Action, ActionUpdate, EntryField, Field, Organisation, Party, Person, type Document, type MinutesAstType } from '../generated/ast.js';
import type { MinutesCoreServices } from '../minutes-core-module.js';
import { chunksOf, jointNamesWithoutVerbOf, structureOf, turnsOf } from '../model/structure.js';
import type { MinutesIndexManager } from '../workspace/minutes-index-manager.js';
import { checkContext, KeptChecks, recordingAcceptor, replay, type CheckContext, type KeptEntry } from './kept-checks.js';
import { registerActionLedgerChecks } from './action-ledger-rules.js';
import { agendaNumbersMustFollowInOrder } from './agenda-rules.js';
import { attendeeListMustEnd, attendeeListShouldNameSomeone, attendeeShouldSpeak, speakerMustBeAmongAttendees, speakerMustNotBeListedAsAbsent } from './attendance-rules.js';
import {
    aliasMustNameOneParty, handleMustBeUnique, nameMustNotStartWithColon, organisationMustBeDeclaredOnce, personMustBeDeclaredOnce, stakeholderMustBeKnown, type PartyRule
} from './directory-rules.js';
import { actionDueDateMustBeValid, actionMustHaveOwner, actionMustNotBeDueBeforeMeeting, type ActionRule } from './action-rules.js';
import { dateMustBeValid, languageMustBeKnown, meetingMustHaveDate, meetingMustHaveTitle, timeMustBeValid, type MeetingRule } from './meeting-rules.js';
import { envelopeMustBeAddresses } from './envelope-rules.js';
import { NameClashes } from './name-clashes.js';
import { mentionMustNotFollowWordPunctuation } from './near-mentions.js';
import { interventionMustNotBeEmpty, jointNamesShouldSayWhat, narrationMayResume, qualifiersMustBeKnown, type TurnRule } from './turn-rules.js';
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
export function registerValidationChecks(services: MinutesCoreServices): void {
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
const PARTY_RULES: PartyRule[] = [nameMustNotStartWithColon, handleMustBeUnique, personMustBeDeclaredOnce, organisationMustBeDeclaredOnce, aliasMustNameOneParty];

/**
 * The node types whose checks read other documents (the action ledger, name clashes in the
 * directory): their reports are never kept from one validation to the next (kept-checks.ts).
 */
export const CROSS_FILE_CHECKED_TYPES: readonly string[] = [Party.$type, EntryField.$type, Action.$type, ActionUpdate.$type];

/**
 * The node types whose checks read more than their chunk of the document (a field's date is
 * read in its meeting's language): like the cross-file ones, checked again at each validation.
 */
export const CHECKED_EACH_TIME_TYPES: readonly string[] = [...CROSS_FILE_CHECKED_TYPES, Field.$type];

/** The context the kept reports of a document's meetings hold in (see kept-checks.ts). */
export function checkContextOf(services: MinutesCoreServices, document: Document, categories?: readonly string[]): CheckContext {
    const index = services.shared.workspace.IndexManager as MinutesIndexManager;
    const source = (document as Document & { $document?: LangiumDocument }).$document;
    const uri = source?.uri.toString() ?? '';
    const locale = source && services.shared.workspace.MinutesConfigs.rootOf(source.uri)?.config.locale;
    return checkContext(structureOf(document), index.changesByOthers(uri, PARTY_TYPES), locale, categories);
}

const PARTY_TYPES = [Person.$type, Organisation.$type];

export class MinutesValidator {
    private readonly clashes: NameClashes;
    private readonly services: MinutesCoreServices;
    /** What the rules on the items of each chunk of a long document reported: an edit checks again only the chunks it touched. */
    readonly itemChecks = new KeptChecks<KeptEntry[]>();

    constructor(services: MinutesCoreServices) {
        this.clashes = new NameClashes(services);
        this.services = services;
    }

    checkDocument(document: Document, accept: ValidationAcceptor): void {
        const structure = structureOf(document);
        for (const meeting of structure.meetings) {
            for (const rule of MEETING_RULES) rule(meeting, accept, structure);
        }
        const chunks = chunksOf(structure);
        const context = chunks[0]?.keepable ? checkContextOf(this.services, document) : undefined;
        for (const chunk of chunks) {
            // The rules on actions read their meeting's date, and header keys whether there is a meeting.
            const chunkContext = context && { ...context, meetingFields: chunk.meeting?.fields ?? null };
            const kept = chunkContext && this.itemChecks.get(chunk.key, chunkContext);
            if (kept) {
                replay(kept, accept);
                continue;
            }
            const recorded: KeptEntry[] = [];
            const itemAccept = chunkContext ? recordingAcceptor(accept, recorded) : accept;
            for (let index = 0; index < chunk.items.length; index++) {
                const item = chunk.items[index];
                if (item.kind !== 'meeting-start' && item.kind !== 'party') headerKeyMustBeInHeader(item, item.meeting, itemAccept);
                // Its own turn, and the turns written as items of its lists.
                for (const turn of turnsOf(item)) {
                    for (const rule of TURN_RULES) rule(turn, itemAccept);
                }
                for (const names of jointNamesWithoutVerbOf(item)) jointNamesShouldSayWhat(names, itemAccept);
                if (item.kind === 'action') {
                    for (const rule of ACTION_RULES) rule(item.action, itemAccept, item.meeting, structure);
                } else if (item.kind === 'agenda') {
                    agendaNumbersMustFollowInOrder(item.group, itemAccept);
                } else if (item.kind === 'roster') {
                    attendeeListMustEnd(item.group, itemAccept);
                    attendeeListShouldNameSomeone(item.group, chunk.items[index + 1], itemAccept);
                }
            }
            if (chunkContext) this.itemChecks.set(chunk.key, chunkContext, recorded);
        }
    }

    checkParty(party: Party, accept: ValidationAcceptor): void {
        for (const rule of PARTY_RULES) rule(party, accept, this.clashes);
    }
}
