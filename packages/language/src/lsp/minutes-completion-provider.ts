import type { LangiumDocument } from 'langium';
import type { CompletionProvider, CompletionProviderOptions } from 'langium/lsp';
import {
    CompletionItemKind, CompletionList, InsertTextFormat, type CompletionItem, type CompletionParams, type Range
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document, Party } from '../generated/ast.js';
import type { MinutesServices } from '../minutes-module.js';
import { actionsToReportOn } from '../ledger/action-ledger.js';
import { placeTitleLine } from '../ledger/meetings.js';
import type { ActionLedgerService } from '../workspace/action-ledger-service.js';
import { nameKey } from '../model/names.js';
import { structureOf, turnsOf, type Meeting } from '../model/structure.js';
import { shortName } from '../model/directory.js';
import { speakerPhraseOf } from '../model/speaker-phrases.js';
import { ENGLISH_LABELS, ENTRY_KINDS, isKey, keyDefinition, keyLabel, KEYS, type KeyKind, type MeetingOffice } from '../model/vocabulary.js';
import { translationOf, writtenLanguage } from '../model/language.js';
import type { Translation } from '../model/translations.js';
import { isRefNameChar, isWordChar } from '../parser/characters.js';
import { describeEntry, type DirectoryEntry, type DirectoryIndex, type PartyFilter } from './directory-index.js';
import { referenceTo } from './name-occurrences.js';
import { meetingBefore, partyMarkdown } from './party-markdown.js';

/** At most this many names are sent; typing more narrows the list (the list is then incomplete). */
const MAX_NAME_ITEMS = 100;

/**
 * Completion for a line-oriented language: what to offer is decided by the text of the
 * line before the cursor, as the lexer decides what a line is — not by Langium's
 * grammar-follow computation, which cannot see that `@` at a line start is a speaker
 * and that keys are keys only at a line start.
 *
 * - After `@` (or inside `@partial`, `@{Partial Na`): people and organisations of the
 *   whole workspace — the previous speaker, then this meeting's attendees, then everyone
 *   else; only organisations after `org:`. Inserts `@handle`, replacing the whole token.
 * - After `update #`: the open actions of earlier meetings of the workspace (the meeting's series first).
 * - At a line start: the keys valid there (entry fields inside a directory entry) and
 *   snippets for the larger constructs.
 */
