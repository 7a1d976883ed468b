import type { AstNode, Reference } from 'langium';
import {
    isAction, isActionUpdate, isAgenda, isBreak, isCustomField, isDocument, isField, isHeading, isLine, isOutcome, isRoster,
    isLink, isMention, isSegment, isSpeakerLine,
    Action, ActionUpdate, Agenda, Break, CustomField, Field, Heading, Line, Organisation, Outcome, Person, Roster, Segment, SpeakerLine,
    type Block, type Document, type Mention, type Party, type Text
} from '../generated/ast.js';
import { isBulletMarker } from '../parser/characters.js';
import { blocksWhere, wasReparsed } from '../parser/incremental-reparser.js';
import { forEachAstNode, forEachReference } from '../util/ast-walk.js';
import { ObjectFacts } from '../util/object-facts.js';
import { namesOf } from './directory.js';
import { nameKey } from './names.js';
import { officeNamedBy, speakerPhraseOf, type SpeakerPhrase } from './speaker-phrases.js';
import { inlinesOf, isTrimmedSpace, mentionText, mentionsOf, plainText, sourceSpanOf, textReading, textTokens, writtenName, writtenText, type Inline } from './text.js';
import { lazyBlockStart } from '../parser/lazy-cst.js';
import { isKey, keyDefinition, type Attendance, type MeetingOffice, type OutcomeKind, type TurnKind } from './vocabulary.js';

export type { Attendance, OutcomeKind, TurnKind } from './vocabulary.js';

/**
 * The structure of a document, derived from its flat sequence of line blocks.
 *
 * The grammar makes every block one line, so that a half-typed line never breaks the
 * parse of the lines after it. What spans lines — a turn and its paragraphs, a roster and
 * its attendees, an agenda and its items, a meeting and its blocks — is grouped here, by
 * the rules written in docs/language.md. The result is cached per parsed document.
 */
export interface DocumentStructure {
    readonly document: Document;
    /** Document-level fields (outside any meeting), e.g. `report:`. */
    readonly fields: Field[];
    /** Document-level fields the vocabulary lacks (`Session Format: …`), in written order. */
    readonly customFields: CustomField[];
    /** The document's `report:` field: the title of a document of several meetings. */
    readonly report?: Field;
    /** The document's own `date:` field. */
    readonly date?: Field;
    readonly meetings: Meeting[];
    /** Everything in order, grouped: what generators walk. */
    readonly items: Item[];
    /** The section tree built from headings. */
    readonly sections: Section[];
}

export interface Meeting {
    /** The `meeting:` field, or undefined for the untitled meeting of a file without one. */
    readonly start?: Field;
    readonly fields: Field[];
    /** The header's fields the vocabulary lacks (`Proposer's Name: …`), in written order. */
    readonly customFields: CustomField[];
    readonly items: Item[];
    readonly attendees: Attendee[];
    readonly rosters: RosterGroup[];
    readonly agendas: AgendaGroup[];
    readonly turns: Turn[];
    readonly outcomes: OutcomeGroup[];
    readonly actions: ActionItem[];
    readonly updates: ActionReport[];
    /** The first and last block of the meeting. */
    readonly firstBlock: Block;
    readonly lastBlock: Block;
    /** The title as written: the `meeting:` value, else the first field that names the meeting (`group:`, `event:`, …). */
    readonly title?: string;
    /** The text the title is read from, for outputs that name people as the attribution says. */
    readonly titleText?: Text;
    /** The meeting's own `date:` field. */
    readonly date?: Field;
    /** The field that names the meeting's series (`group:` or `series:`): its own, else the document's. */
    readonly series?: Field;
    /** Who holds an office (`chair: @mcade`), in written order. */
    readonly offices: OfficeHolder[];
}

export interface OfficeHolder {
    readonly office: MeetingOffice;
    /** Where the office is named: its header field (`chair: @mcade`), or the label of its list (`Chair:` over `@{Dan Connolly}`). */
    readonly field: Field | Line;
    /** The holder as written: a name in the field or the list, or an attendee's line of the list. */
    readonly reference: Reference<Party>;
    /** The party the mention resolves to, if it does. */
    readonly party?: Party;
}

/** The first and last block of an item. */
export interface ItemSpan {
    readonly first: Block;
    readonly last: Block;
}

type ItemBody =

    | { kind: 'heading'; heading: Heading; level: number; text: string; meeting?: Meeting }
    | { kind: 'field'; field: Field; meeting?: Meeting; body: Paragraph[] }
    | { kind: 'custom-field'; field: CustomField; meeting?: Meeting }
    | { kind: 'party'; party: Party }
    | { kind: 'roster'; group: RosterGroup; meeting?: Meeting }
    | { kind: 'agenda'; group: AgendaGroup; meeting?: Meeting }
    | { kind: 'segment'; segment: Segment; meeting?: Meeting }
    | { kind: 'turn'; turn: Turn; meeting?: Meeting }
    | { kind: 'outcome'; group: OutcomeGroup; meeting?: Meeting }
    | { kind: 'action'; action: ActionItem; meeting?: Meeting }
    | { kind: 'update'; update: ActionReport; meeting?: Meeting }
    | { kind: 'prose'; paragraphs: Paragraph[]; meeting?: Meeting }
    | { kind: 'break'; block: Break; meeting?: Meeting };

/** What the document holds, in order: each block with the lines that belong to it, and where each meeting starts. */
export type Item = (ItemBody & { readonly span: ItemSpan }) | { kind: 'meeting-start'; meeting: Meeting };

/** A paragraph of prose, a list, or a quote, made of lines. */
export type Paragraph =
    | { kind: 'paragraph'; lines: Line[] }
    | { kind: 'list'; ordered: boolean; items: ListItem[] }
    | { kind: 'quote'; lines: Line[] };

export interface ListItem {
    readonly marker: string;
    /** The item's line and its continuation lines; none for a turn, whose line and continuation are the turn's. */
    readonly lines: Line[];
    /** Indentation (columns) of the marker, for nesting. */
    readonly indent: number;
    /** A blank line separates the item from the one before it in its list: the outputs keep the blank. */
    readonly afterBlankLine: boolean;
    /**
     * A bullet written as a turn (`- @name: text`, `* @Rich has created…`) inside a list: the
     * speaker's turn, which stays at its place in the list (see `takeParagraphs`).
     */
    readonly turn?: Turn;
}

export interface Attendee {
    /**
     * Where the attendee is written: a speaker line of its own (`- @mshears (ICANN Board)`), or
     * a name in a one-line list (`attendees: @carol, @mark`, `Council: @Carol, @Mark`): the mention.
     */
    readonly written: SpeakerLine | Mention;
    readonly party?: Party;
    readonly attendance: Attendance;
    /** What follows the name, as written (`(ICANN Board)`, `, Director General, APNIC`). */
    readonly note: string;
    /** For a name in a one-line list, its note as written (`(W3C)`), in pieces; a speaker line's note is its text. */
    readonly listNote: readonly Inline[];
    /** The list's key, or the label of an office's list (`RosterGroup.roster`). */
    readonly roster: Roster | Line;
    /** The label of the group the attendee is listed under (`Representatives of specialized agencies:`, `Council: @Carol, @Mark`), if any. */
    readonly group?: Line;
}

/** The reference an attendee is written with: its line's speaker, or the mention in a one-line list. */
export function attendeeReference(attendee: Attendee): Reference<Party> {
    return isSpeakerLine(attendee.written) ? attendee.written.speaker : attendee.written.party;
}

/** Where a diagnostic about an attendee points: the name, on its line or in its list. */
export function attendeeTarget(attendee: Attendee): { node: SpeakerLine; property: 'speaker' } | { node: Mention; property: 'party' } {
    return isSpeakerLine(attendee.written) ? { node: attendee.written, property: 'speaker' } : { node: attendee.written, property: 'party' };
}

export interface RosterGroup {
    /**
     * The key that opens the list (`attendees:`), or, for a list of the meeting's office holders
     * written after its attendance lists (W3C's `Chair:` over `@{Dan Connolly}`), the office's
     * label: see `office`.
     */
    readonly roster: Roster | Line;
    /** The office the list names the holders of (`Chair:` → `chair`, `Scribe:` → `notetaker`): they hold it and are present. */
    readonly office?: MeetingOffice;
    readonly attendees: Attendee[];
    /**
     * A list of names in the roster that ends in a separator no line of names goes on from
     * (`Absents excusés : @a, @b,` then `Procurations : …`): its key's text, or the line right
     * after the roster's last, which is therefore no group label. Its names are not attendees.
     */
    readonly unfinished?: UnfinishedList;
}

/** A list of names left open: where it is written, its names, and the separator it ends in. */
export interface UnfinishedList {
    readonly block: Roster | Line;
    readonly names: readonly Mention[];
    /** The offsets of the separator (`,`, `, and`) the list ends in, from its start to its end. */
    readonly separator: number;
    readonly end: number;
}

export interface AgendaItemNode {
    readonly line: Line;
    readonly label: string;
    readonly text: string;
    readonly depth: number;
    readonly children: AgendaItemNode[];
}

export interface AgendaGroup {
    readonly agenda: Agenda;
    readonly items: AgendaItemNode[];
    /** All items in order, flattened. */
    readonly lines: Line[];
}

export interface Turn {
    readonly line: SpeakerLine;
    readonly speaker?: Party;
    /** `@?`: an unidentified speaker. */
    readonly unidentified: boolean;
    /** The speaker written as an office, a delegation or a group (`@{The Chairman}`, `@{Several participants}`): see speaker-phrases.ts. */
    readonly phrase?: SpeakerPhrase;
    /**
     * The other speakers of a joint turn, in written order: `@DE, @AK, @BT: Perfect!`,
     * `@Ana + @Ben:`, `@YK/@DD: PR` — the mentions between the first name and the colon.
     */
    readonly jointWith: Mention[];
    readonly kind: TurnKind;
    readonly qualifiers: Qualifiers;
    /**
     * The lines below the turn's line that are the speaker's. For a turn written as an item of a
     * list (`ListItem.turn`), the items indented under it: they stay the list's too, and the
     * outputs print them there, as the item's children.
     */
    readonly paragraphs: Paragraph[];
    /** The segment (`discussion:` ...) the turn belongs to, if any. */
    readonly segment?: Segment;
}

