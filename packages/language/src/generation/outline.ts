import { GrammarUtils, type Reference } from 'langium';
import {
    isAction, isOrganisation, isPerson, isRoster, isSpeakerLine,
    type Agenda, type Block, type CustomField, type Document, type Field, type Heading, type Line, type Outcome, type Party, type Roster, type Segment,
    type SpeakerLine, type Text
} from '../generated/ast.js';
import { isoDate, parseDate, readableDate } from '../model/dates.js';
import { titleLine } from '../model/title-line.js';
import {
    aliasesOf, displayName, entryFields, fullName, honorificOf, organisationsOf, roleOf, stakeholderGroupOf
} from '../model/directory.js';
import {
    MAX_NESTING_DEPTH, actionTextFrom, attendeeReference, blankLineBefore, continuationOf, groupLabelWords, fieldListOf, headingNumber, headsJointTurn, isFrontMatterMark, isOrderedMarker, officeLabelEnd, splitActionHeader, structureOf,
    type ActionItem, type ActionReport, type AgendaItemNode, type Attendance, type Attendee, type Item,
    type DocumentStructure, type ListItem, type Meeting, type OutcomeGroup, type Paragraph, type Qualifiers, type Turn
} from '../model/structure.js';
import { inlinesOf, plainText, sourceSpanOf, writtenName, writtenText, type Inline } from '../model/text.js';
import { affiliationInNote, nameParty, type NamingContext, type NamingOptions, type PartyName } from './naming.js';
import { meetingStatistics } from '../ledger/speaking-statistics.js';
import { stakeholderRows } from '../ledger/statistics-rows.js';
import { capitaliseSentenceStart, effectiveAttribution, participantCountText } from './attribution.js';
import { inWrittenCase, isKey, keyDefinition, labelOf, OFFICES, type MeetingOffice } from '../model/vocabulary.js';
import { meetingLanguage, sharedLanguage, textDirection, translationOf, writtenLanguage, WritingLanguage } from '../model/language.js';
import type { OutputWords } from '../model/translations.js';
import { slug } from '../util/slug.js';
import { UniqueNames } from '../util/unique-names.js';
import { earlierActionsOutline, type LedgerOptions, type OutlineReaders } from './earlier-actions.js';
import { readInlineMarkdown } from './inline-markdown.js';
import {
    flatten, turnLineAsWritten,
    type AgendaEntry, type ActionOutline, type ContentsEntry, type DateInfo, type Envelope, type Header, type ListEntry,
    type MeetingOutline, type MetadataEntry, type Outline, type OutlineBlock, type OutcomeOutline,
    type Participant, type PartyFacts, type TurnOutline, type TurnQualifiers, type UpdateOutline
} from './render-model.js';
import {
    concat, dropLeading, isSafeUrl, joinLines, labelled, plain, textSpan, trimRich, type MentionSpan, type RichText, type Span
} from './rich-text.js';

// Builds the render model (render-model.ts): walks the structure of a document
// (`structureOf`) in source order and turns it into a tree of blocks whose text is already
// read (references named by `nameParty`, links checked).

/** Options of the render model; every generator takes them. */
export type OutlineOptions = NamingOptions & LedgerOptions & {
    /**
     * The language of meetings whose note does not say (`language:`): the configuration's
     * default, a BCP 47 tag; English without it.
     */
    readonly language?: string;
};

// ---- Building ---------------------------------------------------------------------

/** Where the walk stands: the naming context and the anchors of the current meeting's participants. */
interface Scope {
    readonly naming: NamingContext;
    readonly anchors: ReadonlyMap<string, string>;
}

const EMPTY_SCOPE: Scope = { naming: {}, anchors: new Map() };

class OutlineBuilder {
    private readonly ids = new UniqueNames();
    private readonly headingIds = new Map<Heading, string>();
    /** Each number's first heading, in the document and in each meeting. */
    private readonly documentNumberedHeadings = new Map<string, string>();
    private readonly numberedHeadings = new Map<Meeting, Map<string, string>>();
    /** The people and organisations the output names (not those it reads as "a participant from …"), by handle. */
    private readonly referenced = new Map<string, Party>();
    /** Where each action's text starts in the source, to list a meeting's actions in written order. */
    private readonly actionOffsets = new WeakMap<ActionOutline, number>();
    private readonly headings: ContentsEntry[] = [];
    /** The level of the last heading of any kind, and of the last section heading or meeting title. */
    private lastLevel = 0;
    private sectionLevel = 0;

    private readonly options: OutlineOptions;
    /** The language of the meeting being built (or of the document, outside meetings) and its words. */
    private readonly language = new WritingLanguage();
    /** Below `full` attribution (the Chatham House Rule), people are not named: see attribution.ts. */
    private readonly anonymised: boolean;

    constructor(private readonly document: Document, options: OutlineOptions) {
        this.options = { ...options, attribution: effectiveAttribution(document, options.attribution) };
        this.anonymised = this.options.attribution !== 'full';
    }

    /** A meeting's title as outputs show it (see Meeting.title). */
    private meetingTitle(meeting: Meeting, words: OutputWords = this.language.words): string {
        return this.readText(meeting.titleText) || words.meetingNotes;
    }

    /** How a title or heading reads: its mentions named as the attribution says. */
    private readonly readText = (text: Text | undefined): string =>
        this.anonymised ? plain(this.rich(text, EMPTY_SCOPE)).trim() : plainText(text).trim();

