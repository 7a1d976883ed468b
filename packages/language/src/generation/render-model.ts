import type { ActionState } from '../ledger/action-ledger.js';
import type { SpeakingStatistics } from '../ledger/speaking-statistics.js';
import type { StakeholderRow } from '../ledger/statistics-rows.js';
import type { StakeholderGroup } from '../model/directory.js';
import type { ActionStatus } from '../model/structure.js';
import type { Attendance, BodyField, MeetingOffice, OutcomeKind, TurnKind } from '../model/vocabulary.js';
import type { PartyName } from './naming.js';
import { concat, plain, textSpan, type MentionSpan, type RichText } from './rich-text.js';

/**
 * The render model: what a document's outputs contain, decided once, format-neutral.
 *
 * `outlineOf` walks the structure of a document (`structureOf`) in source order and turns
 * it into a tree of blocks — headings, paragraphs, lists, turns, attendee lists, agendas,
 * outcomes, actions — whose text is already read (references named by `nameParty`, links
 * checked). The email, HTML and Markdown generators only lay this tree out; the JSON
 * generator serialises it. A document with several meetings has a meeting block for each.
 */
export interface Outline {
    /** The report's title, the meeting's title, or one made from the meetings' titles. */
    readonly title: string;
    /** The language of the document's header and of its text outside meetings (BCP 47): see model/language.ts. */
    readonly language: string;
    readonly direction: 'ltr' | 'rtl';
    /** The subject line of the email: the title, with the venue and date when the title lacks them. */
    readonly subject: string;
    /** The document's header: its title, metadata and (for a single meeting) the participants not listed in the text. */
    readonly header: Header;
    /** Sender and recipients (`from:`, `to:`, `cc:`) of the document or its only meeting. */
    readonly envelope: Envelope;
    /** The date of the document: its own `date:`, or that of its last dated meeting. */
    readonly date?: DateInfo;
    readonly blocks: readonly OutlineBlock[];
    readonly meetings: readonly MeetingOutline[];
    /** Headings and meeting titles, for a table of contents. */
    readonly contents: readonly ContentsEntry[];
    /** Directory facts about every person and organisation the document declares or refers to, by handle. */
    readonly parties: readonly PartyFacts[];
}

export interface Header {
    readonly title: RichText;
    /** 0 for the document's title; a meeting inside a report is one or more levels below. */
    readonly level: number;
    readonly id: string;
    readonly metadata: readonly MetadataEntry[];
    /** Participants the text does not list (speakers, chairs), shown with the header. */
    readonly participants: readonly Participant[];
    /** `Participants` when the meeting has no attendee list, `Also taking part` when it has one. */
    readonly participantsLabel: string;
}

/** Attendees listed under one label of an attendee list, the label as written (`Representatives of specialized agencies:`). */
export interface ParticipantGroup {
    readonly title: RichText;
    readonly participants: readonly Participant[];
    /**
     * How many of `participants`, from the first, are named in the title as written: a one-line
     * list (`Council: @Carol, @Mark`; for the first group without a label of its own, the list's
     * title, `attendees: @carol, @mark`). Writers print the title as written and list only the rest
     * (`participantsOnLines`), so that no name is printed twice and the list stays one line.
     */
    readonly namedInTitle: number;
}

/** The owners an output names beside an action's text: none when the text names them already (`ownersInText`). */
export function ownersToName<T = MentionSpan>(action: { readonly ownersInText: boolean; readonly owners: readonly T[] }): readonly T[] {
    return action.ownersInText ? [] : action.owners;
}

/**
 * The participants of a group written on lines of their own, which writers list under its title.
 * None (`attendees:` over names written without `@`, which are the list after it): writers print
 * the title as a label, and no table of no one.
 */
export function participantsOnLines(group: ParticipantGroup | undefined): readonly Participant[] {
    return group ? group.participants.slice(group.namedInTitle) : [];
}

/** A group that is a one-line list and nothing else (`Council: Carol, Mark`): writers print its title as a line, no table. */
export function isOneLineList(group: ParticipantGroup | undefined): group is ParticipantGroup {
    return group !== undefined && group.namedInTitle > 0 && group.namedInTitle === group.participants.length;
}

export interface MetadataEntry {
    /** The field's key, normalised: `date`, `programme`, `organisers`, `notetaker`; `custom` for a field the vocabulary lacks, whose label is as written. */
    readonly key: string;
    readonly label: string;
    readonly value: RichText;
}