export interface Qualifiers {
    respondsTo?: Party;
    onBehalfOf?: Party;
    presentedBy?: Party;
    capacity?: string;
    remote?: boolean;
    fromFloor?: boolean;
    /** `at 00:01:23`: when the turn starts, as written (a transcript's cue or message time). */
    at?: string;
    /** Phrases that are none of the above, as written. */
    unknown: string[];
}

export interface OutcomeGroup {
    readonly outcome: Outcome;
    readonly kind: OutcomeKind;
    /** Plural keys hold one outcome per bullet. */
    readonly plural: boolean;
    readonly title: string;
    readonly paragraphs: Paragraph[];
}

export type ActionStatus = 'open' | 'done' | 'dropped' | 'moved';

export interface ActionItem {
    /**
     * The action's line: an `action …:` line, or a line that opens with its joint owners (`@DE/@AWB will
     * make minor changes`, `- @AWB/@JHD to investigate …`), printed as written where it is (`jointActionOf`).
     */
    readonly action: Action | Line;
    readonly id?: string;
    /** The mentions in the header, in written order: the owners as written; or those that open the text (ownersInText). */
    readonly ownerMentions: Mention[];
    /** The owners are named at the start of the text, as W3C writes actions (`ACTION: @Brent to …`): outputs do not name them again. */
    readonly ownersInText: boolean;
    readonly owners: Party[];
    /** Owner references that did not resolve, as written. */
    readonly unresolvedOwners: string[];
    readonly due?: string;
    readonly status: ActionStatus;
    /** What is to be done: the text after the header's colon. */
    readonly text: string;
    /** The text without its mentions: what a derived identifier is made of, so that it names no one. */
    readonly textWithoutNames: string;
    readonly paragraphs: Paragraph[];
}

export interface ActionReport {
    readonly update: ActionUpdate;
    readonly status?: ActionStatus;
    readonly text: string;
    readonly paragraphs: Paragraph[];
}

export interface Section {
    readonly heading: Heading;
    readonly level: number;
    readonly title: string;
    readonly children: Section[];
    /** The first and last block of the section (the heading and the last block before the next heading at its level or above). */
    readonly lastBlock: Block;
}

const cache = new ObjectFacts<Document, DocumentStructure>('structure');

/** The items of each field written as a list (`organisers:` over bullets): see `fieldListOf`. */
const fieldLists = new ObjectFacts<Field, Array<SpeakerLine | Line>>('field list');

/** The items of a field written as a list (`organisers:` over `- @ICANN` lines), in order; none for a field with a value. */
export function fieldListOf(field: Field): ReadonlyArray<SpeakerLine | Line> {
    structureOf(field.$container);
    return fieldLists.get(field) ?? [];
}

/** A line a field's list takes: a speaker line, or a bulleted or numbered one. */
function isFieldListItem(block: Block): block is SpeakerLine | Line {
    return isSpeakerLine(block) || (isLine(block) && isListMarker(block.marker));
}

/** Per document structure, its attendees by where each is written: see `attendeeAt`. */
const attendeesByName = new ObjectFacts<DocumentStructure, Map<SpeakerLine | Mention, Attendee>>('attendees by name');

/** The attendee written by a speaker line of a roster, or by a name in a one-line list, if it is one. */
export function attendeeAt(written: SpeakerLine | Mention): Attendee | undefined {
    const block = blockOf(written);
    if (!block) return undefined;
    const structure = structureOf(block.$container);
    let byName = attendeesByName.get(structure);
    if (!byName) {
        byName = new Map(structure.meetings.flatMap(meeting => meeting.attendees.map(attendee => [attendee.written, attendee] as const)));
        attendeesByName.set(structure, byName);
    }
    return byName.get(written);
}

/** Continuation lines of each block that has some: see `continuationOf`. */
const continuations = new ObjectFacts<Block, Line[]>('continuation');

/**
 * The lines that continue a block's text, hard-wrapped as in an email: the prose lines
 * right after it, with no blank line between (docs/language.md, "Paragraphs"). A turn,
 * an outcome, an action, an update, a text field, an attendee or an agenda item with
 * text on its line is continued by any such line, indented or not; a header field
 * (`meeting:`, `venue:` …) only by indented lines, as an email header is folded.
 */
export function continuationOf(block: Block): readonly Line[] {
    structureOf(block.$container);
    return continuations.get(block) ?? [];
}

/** The continuation lines after `blocks[index]` (when it has text), recorded for `continuationOf`. */
function takeContinuation(blocks: Block[], index: number, hasText: boolean, indentedOnly = false, stopsAt?: (at: number) => boolean): Line[] {
    const lines: Line[] = [];
    let previous = blocks[index];
    for (let i = index + 1; hasText && i < blocks.length && !previous.blankAfter; i++) {
        const block = blocks[i];
        if (!isLine(block) || block.marker !== undefined || (indentedOnly && indentOf(block) === 0) || stopsAt?.(i)) break;
        lines.push(block);
        previous = block;
    }
    // A block outlives an edit of the lines after it (parser/incremental-reparser.ts): forget what it had.
    if (lines.length > 0) continuations.set(blocks[index], lines);
    else continuations.delete(blocks[index]);
    return lines;
}

/** Whether a text is more than white space: read in place, not copied (a turn's text is a paragraph). */
function hasText(text: Text | undefined): boolean {
    const span = sourceSpanOf(text);
    if (!span) return false;
    const written = span.source;
    for (let i = span.offset, end = span.end; i < end; i++) {
        if (!isTrimmedSpace(written[i])) return true;
    }
    return false;
}

/** The structure of a parsed document (cached for the life of the AST). */
export function structureOf(document: Document): DocumentStructure {
    let structure = cache.get(document);
    if (!structure) {
        structure = buildStructure(document);
        cache.set(document, structure);
    }
    return structure;
}

/**
 * Drops the structure of a document that is about to be linked again without being parsed
 * again (a document it names changed): its owners and the names in its texts were read
 * from its references when the structure was built.
 */
export function forgetStructure(document: Document): void {
    cache.delete(document);
}

/** A heading's level: its number of `#`, or 1 for a setext title underlined with `===` and 2 with `---`. */
export function headingLevel(heading: Heading): number {
    if (heading.level) return heading.level.length;
    return heading.underline?.startsWith('=') ? 1 : 2;
}

function isMeetingish(block: Block): boolean {
    return isSpeakerLine(block) || isRoster(block) || isAgenda(block) || isSegment(block)
        || isOutcome(block) || isAction(block) || isActionUpdate(block);
}


function buildStructure(document: Document): DocumentStructure {
    const blocks = document.blocks;
    const explicit = blocks.some(b => b.$type === Field.$type && isKey((b as Field).key, 'meeting'));
    const implicit = !explicit && blocks.some(isMeetingish);
    const keepable = keepsChunks(document);

    const items: Item[] = [];
    const meetings: MutableMeeting[] = [];
    const chunks: Chunk[] = [];
    const docFields: Field[] = [];
    const docCustomFields: CustomField[] = [];
    let meeting: MutableMeeting | undefined;
    let meetingAnchorLevel = 0;
    let lastHeadingLevel = 0;

    if (implicit && blocks.length > 0) {
        meeting = newMeeting(undefined, blocks[0]);
        meetings.push(meeting);
    }

    // Where chunks start: found from the blocks an edit replaced, in a document parsed incrementally.
    const boundaries = blocksWhere(document, isChunkBoundary);
    let nextBoundary = 0;
    let from = 0;
    while (from < blocks.length) {
        const block = blocks[from];
        // Meeting boundaries: a chunk starts at each.
        if (isField(block) && isKey(block.key, 'meeting')) {
            meeting = newMeeting(block, block);
            meetings.push(meeting);
            meetingAnchorLevel = lastHeadingLevel;
            items.push({ kind: 'meeting-start', meeting });
        } else if (isHeading(block)) {
            const level = headingLevel(block);
            if (meeting && meeting.start && level <= meetingAnchorLevel) {
                meeting = undefined;
            }
            lastHeadingLevel = level;
        } else if (isBreak(block)) {
            if (meeting?.start) meeting = undefined;
        }
        while (nextBoundary < boundaries.length && boundaries[nextBoundary] <= from) nextBoundary++;
        const to = (nextBoundary < boundaries.length ? boundaries[nextBoundary] : blocks.length) - 1;
        const kept = keepable ? keptChunk(blocks, from, to) : undefined;
        if (kept) structureCounts.chunksKept++;
        else structureCounts.chunksBuilt++;
        const source = kept ?? (keepable ? recordChunk(blocks, from, to, groupChunk(blocks, from, to)) : undefined);
        const groups = source?.groups ?? groupChunk(blocks, from, to);
        const first = items.length;
        if (source?.placed && !meeting) {
            // Items outside any meeting are the same objects as before.
            for (const item of source.placed) {
                items.push(item);
                if (item.kind === 'field') docFields.push(item.field);
                else if (item.kind === 'custom-field') docCustomFields.push(item.field);
            }
            chunks.push({ key: groups, keepable, from, to, meeting, items: source.placed });
            from = to + 1;
            continue;
        }
        for (const group of groups) {
            if (group.kind === 'party') {
                items.push(group);
                if (meeting) meeting.lastBlock = group.span.last;
                continue;
            }
            // A chunk grouped for this structure alone is placed as it is; one that may be kept for the next parse, as a copy.
            const item = (source ? { ...group, meeting } : group) as Item & { kind: Exclude<Item['kind'], 'meeting-start'> };
            if (!source) (item as { meeting?: Meeting }).meeting = meeting;
            items.push(item);
            if (meeting) {
                meeting.items.push(item);
                meeting.lastBlock = group.span.last;
                recordIn(meeting, item);
            } else if (item.kind === 'field') {
                docFields.push(item.field);
            } else if (item.kind === 'custom-field') {
                docCustomFields.push(item.field);
            }
        }
        const placed = items.slice(first);
        if (source) source.placed = meeting ? undefined : placed;
        chunks.push({ key: groups, keepable, from, to, meeting, items: placed });
        from = to + 1;
    }

    const report = docFields.find(field => isKey(field.key, 'report'));
    const date = docFields.find(field => isKey(field.key, 'date'));
    const series = docFields.find(field => keyDefinition(field.key)?.series);
    for (const m of meetings) addMeetingFacts(m, series);
    const structure: DocumentStructure = {
        document,
        fields: docFields,
        customFields: docCustomFields,
        report,
        date,
        meetings,
        items,
        sections: sectionTree(items)
    };
    chunksByStructure.set(structure, chunks);
    return structure;
}