    build(): Outline {
        const structure = structureOf(this.document);
        // The document's own directory entries are its facts, unless people are not to be named.
        for (const item of structure.items) {
            if (item.kind === 'party' && !this.anonymised) this.referenced.set(item.party.name, item.party);
        }
        const reportField = structure.report;
        const single = !reportField && structure.meetings.length === 1 ? structure.meetings[0] : undefined;
        this.language.set(documentLanguage(structure, this.options.language));
        const words = this.language.words;
        const titles = structure.meetings.map(meeting => this.meetingTitle(meeting, translationOf(meetingLanguage(meeting, structure, this.options.language)).words));
        const title = reportField ? this.readText(reportField.value) || words.report
            : single ? titles[0]
            : titles.length > 0 ? titles.join('; ')
            : words.meetingNotes;
        const documentHeaderId = this.uniqueId('top');
        this.assignHeadingIds(structure.items);

        const meetingOutlines: MeetingOutline[] = [];
        const blocks: OutlineBlock[] = [];
        const documentScope = EMPTY_SCOPE;
        let index = 0;
        let i = 0;
        const items = structure.items;
        while (i < items.length) {
            const item = items[i];
            const meeting = itemMeeting(item);
            if (!meeting) {
                this.addItem(blocks, item, documentScope, undefined);
                i++;
                continue;
            }
            // The items of one meeting are consecutive.
            let end = i;
            while (end < items.length && itemMeeting(items[end]) === meeting) end++;
            const outline = this.meeting(meeting, items.slice(i, end), ++index, meeting === single ? documentHeaderId : undefined, structure);
            meetingOutlines.push(outline);
            blocks.push({ kind: 'meeting', meeting: outline });
            i = end;
        }
        const documentBlocks = groupRuns(blocks);

        // The header fields outside any meeting are printed in the document's header: a report's,
        // or those of a file with no meeting or several; with one meeting they are its header's.
        const documentMetadata = single ? meetingOutlines[0].metadata : this.metadata(structure.fields, structure.customFields, documentScope);
        const documentEnvelope = this.envelope(structure.fields, documentScope);
        const envelope: Envelope = {
            from: documentEnvelope.from ?? (meetingOutlines.length === 1 ? meetingOutlines[0].envelope.from : undefined),
            to: documentEnvelope.to ?? (meetingOutlines.length === 1 ? meetingOutlines[0].envelope.to : undefined),
            cc: documentEnvelope.cc ?? (meetingOutlines.length === 1 ? meetingOutlines[0].envelope.cc : undefined)
        };
        const singleOutline = single ? meetingOutlines[0] : undefined;
        const header: Header = {
            title: [textSpan(title)],
            level: 0,
            id: documentHeaderId,
            metadata: documentMetadata,
            participants: singleOutline ? singleOutline.participants.filter(p => !p.listed) : [],
            participantsLabel: singleOutline && singleOutline.participants.some(p => p.listed) ? words.alsoTakingPart : words.participants
        };
        const documentDate = dateOf(structure.date, this.language.tag) ?? [...meetingOutlines].reverse().find(m => m.date?.end)?.date
            ?? meetingOutlines.find(m => m.date)?.date;
        return {
            title,
            language: this.language.tag,
            direction: textDirection(this.language.tag),
            subject: subjectOf(title, documentMetadata, this.language.tag, words),
            header,
            envelope,
            date: documentDate,
            blocks: documentBlocks,
            meetings: meetingOutlines,
            contents: this.headings,
            // Anonymised, the facts of no one the output does not name: only the sender and recipients
            // among people (an eml needs their addresses), no organisation that only spoke at `none`.
            parties: [...this.referenced.values()].sort((a, b) => a.name.localeCompare(b.name)).map(partyFacts)
        };
    }

    // ---- Meetings ----

    private meeting(meeting: Meeting, items: Item[], index: number, documentHeaderId: string | undefined, structure: DocumentStructure): MeetingOutline {
        // The one meeting whose header is the document's also prints the fields written outside it (`venue:` above `meeting:`).
        const outside = documentHeaderId ? structure : undefined;
        return this.language.within(meetingLanguage(meeting, structure, this.options.language), () => this.meetingIn(meeting, items, index, documentHeaderId, outside));
    }

    /** A meeting's outline, written in the meeting's language. */
    private meetingIn(meeting: Meeting, items: Item[], index: number, documentHeaderId: string | undefined,
        outside?: { readonly fields: Field[]; readonly customFields: CustomField[] }): MeetingOutline {
        const words = this.language.words;
        const id = documentHeaderId ?? this.uniqueId(`meeting-${index}`);
        const title = this.meetingTitle(meeting, words);
        const affiliations = new Map<string, string>();
        for (const attendee of meeting.attendees) {
            const affiliation = affiliationInNote(isSpeakerLine(attendee.written) ? plainText(attendee.written.text) : attendee.note);
            if (attendee.party && affiliation && !affiliations.has(attendee.party.name)) affiliations.set(attendee.party.name, affiliation);
        }
        const participants = this.anonymised ? [] : this.participants(meeting, index, { affiliations });
        const anchors = new Map(participants.map(p => [participantKey(p.party), p.anchor]));
        const scope: Scope = { naming: { affiliations }, anchors };
        const metadata = this.metadata([...outside?.fields ?? [], ...meeting.fields], [...outside?.customFields ?? [], ...meeting.customFields], scope);

        let header: Header | undefined;
        const savedSection = this.sectionLevel;
        const offset = { anchor: this.sectionLevel };
        if (!documentHeaderId) {
            const level = this.headingLevel(this.sectionLevel + 1);
            this.sectionLevel = level;
            this.headings.push({ text: title, id, level });
            header = {
                title: [textSpan(title)], level, id, metadata,
                participants: participants.filter(p => !p.listed),
                participantsLabel: participants.some(p => p.listed) ? words.alsoTakingPart : words.participants
            };
        }
        const meetingLevel = this.sectionLevel;
        const blocks: OutlineBlock[] = [];
        const listed = new Map(participants.filter(p => p.listed).map(p => [participantKey(p.party), p]));
        const context: MeetingContext = { levelOffset: meetingLevel - offset.anchor, listed, meeting };
        for (const item of items) this.addItem(blocks, item, scope, context);
        // Headings after the meeting are placed against the level the meeting started from.
        if (!documentHeaderId) this.sectionLevel = savedSection;

        const grouped = groupRuns(blocks);
        const flat = flatten(grouped);
        const language = this.language.tag;
        const earlierActions = this.options.ledger ? earlierActionsOutline(this.options.ledger, meeting, this.readers(scope)) : undefined;
        return {
            index,
            id,
            title,
            language,
            direction: textDirection(language),
            header,
            metadata,
            envelope: this.envelope(meeting.fields, scope),
            date: dateOf(meeting.date, language),
            participants,
            blocks: grouped,
            actions: this.meetingActions(meeting, flat, scope),
            updates: flat.flatMap(block => block.kind === 'updates' ? block.updates : []),
            outcomes: flat.flatMap(block => block.kind === 'outcome' ? [block.outcome] : []),
            earlierActions,
            whoSpoke: whoSpokeOf(meeting)
        };
    }