export interface Envelope {
    readonly from?: RichText;
    readonly to?: RichText;
    readonly cc?: RichText;
}

export interface DateInfo {
    readonly written: string;
    /** ISO dates, when the written date names days. */
    readonly start?: string;
    readonly end?: string;
}

export interface ContentsEntry {
    readonly text: string;
    readonly id: string;
    readonly level: number;
}

export type OutlineBlock =
    | HeadingBlock
    | { readonly kind: 'paragraph'; readonly text: RichText; readonly role?: 'greeting' | 'sign-off' }
    | ListBlock
    | { readonly kind: 'quote'; readonly text: RichText }
    /** `summary:` …: `textOnKeyLine` when the first of `blocks` is the text written after the key, on its line. */
    | { readonly kind: 'text-field'; readonly field: BodyField; readonly label: string; readonly textOnKeyLine: boolean; readonly blocks: readonly OutlineBlock[] }
    /**
     * An attendee list: `label` is its key's (`Attendees`, `Apologies`), `title` the text after the key;
     * `groups` its attendees in order, under the labels the list groups them by (`Council:`), the first
     * group's title empty when attendees come before any label.
     */
    | { readonly kind: 'participants'; readonly label: string; readonly title: RichText; readonly participants: readonly Participant[]; readonly groups: readonly ParticipantGroup[] }
    | { readonly kind: 'agenda'; readonly label: string; readonly title: RichText; readonly items: readonly AgendaEntry[] }
    | { readonly kind: 'segment'; readonly turnKind: TurnKind; readonly title: RichText; readonly level: number }
    | { readonly kind: 'turn'; readonly turn: TurnOutline }
    | { readonly kind: 'turns'; readonly turns: readonly TurnOutline[] }
    | { readonly kind: 'outcome'; readonly outcome: OutcomeOutline }
    | { readonly kind: 'actions'; readonly actions: readonly ActionOutline[] }
    | { readonly kind: 'updates'; readonly updates: readonly UpdateOutline[] }
    | { readonly kind: 'break' }
    | { readonly kind: 'meeting'; readonly meeting: MeetingOutline };

export interface HeadingBlock {
    readonly kind: 'heading';
    readonly level: number;
    readonly text: RichText;
    readonly id: string;
    /** The number the heading starts with (`2.1`), which links it to an agenda item. */
    readonly number?: string;
}

export interface ListBlock {
    readonly kind: 'list';
    readonly ordered: boolean;
    readonly items: readonly ListEntry[];
}

export interface ListEntry {
    /** As written: `-`, `•`, `1.`, `a.`, `2.1`. */
    readonly marker: string;
    readonly ordered: boolean;
    /** The item's text; for a turn, its line as written (`turnLineAsWritten`). */
    readonly text: RichText;
    /**
     * A bullet written as a turn inside a list (`* @Rich has created a stub`, under a bullet of
     * prose): it stays at its place in the list, and writers print its line as they print a
     * bullet turn's. Its `blocks` are empty: the items under it are `children`.
     */
    readonly turn?: TurnOutline;
    readonly children: readonly ListEntry[];
    /** A blank line separates the entry from the one before it in the source: outputs show the gap (see structure.ts, `takeParagraphs`). */
    readonly afterBlankLine: boolean;
}

export interface Participant {
    readonly party: PartyName;
    /** The id of the participant's entry, which speakers and mentions link to. */
    readonly anchor: string;
    readonly attendance: Attendance;
    /** On an attendee list of the meeting (false: a speaker or officer the lists leave out). */
    readonly listed: boolean;
    /** The entry as a list shows it: `Matthew Shears (ICANN Board)`, `Tatiana Tropina (Remote)`. */
    readonly line: RichText;
    /** What follows the name in the list, as written. */
    readonly note: RichText;
    /** The note without its affiliation or attendance word: `travelling; sent slides`, `Director General, APNIC`. */
    readonly description: RichText;
    /** Offices held in the meeting. */
    readonly roles: readonly MeetingOffice[];
    /** The directory's `role:`. */
    readonly role?: string;
    readonly stakeholder?: StakeholderGroup;
}

export interface AgendaEntry {
    readonly label: string;
    readonly text: RichText;
    /** The id of the section whose heading starts with this item's number. */
    readonly target?: string;
    readonly children: readonly AgendaEntry[];
}