/** A block a chunk starts at: where a meeting may start or end, and where a segment (`discussion:` …) ends. */
function isChunkBoundary(block: Block): boolean {
    // By the node's own type (none of these has subtypes): asked of every block at each parse.
    const type = block.$type;
    return type === Heading.$type || type === Break.$type || (type === Field.$type && isKey((block as Field).key, 'meeting'));
}

/** The turns written as items of lists (`- @name: text` inside a list), by the paragraphs that hold them: see `turnsOf`. */
const listTurns = new ObjectFacts<Paragraph[], Turn[]>('list turns');

/** The actions written as lines that open with their joint owners, by the paragraphs that hold them: see `jointActionOf`. */
const paragraphActions = new ObjectFacts<Paragraph[], ActionItem[]>('paragraph actions');

/** The lines that open with joined names but neither a colon nor `will`/`to` after them, by the paragraphs that hold them. */
const paragraphJointNames = new ObjectFacts<Paragraph[], JointNames[]>('paragraph joint names');

/** The names a line opens with, joined by `/`, `+` or `&` (`@YK/@DD`), and the offsets where they start and end. */
export interface JointNames {
    readonly line: Line;
    readonly names: readonly Mention[];
    readonly start: number;
    readonly end: number;
}

/**
 * The lines of an item's paragraphs that open with names joined by `/`, `+` or `&` (`@YK/@DD PR`)
 * with neither a colon (a joint turn) nor `will` or `to` (an action they own) after them: prose
 * that mentions them, which `joint-names-without-colon` asks about.
 */
export function jointNamesWithoutVerbOf(item: Item): readonly JointNames[] {
    const paragraphs = paragraphsOfItem(item);
    return (paragraphs && paragraphJointNames.get(paragraphs)) ?? NO_JOINT_NAMES;
}

const NO_JOINT_NAMES: readonly JointNames[] = [];

/** The paragraphs an item takes: a turn's, a prose item's, a text field's body … */
function paragraphsOfItem(item: Item): Paragraph[] | undefined {
    switch (item.kind) {
        case 'turn': return item.turn.paragraphs;
        case 'prose': return item.paragraphs;
        case 'field': return item.body;
        case 'outcome': return item.group.paragraphs;
        case 'action': return item.action.paragraphs;
        case 'update': return item.update.paragraphs;
        default: return undefined;
    }
}

/** The turns of an item, in written order: its own, and those written as items of its lists (`ListItem.turn`). */
export function turnsOf(item: Item): readonly Turn[] {
    const paragraphs = paragraphsOfItem(item);
    const nested = paragraphs && listTurns.get(paragraphs);
    if (item.kind === 'turn') return nested ? [item.turn, ...nested] : [item.turn];
    return nested ?? NO_TURNS;
}

const NO_TURNS: readonly Turn[] = [];

/** Puts an item's content in its meeting's lists. */
function recordIn(meeting: MutableMeeting, item: Item): void {
    switch (item.kind) {
        case 'field': meeting.fields.push(item.field); break;
        case 'custom-field': meeting.customFields.push(item.field); break;
        case 'roster':
            meeting.rosters.push(item.group);
            meeting.attendees.push(...item.group.attendees);
            break;
        case 'agenda': meeting.agendas.push(item.group); break;
        case 'outcome': meeting.outcomes.push(item.group); break;
        case 'action': meeting.actions.push(item.action); break;
        case 'update': meeting.updates.push(item.update); break;
    }
    const turns = turnsOf(item);
    if (turns.length > 0) meeting.turns.push(...turns);
    const paragraphs = paragraphsOfItem(item);
    const actions = paragraphs && paragraphActions.get(paragraphs);
    if (actions) meeting.actions.push(...actions);
}

/**
 * An item of a chunk, before it is placed in a meeting (or none): its `meeting` is undefined.
 * Placing it sets the meeting, on a copy when the chunk may be kept (`{ ...group, meeting }`,
 * the keys in the item's order: a copy that leaves a key out, as `{ span, ...body }` did, takes
 * V8's slow path, a tenth of building a structure).
 */
type Group = ItemBody & { readonly span: ItemSpan };

/**
 * The items of `blocks[from..to]`, a chunk: what each block groups with the lines that belong
 * to it. A chunk starts at a heading, a `---` or a `meeting:` line (or the document's start)
 * and runs to the next: no item reaches past it (a line belongs to the block above it, and a
 * chunk ends before a block that is not a line), a segment (`discussion:` …) ends at its end,
 * and the meeting it belongs to is the same throughout. So its items are read from its own
 * blocks alone, and are the same wherever the chunk stands.
 */
function groupChunk(blocks: Block[], from: number, to: number): Group[] {
    const groups: Group[] = [];
    let segment: Segment | undefined;
    let i = from;
    /** The item of `blocks[i]`, taking the blocks up to `lastIndex`. */
    const add = (body: Group extends infer T ? T extends unknown ? Omit<T, 'span'> : never : never, lastIndex: number) => {
        const group = body as typeof body & { span?: ItemSpan };
        group.span = { first: blocks[i], last: blocks[lastIndex] };
        groups.push(group as Group);
    };
    while (i <= to) {
        const block = blocks[i];
        // By the block's own type, tested once: each generated type guard looks the type up in
        // the reflection's tables, and a block went through up to ten of them.
        switch (block.$type) {
            case Heading.$type:
                add({ kind: 'heading', heading: block, level: headingLevel(block), text: plainText(block.text), meeting: undefined }, i);
                i++;
                continue;
            case Field.$type: {
                const definition = keyDefinition(block.key);
                if (definition?.listed && !hasText(block.value)) {
                    // `organisers:` over its items: a list of the header, not turns.
                    const { items: list, end } = takeListLines(blocks, i, isFieldListItem);
                    fieldLists.set(block, list);
                    add({ kind: 'field', field: block, body: [], meeting: undefined }, end);
                    i = end + 1;
                    continue;
                }
                fieldLists.delete(block);
                const continuation = takeContinuation(blocks, i, hasText(block.value), !definition?.inPlace);
                const next = i + 1 + continuation.length;
                const { paragraphs, count } = definition?.body || definition?.narration ? takeParagraphs(blocks, next, segment) : NOTHING_TAKEN;
                add({ kind: 'field', field: block, body: paragraphs, meeting: undefined }, next - 1 + count);
                i = next + count;
                continue;
            }
            case CustomField.$type: {
                // Continued, as a header field is, by indented lines only.
                const continuation = takeContinuation(blocks, i, hasText(block.value), true);
                add({ kind: 'custom-field', field: block, meeting: undefined }, i + continuation.length);
                i += 1 + continuation.length;
                continue;
            }
            case Person.$type:
            case Organisation.$type:
                add({ kind: 'party', party: block }, i);
                i++;
                continue;
            case Roster.$type: {
                const { attendees, end, unfinished } = takeAttendees(blocks, i);
                add({ kind: 'roster', group: { roster: block, attendees, unfinished }, meeting: undefined }, end);
                i = end + 1;
                // The meeting's offices, listed after its attendance as W3C lists them (`Chair:` over `@{Dan Connolly}`).
                let office: MeetingOffice | undefined;
                while (i <= to && (office = officeListAt(blocks, i)) !== undefined) {
                    const list = takeAttendees(blocks, i, office);
                    add({ kind: 'roster', group: { roster: blocks[i] as Line, office, attendees: list.attendees, unfinished: list.unfinished }, meeting: undefined }, list.end);
                    i = list.end + 1;
                }
                continue;
            }
            case Agenda.$type: {
                const { items: lines, end } = takeListLines(blocks, i, (b): b is Line => isLine(b) && isListMarker(b.marker));
                add({ kind: 'agenda', group: { agenda: block, items: agendaTree(lines), lines }, meeting: undefined }, end);
                i = end + 1;
                continue;
            }
            case Segment.$type:
                segment = block;
                add({ kind: 'segment', segment: block, meeting: undefined }, i);
                i++;
                continue;
            case Break.$type:
                add({ kind: 'break', block, meeting: undefined }, i);
                i++;
                continue;
            case Line.$type: {
                const { paragraphs, count } = takeParagraphs(blocks, i, segment);
                add({ kind: 'prose', paragraphs, meeting: undefined }, i + count - 1);
                i += count;
                continue;
            }
        }
        // The blocks that take the prose lines after them: first those that continue their line, then paragraphs.
        const continuation = takeContinuation(blocks, i, blockHasText(block));
        // A bullet turn (`- @name: text`) takes only the lines under it: the items after it at its level or above are not its own.
        const within = isSpeakerLine(block) && block.bullet !== undefined ? indentOf(block) : undefined;
        const { paragraphs, count } = takeParagraphs(blocks, i + 1 + continuation.length, segment, within);
        const last = i + continuation.length + count;
        if (isSpeakerLine(block)) {
            add({ kind: 'turn', turn: turnOf(block, paragraphs, segment), meeting: undefined }, last);
        } else if (isOutcome(block)) {
            add({ kind: 'outcome', group: outcomeOf(block, paragraphs), meeting: undefined }, last);
        } else if (isAction(block)) {
            add({ kind: 'action', action: actionItemOf(block, continuation, paragraphs), meeting: undefined }, last);
        } else if (isActionUpdate(block)) {
            add({ kind: 'update', update: actionReportOf(block, continuation, paragraphs), meeting: undefined }, last);
        }
        i = last + 1;
    }
    return groups;
}

/**
 * A run of blocks read as a whole: its items, and the meeting they belong to. The structure of
 * a long document is built chunk by chunk, and a chunk whose blocks an incremental parse kept
 * keeps its items (see `keptChunk`); validation keeps what its checks reported by the same
 * key (validation/kept-checks.ts).
 */
export interface Chunk {
    /** The same object for as long as the chunk's items are kept. */
    readonly key: object;
    /** Whether its items may be kept for the next parse (long documents only). */
    readonly keepable: boolean;
    /** Its first and last block's index in the document. */
    readonly from: number;
    readonly to: number;
    readonly meeting?: Meeting;
    readonly items: readonly Item[];
}

