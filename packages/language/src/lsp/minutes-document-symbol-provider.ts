import type { LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type Range } from 'vscode-languageserver';
import { isPerson, isRoster, type Document, type Party, type Segment } from '../generated/ast.js';
import { displayName, shortName } from '../model/directory.js';
import { continuationOf, firstLineOf, structureOf, turnsOf, type AgendaItemNode, type Item, type Section, type Turn } from '../model/structure.js';
import { capitalised, plainText, writtenName } from '../model/text.js';
import { keyDefinition } from '../model/vocabulary.js';
import {
    comparePositions, containsRange, firstLineRange, meetingsOfHeadings, rangeOfBlocks, rangeOfItem, rangeOfMeeting,
    rangeOfSection
} from './block-ranges.js';
import { meetingDate, meetingName } from './party-markdown.js';

/** The symbol kinds of Minutes constructs, shared by the outline and workspace symbols. */
export const MinutesSymbolKinds = {
    meeting: SymbolKind.Event,
    section: SymbolKind.String,
    agenda: SymbolKind.Enum,
    agendaItem: SymbolKind.EnumMember,
    roster: SymbolKind.Array,
    segment: SymbolKind.Namespace,
    turn: SymbolKind.Field,
    narration: SymbolKind.String,
    outcome: SymbolKind.Constant,
    action: SymbolKind.Function,
    person: SymbolKind.Object,
    organisation: SymbolKind.Module
} as const;

export function partySymbolKind(party: Party): SymbolKind {
    return isPerson(party) ? MinutesSymbolKinds.person : MinutesSymbolKinds.organisation;
}

/**
 * The outline: meetings, containing sections and agenda items, containing interventions
 * and outcomes; directory entries in a directory file. Built from model/structure.ts and
 * nested by range, because meetings and sections may contain one another either way
 * (a report's sections hold meetings; a meeting's minutes have sections).
 */
export class MinutesDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): DocumentSymbol[] {
        const structure = structureOf((document as LangiumDocument<Document>).parseResult.value);
        const flat: DocumentSymbol[] = [];
        const add = (symbol: DocumentSymbol | undefined) => {
            if (symbol) flat.push(symbol);
        };
        for (const meeting of structure.meetings) {
            const range = rangeOfMeeting(meeting);
            const selection = firstLineRange(meeting.start ?? meeting.firstBlock);
            if (range && selection) {
                add(symbol(meetingName(meeting), meetingDate(meeting), MinutesSymbolKinds.meeting, range, selection));
            }
        }
        const headingMeetings = meetingsOfHeadings(structure.items);
        for (const section of flattenSections(structure.sections)) {
            const range = rangeOfSection(section, headingMeetings.get(section.heading));
            const selection = firstLineRange(section.heading);
            if (range && selection) add(symbol(section.title, undefined, MinutesSymbolKinds.section, range, selection));
        }
        const lastTurns = lastTurnOfEachSegment(structure.items);
        for (const item of structure.items) {
            add(itemSymbol(item, lastTurns));
            // Turns written as items of a list (`- @name: text` under a bullet) stay in the list's item: each is a symbol of its own.
            for (const turn of turnsOf(item)) if (item.kind !== 'turn' || turn !== item.turn) add(listTurnSymbol(turn));
        }
        return nest(flat);
    }
}

/** The last turn of each part of a meeting, found in one pass (a search per part would read every item for each). */
function lastTurnOfEachSegment(items: readonly Item[]): Map<Segment, Item> {
    const last = new Map<Segment, Item>();
    for (const item of items) {
        if (item.kind === 'turn' && item.turn.segment) last.set(item.turn.segment, item);
    }
    return last;
}

function itemSymbol(item: Item, lastTurns: ReadonlyMap<Segment, Item>): DocumentSymbol | undefined {
    const range = rangeOfItem(item);
    if (!range) return undefined;
    switch (item.kind) {
        case 'party': {
            const selection = firstLineRange(item.party);
            return selection && symbol(displayName(item.party), `@${item.party.name}`, partySymbolKind(item.party), range, selection);
        }
        case 'roster': {
            const roster = item.group.roster;
            const selection = firstLineRange(roster);
            const count = item.group.attendees.length;
            // An office's list (`Chair:` over `@{Dan Connolly}`) is named by its line, as written.
            const name = isRoster(roster) ? keyTitle(roster.key, plainText(roster.title)) : plainText(roster.text).trim();
            return selection && symbol(name, count === 1 ? '1 name' : `${count} names`,
                MinutesSymbolKinds.roster, range, selection);
        }
        case 'agenda': {
            const agenda = item.group.agenda;
            const selection = firstLineRange(agenda);
            const result = selection && symbol(keyTitle(agenda.key, plainText(agenda.title)), undefined, MinutesSymbolKinds.agenda, range, selection);
            if (result) result.children = item.group.items.flatMap(agendaItemSymbol);
            return result;
        }
        case 'segment': {
            // A part of a meeting runs over the turns that belong to it.
            const last = lastTurns.get(item.segment);
            const lastRange = last ? rangeOfItem(last) : undefined;
            const selection = firstLineRange(item.segment);
            const segmentRange = lastRange ? { start: range.start, end: lastRange.end } : range;
            return selection && symbol(keyTitle(item.segment.key, plainText(item.segment.title)), undefined, MinutesSymbolKinds.segment, segmentRange, selection);
        }
        case 'field': {
            // The note-taker's narration after turns: a place in the outline between them.
            if (!keyDefinition(item.field.key)?.narration) return undefined;
            const selection = firstLineRange(item.field);
            const first = item.body[0];
            const text = plainText(item.field.value) || plainText((first?.kind === 'list' ? firstLineOf(first.items[0]) : first?.lines[0])?.text);
            return selection && symbol('Narration', excerpt(text), MinutesSymbolKinds.narration, range, selection);
        }
        case 'turn': {
            const selection = firstLineRange(item.turn.line);
            return selection && symbol(speakerName(item.turn), excerpt(turnText(item.turn)), MinutesSymbolKinds.turn, range, selection);
        }
        case 'outcome': {
            const selection = firstLineRange(item.group.outcome);
            return selection && symbol(capitalised(item.group.outcome.key.replace(/:$/, '').replace(/-/g, ' ')),
                excerpt(item.group.title), MinutesSymbolKinds.outcome, range, selection);
        }
        case 'action': {
            const selection = firstLineRange(item.action.action);
            const name = item.action.id ? `Action #${item.action.id}` : 'Action';
            return selection && symbol(name, excerpt(item.action.text), MinutesSymbolKinds.action, range, selection);
        }
        case 'update': {
            const selection = firstLineRange(item.update.update);
            return selection && symbol(`Update #${item.update.update.action.$refText}`, excerpt(item.update.text), MinutesSymbolKinds.action, range, selection);
        }
        default:
            return undefined;
    }
}