export interface TurnOutline {
    readonly speaker: MentionSpan;
    /**
     * As written: `heading`: `@name:` alone on its line heads the turn; `inline`: `@name said…`
     * or `@name: text` starts a paragraph; `bullet`: `- @name said…` or `- @name: text`, one
     * bullet of a discussion round.
     */
    readonly style: 'heading' | 'inline' | 'bullet';
    /**
     * The speaker's line stands above the turn's paragraphs as its heading: a `@name:` turn,
     * or an `@name` line with nothing but a parenthesis after the name (`@{Matthew Shears}
     * (ICANN Board)`), followed by paragraphs.
     */
    readonly headed: boolean;
    readonly kind: TurnKind;
    /**
     * The speaker's line as it reads: `name`, then what follows the name as written — the colon
     * and text of `@name: text`, the rest of the sentence of `@name said…` — with the lines
     * that continue it.
     */
    readonly line: RichText;
    /** The name as the line shows it: with the organisation when the name heads the turn. The qualifiers follow it. */
    readonly name: RichText;
    /** The text after the name (and its colon), with the lines that continue it. */
    readonly text: RichText;
    /** The qualifiers in brackets, as written: `in answer to Marilyn`; shown right after the name. */
    readonly qualifierText: RichText;
    readonly qualifiers: TurnQualifiers;
    readonly blocks: readonly OutlineBlock[];
    /** A blank line separates the turn's line from the line before it in the source: a round's outputs show the gap between its bullets. */
    readonly afterBlankLine: boolean;
    /** The paragraph number of a numbered turn, as written (`1.`, `1.1`): summary records number their paragraphs. */
    readonly number?: string;
    /** What the line shows before the name: the number and the space after it, as written (`1. `, `1.1`), or nothing. */
    readonly prefix: string;
    /** The other speakers of a joint turn (`@DE, @AK: …`), named as the line names them. */
    readonly jointWith: readonly MentionSpan[];
    /** The speaker is written as an office, a delegation or a group (`The Chairman`, `The delegate of Brazil`, `Several participants`). */
    readonly phrase?: 'office' | 'delegation' | 'group';
}

export interface TurnQualifiers {
    readonly respondsTo?: MentionSpan;
    readonly onBehalfOf?: MentionSpan;
    readonly presentedBy?: MentionSpan;
    readonly capacity?: string;
    readonly remote: boolean;
    readonly fromFloor: boolean;
    readonly other: readonly string[];
}

export interface OutcomeOutline {
    readonly kind: OutcomeKind;
    /** `Conclusion`, `Key takeaways`, `Agreed`: from the key. */
    readonly label: string;
    /** Plural keys hold one outcome per bullet. */
    readonly plural: boolean;
    /** The outcome itself (singular key) or the title of the group (plural key). */
    readonly text: RichText;
    /** The heading level of a plural group's title. */
    readonly level: number;
    readonly blocks: readonly OutlineBlock[];
}

export interface ActionOutline {
    /** `Action` in the meeting's language, or the keyword as written in another case (W3C's `ACTION`). */
    readonly label: string;
    readonly id?: string;
    /** Who must act, in written order: those of the header, or those that open the text (`ownersInText`). */
    readonly owners: readonly MentionSpan[];
    /**
     * The text opens with the owners (W3C's `ACTION: @Brent to …`, TC39's `@DE/@AWB will …`): an
     * output that prints the text does not name them a second time (`ownersToName`).
     */
    readonly ownersInText: boolean;
    /**
     * A line of prose or a list item that opens with its joint owners (`@DE/@AWB will …`): the
     * body prints it where it is written, as written; only the meeting's list of actions holds it.
     */
    readonly inProse: boolean;
    readonly due?: string;
    readonly status: ActionStatus;
    readonly text: RichText;
    readonly blocks: readonly OutlineBlock[];
}

export interface UpdateOutline {
    /** The identifier of the action reported on. */
    readonly action: string;
    readonly status?: ActionStatus;
    readonly text: RichText;
    readonly blocks: readonly OutlineBlock[];
}

export interface MeetingOutline {
    /** 1-based, in document order. */
    readonly index: number;
    readonly id: string;
    readonly title: string;
    /** The language the meeting is written in (BCP 47), which its labels and headings are in. */
    readonly language: string;
    readonly direction: 'ltr' | 'rtl';
    /** The meeting's own header; missing when the meeting's header is the document's. */
    readonly header?: Header;
    readonly metadata: readonly MetadataEntry[];
    readonly envelope: Envelope;
    readonly date?: DateInfo;
    /** Everyone known to take part: the attendee lists' entries, then the other speakers and officers. */
    readonly participants: readonly Participant[];
    readonly blocks: readonly OutlineBlock[];
    readonly actions: readonly ActionOutline[];
    readonly updates: readonly UpdateOutline[];
    readonly outcomes: readonly OutcomeOutline[];
    /** "Actions from earlier meetings", when the options give the workspace's ledger and there are any. */
    readonly earlierActions?: EarlierActionsOutline;
    /** Who spoke, by stakeholder group (the HTML's chart); undefined when nobody spoke. */
    readonly whoSpoke?: { readonly statistics: SpeakingStatistics; readonly rows: readonly StakeholderRow[] };
}