const chunksByStructure = new ObjectFacts<DocumentStructure, readonly Chunk[]>('chunks');

/** The chunks of a document's structure, in order. */
export function chunksOf(structure: DocumentStructure): readonly Chunk[] {
    return chunksByStructure.get(structure) ?? [];
}

/**
 * How many chunks' items were grouped, and how many were kept from the structure of an earlier
 * parse of the document (tests and the benchmark read it, as they read the reparser's counts).
 */
export const structureCounts = { chunksBuilt: 0, chunksKept: 0 };

/**
 * Documents of fewer blocks are grouped whole at each parse: keeping a chunk costs a record of
 * its references, and what it saves matters in long documents only (an edit of a short file
 * costs little whatever it does again).
 */
const KEPT_FROM_BLOCKS = 256;

/**
 * Whether what is derived from a document's blocks is kept across edits, chunk by chunk or
 * block by block: for a long document that is being edited (parsed again incrementally: its
 * first edit records what the next ones keep), never for one parsed once, as a check parses.
 */
export function keepsChunks(document: Document): boolean {
    return document.blocks.length >= KEPT_FROM_BLOCKS && wasReparsed(document);
}

/**
 * What a chunk was grouped from, for keeping its items when the document is parsed again
 * incrementally (parser/incremental-reparser.ts keeps the block objects of the lines an edit
 * did not touch): its blocks, `blocks[from..to]`, and what each reference in them resolved to
 * (a turn holds its speaker, an attendee their party).
 */
interface ChunkSource {
    blocks: readonly Block[];
    from: number;
    to: number;
    readonly groups: Group[];
    /** The items of the chunk when it was last placed outside any meeting: kept as they are while it stays there. */
    placed?: Item[];
    readonly references: readonly Reference[];
    readonly targets: ReadonlyArray<AstNode | undefined>;
}

/** The chunk last grouped that starts at a block. */
const chunkStartingAt = new ObjectFacts<Block, ChunkSource>('chunk source');

/** The chunk last grouped from exactly the blocks `blocks[from..to]` (the same objects), when its references still resolve to what they did. */
function keptChunk(blocks: readonly Block[], from: number, to: number): ChunkSource | undefined {
    const source = chunkStartingAt.get(blocks[from]);
    if (!source || source.to - source.from !== to - from) return undefined;
    for (let k = 1; k <= to - from; k++) {
        if (source.blocks[source.from + k] !== blocks[from + k]) return undefined;
    }
    for (let k = 0; k < source.references.length; k++) {
        if (source.references[k].ref !== source.targets[k]) return undefined;
    }
    source.blocks = blocks;
    source.from = from;
    source.to = to;
    return source;
}

function recordChunk(blocks: readonly Block[], from: number, to: number, groups: Group[]): ChunkSource {
    const references: Reference[] = [];
    const targets: Array<AstNode | undefined> = [];
    for (let j = from; j <= to; j++) {
        forEachAstNode(blocks[j], node => forEachReference(node, info => {
            const reference = info.reference as Reference;
            references.push(reference);
            targets.push(reference.ref);
        }));
    }
    const source: ChunkSource = { blocks, from, to, groups, references, targets };
    chunkStartingAt.set(blocks[from], source);
    return source;
}

/** The facts read from a meeting's fields once its blocks are known. */
function addMeetingFacts(meeting: MutableMeeting, documentSeries: Field | undefined): void {
    const written = plainText(meeting.start?.value).trim();
    const naming = written ? meeting.start : meeting.fields.find(field => keyDefinition(field.key)?.names);
    meeting.titleText = naming?.value;
    meeting.title = plainText(naming?.value).trim() || undefined;
    meeting.date = meeting.fields.find(field => isKey(field.key, 'date'));
    meeting.series = meeting.fields.find(field => keyDefinition(field.key)?.series) ?? documentSeries;
    for (const field of meeting.fields) {
        const office = keyDefinition(field.key)?.office;
        if (!office) continue;
        for (const mention of mentionsOf(field.value)) meeting.offices.push({ office, field, reference: mention.party, party: mention.party.ref });
    }
    for (const { roster, office, attendees } of meeting.rosters) {
        if (!office) continue;
        for (const attendee of attendees) meeting.offices.push({ office, field: roster as Line, reference: attendeeReference(attendee), party: attendee.party });
    }
}

type MutableMeeting = {
    -readonly [K in keyof Meeting]: Meeting[K];
};

function newMeeting(start: Field | undefined, first: Block): MutableMeeting {
    return {
        start, fields: [], customFields: [], items: [], attendees: [], rosters: [], agendas: [], turns: [], outcomes: [],
        actions: [], updates: [], firstBlock: first, lastBlock: first, offices: []
    };
}

/**
 * The list lines right after a key (a roster, an agenda): consecutive, up to a blank line;
 * the key's own text and each item may be continued by unmarked lines. `end` is the index
 * of the last block taken.
 */
function takeListLines<T extends Block>(blocks: Block[], keyIndex: number, accepts: (block: Block) => block is T): { items: T[]; end: number } {
    const items: T[] = [];
    let end = keyIndex + takeContinuation(blocks, keyIndex, blockHasText(blocks[keyIndex])).length;
    while (end + 1 < blocks.length && !blocks[end].blankAfter && accepts(blocks[end + 1])) {
        const item = blocks[++end] as T;
        items.push(item);
        end += takeContinuation(blocks, end, blockHasText(item)).length;
    }
    return { items, end };
}

/** Whether a block has text on its line that following lines may continue. */
function blockHasText(block: Block): boolean {
    // By the block's own type, tested once (see groupChunk).
    switch (block.$type) {
        // An action or update with nothing after its header's colon heads the paragraphs that follow, as `@name:` does.
        case Action.$type:
        case ActionUpdate.$type: return splitActionHeader(block.text).body.length > 0;
        case SpeakerLine.$type: return hasText(block.text) && !headsJointTurn(block);
        case Outcome.$type:
        case Line.$type: return hasText(block.text);
        case Roster.$type:
        case Agenda.$type:
        case Segment.$type: return hasText(block.title);
        default: return false;
    }
}

/** What `takeParagraphs` returns where a block takes no lines. */
const NOTHING_TAKEN: { paragraphs: Paragraph[]; count: number } = { paragraphs: [], count: 0 };

function isListMarker(marker: string | undefined): boolean {
    return marker !== undefined && marker !== '>';
}

/** `1.`, `a)`, `2.1`: a marker of an ordered list (a bullet is not). */
export function isOrderedMarker(marker: string): boolean {
    return /[.)]$/.test(marker) || /^\d/.test(marker);
}

/**
 * Indentation of a line: the column its first token starts at (a tab counts one), counted back
 * from the token to the line break before it as the lexer counts columns (its range, made when
 * asked in a check's tree, would be three objects).
 */
export function indentOf(block: Block): number {
    const start = blockStart(block);
    if (!start) return 0;
    const text = start.source;
    let lineStart = start.offset;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    return start.offset - lineStart;
}

/** Where a block starts, and its document's text: in a check, read from its token table, without making its tree. */
export function blockStart(block: Block): { offset: number; source: string } | undefined {
    const lazy = lazyBlockStart(block);
    if (lazy) return lazy;
    const cst = block.$cstNode;
    return cst && { offset: cst.offset, source: cst.root.fullText };
}

/**
 * The lines that follow a block and belong to it, from `blocks[from]`: prose lines, up to the
 * next block that is not one, grouped into paragraphs, lists and quotes. A blank line ends a
 * paragraph or a quote; a marker starts a list item, and a list goes on across blank lines
 * while its items stay ordered (or unordered) — each item says whether a blank line came
 * before it, so that the outputs keep it — and takes any item indented under its first one (a
 * lettered sub-item under a bullet); unmarked lines right after an item continue it.
 *
 * A bullet written as a turn (`* @Rich has created a stub`) inside a list stays in it, as an
 * item that is the speaker's turn (`ListItem.turn`): a bullet never leaves the list it is
 * written in, nor takes the items after it. `within` is the indentation of a bullet turn whose
 * lines these are: they end at the first item written at that indentation or less, and a
 * bullet turn deeper than it is one of its items. `count` is the number of blocks taken.
 */
function takeParagraphs(blocks: Block[], from: number, segment: Segment | undefined, within?: number): { paragraphs: Paragraph[]; count: number } {
    const paragraphs: Paragraph[] = [];
    let current: Paragraph | undefined;
    let turns: Turn[] | undefined;
    // Whether a line names two people or more: it may open with an action's joint owners.
    let jointOwners = false;
    let i = from;
    for (; i < blocks.length; i++) {
        const block = blocks[i];
        const afterBlank = i > from && blocks[i - 1].blankAfter;
        if (isLine(block)) {
            const marker = block.marker;
            if (!jointOwners && (block.text?.mentions.length ?? 0) > 1) jointOwners = true;
            if (marker === '>') {
                if (current?.kind === 'quote' && !afterBlank) current.lines.push(block);
                else paragraphs.push(current = { kind: 'quote', lines: [block] });
            } else if (marker) {
                const indent = indentOf(block);
                if (within !== undefined && indent <= within) break;
                const ordered = isOrderedMarker(marker);
                if (current?.kind === 'list' && goesOn(current, ordered, afterBlank, indent)) current.items.push({ marker, lines: [block], indent, afterBlankLine: afterBlank });
                else paragraphs.push(current = { kind: 'list', ordered, items: [{ marker, lines: [block], indent, afterBlankLine: false }] });
            } else if (current && !afterBlank) {
                if (current.kind === 'list') current.items[current.items.length - 1].lines.push(block);
                else current.lines.push(block);
            } else {
                paragraphs.push(current = { kind: 'paragraph', lines: [block] });
            }
            continue;
        }
        if (!isSpeakerLine(block) || block.bullet === undefined) break;
        // A bullet turn goes on with the list it is written in (after a blank line, only as a
        // sub-item: at the list's level it starts a round of its own), or under a bullet turn.
        const indent = indentOf(block);
        const list = current?.kind === 'list' && goesOn(current, false, afterBlank, indent) && (!afterBlank || indent > current.items[0].indent) ? current : undefined;
        if (within !== undefined ? indent <= within : !list) break;
        const turn = turnOf(block, [], segment);
        if (list) list.items.push({ marker: block.bullet, lines: [], indent, afterBlankLine: afterBlank, turn });
        else paragraphs.push(current = { kind: 'list', ordered: false, items: [{ marker: block.bullet, lines: [], indent, afterBlankLine: false, turn }] });
        (turns ??= []).push(turn);
        i += takeContinuation(blocks, i, blockHasText(block)).length;
    }
    if (turns) {
        listTurns.set(paragraphs, turns);
        for (const paragraph of paragraphs) if (paragraph.kind === 'list') giveItemsUnderTurns(paragraph.items);
    }
    if (jointOwners) readJointNames(paragraphs);
    return { paragraphs, count: i - from };
}