function agendaItemSymbol(node: AgendaItemNode): DocumentSymbol[] {
    const selection = firstLineRange(node.line);
    const last = lastDescendant(node);
    const range = rangeOfBlocks(node.line, last.line);
    if (!selection || !range) return [];
    const result = symbol(`${node.label} ${node.text}`.trim(), undefined, MinutesSymbolKinds.agendaItem, range, selection);
    result.children = node.children.flatMap(agendaItemSymbol);
    return [result];
}

function lastDescendant(node: AgendaItemNode): AgendaItemNode {
    const last = node.children[node.children.length - 1];
    return last ? lastDescendant(last) : node;
}

function flattenSections(sections: readonly Section[]): Section[] {
    return sections.flatMap(section => [section, ...flattenSections(section.children)]);
}

/**
 * Nests symbols by range: each becomes a child of the innermost symbol that contains it.
 * A symbol that starts inside another but runs past its end is cut at that end.
 */
function nest(flat: DocumentSymbol[]): DocumentSymbol[] {
    const sorted = flat
        .map((symbol, order) => ({ symbol, order }))
        .sort((a, b) => comparePositions(a.symbol.range.start, b.symbol.range.start)
            || comparePositions(b.symbol.range.end, a.symbol.range.end)
            || a.order - b.order)
        .map(entry => entry.symbol);
    const roots: DocumentSymbol[] = [];
    const stack: DocumentSymbol[] = [];
    for (const symbol of sorted) {
        while (stack.length > 0 && comparePositions(stack[stack.length - 1].range.end, symbol.range.start) <= 0
            && !containsRange(stack[stack.length - 1].range, symbol.range)) {
            stack.pop();
        }
        const parent = stack[stack.length - 1];
        if (parent && !containsRange(parent.range, symbol.range)) {
            symbol.range = { start: symbol.range.start, end: parent.range.end };
            if (!containsRange(symbol.range, symbol.selectionRange)) symbol.selectionRange = { ...symbol.range };
        }
        if (parent) (parent.children ??= []).push(symbol);
        else roots.push(symbol);
        stack.push(symbol);
    }
    return roots;
}

function symbol(name: string, detail: string | undefined, kind: SymbolKind, range: Range, selectionRange: Range): DocumentSymbol {
    return { name: name.trim() || '(untitled)', detail: detail || undefined, kind, range, selectionRange };
}

/** `Marilyn Cade`; `1. Mr. Al-Otaibi`; `The Chairman (E. SPINA)`; `Ana Lopes, Ben Okafor` for a joint turn. */
function speakerName(turn: Turn): string {
    if (turn.unidentified) return 'Unidentified speaker';
    const written = writtenName(turn.line.speaker.$refText);
    // A phrase reads as written, with whom it names.
    const first = turn.phrase ? (turn.speaker ? `${written} (${shortName(turn.speaker)})` : written)
        : turn.speaker ? shortName(turn.speaker) : written;
    const others = turn.jointWith.map(mention => mention.party.ref ? shortName(mention.party.ref) : writtenName(mention.party.$refText));
    return (turn.line.number ? `${turn.line.number} ` : '') + [first, ...others].join(', ');
}

/** A turn written as an item of a list: its line and the lines that continue it. */
function listTurnSymbol(turn: Turn): DocumentSymbol | undefined {
    const range = rangeOfBlocks(turn.line, continuationOf(turn.line).at(-1) ?? turn.line);
    const selection = firstLineRange(turn.line);
    return range && selection && symbol(speakerName(turn), excerpt(turnText(turn)), MinutesSymbolKinds.turn, range, selection);
}

function turnText(turn: Turn): string {
    const own = plainText(turn.line.text);
    if (own) return own;
    const first = turn.paragraphs[0];
    const line = first?.kind === 'list' ? firstLineOf(first.items[0]) : first?.lines[0];
    return plainText(line?.text);
}

function keyTitle(key: string, title: string): string {
    const name = capitalised(key.replace(/:$/, ''));
    return title ? `${name}: ${title}` : name;
}

function excerpt(text: string, length = 60): string | undefined {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return undefined;
    return clean.length <= length ? clean : `${clean.slice(0, length - 1).trimEnd()}…`;
}