    private participants(meeting: Meeting, index: number, naming: NamingContext): Participant[] {
        const byKey = new Map<string, { participant: Participant; roles: Set<MeetingOffice> }>();
        const order: string[] = [];
        const add = (participant: Omit<Participant, 'anchor' | 'roles'>) => {
            const key = participantKey(participant.party);
            if (byKey.has(key)) return;
            const anchor = this.uniqueId(`m${index}-${slug(participant.party.handle ?? participant.party.name) || 'participant'}`);
            byKey.set(key, { participant: { ...participant, anchor, roles: [] }, roles: new Set() });
            order.push(key);
        };
        const scope: Scope = { naming, anchors: new Map() };
        for (const attendee of meeting.attendees) {
            const party = this.name(attendeeReference(attendee), naming);
            const note = isSpeakerLine(attendee.written) ? this.noteOf(attendee.written, scope) : trimRich(this.richPieces(attendee.listNote, scope));
            add({
                party,
                attendance: attendee.attendance,
                listed: true,
                line: attendeeLine(party, note),
                note,
                description: describedBy(note),
                role: attendee.party && isPerson(attendee.party) ? roleOf(attendee.party) : undefined,
                stakeholder: attendee.party ? stakeholderGroupOf(attendee.party) : undefined
            });
        }
        const unlisted = (reference: { party?: Party; written: string }, attendance: Attendance) => {
            const party = this.named(reference.party, nameParty(reference, naming, this.options, this.language.words));
            add({
                party, attendance, listed: false, line: attendeeLine(party, []), note: [], description: [],
                role: reference.party && isPerson(reference.party) ? roleOf(reference.party) : undefined,
                stakeholder: reference.party ? stakeholderGroupOf(reference.party) : undefined
            });
        };
        for (const { office, party, reference } of meeting.offices) {
            if (party && OFFICES[office].takesPart) unlisted({ party, written: writtenName(reference.$refText) }, 'present');
        }
        for (const turn of meeting.turns) {
            // A group, or an office the meeting names no holder for, is no one to list.
            if (turn.unidentified || (turn.phrase && !turn.speaker)) continue;
            const attendance = turn.qualifiers.remote ? 'remote' : 'present';
            // A phrase names its party by office or delegation: the list names the party itself.
            unlisted({ party: turn.speaker, written: turn.phrase ? turn.speaker!.name : writtenName(turn.line.speaker.$refText) }, attendance);
            for (const mention of turn.jointWith) unlisted({ party: mention.party.ref, written: writtenName(mention.party.$refText) }, attendance);
            const presenter = turn.qualifiers.presentedBy;
            if (presenter) unlisted({ party: presenter, written: presenter.name }, 'present');
        }
        for (const { office, party } of meeting.offices) if (party) byKey.get(party.name)?.roles.add(office);
        return order.map(key => {
            const { participant, roles } = byKey.get(key)!;
            return { ...participant, roles: [...roles] };
        });
    }

    private noteOf(line: SpeakerLine, scope: Scope): RichText {
        const text = this.written(line, line.text, scope);
        if (!line.qualifiers) return trimRich(text);
        return trimRich(concat([textSpan('[')], this.rich(line.qualifiers, scope), [textSpan('] ')], text));
    }

    // ---- Items ----