export class MinutesCompletionProvider implements CompletionProvider {
    readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['@', '{', '#'] };
    private readonly directory: DirectoryIndex;
    private readonly ledger: ActionLedgerService;
    private readonly keywords: LineStartKeywords;

    constructor(services: MinutesServices) {
        this.directory = services.lsp.DirectoryIndex;
        this.ledger = services.shared.workspace.ActionLedger;
        this.keywords = lineStartKeywords();
    }

    getCompletion(document: LangiumDocument, params: CompletionParams): CompletionList {
        const textDocument = document.textDocument;
        const offset = textDocument.offsetAt(params.position);
        const line = lineAround(textDocument.getText(), offset);
        const reference = typedReference(line);
        if (reference) {
            return this.completeName(document as LangiumDocument<Document>, textDocument, reference);
        }
        const actionId = typedActionId(line);
        if (actionId) {
            return this.completeActionId(document as LangiumDocument<Document>, textDocument, actionId);
        }
        const keyword = typedKeyword(line);
        if (keyword) {
            const structure = structureOf((document as LangiumDocument<Document>).parseResult.value);
            const language = writtenLanguage(meetingBefore(structure, offset), structure);
            return this.completeKeyword(textDocument, keyword, line, language ? translationOf(language) : undefined);
        }
        return CompletionList.create([], false);
    }

    // ---- Names --------------------------------------------------------------------

    private completeName(document: LangiumDocument<Document>, textDocument: TextDocument, typed: TypedReference): CompletionList {
        const head = typed.line.text.slice(0, typed.start - typed.line.start);
        if (DECLARATION_HEAD.test(head)) {
            return CompletionList.create([], false); // a new handle is being declared: nothing to offer
        }
        const filter: PartyFilter = isKey(ORGANISATION_HEAD.exec(head)?.[1].concat(':'), 'org') ? 'organisation' : 'any';
        const structure = structureOf(document.parseResult.value);
        const meeting = meetingBefore(structure, typed.line.start);
        const attendees = new Set<Party>(meeting?.attendees.flatMap(a => (a.party ? [a.party] : [])) ?? []);
        const turns = meeting ? meeting.turns : structure.items.flatMap(turnsOf);
        const previousSpeaker = turns.filter(turn => (turn.line.$cstNode?.offset ?? 0) < typed.line.start).pop()?.speaker;

        // Three ranks, each in name order (the order of the index): a stable partition.
        const ranked: DirectoryEntry[][] = [[], [], []];
        const matches = this.directory.search(typed.query, filter);
        for (const entry of matches) {
            ranked[entry.party === previousSpeaker ? 0 : attendees.has(entry.party) ? 1 : 2].push(entry);
        }
        const range: Range = { start: textDocument.positionAt(typed.start), end: textDocument.positionAt(typed.end) };
        const items: CompletionItem[] = [];
        ranked.forEach((entries, rank) => {
            for (const entry of entries) {
                if (items.length === MAX_NAME_ITEMS) return;
                items.push(this.nameItem(entry, rank, items.length, range, typed.braced));
            }
        });
        if (meeting && !typed.braced) items.push(...officeItems(meeting, typed.query, range));
        return CompletionList.create(items, matches.length > MAX_NAME_ITEMS);
    }

    private nameItem(entry: DirectoryEntry, rank: number, index: number, range: Range, braced: boolean): CompletionItem {
        const inserted = referenceTo(entry.handle);
        const standing = rank === 0 ? 'previous speaker' : rank === 1 ? 'attendee' : undefined;
        const prefix = braced ? '@{' : '@';
        // The client filters on the text from `@` to the cursor: give it every form the name
        // answers to, accents removed too, so that `@falt` keeps Patrik Fältström.
        const forms = new Set<string>([inserted]);
        for (const name of entry.names) {
            forms.add(prefix + name);
            forms.add(prefix + nameKey(name));
        }
        return {
            label: entry.name,
            labelDetails: {
                detail: ` ${inserted}`,
                description: entry.kind === 'organisation' ? 'organisation' : entry.organisations.join(', ') || undefined
            },
            kind: entry.kind === 'person' ? CompletionItemKind.Reference : CompletionItemKind.Module,
            detail: [standing, describeEntry(entry)].filter(Boolean).join(' · ') || undefined,
            documentation: { kind: 'markdown', value: partyMarkdown(entry) },
            sortText: `${rank}${String(index).padStart(5, '0')}`,
            filterText: [...forms].join(' '),
            textEdit: { range, newText: inserted }
        };
    }

    // ---- Action identifiers -------------------------------------------------------

    /** The open actions of earlier meetings (see actionsToReportOn), with owners and due date. */
    private completeActionId(document: LangiumDocument<Document>, textDocument: TextDocument, typed: TypedActionId): CompletionList {
        const range: Range = { start: textDocument.positionAt(typed.start), end: textDocument.positionAt(typed.end) };
        const ledger = this.ledger.ledger;
        const meeting = meetingBefore(structureOf(document.parseResult.value), typed.start);
        const place = meeting && ledger.placeOf(meeting);
        const items = actionsToReportOn(ledger, place).map(({ action, state }, index): CompletionItem => ({
            label: `#${action.id}`,
            kind: CompletionItemKind.EnumMember,
            labelDetails: { description: action.ownerNames.map(name => `@${name}`).join(', ') || undefined },
            detail: [action.text, state.due ? `due ${state.due}` : undefined].filter(Boolean).join(' · '),
            documentation: {
                kind: 'markdown',
                value: `Agreed at ${placeTitleLine(action.place)}; open`
                    + (state.lastUpdate ? `, last reported at ${placeTitleLine(state.lastUpdate.place)}.` : '.')
            },
            sortText: String(index).padStart(5, '0'),
            textEdit: { range, newText: `#${action.id}` }
        }));
        return CompletionList.create(items, false);
    }

    // ---- Keywords and snippets ----------------------------------------------------

    /**
     * Keys, and snippets. In a note in another language, a key is also found by its label in
     * that language (`fecha` finds `date:`, `议程` finds `agenda:`): keys stay English.
     */
    private completeKeyword(textDocument: TextDocument, typed: TypedKeyword, line: LineAround, translation?: Translation): CompletionList {
        const range: Range = { start: textDocument.positionAt(typed.start), end: textDocument.positionAt(typed.end) };
        const inEntry = isInsideDirectoryEntry(line, this.keywords);
        const items: CompletionItem[] = [];
        const groups = inEntry ? [this.keywords.entryFields, ...this.keywords.blocks] : this.keywords.blocks;
        groups.forEach((group, groupIndex) => {
            group.keys.forEach((key, keyIndex) => {
                const written = group.spaced ? key.replace(/-/g, ' ') : key;
                const takesValue = written.endsWith(':');
                const definition = keyDefinition(key);
                const translated = translation && definition && translation.keys[definition.id] ? keyLabel(definition, translation) : undefined;
                items.push({
                    label: written,
                    ...(translated ? { labelDetails: { description: translated }, filterText: `${written} ${translated}` } : {}),
                    kind: CompletionItemKind.Keyword,
                    detail: group.description,
                    sortText: `${String(groupIndex).padStart(2, '0')}${String(keyIndex).padStart(3, '0')}`,
                    textEdit: { range, newText: takesValue ? `${written} ` : written }
                });
            });
        });
        for (const snippet of SNIPPETS) {
            if (snippet.where === 'block' && inEntry) continue;
            items.push({
                label: snippet.label,
                labelDetails: { description: snippet.description },
                kind: CompletionItemKind.Snippet,
                detail: snippet.description,
                sortText: `99${snippet.label}`,
                insertTextFormat: InsertTextFormat.Snippet,
                textEdit: { range, newText: snippet.body }
            });
        }
        return CompletionList.create(items, false);
    }
}