export interface PartyFacts {
    readonly handle: string;
    /** `person`, or the organisation's keyword: `org`, `country`, `delegation`, `office`. */
    readonly kind: string;
    readonly displayName: string;
    readonly honorific?: string;
    /** An organisation's full name (`name:`). */
    readonly fullName?: string;
    readonly acronym?: string;
    readonly aliases: readonly string[];
    /** Handles of a person's organisations. */
    readonly organisations: readonly string[];
    readonly role?: string;
    readonly stakeholder?: StakeholderGroup;
    readonly country?: string;
    readonly email?: string;
    readonly website?: string;
    readonly note?: string;
}

/** An action of an earlier meeting as a meeting's outputs show it. */
export interface EarlierActionOutline {
    readonly id: string;
    readonly owners: readonly MentionSpan[];
    readonly text: RichText;
    /** Status and due date at the end of this meeting. */
    readonly status: ActionState;
    readonly due?: string;
    /** The meeting that agreed it: its title, ISO date and language (its title is read in it: does it state the date?). */
    readonly agreedIn: { readonly title: string; readonly date?: string; readonly language: string };
    /** What this meeting reported on it, if anything (the last update when there are several). */
    readonly update?: { readonly status?: ActionStatus; readonly text: RichText };
}

export interface EarlierActionsOutline {
    /** Actions of earlier meetings this meeting reports on. */
    readonly reported: readonly EarlierActionOutline[];
    /** Actions of earlier meetings of the same series, still open, that this meeting does not report on (the oldest: see STILL_OPEN_SHOWN). */
    readonly stillOpen: readonly EarlierActionOutline[];
    /** How many more such actions there are than `stillOpen` lists. */
    readonly moreStillOpen: number;
}

/**
 * The document's blocks on either side of its header, which writers print between them.
 * The header of a document of one meeting is that meeting's (its `header` is missing), and
 * stands where the meeting starts: text written above its `meeting:` line (a web page's own
 * lines, a covering note) is outside the meeting and comes first, in the order written.
 * Otherwise the header (a report's, or the title made of several meetings') leads.
 */
export function blocksAroundHeader(outline: Outline): { readonly before: readonly OutlineBlock[]; readonly after: readonly OutlineBlock[] } {
    const at = outline.blocks.findIndex(block => block.kind === 'meeting' && !block.meeting.header);
    return at > 0 ? { before: outline.blocks.slice(0, at), after: outline.blocks.slice(at) } : { before: [], after: outline.blocks };
}

/** The directory role a participants table shows beside the offices: none when the list's note already says it. */
export function roleBesideNote(participant: Participant): string {
    return participant.role && participant.role !== plain(participant.description) ? participant.role : '';
}

/** A turn's line as written, for plain text: the number, the name, its qualifiers in brackets, then what follows the name (`: text`, ` said…`). */
export function turnLineAsWritten(turn: TurnOutline): RichText {
    const qualifiers: RichText = turn.qualifierText.length > 0 ? concat([textSpan(' [')], turn.qualifierText, [textSpan(']')]) : [];
    return concat([textSpan(turn.prefix)], turn.name, qualifiers, turn.line.slice(turn.name.length));
}

/** Every block, meetings', turns' and fields' blocks included. */
export function flatten(blocks: readonly OutlineBlock[]): OutlineBlock[] {
    const result: OutlineBlock[] = [];
    for (const block of blocks) {
        result.push(block);
        if (block.kind === 'meeting') result.push(...flatten(block.meeting.blocks));
        else if (block.kind === 'text-field') result.push(...flatten(block.blocks));
        else if (block.kind === 'turn') result.push(...flatten(block.turn.blocks));
        else if (block.kind === 'turns') result.push(...flatten(block.turns.flatMap(turn => turn.blocks)));
        else if (block.kind === 'outcome') result.push(...flatten(block.outcome.blocks));
    }
    return result;
}