    private addItem(blocks: OutlineBlock[], item: Item, scope: Scope, meeting: MeetingContext | undefined): void {
        switch (item.kind) {
            case 'meeting-start':
            case 'party':
            case 'custom-field':
                // A custom field is in the header, with the metadata.
                return;
            case 'heading': {
                const offset = meeting?.levelOffset ?? 0;
                const level = this.headingLevel(item.level + offset);
                this.sectionLevel = level;
                const text = this.anonymised ? this.readText(item.heading.text) : item.text;
                const id = this.headingIds.get(item.heading)!;
                this.headings.push({ text, id, level });
                blocks.push({ kind: 'heading', level, text: this.rich(item.heading.text, scope), id, number: headingNumber(item.text) });
                return;
            }
            case 'field':
                this.addField(blocks, item.field, item.body, scope);
                return;
            case 'roster': {
                const runs = attendeeGroups(item.group.attendees);
                const roster = item.group.roster;
                // A list's label is its key's; an office's list (`Chair:`) is labelled as written, its names after the label.
                const label = isRoster(roster) ? this.keyLabel(roster) : groupLabelWords(roster);
                if (this.anonymised) {
                    // No names: how many took part, per stakeholder group, and per group of the list under its label.
                    const { words, tag } = this.language;
                    // A title that is a one-line list names people: the count stands for it, as for the lines.
                    const titleNames = item.group.attendees.some(attendee => !attendee.group && !isSpeakerLine(attendee.written));
                    const title = titleNames || !isRoster(roster) ? label : plain(labelled(label, [textSpan(this.readText(roster.title))])) || label;
                    for (const [index, run] of runs.entries()) {
                        const count = participantCountText(run.attendees.map(a => a.party), words, tag);
                        const groupTitle = run.label && groupLabelWords(run.label);
                        if (index === 0 && !groupTitle) blocks.push({ kind: 'paragraph', text: [textSpan(`${title}${words.labelSeparator}${count}`)] });
                        else {
                            if (index === 0) blocks.push({ kind: 'paragraph', text: [textSpan(title)] });
                            blocks.push({ kind: 'paragraph', text: [textSpan(`${groupTitle}${words.labelSeparator}${count}`)] });
                        }
                    }
                    if (runs.length === 0) blocks.push({ kind: 'paragraph', text: [textSpan(`${title}${words.labelSeparator}${participantCountText([], words, tag)}`)] });
                    return;
                }
                const listed = (attendees: readonly Attendee[]) => attendees.flatMap(attendee => {
                    const party = this.name(attendeeReference(attendee), scope.naming);
                    const participant = meeting?.listed.get(participantKey(party));
                    if (!participant || !isSpeakerLine(attendee.written)) return participant ? [participant] : [];
                    // Someone listed twice (`@DanC` in the list, `@{Dan Connolly}` under `Chair:`) is one
                    // participant, printed each time as written there.
                    const note = this.noteOf(attendee.written, scope);
                    return [{ ...participant, party, line: attendeeLine(party, note), note, description: describedBy(note) }];
                });
                blocks.push({
                    kind: 'participants',
                    label,
                    title: isRoster(roster) ? this.written(roster, roster.title, scope) : trimRich(this.written(roster, roster.text, scope, officeLabelEnd(roster))),
                    participants: listed(item.group.attendees),
                    groups: runs.map(run => ({
                        title: run.label ? trimRich(this.written(run.label, run.label.text, scope)) : [],
                        participants: listed(run.attendees),
                        // The names of a one-line list come first in their run: the title names them.
                        namedInTitle: run.attendees.filter(attendee => !isSpeakerLine(attendee.written)).length
                    }))
                });
                return;
            }
            case 'agenda':
                blocks.push({ kind: 'agenda', label: this.keyLabel(item.group.agenda), title: this.written(item.group.agenda, item.group.agenda.title, scope), items: item.group.items.map(node => this.agendaEntry(node, scope, meeting)) });
                return;
            case 'segment': {
                const turnKind = keyDefinition(item.segment.key)?.turns ?? 'intervention';
                const written = this.rich(item.segment.title, scope);
                const level = this.headingLevel(this.sectionLevel + 1);
                blocks.push({ kind: 'segment', turnKind, title: written.length > 0 ? written : [textSpan(this.keyLabel(item.segment))], level });
                return;
            }
            case 'turn': {
                const turn = this.turn(item.turn, scope);
                // Bullets of a discussion round are one block: groupRuns joins them.
                blocks.push(turn.style === 'bullet' ? { kind: 'turns', turns: [turn] } : { kind: 'turn', turn });
                return;
            }
            case 'outcome':
                blocks.push({ kind: 'outcome', outcome: this.outcome(item.group, scope) });
                return;
            case 'action': {
                blocks.push({ kind: 'actions', actions: [this.action(item.action, scope)] });
                return;
            }
            case 'update': {
                blocks.push({ kind: 'updates', updates: [this.update(item.update, scope)] });
                return;
            }
            case 'prose':
                blocks.push(...this.paragraphs(item.paragraphs, scope));
                return;
            case 'break':
                if (!isFrontMatterMark(item.block)) blocks.push({ kind: 'break' });
                return;
        }
    }

    private addField(blocks: OutlineBlock[], field: Field, body: Paragraph[], scope: Scope): void {
        const definition = keyDefinition(field.key);
        const value = this.written(field, field.value, scope);
        if (definition?.body) {
            const first: OutlineBlock[] = value.length > 0 ? [{ kind: 'paragraph', text: value }] : [];
            blocks.push({
                kind: 'text-field', field: definition.body, label: this.keyLabel(field), textOnKeyLine: first.length > 0,
                blocks: [...first, ...this.paragraphs(body, scope)]
            });
        } else if (definition?.narration) {
            // The note-taker's own words: prose, without a label.
            if (value.length > 0) blocks.push({ kind: 'paragraph', text: value });
            blocks.push(...this.paragraphs(body, scope));
        } else if (definition?.id === 'greeting' && value.length > 0) {
            blocks.push({ kind: 'paragraph', text: value, role: 'greeting' });
        } else if (definition?.id === 'sign-off' && value.length > 0) {
            blocks.push({ kind: 'paragraph', text: value, role: 'sign-off' });
        }
        // Titles, metadata and the envelope are in the headers.
    }