/**
 * The actions of paragraphs and list items that open with their joint owners (`jointActionOf`),
 * and the lines that open with joined names but say neither (`jointNamesWithoutVerbOf`), in written order.
 */
function readJointNames(paragraphs: Paragraph[]): void {
    const actions: ActionItem[] = [];
    const unclear: JointNames[] = [];
    const read = (lines: Line[]) => {
        const names = lines.length > 0 ? jointNamesOpening(lines[0]) : undefined;
        if (!names) return;
        const action = jointActionOf(names, lines.slice(1));
        if (action) actions.push(action);
        else unclear.push(names);
    };
    for (const paragraph of paragraphs) {
        if (paragraph.kind === 'list') for (const item of paragraph.items) read(item.lines);
        else if (paragraph.kind === 'paragraph') read(paragraph.lines);
    }
    if (actions.length > 0) paragraphActions.set(paragraphs, actions);
    if (unclear.length > 0) paragraphJointNames.set(paragraphs, unclear);
}

/** The names a line opens with, when they are two or more joined by `/`, `+` or `&` (the lexer reads such a line as prose): `@DE/@AWB`. */
function jointNamesOpening(line: Line): JointNames | undefined {
    const text = line.text;
    if (!text || text.mentions.length < 2) return undefined;
    const tokens = textTokens(text);
    if (!isMention(tokens[0]?.astNode)) return undefined;
    const names = leadingMentions(text, -1);
    const last = names.length > 1 ? tokens.find(token => token.astNode === names[names.length - 1]) : undefined;
    return last && { line, names, start: tokens[0].offset, end: last.end };
}

/**
 * The action a paragraph or a list item is when its line opens with two or more names joined by
 * `/`, `+` or `&` and then `will` or `to`, as TC39 records who does what: `@DE/@AWB will make minor
 * changes + tweaks` is an action DE and AWB own, printed as written where it is (the lexer reads
 * the line as no one's turn: parser/minutes-lexer.ts, `jointNamesWithoutColon`). Owners are only
 * names written with `@`, never capitals guessed at (`DE/AWB` is prose).
 */
function jointActionOf({ line, names, end }: JointNames, continuation: Line[]): ActionItem | undefined {
    const text = line.text!;
    JOINT_ACTION_VERB.lastIndex = end;
    if (!JOINT_ACTION_VERB.test(sourceSpanOf(text)?.source ?? '')) return undefined;
    const ownerMentions = [...names];
    return {
        action: line,
        ownerMentions,
        ownersInText: true,
        owners: [...new Set(ownerMentions.flatMap(mention => mention.party.ref ? [mention.party.ref] : []))],
        unresolvedOwners: [...new Set(ownerMentions.flatMap(mention => mention.party.ref ? [] : [mention.party.$refText]))],
        status: 'open',
        text: withContinuation(actionText(text, -1, true), continuation, true),
        textWithoutNames: withContinuation(actionText(text, -1, false), continuation, false),
        paragraphs: []
    };
}

/** `will` or `to` right after an action's joint owners: `@DE/@AWB will …`, `@AWB/@JHD to investigate …`. */
const JOINT_ACTION_VERB = /[ \t]+(?:will|to)(?![\p{L}\p{N}_])/iuy;

/** Each turn written as an item of a list takes the items indented under it as its paragraph (`Turn.paragraphs`), in one pass. */
function giveItemsUnderTurns(items: ListItem[]): void {
    // The turns whose items are being read, each with where its items start: innermost last.
    const open: Array<{ turn: Turn; indent: number; first: number }> = [];
    const close = (end: number) => {
        const { turn, first } = open.pop()!;
        if (end > first) turn.paragraphs.push({ kind: 'list', ordered: isOrderedMarker(items[first].marker), items: items.slice(first, end) });
    };
    items.forEach((item, index) => {
        while (open.length > 0 && item.indent <= open[open.length - 1].indent) close(index);
        if (item.turn) open.push({ turn: item.turn, indent: item.indent, first: index + 1 });
    });
    while (open.length > 0) close(items.length);
}

/** The first line of a list item: its own, or its turn's. */
export function firstLineOf(item: ListItem): Line | SpeakerLine {
    return item.turn?.line ?? item.lines[0];
}

/** The last line of a list item: the last that continues it, or its turn's line. */
export function lastLineOf(item: ListItem): Line | SpeakerLine {
    if (!item.turn) return item.lines[item.lines.length - 1];
    const continuation = continuations.get(item.turn.line);
    return continuation ? continuation[continuation.length - 1] : item.turn.line;
}

/** Whether an item written at `indent` goes on with a list: an item of its kind, or one indented under its first, right after it (` a.` under a bullet). */
function goesOn(list: { ordered: boolean; items: ListItem[] }, ordered: boolean, afterBlank: boolean, indent: number): boolean {
    return list.ordered === ordered || (!afterBlank && indent > list.items[0].indent);
}

/**
 * Words that, in parentheses right after an attendee's name (`(remote)`), or as a group's label
 * (`Regrets:`, `Absents excusés :`), say how they attended; in English, and as French and Spanish
 * records write them.
 */
export const ATTENDANCE_WORDS: Readonly<Record<string, Attendance>> = {
    present: 'present', 'in person': 'present', 'in-person': 'present', remote: 'remote', remotely: 'remote', online: 'remote',
    absent: 'absent', 'not present': 'absent', apologies: 'apologies', apology: 'apologies', regrets: 'apologies', excused: 'apologies',
    staff: 'staff', secretariat: 'staff', observer: 'observer',
    présent: 'present', présente: 'present', présents: 'present', présentes: 'present', 'à distance': 'remote', 'en ligne': 'remote',
    absente: 'absent', absents: 'absent', absentes: 'absent', excusé: 'apologies', excusée: 'apologies', excusés: 'apologies', excusées: 'apologies',
    'absent excusé': 'apologies', 'absente excusée': 'apologies', 'absents excusés': 'apologies', 'absentes excusées': 'apologies',
    presente: 'present', presentes: 'present', 'a distancia': 'remote', 'en línea': 'remote', ausente: 'absent', ausentes: 'absent',
    excusado: 'apologies', excusada: 'apologies', excusados: 'apologies', excusadas: 'apologies'
};

/**
 * The attendees of the roster at `keyIndex`: the names of its title when the title is a
 * one-line list (`attendees: @carol, @mark`), then its speaker lines, up to a blank line,
 * grouped under labels. A group's label is a line of its own that ends in a colon (a bullet
 * or not: `Representatives of specialized agencies:`, `- Council:`) with a speaker line right
 * under it — before such a label the list goes on across a blank line — or a label followed by
 * a one-line list (`Council: @Carol, @Mark`) right after a line of the roster. The label is not
 * an attendee's continuation line. A label that is an attendance word (`Regrets:`, `Remote:`)
 * sets its group's attendance. A list wraps onto the lines of names the lexer reads as going on
 * with it (parser/minutes-lexer.ts, `namesOnlyLine`): after a line that ends in a separator, or
 * indented under a bare key or label (`Present:` over `@DanC, @Julian,` / `@Dave_Singer`).
 */
function takeAttendees(blocks: Block[], keyIndex: number, office?: MeetingOffice): { attendees: Attendee[]; end: number; unfinished?: UnfinishedList } {
    const roster = blocks[keyIndex] as Roster | Line;
    // Each line asked once: whether it labels a group, and with which names and lines of names.
    const labels = new Map<number, LabelList | null>();
    const labelListAt = (at: number): LabelList | undefined => {
        let list = labels.get(at);
        if (list === undefined) labels.set(at, list = readLabelList(blocks, at) ?? null);
        return list ?? undefined;
    };
    // An office's label (`Chair:`, `Scribe:`) labels no group: it ends the list, and starts the office's.
    const officeAt = (at: number) => officeListAt(blocks, at) !== undefined;
    const labelAt = (at: number) => office === undefined && !officeAt(at)
        && ((isGroupLabel(blocks[at]) && !blocks[at].blankAfter && isSpeakerLine(blocks[at + 1]))
            || (!blocks[at - 1].blankAfter && labelListAt(at) !== undefined));
    const endsLine = (at: number) => labelAt(at) || officeAt(at);
    const open: OpenList = {};
    let attendees: Attendee[];
    let end: number;
    if (isRoster(roster)) {
        // A bare key goes on with its names on the lines under it (`Present:` over `@DanC, @Julian,`).
        const continuation = takeContinuation(blocks, keyIndex, blockHasText(roster) || startsWithName(roster, blocks[keyIndex + 1]), false, endsLine);
        attendees = (oneLineList([roster.title, ...continuation.map(line => line.text)], -1, open) ?? [])
            .map(name => listedAttendee(name, roster, undefined));
        end = keyIndex + continuation.length;
    } else {
        // An office's label, with its names after the colon (`Chair: @{Dan Connolly}`) or on the lines under it.
        const list = labelListAt(keyIndex);
        attendees = list?.names.map(name => listedAttendee(name, roster, undefined)) ?? [];
        if (list) continuations.set(roster, list.lines);
        else continuations.delete(roster);
        end = keyIndex + (list?.lines.length ?? 0);
    }
    let unfinished: UnfinishedList | undefined = open.separator === undefined ? undefined : { block: roster, names: open.names!, separator: open.separator, end: open.end! };
    let group: Line | undefined;
    while (end + 1 < blocks.length) {
        if (labelAt(end + 1)) {
            group = blocks[++end] as Line;
            const list = labelListAt(end);
            if (list) {
                for (const name of list.names) attendees.push(listedAttendee(name, roster, group));
                continuations.set(group, list.lines);
                end += list.lines.length;
            } else {
                continuations.delete(group);
            }
            continue;
        }
        if (blocks[end].blankAfter || !isSpeakerLine(blocks[end + 1])) break;
        const line = blocks[++end] as SpeakerLine;
        attendees.push(attendeeOf(line, roster, group));
        end += takeContinuation(blocks, end, blockHasText(line), false, endsLine).length;
    }
    // The line right after the roster's last may be a label whose list was left open: it ended the roster.
    if (!unfinished && end + 1 < blocks.length && !blocks[end].blankAfter) {
        const after: OpenList = {};
        readLabelList(blocks, end + 1, after);
        if (after.separator !== undefined) unfinished = { block: blocks[end + 1] as Line, names: after.names!, separator: after.separator, end: after.end! };
    }
    return { attendees, end, unfinished };
}