// ---- What is being typed ------------------------------------------------------------

/** The line around the cursor. */
interface LineAround {
    readonly text: string;
    readonly start: number;
    readonly end: number;
    readonly cursor: number;
    /** The whole document, for looking at the lines above. */
    readonly document: string;
}

function lineAround(text: string, offset: number): LineAround {
    // lastIndexOf(x, -1) still looks at index 0: at the very start the line starts at 0.
    const start = offset === 0 ? 0 : Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    let end = offset;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    return { text: text.slice(start, end), start, end, cursor: offset, document: text };
}

/**
 * `@chair`, `@moderator` …: the offices this meeting's header names a holder for, as a speaker
 * may be written by office (model/speaker-phrases.ts), after the names.
 */
function officeItems(meeting: Meeting, query: string, range: Range): CompletionItem[] {
    const typed = query.toLowerCase();
    // Each office's first holder and how many lines name one (a header may repeat `chair:` thousands of times).
    const holders = new Map<MeetingOffice, { first: Party; count: number }>();
    for (const { office, party } of meeting.offices) {
        if (!party) continue;
        const known = holders.get(office);
        if (known) known.count++;
        else holders.set(office, { first: party, count: 1 });
    }
    const items: CompletionItem[] = [];
    for (const [office, { first, count }] of holders) {
        const word = office === 'notetaker' ? 'secretary' : office;
        if (count !== 1 || !word.startsWith(typed) || speakerPhraseOf(word)?.kind !== 'office') continue;
        items.push({
            label: word,
            labelDetails: { detail: ` @${word}`, description: `the meeting's ${ENGLISH_LABELS.offices[office]}` },
            kind: CompletionItemKind.Reference,
            detail: `${shortName(first)}, by office: printed as written`,
            sortText: `3${word}`,
            filterText: `@${word}`,
            textEdit: { range, newText: `@${word}` }
        });
    }
    return items;
}

