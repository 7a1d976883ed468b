import { GrammarUtils, UriUtils, type IndexManager, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Position, type TextEdit,
    type WorkspaceEdit
} from 'vscode-languageserver';
import {
    isAction, isField, isLine, isSpeakerLine, Organisation, Person, type Block, type Document, type Field, type SpeakerLine
} from '../generated/ast.js';
import type { MinutesServices } from '../minutes-module.js';
import { shortName } from '../model/directory.js';
import { nameKey } from '../model/names.js';
import { blockOf, continuationOf, meetingOf, structureOf, type Meeting } from '../model/structure.js';
import type { MinutesScopeProvider } from '../scoping/minutes-scope-provider.js';
import { expectedAgendaLabels } from '../validation/agenda-rules.js';
import type { ActionWithoutIdData } from '../validation/action-ledger-rules.js';
import { IssueCodes } from '../validation/issue-codes.js';
import type { HeaderKeyInBodyData } from '../validation/header-key-rules.js';
import type { UnknownNameData } from '../validation/minutes-document-validator.js';
import { referenceTo } from './name-occurrences.js';
import { reviewCodeActions } from './review-code-actions.js';
import { keyDefinition } from '../model/vocabulary.js';

/** Unknown-name codes whose quick fixes replace the name or declare it. */
export const UNKNOWN_NAME_CODES = new Set<string>([
    IssueCodes.UnknownSpeaker, IssueCodes.UnknownMention, IssueCodes.UnknownOwner, IssueCodes.UnknownAttendee,
    IssueCodes.UnknownOrganisation
]);

/** Fields that take the paragraphs below them: an `attendees:` block must not go between them and their text. */

/**
 * Quick fixes for Minutes diagnostics, keyed by issue code (see docs/diagnostics.md):
 * replace an unknown name with a suggestion, declare it in the directory, add a speaker to
 * the attendees, renumber an agenda, and make room for an action's owner.
 */
export class MinutesCodeActionProvider implements CodeActionProvider {
    private readonly documents: LangiumDocuments;
    private readonly indexManager: IndexManager;
    private readonly scopeProvider: MinutesScopeProvider;
    private readonly services: MinutesServices;