/** Where `oneLineList` found a list of names that ends in a separator: the names, and the separator's offset. */
interface OpenList {
    names?: Mention[];
    separator?: number;
    end?: number;
}

/** A group's label followed by a list of names: the names, and the lines of names after the label's (`continuationOf` the label). */
interface LabelList {
    readonly names: ListedName[];
    readonly lines: Line[];
}

/**
 * The names of the group label at `blocks[at]` (`Council: @Carol, @Mark`, `Présents : @a, @b,`
 * over `@c, @d`), with the lines of names right under it that go on with its list; undefined
 * when the line is no label followed by a list.
 */
function readLabelList(blocks: Block[], at: number, open?: OpenList): LabelList | undefined {
    const label = blocks[at];
    if (!isLine(label) || (label.marker !== undefined && !isBulletMarker(label.marker)) || !label.text) return undefined;
    const end = labelEnd(label.text);
    if (end === undefined) return undefined;
    const lines: Line[] = [];
    for (let i = at + 1, previous: Block = label; i < blocks.length && !previous.blankAfter && startsWithName(previous, blocks[i]); i++) {
        previous = blocks[i];
        lines.push(previous as Line);
    }
    const names = oneLineList([label.text, ...lines.map(line => line.text)], end, open);
    return names && { names, lines };
}

/**
 * Whether `block` is a line of names that goes on with the list of the line before it: an
 * unmarked line that starts with a name, which the lexer reads so only where it continues a
 * roster's list (a speaker's line starts with the name otherwise).
 */
function startsWithName(previous: Block, block: Block | undefined): block is Line {
    if (previous.blankAfter || !isLine(block) || block.marker !== undefined) return false;
    const first = textTokens(block.text)[0];
    return first !== undefined && isMention(first.astNode);
}

/**
 * The office whose holders the line at `blocks[at]` lists, as W3C's minutes list them after the
 * attendance (`Chair:` / `Scribe:`): a label that names a meeting office (model/speaker-phrases.ts),
 * with a speaker line right under it, or names after its colon (`Chair: @{Dan Connolly}`).
 */
function officeListAt(blocks: Block[], at: number): MeetingOffice | undefined {
    const label = blocks[at];
    if (!isLine(label) || (label.marker !== undefined && !isBulletMarker(label.marker)) || !label.text) return undefined;
    const end = labelEnd(label.text);
    const office = end === undefined ? undefined : officeNamedBy(groupLabelWords(label));
    if (!office) return undefined;
    if (isGroupLabel(label) && !label.blankAfter && isSpeakerLine(blocks[at + 1])) return office;
    return readLabelList(blocks, at) ? office : undefined;
}

/** Where the names of an office's list start on its label's line: right after the label (`Chair:`). */
export function officeLabelEnd(label: Line): number {
    return (label.text && labelEnd(label.text)) ?? -1;
}

/** A line that may label a group of attendees: prose of its own, or a bullet, that ends in a colon (perhaps in bold: `**Remote attendees:**`) and names no one. */
function isGroupLabel(block: Block | undefined): block is Line {
    if (!isLine(block) || (block.marker !== undefined && !isBulletMarker(block.marker))) return false;
    if (block.text === undefined || block.text.mentions.length > 0) return false;
    const span = sourceSpanOf(block.text);
    return span !== undefined && LABEL_AT_END.test(span.source.slice(span.offset, span.end));
}

/** A label's colon at the end of a line, perhaps closing bold: `Regrets:`, `**In-person attendees:**`. */
const LABEL_AT_END = /:(?:\*\*|__)?\s*$/;

/** A name of a one-line list: its mention, and the note written right after it (`(W3C)`), in pieces. */
interface ListedName {
    readonly mention: Mention;
    readonly note: Inline[];
}

/**
 * The offset where a label at the start of a text ends (`Council:`, `**Remote attendees:**`),
 * before any name: right after its colon, or after the `**` or `__` that closes the bold it opens
 * with. Undefined when the text does not start with a label.
 */
function labelEnd(text: Text): number | undefined {
    const span = sourceSpanOf(text);
    const start = span?.offset ?? 0;
    for (const leaf of textTokens(text)) {
        if (!isPlainLeaf(leaf)) return undefined;
        const colon = leaf.text.indexOf(':');
        if (colon < 0) continue;
        // The colon ends its word (`Council:`, not `10:30`), and some word comes before it.
        const after = leaf.text.slice(colon + 1);
        const bold = after === '**' || after === '__';
        if (bold && !span!.source.startsWith(after, start)) return undefined;
        if (after !== '' && !bold) return undefined;
        return colon > 0 || leaf.offset > start ? leaf.offset + colon + 1 + after.length : undefined;
    }
    return undefined;
}

/** The words of a group's label, without its colon (and bold) and the names after it: `Council`, `Representatives of specialized agencies`. */
export function groupLabelWords(label: Line): string {
    const written = plainText(label.text);
    const end = label.text && labelEnd(label.text);
    const words = end === undefined ? written : written.slice(0, end - (sourceSpanOf(label.text)?.offset ?? 0));
    return words.trim().replace(/^(\*\*|__)/, '').replace(/:(\*\*|__)?$/, '').trim();
}

/** A token of prose, not a name or a link. */
function isPlainLeaf(leaf: { astNode: AstNode }): boolean {
    return !isMention(leaf.astNode) && !isLink(leaf.astNode);
}

/**
 * The names of a one-line attendee list, in order, or undefined when the texts (a roster's
 * title and the lines that continue it; the rest of a group's label line, from `from`) are not
 * one. A one-line list is one or more names (`@carol`, `@{Eric Holk}`) separated by `,`, `;`,
 * `&` or `and` (`, and` too), each optionally followed by notes in parentheses or square
 * brackets (`@alice (W3C)`, `@sander[IRC_only]`), which may hold names and links and end on
 * their line; nothing else. Anything else (`about 40, including @x`, a trailing comma, a
 * backslash escape) keeps the texts a title, as written.
 */
function oneLineList(texts: ReadonlyArray<Text | undefined>, from = -1, open?: OpenList): ListedName[] | undefined {
    const names: ListedName[] = [];
    let expectName = true;
    /** The offset of the last separator read after a name, and where the last token read ends. */
    let separator = -1;
    let lastEnd = -1;
    // After `,` or `;`, one `and` or `&` may come before the next name (`@a, @b, and @c`).
    let joinerAllowed = false;
    for (const text of texts) {
        let depth = 0;
        let previousEnd = -1;
        const { tokens, source } = textReading(text);
        for (const leaf of tokens) {
            if (leaf.end <= from) continue;
            let spaced = previousEnd >= 0 && leaf.offset > previousEnd;
            previousEnd = leaf.end;
            lastEnd = leaf.end;
            const note = names[names.length - 1]?.note;
            const owner = leaf.astNode;
            if (isMention(owner) || isLink(owner)) {
                if (depth > 0) {
                    // Inside a note: kept as written, names and links included.
                    if (spaced) note.push({ kind: 'text', text: ' ' });
                    note.push(isMention(owner) ? mentionPiece(owner, leaf.text) : { kind: 'link', text: owner.url, url: owner.url });
                    continue;
                }
                if (!expectName || !isMention(owner)) return undefined;
                names.push({ mention: owner, note: [] });
                expectName = false;
                joinerAllowed = false;
                continue;
            }
            // An escaped character is plain text, never a separator.
            if (source[leaf.offset - 1] === '\\') return undefined;
            const written = leaf.offset < from ? leaf.text.slice(from - leaf.offset) : leaf.text;
            const writtenFrom = leaf.offset + leaf.text.length - written.length;
            let noteText = depth > 0 && spaced ? ' ' : '';
            for (let i = 0; i < written.length; i++) {
                const c = written[i];
                if (depth > 0) {
                    noteText += c;
                    if (c === '(' || c === '[') depth++;
                    else if (c === ')' || c === ']') depth--;
                    if (depth === 0) {
                        note.push({ kind: 'text', text: noteText });
                        noteText = '';
                    }
                } else if (/\s/.test(c)) {
                    spaced = true;
                } else if (expectName) {
                    JOINER.lastIndex = i;
                    if (!joinerAllowed || !JOINER.test(written)) return undefined;
                    joinerAllowed = false;
                    i = JOINER.lastIndex - 1;
                } else if (c === '(' || c === '[') {
                    // A second note keeps the space written before it: `@a (W3C) (remote)`.
                    noteText = note.length > 0 && spaced ? ` ${c}` : c;
                    depth = 1;
                } else if (c === ',' || c === ';') {
                    expectName = true;
                    joinerAllowed = true;
                    separator = writtenFrom + i;
                } else {
                    JOINER.lastIndex = i;
                    if (!JOINER.test(written)) return undefined;
                    expectName = true;
                    separator = writtenFrom + i;
                    i = JOINER.lastIndex - 1;
                }
                if (!/\s/.test(c)) spaced = false;
            }
            if (noteText) note.push({ kind: 'text', text: noteText });
        }
        // A note ends on its line.
        if (depth > 0) return undefined;
    }
    if (expectName && names.length > 0 && open) {
        // A list but for the separator at its end: left open.
        open.names = names.map(name => name.mention);
        open.separator = separator;
        open.end = lastEnd;
    }
    return expectName || names.length === 0 ? undefined : names;
}

/** `&`, or the word `and`, between two names of a one-line list. */
const JOINER = /&|and(?![\p{L}\p{N}_])/iuy;