    private paragraphs(paragraphs: Paragraph[], scope: Scope): OutlineBlock[] {
        return paragraphs.map((paragraph): OutlineBlock => {
            switch (paragraph.kind) {
                case 'paragraph':
                    return { kind: 'paragraph', text: joinLines(paragraph.lines.map(line => this.rich(line.text, scope))) };
                case 'quote':
                    return { kind: 'quote', text: joinLines(paragraph.lines.map(line => this.rich(line.text, scope))) };
                case 'list':
                    return { kind: 'list', ordered: paragraph.ordered, items: this.listEntries(paragraph.items, scope) };
            }
        });
    }

    /** Nests list items by the indentation of their markers. */
    private listEntries(items: readonly ListItem[], scope: Scope): ListEntry[] {
        type Mutable = { marker: string; ordered: boolean; text: RichText; turn?: TurnOutline; children: Mutable[]; indent: number; afterBlankLine: boolean };
        const roots: Mutable[] = [];
        const stack: Mutable[] = [];
        for (const item of items) {
            // The items under the turn are its paragraphs, and the list's: printed once, as the entry's children.
            const turn = item.turn && this.turn(item.turn, scope, false);
            const entry: Mutable = {
                marker: item.marker,
                ordered: isOrderedMarker(item.marker),
                text: turn ? turnLineAsWritten(turn) : joinLines(item.lines.map(line => this.rich(line.text, scope))),
                turn,
                children: [],
                indent: item.indent,
                afterBlankLine: item.afterBlankLine
            };
            while (stack.length > 0 && stack[stack.length - 1].indent >= item.indent) stack.pop();
            // No deeper than MAX_NESTING_DEPTH: the writers recurse over the tree.
            while (stack.length >= MAX_NESTING_DEPTH) stack.pop();
            const parent = stack[stack.length - 1];
            if (parent) parent.children.push(entry);
            else roots.push(entry);
            stack.push(entry);
        }
        const strip = (entry: Mutable): ListEntry => ({
            marker: entry.marker, ordered: entry.ordered, text: entry.text, ...(entry.turn ? { turn: entry.turn } : {}),
            children: entry.children.map(strip), afterBlankLine: entry.afterBlankLine
        });
        return roots.map(strip);
    }