interface TypedReference {
    readonly line: LineAround;
    /** Offset of the `@`. */
    readonly start: number;
    /** Offset after the token (its part after the cursor included). */
    readonly end: number;
    /** What was typed between `@` (or `@{`) and the cursor. */
    readonly query: string;
    readonly braced: boolean;
}

const BRACED_BEFORE_CURSOR = /@\{([^{}\r\n]*)$/;
const BARE_BEFORE_CURSOR = /@([\p{L}\p{N}\p{M}_][\p{L}\p{N}\p{M}_.-]*)?$/u;
/** `person @`, `org @`...: the handle being declared. */
const DECLARATION_HEAD = new RegExp(`^\\s*(${ENTRY_KINDS.join('|')})\\s+$`, 'i');
/** `person @x` (or `org @x`...) starting a line: a directory entry. */
const DECLARATION_LINE = new RegExp(`^(${ENTRY_KINDS.join('|')})[ \\t]+@`, 'i');
/** `org: @`, `orgs: @x, @`: a person's organisations. */
const ORGANISATION_HEAD = /^\s*([A-Za-z]+)\s*:/;

/**
 * The `@name` token the cursor is in or right after, as the lexer would read it: a bare
 * `@partial` or an unterminated `@{Partial Na`. An `@` inside a word (an e-mail address)
 * or after a backslash is not a reference.
 */
function typedReference(line: LineAround): TypedReference | undefined {
    const before = line.text.slice(0, line.cursor - line.start);
    const braced = BRACED_BEFORE_CURSOR.exec(before);
    const bare = braced ? undefined : BARE_BEFORE_CURSOR.exec(before);
    const match = braced ?? bare;
    if (!match) return undefined;
    const start = line.start + match.index;
    const previous = match.index > 0 ? before[match.index - 1] : undefined;
    // `mail@example.org` is an address and `\@name` is escaped: neither is a reference.
    if (previous === '\\' || (previous !== undefined && isWordChar(previous.codePointAt(0)))) return undefined;
    const text = line.document;
    let end = line.cursor;
    if (braced) {
        const close = text.indexOf('}', line.cursor);
        const nextAt = text.indexOf('@', line.cursor);
        if (close >= 0 && close < line.end && (nextAt < 0 || nextAt > close)) {
            end = close + 1;
        } else {
            while (end < line.end && isRefNameChar(text.codePointAt(end))) end++;
        }
    } else {
        while (end < line.end && isRefNameChar(text.codePointAt(end))) end++;
        while (end > line.cursor && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    }
    return { line, start, end, query: match[1] ?? '', braced: braced !== null && braced !== undefined };
}

interface TypedActionId {
    readonly start: number;
    readonly end: number;
}

/** `update #partial`: the identifier of an action of an earlier meeting. */
function typedActionId(line: LineAround): TypedActionId | undefined {
    const before = line.text.slice(0, line.cursor - line.start);
    const match = /^\s*update\s+(#[\p{L}\p{N}_.-]*)$/iu.exec(before);
    if (!match) return undefined;
    const start = line.cursor - match[1].length;
    let end = line.cursor;
    while (end < line.end && isRefNameChar(line.document.codePointAt(end))) end++;
    return { start, end };
}

interface TypedKeyword {
    readonly start: number;
    readonly end: number;
}

/** Letters at the start of a line (after indentation), or nothing yet: a key may follow. */
function typedKeyword(line: LineAround): TypedKeyword | undefined {
    const before = line.text.slice(0, line.cursor - line.start);
    // Letters of any script: in a note in Chinese or Arabic, a key is found by its label in that language.
    const match = /^([ \t]*)(\p{L}[\p{L}&-]*(?:[ \t][\p{L}&-]*)?)?$/u.exec(before);
    if (!match) return undefined;
    const start = line.start + match[1].length;
    let end = line.cursor;
    while (end < line.end && /[\p{L}&-]/u.test(line.document[end])) end++;
    if (line.document[end] === ':') end++;
    if (line.document[end] === ' ' && end > line.cursor) end++;
    return { start, end };
}

/**
 * Whether the line continues a directory entry: the nearest line above that is neither
 * blank nor a comment is the entry's `person @x` line or one of its fields, with no
 * blank line in between.
 */
function isInsideDirectoryEntry(line: LineAround, keywords: LineStartKeywords): boolean {
    const above = line.document.slice(0, line.start).split(/\r?\n|\r/);
    above.pop(); // the (empty) rest of the line break that ends the line above
    for (let i = above.length - 1; i >= 0; i--) {
        const text = above[i].trim();
        if (text === '') return false;
        if (text.startsWith('//')) continue;
        if (DECLARATION_LINE.test(text)) return true;
        const key = /^([A-Za-z][A-Za-z-]*)[ \t]*:/.exec(text)?.[1].toLowerCase();
        return key !== undefined && keywords.entryFields.keys.includes(`${key}:`);
    }
    return false;
}

// ---- The vocabulary -----------------------------------------------------------------

interface KeywordGroup {
    readonly keys: string[];
    readonly description: string;
    /** Keys written with spaces (`next steps:`), normalised with hyphens by the lexer. */
    readonly spaced?: boolean;
}

interface LineStartKeywords {
    readonly blocks: KeywordGroup[];
    readonly entryFields: KeywordGroup;
}

/** The keys of each kind of line, from the vocabulary. */
function lineStartKeywords(): LineStartKeywords {
    const keysOf = (kind: KeyKind): string[] => KEYS.filter(definition => definition.kind === kind).map(definition => definition.key);
    return {
        blocks: [
            { keys: keysOf('field').filter(key => !keyDefinition(key)?.inPlace), description: 'Header field: read as one in the header of a meeting, before its body' },
            { keys: keysOf('field').filter(key => keyDefinition(key)?.inPlace), description: 'Text field: shown where it is written' },
            { keys: keysOf('roster'), description: 'Attendance list: speaker lines follow' },
            { keys: keysOf('agenda'), description: 'Agenda: numbered items follow' },
            { keys: keysOf('segment'), description: 'Part of the meeting: the turns that follow' },
            { keys: keysOf('outcome'), description: 'Outcome', spaced: true },
            { keys: ['action', 'update'], description: 'Action (`action #id @owner due date: text`)' },
            { keys: [...ENTRY_KINDS], description: 'Directory entry (`person @handle Name`)' }
        ],
        entryFields: { keys: keysOf('entry'), description: 'Directory entry field' }
    };
}

interface Snippet {
    readonly label: string;
    readonly description: string;
    /** `block`: not inside a directory entry; `anywhere`: also there. */
    readonly where: 'block' | 'anywhere';
    readonly body: string;
}

const STAKEHOLDER_CHOICE = '${3|government,intergovernmental,civil society,private sector,technical community,academia|}';

const SNIPPETS: Snippet[] = [
    {
        label: 'meeting', description: 'A new meeting', where: 'block',
        body: 'meeting: ${1:Title}\ndate: ${2:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}\nchair: @${3}\n\nattendees:\n- @${4}\n\nagenda:\n1. ${5}\n\n$0'
    },
    { label: 'attendees', description: 'A list of attendees', where: 'block', body: 'attendees:\n- @${1}\n- @${2}\n$0' },
    { label: 'agenda', description: 'A numbered agenda', where: 'block', body: 'agenda:\n1. ${1}\n2. ${2}\n$0' },
    { label: 'turn', description: 'An intervention', where: 'block', body: '@${1}:\n${0}' },
    { label: 'action', description: 'An action with owner and due date', where: 'block', body: 'action #${1:id} @${2:owner} due ${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}: ${0:what is to be done}' },
    { label: 'update', description: 'A report on an earlier action', where: 'block', body: 'update #${1:id} ${2|done,open,dropped,moved|}: ${0}' },
    { label: 'person', description: 'A person of the directory', where: 'anywhere', body: 'person @${1:handle} ${2:Display Name}\n  org: @${3}\n  role: ${0}' },
    { label: 'org', description: 'An organisation of the directory', where: 'anywhere', body: `org @\${1:handle} \${2:Name}\n  stakeholder: ${STAKEHOLDER_CHOICE}\n$0` }
];