/** A name in a note, as inline text reads it. */
function mentionPiece(mention: Mention, written: string): Inline {
    const name = writtenName(written);
    const party = mention.party.ref;
    return { kind: 'mention', text: mentionText(name, party, written.startsWith('@{')), written: name, party, mention };
}

function listedAttendee(name: ListedName, roster: Roster | Line, group: Line | undefined): Attendee {
    const note = name.note.map(piece => piece.text).join('').trim();
    return { written: name.mention, party: name.mention.party.ref, attendance: attendanceOf(note, roster, group), note, listNote: name.note, roster, group };
}

function attendeeOf(line: SpeakerLine, roster: Roster | Line, group?: Line): Attendee {
    const text = plainText(line.text);
    const note = (line.qualifiers ? `[${writtenText(line.qualifiers)}] ` : '') + text;
    return { written: line, party: line.speaker.ref, attendance: attendanceOf(text, roster, group), note: note.trim(), listNote: [], roster, group };
}

/**
 * An attendee's attendance: a word in parentheses right after the name (`(remote)`), else its
 * group's label word (`Regrets:`, `Remote attendees:`), else the roster key's; an office's holder is present.
 */
function attendanceOf(note: string, roster: Roster | Line, group: Line | undefined): Attendance {
    let attendance = (group && attendanceOfGroup(group)) || (isRoster(roster) && keyDefinition(roster.key)?.attendance) || 'present';
    const status = /^\(([^)]*)\)/.exec(note.trim());
    const word = attendanceWord(status?.[1].trim().toLowerCase());
    if (word) attendance = word;
    return attendance;
}

/** The attendance a word says (`remote`, `regrets`), if it is one: `(constructor)` says none. */
export function attendanceWord(word: string | undefined): Attendance | undefined {
    return word !== undefined && Object.hasOwn(ATTENDANCE_WORDS, word) ? ATTENDANCE_WORDS[word] : undefined;
}

/** The attendance a group's label says (`Remote:`, `Remote attendees:` or `In-person participants:`, as TC39 labels its lists); asked by each of its names. */
function attendanceOfGroup(group: Line): Attendance | undefined {
    let known = groupAttendances.get(group);
    if (known === undefined) {
        known = attendanceWord(groupLabelWords(group).toLowerCase().replace(/\s+(?:attendees|participants)$/, '')) ?? null;
        groupAttendances.set(group, known);
    }
    return known ?? undefined;
}

/** By group label line (whose text never changes): read once, not once per name in the group. */
const groupAttendances = new ObjectFacts<Line, Attendance | null>('group attendance');

function turnOf(line: SpeakerLine, paragraphs: Paragraph[], segment: Segment | undefined): Turn {
    const qualifiers = qualifiersOf(line.qualifiers);
    let kind: TurnKind = keyDefinition(segment?.key)?.turns ?? 'intervention';
    if (qualifiers.fromFloor) kind = 'floor';
    const written = writtenName(line.speaker.$refText);
    const speaker = line.speaker.ref;
    return {
        line,
        speaker,
        unidentified: line.speaker.$refText === '?',
        // Written as its entry's handle (`@ttropina:`), the speaker is named, as phraseOf would find, without the look-up.
        phrase: speaker?.name === written ? undefined : phraseOf(written, speaker),
        jointWith: jointSpeakers(line),
        kind,
        qualifiers,
        paragraphs,
        segment
    };
}

/** The phrase a speaker is written as (`@{the Chair}`), unless an entry has those very words as a name (`office @clerk The Clerk of the Committee`). */
function phraseOf(written: string, speaker: Party | undefined): SpeakerPhrase | undefined {
    const candidate = speakerPhraseOf(written);
    const named = candidate && speaker && namesOf(speaker).some(name => nameKey(name) === nameKey(written));
    return named ? undefined : candidate;
}

/**
 * The other speakers of a joint turn: the mentions right after the first speaker, each after a
 * separator (`,`, `/`, `+`, `&`, `and`), when a colon follows the last (`@DE, @AK, @BT, @MM: Perfect!`).
 * Without the colon (`@Ana and @Ben met`), the names are part of a sentence and the turn is Ana's.
 */
export function jointSpeakers(line: SpeakerLine): Mention[] {
    return jointOf(line)?.speakers ?? [];
}

type Joint = { speakers: Mention[]; textAfter: boolean; members: Set<Mention> } | undefined;

/** Whether a mention is one of the other speakers of a joint turn (`@Ben` in `@Ana + @Ben:`). */
export function isJointSpeaker(mention: Mention): boolean {
    const line = mention.$container.$container;
    return isSpeakerLine(line) && line.text === mention.$container && (jointOf(line)?.members.has(mention) ?? false);
}

/** Per speaker line, whose text never changes: the structure, the outline and the highlighter each ask. */
const joints = new ObjectFacts<SpeakerLine, Joint | null>('joint');

/** A joint turn's other speakers, and whether its line has text after the colon (else it heads the paragraphs that follow). */
function jointOf(line: SpeakerLine): Joint {
    // Most turns are `@name:` or qualified: no joint, said before the cache is asked.
    if (line.colon || line.qualified) return undefined;
    const known = joints.get(line);
    if (known !== undefined) return known ?? undefined;
    const joint = readJoint(line);
    joints.set(line, joint ?? null);
    return joint;
}

function readJoint(line: SpeakerLine): Joint {
    if (!mayStartWithSeparator(line.text)) return undefined;
    const speakers: Mention[] = [];
    let separated = false;
    const pieces = inlinesOf(line.text);
    for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i];
        if (piece.kind === 'mention' && separated) {
            speakers.push(piece.mention);
            separated = false;
        } else if (piece.kind === 'text' && !separated && JOINT_SEPARATOR.test(piece.text)) {
            separated = true;
        } else if (piece.kind === 'text' && speakers.length > 0 && !separated && /^\s*:/.test(piece.text)) {
            return { speakers, textAfter: i < pieces.length - 1 || piece.text.replace(/^\s*:/, '').trim().length > 0, members: new Set(speakers) };
        } else {
            return undefined;
        }
    }
    return undefined;
}

/**
 * Whether a speaker line's text may start as a joint turn's does, a separator then a name (`, @AK`
 * in `@DE, @AK: …`): false when more than a separator's three characters (`and`) come before its
 * first name or link, read from its first tokens, where `readJoint` reads the whole text.
 */
function mayStartWithSeparator(text: Text | undefined): boolean {
    let written = 0;
    // Four characters decide: past as many tokens, the text may (readJoint reads it whole).
    for (const leaf of textTokens(text, 4)) {
        if (isMention(leaf.astNode) || isLink(leaf.astNode)) return true;
        const word = leaf.text;
        for (let i = 0; i < word.length; i++) {
            if (!isTrimmedSpace(word[i]) && ++written > 3) return false;
        }
    }
    return true;
}

/** `@Ana + @Ben:` alone on its line: a joint turn that heads the paragraphs after it, as `@ana:` does. */
export function headsJointTurn(line: SpeakerLine): boolean {
    const joint = jointOf(line);
    return joint !== undefined && !joint.textAfter;
}

const JOINT_SEPARATOR = /^\s*(?:,|\/|\+|&|and)\s*$/i;

const RESPONDS = /^(replying to|in reply to|in response to|responding to|answering|in answer to|response to|reply to)\b/i;
const ON_BEHALF = /^(on behalf of|for)\b/i;
const PRESENTED = /^(presented by|read by)\b/i;
const CAPACITY = /^as\s+(.+)$/i;
/** `at 00:01:23`, `at 10:02`, `at 9:05 pm`, `at 2024-01-05 10:02`: a time, perhaps after a date. */
const AT_TIME = /^at\s+((?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}[ T])?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,3})?)?(?:\s?[ap]\.?m\.?)?)$/i;

/** Parses `[replying to @x, for @org, as chair, remote]`: phrases split at commas and semicolons. */
export function qualifiersOf(text: Text | undefined): Qualifiers {
    const result: Qualifiers = { unknown: [] };
    if (!text) return result;
    const phrases: Array<{ words: string; party?: Party }> = [{ words: '' }];
    for (const piece of inlinesOf(text)) {
        if (piece.kind === 'mention') {
            const current = phrases[phrases.length - 1];
            current.words += ' @';
            current.party ??= piece.party;
            continue;
        }
        const parts = piece.text.split(/[,;]/);
        phrases[phrases.length - 1].words += parts[0];
        for (const part of parts.slice(1)) phrases.push({ words: part });
    }
    for (const { words, party } of phrases) {
        const phrase = words.trim();
        if (!phrase) continue;
        if (RESPONDS.test(phrase)) result.respondsTo = party;
        else if (PRESENTED.test(phrase)) result.presentedBy = party;
        else if (ON_BEHALF.test(phrase)) result.onBehalfOf = party;
        else if (AT_TIME.test(phrase)) result.at = AT_TIME.exec(phrase)![1];
        else if (CAPACITY.test(phrase)) result.capacity = CAPACITY.exec(phrase)![1];
        else if (/^remote(ly)?$/i.test(phrase)) result.remote = true;
        else if (/^(from the floor|floor)$/i.test(phrase)) result.fromFloor = true;
        else result.unknown.push(phrase);
    }
    return result;
}

function outcomeOf(outcome: Outcome, paragraphs: Paragraph[]): OutcomeGroup {
    const definition = keyDefinition(outcome.key);
    const kind = definition?.outcome ?? 'conclusion';
    const plural = definition?.list ?? false;
    return { outcome, kind, plural, title: plainText(outcome.text), paragraphs };
}

const STATUS_WORDS: Record<string, ActionStatus> = { open: 'open', done: 'done', dropped: 'dropped', moved: 'moved' };

/**
 * An action's or update's header and text: `headerEnd` is the offset of the header's colon;
 * `textFrom` where the text starts for outputs (past the colon when there is one, even after
 * an empty header as in W3C's `ACTION: Brent to …`; -1, the whole text, when there is none).
 */
type ActionHeader = { header: string; body: string; headerEnd: number; textFrom: number };

/**
 * Per Text node, whose written text never changes (an edit elsewhere may move it: offsets
 * are kept from the text's start): each owner of a long header asks again.
 */
const actionHeaders = new ObjectFacts<Text, ActionHeader>('action header');