    constructor(services: MinutesServices) {
        this.services = services;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.indexManager = services.shared.workspace.IndexManager;
        this.scopeProvider = services.references.ScopeProvider;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const actions: CodeAction[] = [];
        const renumbered = new Set<unknown>();
        // Found once per request: it reads the whole index, and a file may hold thousands of unknown names.
        let directory: LangiumDocument | undefined | null = null;
        const directoryDocument = () => directory === null ? (directory = this.directoryDocument()) : directory;
        for (const diagnostic of params.context.diagnostics) {
            const code = codeOf(diagnostic);
            if (code && UNKNOWN_NAME_CODES.has(code)) {
                actions.push(...this.replaceWithSuggestions(document, diagnostic));
                actions.push(...this.declareInDirectory(document, diagnostic, code, directoryDocument));
            } else if (code === IssueCodes.UnreviewedEntry) {
                actions.push(...reviewCodeActions(this.services, document, diagnostic));
            } else if (code === IssueCodes.SpeakerNotAttendee) {
                const action = this.addToAttendees(document, diagnostic);
                if (action) actions.push(action);
            } else if (code === IssueCodes.AgendaNumbering) {
                const action = this.renumberAgenda(document, diagnostic, renumbered);
                if (action) actions.push(action);
            } else if (code === IssueCodes.ActionWithoutOwner) {
                const action = this.addOwnerPlaceholder(document, diagnostic);
                if (action) actions.push(action);
            } else if (code === IssueCodes.HeaderKeyInBody) {
                actions.push(...this.headerKeyFixes(document, diagnostic));
            } else if (code === IssueCodes.UnfinishedAttendeeList) {
                // The separator the list ends in, which the diagnostic marks: the names then read as a list.
                const separator = document.textDocument.getText(diagnostic.range);
                actions.push(quickFix(`End the list here: remove the '${separator}'`, diagnostic, true, {
                    changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: '' }] }
                }));
            } else if (code === IssueCodes.NameWithoutAt) {
                // The hint marks the name as written: `@{…}` around it makes it a reference, every word kept.
                const name = document.textDocument.getText(diagnostic.range);
                actions.push(quickFix(`Make ${name} an attendee: write @{${name}}`, diagnostic, true, {
                    changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: `@{${name}}` }] }
                }));
            } else if (code === IssueCodes.ColonAfterHandle) {
                // The warning marks the colon alone: the name after it stays as written.
                actions.push(quickFix('Remove the colon after the handle', diagnostic, true, {
                    changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: '' }] }
                }));
            } else if (code === IssueCodes.NarrationAfterTurn) {
                // The turn ends above the paragraph; its words stay where they are.
                const at = { line: diagnostic.range.start.line, character: 0 };
                actions.push(quickFix('End the turn here: write narration: above this paragraph', diagnostic, true, {
                    changes: { [document.uri.toString()]: [{ range: { start: at, end: at }, newText: 'narration:\n' }] }
                }));
            } else if (code === IssueCodes.JointNamesWithoutColon) {
                // The hint marks the names: their colon makes the line their joint turn, every word kept.
                const at = diagnostic.range.end;
                actions.push(quickFix('Make it their joint turn: write a colon after the names', diagnostic, true, {
                    changes: { [document.uri.toString()]: [{ range: { start: at, end: at }, newText: ':' }] }
                }));
            } else if (code === IssueCodes.ActionWithoutId) {
                // The hint sits on the `action` keyword and carries a derived identifier unique in the workspace.
                const id = (diagnostic.data as Partial<ActionWithoutIdData> | undefined)?.id;
                const at = diagnostic.range.end;
                if (id) actions.push(quickFix(`Give this action the identifier #${id}`, diagnostic, true, {
                    changes: { [document.uri.toString()]: [{ range: { start: at, end: at }, newText: ` #${id}` }] }
                }));
            }
        }
        const startList = this.startAttendeesList(document, params.range.start);
        if (startList) actions.push(startList);
        return actions;
    }

    // ---- Header keys in the body ----------------------------------------------

    /**
     * A header field's key at the start of a paragraph of the body: move the line (and the lines
     * that continue it) under the meeting's header fields, when it is the meeting's; or escape
     * the key, which keeps it prose, as it reads now, and says so.
     */
    private headerKeyFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const uri = document.uri.toString();
        const start = { line: diagnostic.range.start.line, character: 0 };
        const fixes = [quickFix('Keep it prose: escape the key', diagnostic, false, { changes: { [uri]: [{ range: { start, end: start }, newText: '\\' }] } })];
        const line = blockAt(document, start);
        const meeting = line ? meetingOf(line) : undefined;
        const anchor = meeting && [meeting.start, ...meeting.fields].filter((field): field is Field => field !== undefined && isHeaderField(field))
            .filter(field => (field.$cstNode?.offset ?? Infinity) < (line?.$cstNode?.offset ?? 0)).at(-1);
        if (!line?.$cstNode || !anchor?.$cstNode) return fixes;
        // By lines: a block's syntax node ends past its line break (and a blank line after it).
        const lastLine = (block: Block) => ([block, ...continuationOf(block)].at(-1)!.$cstNode?.range.start.line ?? 0);
        const linesAfter = (diagnostic.data as Partial<HeaderKeyInBodyData> | undefined)?.linesAfter ?? 0;
        const end = { line: start.line + Math.max(linesAfter, 0) + 1, character: 0 };
        const moved = document.textDocument.getText({ start, end }).replace(/(\r?\n)?$/, '\n');
        const insertAt = { line: lastLine(anchor) + 1, character: 0 };
        fixes.unshift(quickFix('Move it to the meeting\'s header', diagnostic, true, {
            changes: {
                [uri]: [
                    { range: { start: insertAt, end: insertAt }, newText: moved },
                    { range: { start, end }, newText: '' }
                ]
            }
        }));
        return fixes;
    }

    // ---- Unknown names --------------------------------------------------------

    /** `@{Tatiana Tropnia}` → `@{Tatiana Tropina}`: one action per suggestion, keeping `@` and adding braces when needed. */
    private replaceWithSuggestions(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = diagnostic.data as Partial<UnknownNameData> | undefined;
        const suggestions = data?.suggestions ?? [];
        return suggestions.map(name => quickFix(`Change to '${name}'`, diagnostic, suggestions.length === 1, {
            changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: referenceTo(name) }] }
        }));
    }

    /** Appends `person @handle Written Name` (or an organisation) to the directory file, with fields to fill in. */
    private declareInDirectory(document: LangiumDocument, diagnostic: Diagnostic, code: string, directoryDocument: () => LangiumDocument | undefined): CodeAction[] {
        const written = (diagnostic.data as Partial<UnknownNameData> | undefined)?.written?.trim();
        if (!written) return [];
        const target = directoryDocument() ?? document;
        const kinds: Array<'person' | 'org'> = code === IssueCodes.UnknownOrganisation ? ['org']
            : code === IssueCodes.UnknownMention || code === IssueCodes.UnknownSpeaker ? ['person', 'org'] : ['person'];
        const file = UriUtils.basename(target.uri);
        return kinds.map(kind => {
            const entry = this.directoryEntry(kind, written);
            const what = kind === 'person' ? 'a person' : 'an organisation';
            return quickFix(`Declare '${written}' as ${what} in ${file}`, diagnostic, false, {
                changes: { [target.uri.toString()]: [appendBlock(target, entry)] }
            });
        });
    }

    /** The text of a new directory entry: a person with `org:` and `role:` to fill in, or an organisation. */
    private directoryEntry(kind: 'person' | 'org', written: string): string {
        const looksLikeHandle = /^[a-z0-9][a-z0-9._-]*$/.test(written);
        const handle = this.unusedHandle(looksLikeHandle ? written : handleFor(kind, written));
        const name = looksLikeHandle ? '' : ` ${written}`;
        return kind === 'person'
            ? `person @${handle}${name}\n  org:\n  role:\n`
            : `org @${handle}${name}\n  stakeholder:\n`;
    }

    /** A handle no party of the workspace answers to yet: `ttropina`, `ttropina2`, … */
    private unusedHandle(base: string): string {
        const scope = this.scopeProvider.scopeFor('Party');
        let candidate = base;
        for (let n = 2; scope.getElement(candidate) !== undefined; n++) candidate = `${base}${n}`;
        return candidate;
    }

    /** The workspace document that declares the most people and organisations, if any does. */
    private directoryDocument(): LangiumDocument | undefined {
        const counts = new Map<string, Set<unknown>>();
        const descriptions = this.indexManager.allElements(Person.$type).concat(this.indexManager.allElements(Organisation.$type));
        for (const description of descriptions) {
            const uri = description.documentUri.toString();
            let parties = counts.get(uri);
            if (!parties) counts.set(uri, parties = new Set());
            parties.add(description.node ?? description.path);
        }
        let best: { uri: string; count: number } | undefined;
        for (const [uri, parties] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
            if (!best || parties.size > best.count) best = { uri, count: parties.size };
        }
        return best ? this.documents.all.find(d => d.uri.toString() === best!.uri) : undefined;
    }

    // ---- Attendees ------------------------------------------------------------

    /** Adds the speaker to the meeting's first roster, or opens an `attendees:` list after the meeting's fields. */
    private addToAttendees(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const line = blockAt(document, diagnostic.range.start);
        if (!isSpeakerLine(line) || !line.speaker.$refNode) return undefined;
        const meeting = meetingOf(line);
        if (!meeting) return undefined;
        const name = line.speaker.ref ? shortName(line.speaker.ref) : line.speaker.$refText;
        return quickFix(`Add ${name} to the attendees`, diagnostic, true, {
            changes: { [document.uri.toString()]: [attendeeEdit(document, meeting, line.speaker.$refNode.text)] }
        });
    }

    /**
     * On a speaker of a meeting that lists no attendees: a refactoring that opens an
     * `attendees:` list with them (no diagnostic asks for it; a meeting need not list anyone).
     */
    private startAttendeesList(document: LangiumDocument, position: Position): CodeAction | undefined {
        const line = blockAt(document, position);
        if (!isSpeakerLine(line) || !line.speaker.ref || !line.speaker.$refNode) return undefined;
        const meeting = meetingOf(line);
        if (!meeting || meeting.rosters.length > 0 || !meeting.turns.some(turn => turn.line === line)) return undefined;
        return {
            title: `Start an attendees list with ${shortName(line.speaker.ref)}`,
            kind: CodeActionKind.RefactorRewrite,
            edit: { changes: { [document.uri.toString()]: [attendeeEdit(document, meeting, line.speaker.$refNode.text)] } }
        };
    }

    // ---- Agenda -----------------------------------------------------------------

    private renumberAgenda(document: LangiumDocument, diagnostic: Diagnostic, done: Set<unknown>): CodeAction | undefined {
        const line = blockAt(document, diagnostic.range.start);
        if (!isLine(line)) return undefined;
        const root = document.parseResult.value as Document;
        const group = structureOf(root).items.flatMap(item => item.kind === 'agenda' ? [item.group] : [])
            .find(candidate => candidate.lines.includes(line));
        if (!group || done.has(group)) return undefined;
        done.add(group);
        const edits: TextEdit[] = [];
        for (const [item, label] of expectedAgendaLabels(group)) {
            const marker = GrammarUtils.findNodeForProperty(item.$cstNode, 'marker');
            if (marker) edits.push({ range: marker.range, newText: label });
        }
        if (edits.length === 0) return undefined;
        return quickFix('Renumber the agenda', diagnostic, true, { changes: { [document.uri.toString()]: edits } });
    }

    // ---- Actions ------------------------------------------------------------------

    /** `action: …` → `action @: …`: the owner's name goes after the `@`. */
    private addOwnerPlaceholder(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const action = blockAt(document, diagnostic.range.start);
        if (!isAction(action)) return undefined;
        const after = GrammarUtils.findNodeForProperty(action.$cstNode, 'name') ?? GrammarUtils.findNodeForKeyword(action.$cstNode, 'action');
        if (!after) return undefined;
        const at = after.range.end;
        return quickFix('Add an owner (type the name after @)', diagnostic, true, {
            changes: { [document.uri.toString()]: [{ range: { start: at, end: at }, newText: ' @' }] }
        });
    }
}

