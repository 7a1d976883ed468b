import { AstUtils, type Reference } from 'langium';
import type { Action } from '../generated/ast.js';
import { isoDate, parseDate } from '../model/dates.js';
import { splitActionHeader, type ActionStatus } from '../model/structure.js';
import { lineNumberOf, meetingPlacesOf, type PlaceData, type SourceDocument } from './meetings.js';

/**
 * What the action ledger reads of one document, as plain data (strings and numbers, no
 * syntax tree): its meetings, placed, with their actions and updates. The language server
 * keeps one per document (ActionLedgerService) and builds the workspace's ledger from
 * them, so that asking for the ledger does not parse again the trees it released
 * (ClosedDocumentTrees); `buildActionLedger` summarises the trees it is given, so both
 * ledgers are made by one path.
 */
export interface LedgerSummary {
    /** The document's URI, as a string. */
    readonly uri: string;
    /** Its meetings, in document order. */
    readonly meetings: readonly MeetingSummary[];
}

export interface MeetingSummary {
    readonly place: PlaceData;
    /** Its action items, in order. */
    readonly actions: readonly ActionSummary[];
    /** Its `update #id` lines, in order. */
    readonly updates: readonly UpdateSummary[];
}

export interface ActionSummary {
    /** 1-based line of the `action` line. */
    readonly line: number;
    /** The identifier as written, without `#`, if any. */
    readonly id?: string;
    /** For an action without an identifier: its text without names, from which one is derived (see DerivedActionIds). */
    readonly textWithoutNames?: string;
    readonly status: ActionStatus;
    readonly due?: string;
    /** The owners that resolve to a party: their handles. */
    readonly ownerNames: readonly string[];
    /** Owner references that did not resolve, as written. */
    readonly unresolvedOwners: readonly string[];
    readonly text: string;
}

export interface UpdateSummary {
    /** 1-based line of the `update` line. */
    readonly line: number;
    /** The identifier as written, without `#`. */
    readonly id: string;
    /** The action the linker chose for `#id`, if it resolved: where it is written. */
    readonly target?: ActionAddress;
    readonly status?: ActionStatus;
    /** For `moved`: the new due date, if one is written. */
    readonly movedTo?: string;
    readonly text: string;
}

/** Where an action is written: one line of one document (an `action` is one line). */
export interface ActionAddress {
    readonly uri: string;
    readonly line: number;
}

/** What the ledger reads of a parsed and linked document. */
export function summariseDocument(source: SourceDocument): LedgerSummary {
    return {
        uri: source.uri.toString(),
        meetings: meetingPlacesOf(source).map(({ meeting, document: _document, ...place }): MeetingSummary => ({
            place,
            actions: meeting.actions.map(item => ({
                line: lineNumberOf(item.action),
                id: item.id,
                textWithoutNames: item.id === undefined ? item.textWithoutNames : undefined,
                status: item.status,
                due: item.due,
                ownerNames: item.owners.map(party => party.name),
                unresolvedOwners: item.unresolvedOwners,
                text: item.text
            })),
            updates: meeting.updates.map(report => ({
                line: lineNumberOf(report.update),
                id: (report.update.action.$refText ?? '').replace(/^#/, ''),
                target: targetOf(report.update.action),
                status: report.status,
                movedTo: report.status === 'moved' ? movedDate(report.update.text, place.language) : undefined,
                text: report.text
            }))
        }))
    };
}

/**
 * Where the action an `update #id` resolves to is written. Read from the reference's
 * description when it has one, as the index holds it: reading the target node of a
 * reference into a document whose tree is released would parse that document again.
 */
function targetOf(reference: Reference<Action>): ActionAddress | undefined {
    if (reference.error) return undefined;
    const description = reference.$nodeDescription;
    const segment = description?.nameSegment;
    if (description && segment) return { uri: description.documentUri.toString(), line: segment.range.start.line + 1 };
    const node = reference.ref;
    const document = node && AstUtils.findRootNode(node).$document;
    return node && document ? { uri: document.uri.toString(), line: lineNumberOf(node) } : undefined;
}

/** `moved 2018-05-01`, `moved to 1 May 2018`: the new due date, as an ISO date; read in the meeting's language first. */
function movedDate(text: Parameters<typeof splitActionHeader>[0], language: string): string | undefined {
    const { header } = splitActionHeader(text);
    const rest = header.replace(/\bmoved\b/i, ' ').replace(/^\s*(to|until|till)\b/i, ' ').trim();
    if (!rest) return undefined;
    const parsed = parseDate(rest, language);
    return parsed.ok && parsed.value.start.day !== undefined ? isoDate(parsed.value.start) : undefined;
}