/** The part of an action's line before the first colon that is not inside a reference. */
export function splitActionHeader(text: Text | undefined): ActionHeader {
    if (!text) return splitHeader(undefined);
    let header = actionHeaders.get(text);
    if (!header) actionHeaders.set(text, header = splitHeader(text));
    const offset = sourceSpanOf(text)?.offset ?? 0;
    return { ...header, headerEnd: header.headerEnd + offset, textFrom: header.textFrom < 0 ? -1 : header.textFrom + offset };
}

/** Where an action's text starts (after its header's colon); -1 for the whole text, as a line that opens with its joint owners is. */
export function actionTextFrom(item: ActionItem): number {
    return isAction(item.action) ? splitActionHeader(item.action.text).textFrom : -1;
}

/** The header split from the text, with offsets from the text's start. */
function splitHeader(text: Text | undefined): ActionHeader {
    const span = sourceSpanOf(text);
    const written = span ? span.source.slice(span.offset, span.end) : '';
    // Colons inside `@{...}` do not end the header.
    let depth = 0;
    for (let i = 0; i < written.length; i++) {
        const c = written[i];
        if (c === '{') depth++;
        else if (c === '}') depth = Math.max(0, depth - 1);
        else if (c === ':' && depth === 0) {
            return { header: written.slice(0, i), body: written.slice(i + 1).trim(), headerEnd: i, textFrom: i + 1 };
        }
    }
    return { header: '', body: written.trim(), headerEnd: 0, textFrom: -1 };
}

function actionItemOf(action: Action, continuation: Line[], paragraphs: Paragraph[]): ActionItem {
    const { header, headerEnd, textFrom } = splitActionHeader(action.text);
    const inHeader = textTokens(action.text).flatMap(token => isMention(token.astNode) && token.offset < headerEnd ? [token.astNode] : []);
    // W3C writes the owner after the colon: `ACTION: @Brent to close issues …`.
    const ownersInText = inHeader.length === 0 && header.trim() === '' && textFrom >= 0;
    const ownerMentions = ownersInText ? leadingMentions(action.text, textFrom) : inHeader;
    // An owner named twice (`@mcade, @Marilyn`) owns the action once: the listings and digests
    // list it under each owner, once.
    const owners = [...new Set(ownerMentions.flatMap(mention => mention.party.ref ? [mention.party.ref] : []))];
    const unresolvedOwners = [...new Set(ownerMentions.flatMap(mention => mention.party.ref ? [] : [mention.party.$refText]))];
    const headerWords = header.replace(/@\{[^}]*\}|@[^\s,]+/g, ' ').toLowerCase();
    const due = /\bdue\s+(\d{4}-\d{2}-\d{2})/.exec(headerWords)?.[1] ?? /\b(\d{4}-\d{2}-\d{2})\b/.exec(headerWords)?.[1];
    const statusWord = /\b(open|done|dropped|moved)\b/.exec(headerWords)?.[1];
    return {
        action,
        id: action.name,
        ownerMentions,
        ownersInText: ownersInText && ownerMentions.length > 0,
        owners,
        unresolvedOwners,
        due,
        status: statusWord ? STATUS_WORDS[statusWord] : 'open',
        text: withContinuation(actionText(action.text, headerEnd + 1, true), continuation, true),
        textWithoutNames: withContinuation(actionText(action.text, headerEnd + 1, false), continuation, false),
        paragraphs
    };
}

/** The mentions that open a text (`@Brent to …`, `@DE/@AWB will …`), joined by `,`, `/`, `+`, `and` or `&`. */
function leadingMentions(text: Text | undefined, from: number): Mention[] {
    const mentions: Mention[] = [];
    for (const piece of inlinesOf(text, from)) {
        if (piece.kind === 'mention') mentions.push(piece.mention);
        else if (piece.kind !== 'text' || !/^\s*(?:,|\/|\+|and|&)?\s*$/i.test(piece.text)) break;
    }
    return mentions;
}

/** The readable text of an action from `from` (after its header's colon; -1: the whole text), mentions read as names (or left out). */
function actionText(text: Text | undefined, from: number, withNames: boolean): string {
    return inlinesOf(text, from).map(piece => piece.kind === 'mention' && !withNames ? ' ' : piece.text).join('').trim();
}

/** An action's text and the lines that continue it, as one line; mentions read as names or left out. */
function withContinuation(text: string, continuation: readonly Line[], withNames: boolean): string {
    const lines = continuation.map(line => inlinesOf(line.text).map(piece => piece.kind === 'mention' && !withNames ? ' ' : piece.text).join('').trim());
    return [text, ...lines].filter(Boolean).join(' ');
}

function actionReportOf(update: ActionUpdate, continuation: Line[], paragraphs: Paragraph[]): ActionReport {
    const { header, body } = splitActionHeader(update.text);
    const statusWord = /\b(open|done|dropped|moved)\b/i.exec(header)?.[1]?.toLowerCase();
    const text = withContinuation(body, continuation, true);
    return { update, status: statusWord ? STATUS_WORDS[statusWord] : undefined, text, paragraphs };
}

// ---- Agenda -------------------------------------------------------------------

type LabelKind = 'number' | 'letter' | 'roman' | 'bullet';

function labelKind(label: string, previousLetter: string | undefined): LabelKind {
    const core = label.replace(/[.)]$/, '');
    if (/^\d/.test(core)) return 'number';
    if (/^[ivxlcdm]+$/.test(core)) {
        // `i.` after `h.` is a letter, not a roman one.
        if (core.length === 1 && previousLetter && previousLetter.charCodeAt(0) + 1 === core.charCodeAt(0)) return 'letter';
        if (core.length > 1 || core === 'i') return 'roman';
    }
    if (/^[a-z]$/i.test(core)) return 'letter';
    return 'bullet';
}

const KIND_DEPTH: Record<LabelKind, number> = { number: 0, letter: 1, roman: 2, bullet: 0 };

/**
 * The deepest an agenda or a list nests: items indented deeper sit at this depth. Every
 * output walks the tree recursively (JSON.stringify too), and an agenda thousands deep —
 * possible in a large file, one more space per line — overflowed the stack.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * Nests agenda lines: by indentation when the list is indented, otherwise by the kind of
 * label (1. → a. → i.). Multi-level numbers (2.1) nest by their number of parts.
 */
export function agendaTree(lines: Line[]): AgendaItemNode[] {
    const indents = lines.map(indentOf);
    const indented = new Set(indents).size > 1;
    const distinctIndents = [...new Set(indents)].sort((a, b) => a - b);
    const roots: AgendaItemNode[] = [];
    const stack: AgendaItemNode[] = [];
    let previousLetter: string | undefined;
    lines.forEach((line, index) => {
        const label = line.marker ?? '';
        const kind = labelKind(label, previousLetter);
        if (kind === 'letter') previousLetter = label.replace(/[.)]$/, '');
        else if (kind === 'number') previousLetter = undefined;
        let depth: number;
        if (indented) depth = distinctIndents.indexOf(indents[index]);
        else if (kind === 'number') depth = label.replace(/[.)]$/, '').split('.').length - 1;
        else if (kind === 'bullet') depth = stack.length > 0 ? stack[stack.length - 1].depth : 0;
        else depth = KIND_DEPTH[kind];
        depth = Math.min(depth, MAX_NESTING_DEPTH - 1);
        const node: AgendaItemNode = { line, label, text: plainText(line.text), depth, children: [] };
        while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(node);
        else roots.push(node);
        stack.push(node);
    });
    return roots;
}

// ---- Sections -----------------------------------------------------------------

/** The section tree, from the items (a heading's item holds its title: a kept chunk's need not be read again). */
function sectionTree(items: readonly Item[]): Section[] {
    const roots: Section[] = [];
    const stack: Array<{ -readonly [K in keyof Section]: Section[K] }> = [];
    for (const item of items) {
        if (item.kind === 'meeting-start') continue;
        if (item.kind === 'heading') {
            const section = { heading: item.heading, level: item.level, title: item.text, children: [], lastBlock: item.heading as Block };
            while (stack.length > 0 && stack[stack.length - 1].level >= item.level) stack.pop();
            const parent = stack[stack.length - 1];
            if (parent) parent.children.push(section);
            else roots.push(section);
            stack.push(section);
        }
        for (const open of stack) open.lastBlock = item.span.last;
    }
    return roots;
}

/** The number a heading starts with (`2.1`, `3`), if any: it links the section to an agenda item. */
export function headingNumber(text: string): string | undefined {
    return /^\s*(\d+(?:\.\d+)*)\.?(?=\s|$)/.exec(text)?.[1];
}

/**
 * Whether a `---` marks the document's front matter: the first line, with fields under it, or
 * the first `---` after those fields (where the lexer opens and closes one: minutes-lexer.ts,
 * `Place.frontMatter`). The outputs show its fields as the header, and not its marks, which
 * hold no words. Linear over a document's breaks: the search back stops at the first block
 * that is not a field.
 */
export function isFrontMatterMark(block: Break): boolean {
    const blocks = block.$container.blocks;
    const index = block.$containerIndex ?? 0;
    const isHeaderField = (candidate: Block | undefined) => isField(candidate) || isCustomField(candidate);
    if (index === 0) return isHeaderField(blocks[1]);
    let first = index;
    while (first > 1 && isHeaderField(blocks[first - 1])) first--;
    return first === 1 && index > 1 && isBreak(blocks[0]);
}

/** Whether a blank line separates a block from the block before it in its document. */
export function blankLineBefore(block: Block): boolean {
    const index = block.$containerIndex ?? 0;
    return index > 0 && block.$container.blocks[index - 1].blankAfter;
}

/** The top-level block (one line of the document) a node is part of. */
export function blockOf(node: AstNode): Block | undefined {
    let current: AstNode | undefined = node;
    while (current && current.$container && !isDocument(current.$container)) current = current.$container;
    return current && isDocument(current.$container) ? current as Block : undefined;
}

/** The meeting a block belongs to, if any. */
export function meetingOf(block: Block): Meeting | undefined {
    const document = block.$container;
    const structure = structureOf(document);
    const offset = block.$cstNode?.offset ?? 0;
    return structure.meetings.find(m => {
        const start = m.firstBlock.$cstNode?.offset ?? 0;
        const end = m.lastBlock.$cstNode?.end ?? 0;
        return offset >= start && offset <= end;
    });
}