function codeOf(diagnostic: Diagnostic): string | undefined {
    if (typeof diagnostic.code === 'string') return diagnostic.code;
    const data = diagnostic.data as { code?: unknown } | undefined;
    return typeof data?.code === 'string' ? data.code : undefined;
}

function quickFix(title: string, diagnostic: Diagnostic, isPreferred: boolean, edit: WorkspaceEdit): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit };
}

/** The block (line) of a document at a position. */
function blockAt(document: LangiumDocument, position: Position): Block | undefined {
    const offset = document.textDocument.offsetAt(position);
    const root = document.parseResult.value as Document;
    return root.blocks.find(block => {
        const cst = block.$cstNode;
        return cst !== undefined && cst.offset <= offset && offset < cst.end;
    });
}

/** Where a block's written text ends: before its line break and any blank lines after it. */
function textEnd(document: LangiumDocument, block: Block): Position {
    const cst = block.$cstNode!;
    return document.textDocument.positionAt(cst.offset + cst.text.trimEnd().length);
}

/**
 * `- @mshears`, indented and bulleted like the roster's existing attendees; `, @mshears` after
 * the last name when the roster ends with a one-line list (`attendees: @carol, @mark`).
 */
function attendeeEdit(document: LangiumDocument, meeting: Meeting, reference: string): TextEdit {
    const roster = meeting.rosters[0];
    const last = roster?.attendees[roster.attendees.length - 1];
    const listLine = last && !isSpeakerLine(last.written) ? blockOf(last.written) : undefined;
    if (listLine) {
        const at = textEnd(document, listLine);
        return { range: { start: at, end: at }, newText: `, ${reference}` };
    }
    if (roster) {
        const attendees = roster.attendees.flatMap(attendee => isSpeakerLine(attendee.written) ? [attendee.written] : []);
        const model: SpeakerLine | undefined = attendees[0];
        const indent = model ? ' '.repeat(model.$cstNode!.range.start.character) : '';
        const bullet = model ? (model.bullet ? `${model.bullet} ` : '') : '- ';
        const at = textEnd(document, attendees[attendees.length - 1] ?? roster.roster);
        return { range: { start: at, end: at }, newText: `\n${indent}${bullet}${reference}` };
    }
    const root = document.parseResult.value as Document;
    const blocks = root.blocks;
    let index = blocks.indexOf(meeting.firstBlock);
    let lastField: Field | undefined;
    for (let block = blocks[index]; isField(block) && !keyDefinition(block.key)?.body; block = blocks[++index]) {
        lastField = block;
    }
    if (lastField) {
        const at = textEnd(document, lastField);
        return { range: { start: at, end: at }, newText: `\n\nattendees:\n- ${reference}${lastField.blankAfter ? '' : '\n'}` };
    }
    const start = meeting.firstBlock.$cstNode!.range.start;
    return { range: { start, end: start }, newText: `attendees:\n- ${reference}\n\n` };
}

/** A block of text appended to a document, after a blank line. */
function appendBlock(document: LangiumDocument, block: string): TextEdit {
    const text = document.textDocument.getText();
    const end = document.textDocument.positionAt(text.length);
    const separator = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return { range: { start: end, end }, newText: separator + block };
}

/**
 * A handle for a new entry, lowercase ASCII: a person's first initial and last name
 * (`Tatiana Tropina` → `ttropina`), an organisation's words joined by hyphens.
 */
export function handleFor(kind: 'person' | 'org', name: string): string {
    const words = nameKey(name).split(' ').map(word => word.replace(/[^a-z0-9]/g, '')).filter(word => word.length > 0);
    if (words.length === 0) return kind === 'person' ? 'person' : 'org';
    if (kind === 'person') return words.length === 1 ? words[0] : words[0][0] + words[words.length - 1];
    return words.join('-');
}

/** A field shown in the header (or the `meeting:` line that opens it). */
function isHeaderField(field: Field): boolean {
    const definition = keyDefinition(field.key);
    return definition?.id === 'meeting' || (definition !== undefined && !definition.inPlace);
}