    private agendaEntry(node: AgendaItemNode, scope: Scope, meeting: MeetingContext | undefined): AgendaEntry {
        const number = node.label.replace(/[.)]$/, '');
        const target = /^\d+(\.\d+)*$/.test(number) ? this.sectionNumbered(number, meeting) : undefined;
        return {
            label: node.label,
            text: this.written(node.line, node.line.text, scope),
            target,
            children: node.children.map(child => this.agendaEntry(child, scope, meeting))
        };
    }

    /** The id of the first heading numbered `number`: headings are numbered within the meeting (or document). */
    private sectionNumbered(number: string, meeting: MeetingContext | undefined): string | undefined {
        return (meeting ? this.numberedHeadings.get(meeting.meeting) : this.documentNumberedHeadings)?.get(number);
    }

    /**
     * Gives every heading its id, in document order, before the walk: an agenda links to a
     * section whose heading comes after it.
     */
    private assignHeadingIds(items: readonly Item[]): void {
        for (const item of items) {
            if (item.kind !== 'heading') continue;
            const id = this.uniqueId(`section-${slug(this.anonymised ? this.readText(item.heading.text) : item.text) || 'untitled'}`);
            this.headingIds.set(item.heading, id);
            const number = headingNumber(item.text);
            if (number === undefined) continue;
            if (!this.documentNumberedHeadings.has(number)) this.documentNumberedHeadings.set(number, id);
            const meeting = itemMeeting(item);
            if (!meeting) continue;
            const numbered = this.numberedHeadings.get(meeting) ?? new Map<string, string>();
            this.numberedHeadings.set(meeting, numbered);
            if (!numbered.has(number)) numbered.set(number, id);
        }
    }

    /**
     * The label of a block's key (`Apologies`, `Agenda`) in the meeting's language, in the case
     * the note writes it (`ATTENDEES`: see `labelOf`); the English label where the language's
     * table has none yet. The AST holds the key as the vocabulary spells it, the syntax tree as
     * written: read in generation only (a check's syntax tree is made when asked).
     */
    private keyLabel(block: Field | Roster | Agenda | Segment | Outcome): string {
        return labelOf(GrammarUtils.findNodeForProperty(block.$cstNode, 'key')?.text ?? block.key, this.language.translation);
    }

    private turn(turn: Turn, scope: Scope, withParagraphs = true): TurnOutline {
        const line = turn.line;
        const qualifiers = turn.qualifiers;
        const naming: NamingContext = { ...scope.naming, onBehalfOf: qualifiers.onBehalfOf, speaking: true };
        const named = this.mention({ party: turn.speaker, written: writtenName(line.speaker.$refText) }, { ...scope, naming });
        // "A participant from civil society noted…": an anonymised speaker starts the line.
        const speaker: MentionSpan = named.party.anonymised ? { ...named, text: capitaliseSentenceStart(named.text, '') } : named;
        const text = this.written(line, line.text, scope);
        // `@name:` alone heads the turn; `@name: text` and `@name said…` start a paragraph, as written.
        const style = line.bullet ? 'bullet' : (line.colon && text.length === 0) || headsJointTurn(line) ? 'heading' : 'inline';
        // A joint turn's names stand as written (an organisation after the first alone would read as all
        // of theirs), and so does a phrase: "The Chairman" is the record's own words.
        const affiliation = turn.jointWith.length > 0 || turn.phrase ? undefined : speaker.party.organisation;
        const name: RichText = style === 'heading' && affiliation ? concat([speaker], [textSpan(` (${affiliation})`)]) : [speaker];
        const rest: RichText = concat(
            line.colon && style !== 'heading' ? [textSpan(':')] : [],
            text.length > 0 && (line.colon || !attachedToName(line)) ? [textSpan(' ')] : [],
            text);
        const paragraphs = withParagraphs ? this.paragraphs(turn.paragraphs, scope) : [];
        const onlyAnAside = !line.colon && plain(text).replace(/\([^()]*\)/g, '').replace(/[\s.,;:–—-]+/g, '') === '';
        return {
            speaker,
            style,
            headed: style === 'heading' || (style === 'inline' && onlyAnAside && paragraphs.length > 0),
            kind: turn.kind,
            line: concat(name, rest),
            name,
            text,
            // Anonymised, the brackets go: a capacity (`as Director General, APNIC`) names someone.
            qualifierText: this.anonymised ? [] : trimRich(this.rich(line.qualifiers, scope)),
            qualifiers: this.qualifiers(qualifiers, scope),
            blocks: paragraphs,
            afterBlankLine: blankLineBefore(line),
            number: line.number,
            prefix: numberPrefix(line),
            jointWith: turn.jointWith.map(mention => this.mention({ party: mention.party.ref, written: writtenName(mention.party.$refText) }, { ...scope, naming })),
            phrase: turn.phrase?.kind
        };
    }

    /** A block's text and the lines that continue it, as one paragraph; `from` skips a header (an action's). */
    private written(block: Block, text: Text | undefined, scope: Scope, from = -1): RichText {
        return joinLines([this.rich(text, scope, from), ...continuationOf(block).map(line => this.rich(line.text, scope))]);
    }

    private qualifiers(qualifiers: Qualifiers, scope: Scope): TurnQualifiers {
        const refer = (party: Party | undefined, naming = scope.naming) => party ? this.mention({ party, written: party.name }, { ...scope, naming }) : undefined;
        return {
            respondsTo: refer(qualifiers.respondsTo),
            // The organisation spoken for says who spoke: anonymised as the speaker is.
            onBehalfOf: refer(qualifiers.onBehalfOf, { ...scope.naming, speaking: true }),
            presentedBy: refer(qualifiers.presentedBy),
            capacity: this.anonymised ? undefined : qualifiers.capacity,
            remote: qualifiers.remote ?? false,
            fromFloor: qualifiers.fromFloor ?? false,
            other: this.anonymised ? [] : qualifiers.unknown
        };
    }

    private outcome(group: OutcomeGroup, scope: Scope): OutcomeOutline {
        return {
            kind: group.kind,
            // The key as written: an outcome word shown as written keeps its case (`RESOLVED:`).
            label: this.keyLabel(group.outcome),
            plural: group.plural,
            text: this.written(group.outcome, group.outcome.text, scope),
            level: group.plural ? this.headingLevel(this.sectionLevel + 1) : this.sectionLevel + 1,
            blocks: this.paragraphs(group.paragraphs, scope)
        };
    }

    private action(item: ActionItem, scope: Scope): ActionOutline {
        // The keyword as written (W3C's `ACTION:`), in the case written when it is the meeting's word.
        const keyword = GrammarUtils.findNodeForKeyword(item.action.$cstNode, 'action')?.text;
        const outline: ActionOutline = {
            label: inWrittenCase(keyword ?? '', this.language.words.action),
            id: item.id?.replace(/^#/, ''),
            owners: item.ownerMentions.map(mention => this.mention({ party: mention.party.ref, written: writtenName(mention.party.$refText) }, scope)),
            ownersInText: item.ownersInText,
            inProse: !isAction(item.action),
            due: item.due,
            status: item.status,
            text: this.written(item.action, item.action.text, scope, actionTextFrom(item)),
            blocks: this.paragraphs(item.paragraphs, scope)
        };
        this.actionOffsets.set(outline, sourceSpanOf(item.action.text)?.offset ?? 0);
        return outline;
    }

    /**
     * Every action of a meeting, in written order: those the body holds as actions (`flat`), and
     * those written as a line of prose that opens with its joint owners, which the body prints
     * as written where they are.
     */
    private meetingActions(meeting: Meeting, flat: readonly OutlineBlock[], scope: Scope): ActionOutline[] {
        const inBody = flat.flatMap(block => block.kind === 'actions' ? block.actions : []);
        const inProse = meeting.actions.filter(item => !isAction(item.action)).map(item => this.action(item, scope));
        if (inProse.length === 0) return inBody;
        const offsetOf = (action: ActionOutline) => this.actionOffsets.get(action) ?? 0;
        return [...inBody, ...inProse].sort((a, b) => offsetOf(a) - offsetOf(b));
    }

    private update(report: ActionReport, scope: Scope): UpdateOutline {
        const { textFrom } = splitActionHeader(report.update.text);
        return {
            action: writtenName(report.update.action.$refText).replace(/^#/, ''),
            status: report.status,
            text: this.written(report.update, report.update.text, scope, textFrom),
            blocks: this.paragraphs(report.paragraphs, scope)
        };
    }

    /** The header's fields: the vocabulary's in their order, then the custom ones as written, in written order. */
    private metadata(fields: Field[], customFields: CustomField[], scope: Scope): MetadataEntry[] {
        const entries: Array<MetadataEntry & { order: number }> = [];
        for (const field of fields) {
            const definition = keyDefinition(field.key);
            if (definition?.header === undefined) continue;
            // Below full attribution, who held an office is not said.
            if (this.anonymised && definition.office && OFFICES[definition.office].personal) continue;
            const list = fieldListOf(field);
            // A field written as a list (`organisers:` over bullets): its items on one line, as a header field reads.
            const value = list.length > 0
                ? joinRich(list.map(item => isSpeakerLine(item) ? attendeeLine(this.name(item.speaker, scope.naming), this.noteOf(item, scope)) : trimRich(this.written(item, item.text, scope))), '; ')
                : this.written(field, field.value, scope);
            if (value.length === 0) continue;
            const key = definition.id;
            entries.push({ key, label: this.keyLabel(field), value: key === 'date' ? readableDateText(value, this.language.tag) : value, order: definition.header });
        }
        for (const field of customFields) {
            const value = this.written(field, field.value, scope);
            if (value.length > 0) entries.push({ key: 'custom', label: field.label, value, order: Number.MAX_SAFE_INTEGER });
        }
        return entries.sort((a, b) => a.order - b.order).map(({ key, label, value }) => ({ key, label, value }));
    }

    private envelope(fields: Field[], scope: Scope): Envelope {
        // The sender and recipients are named in full whatever the attribution: they are the sender's business.
        const full: Scope = { ...scope, naming: { ...scope.naming, attribution: 'full' } };
        const value = (id: string) => {
            const field = fields.find(f => isKey(f.key, id));
            const text = field ? trimRich(this.rich(field.value, full)) : [];
            return text.length > 0 ? text : undefined;
        };
        // Anonymised, the author is no longer in the header, where an eml finds its sender: the author is the sender here.
        const from = value('from');
        const author = this.anonymised && !from ? value('author')?.filter(span => span.kind === 'mention') : undefined;
        return { from: from ?? (author && author.length > 0 ? author : undefined), to: value('to'), cc: value('cc') };
    }

    /** How the "Actions from earlier meetings" read text and names: as the rest of the meeting. */
    private readers(scope: Scope): OutlineReaders {
        return {
            rich: (text, from) => trimRich(this.rich(text, scope, from)),
            mention: (party, written) => this.mention({ party, written }, scope),
            meetingTitle: meeting => this.meetingTitle(meeting)
        };
    }

    // ---- Names and text ----

    /** The name an attendee's or a speaker's reference reads as. */
    private name(reference: Reference<Party>, naming: NamingContext): PartyName {
        const party = reference.ref;
        return this.named(party, nameParty({ party, written: writtenName(reference.$refText) }, naming, this.options, this.language.words));
    }

    private mention(reference: { party?: Party; written: string }, scope: Scope): MentionSpan {
        const party = this.named(reference.party, nameParty(reference, scope.naming, this.options, this.language.words));
        const anchor = scope.anchors.get(participantKey(party));
        return anchor ? { kind: 'mention', text: party.name, party, anchor } : { kind: 'mention', text: party.name, party };
    }

    /** Notes a party the output names, for the facts of `parties`; a name read as "a participant from …" names no one. */
    private named(party: Party | undefined, name: PartyName): PartyName {
        if (party && !name.anonymised) this.referenced.set(party.name, party);
        return name;
    }

    private rich(text: Text | undefined, scope: Scope, from = -1): RichText {
        return this.richPieces(inlinesOf(text, from), scope);
    }

    private richPieces(pieces: readonly Inline[], scope: Scope): RichText {
        const spans: Span[] = [];
        // The last span that is not blank: all that says whether a name starts a sentence
        // (the whole text so far, joined again at each of 16,000 mentions, was quadratic).
        let before = '';
        const push = (span: Span) => {
            spans.push(span);
            if (span.text.trim() !== '') before = span.text;
        };
        for (const piece of pieces) {
            if (piece.kind === 'mention') {
                const span = this.mention({ party: piece.party, written: piece.written }, scope);
                push(span.party.anonymised ? { ...span, text: capitaliseSentenceStart(span.text, before) } : span);
            }
            else if (piece.kind === 'link' && isSafeUrl(piece.url)) push({ kind: 'link', text: piece.text, url: piece.url });
            else push(textSpan(piece.text));
        }
        return readInlineMarkdown(concat(spans));
    }

    // ---- Levels and ids ----

    /** A heading's level, never more than one below the previous heading's, never above the title's. */
    private headingLevel(wanted: number): number {
        const level = Math.max(1, Math.min(wanted, this.lastLevel + 1));
        this.lastLevel = level;
        return level;
    }

    private uniqueId(base: string): string {
        return this.ids.claim(base);
    }
}

interface MeetingContext {
    /** Added to a source heading's level inside the meeting, so that it sits below the meeting's title. */
    readonly levelOffset: number;
    /** The participants on the meeting's attendee lists, by `participantKey`. */
    readonly listed: ReadonlyMap<string, Participant>;
    readonly meeting: Meeting;
}

function itemMeeting(item: Item): Meeting | undefined {
    return item.kind === 'meeting-start' ? item.meeting : 'meeting' in item ? item.meeting : undefined;
}

/** Joins each run of `turns`, `actions` and `updates` blocks into one block: a discussion round, a list of actions or updates. */
function groupRuns(blocks: readonly OutlineBlock[]): OutlineBlock[] {
    const result: OutlineBlock[] = [];
    let i = 0;
    while (i < blocks.length) {
        const block = blocks[i];
        let end = i + 1;
        if (block.kind === 'turns' || block.kind === 'actions' || block.kind === 'updates') {
            while (end < blocks.length && blocks[end].kind === block.kind) end++;
        }
        const run = blocks.slice(i, end);
        if (block.kind === 'turns') result.push({ kind: 'turns', turns: run.flatMap(b => b.kind === 'turns' ? b.turns : []) });
        else if (block.kind === 'actions') result.push({ kind: 'actions', actions: run.flatMap(b => b.kind === 'actions' ? b.actions : []) });
        else if (block.kind === 'updates') result.push({ kind: 'updates', updates: run.flatMap(b => b.kind === 'updates' ? b.updates : []) });
        else result.push(block);
        i = end;
    }
    return result;
}

function participantKey(party: PartyName): string {
    return party.handle ?? `?${party.name}`;
}

/** `Matthew Shears (ICANN Board)`: the name, then the note as written, or the organisation when there is no note. */
function attendeeLine(party: PartyName, note: RichText): RichText {
    const name: Span = { kind: 'mention', text: party.name, party };
    if (note.length === 0) return party.organisation ? [name, textSpan(` (${party.organisation})`)] : [name];
    const first = plain(note);
    return concat([name], /^[,;:.]/.test(first) ? [] : [textSpan(' ')], note);
}

/** Whether the text of a speaker line follows the name with no space: `@{Marilia Maciel}. In…`. */
function attachedToName(line: SpeakerLine): boolean {
    const textNode = line.text?.$cstNode;
    if (!textNode) return false;
    const before = textNode.root.fullText.charAt(textNode.offset - 1);
    return before !== '' && !/\s/.test(before);
}

/**
 * The language of a document's header: its own `language:` (a report's), else the one all
 * its meetings share, else the configuration's, else English.
 */
function documentLanguage(structure: DocumentStructure, fallback: string | undefined): string {
    const written = writtenLanguage(undefined, structure);
    if (written) return written;
    return sharedLanguage(structure.meetings.map(meeting => meetingLanguage(meeting, structure, fallback)), fallback);
}

/** The "Who spoke" figures of a meeting with turns. */
function whoSpokeOf(meeting: Meeting): MeetingOutline['whoSpoke'] {
    if (meeting.turns.length === 0) return undefined;
    const statistics = meetingStatistics(meeting);
    return { statistics, rows: stakeholderRows(statistics) };
}

/** A `date:` field's written date and the days it names, read in the language of the meeting (or document) it dates first. */
function dateOf(field: Field | undefined, language: string): DateInfo | undefined {
    const written = field ? plainText(field.value).trim() : '';
    if (!written) return undefined;
    const parsed = parseDate(written, language);
    if (!parsed.ok || parsed.value.start.day === undefined) return { written };
    const end = parsed.value.end ?? parsed.value.start;
    return { written, start: isoDate(parsed.value.start), end: end.day !== undefined ? isoDate(end) : isoDate(parsed.value.start) };
}

/** A date as outputs show it (readableDate): rich text stays as written unless it is an ISO date. */
function readableDateText(value: RichText, language: string): RichText {
    const written = plain(value).trim();
    const readable = readableDate(written, language);
    return readable === written ? value : [textSpan(readable)];
}

/** The email's subject: the title, then the venue and date where the title does not already state them. */
function subjectOf(title: string, metadata: readonly MetadataEntry[], language: string, words: OutputWords): string {
    const text = (key: string) => {
        const entry = metadata.find(each => each.key === key);
        return entry ? plain(entry.value) : undefined;
    };
    return titleLine(title, { venue: text('venue'), date: text('date') }, language, words.listSeparator);
}

function partyFacts(party: Party): PartyFacts {
    const field = (id: string) => {
        const value = entryFields(party, id).map(f => writtenText(f.value).trim()).find(text => text.length > 0);
        return value || undefined;
    };
    return {
        handle: party.name,
        kind: isPerson(party) ? 'person' : party.kind.toLowerCase(),
        displayName: displayName(party),
        honorific: isPerson(party) ? honorificOf(party) : undefined,
        fullName: isOrganisation(party) && field('name') ? fullName(party) : undefined,
        acronym: field('acronym'),
        aliases: aliasesOf(party),
        organisations: isPerson(party) ? organisationsOf(party).map(org => org.name) : [],
        role: field('role'),
        stakeholder: stakeholderGroupOf(party),
        country: field('country'),
        email: field('email'),
        website: field('website'),
        note: field('note')
    };
}

/** The render model of a parsed and linked document. */
export function outlineOf(document: Document, options: OutlineOptions = {}): Outline {
    return new OutlineBuilder(document, options).build();
}

/** What a numbered turn's line shows before the name: `1. `, or `1.1` when the record prints no space (`1.1The Councillor…`). */
function numberPrefix(line: SpeakerLine): string {
    if (!line.number) return '';
    const numberNode = GrammarUtils.findNodeForProperty(line.$cstNode, 'number');
    const nameNode = GrammarUtils.findNodeForProperty(line.$cstNode, 'speaker');
    const spaced = numberNode && nameNode ? nameNode.offset > numberNode.end : true;
    return spaced ? `${line.number} ` : line.number;
}

/** A list's attendees in runs under the same group label (the first run may have none). */
function attendeeGroups(attendees: readonly Attendee[]): Array<{ label?: Line; attendees: Attendee[] }> {
    const runs: Array<{ label?: Line; attendees: Attendee[] }> = [];
    for (const attendee of attendees) {
        const last = runs[runs.length - 1];
        if (last && last.label === attendee.group) last.attendees.push(attendee);
        else runs.push({ label: attendee.group, attendees: [attendee] });
    }
    return runs;
}

/** Rich texts one after the other, `separator` between them. */
function joinRich(texts: readonly RichText[], separator: string): RichText {
    return concat(...texts.flatMap((text, index) => index === 0 ? [text] : [[textSpan(separator)], text]));
}

/** What an attendee's note says of them, past a parenthesis and a separator: `(ICANN Board), Director` → `Director`. */
function describedBy(note: RichText): RichText {
    return dropLeading(note, /^(\([^()]*\))?\s*[,:;–—-]?\s*/);
}
