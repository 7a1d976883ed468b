import {
    AlignmentType, Document as WordDocument, ExternalHyperlink, HeadingLevel, Packer, Paragraph, SectionProperties, Table, TableCell, TableRow,
    TextRun, WidthType, type IParagraphOptions, type ParagraphChild
} from 'docx';
import type { Document } from '../generated/ast.js';
import { isBulletMarker } from '../parser/characters.js';
import { agreedPlace, earlierActionStatus, moreStillOpenText } from './earlier-actions.js';
import { closeBidi } from './html-escape.js';
import { counted, filled, participantColumns, textDirection, WritingLanguage } from '../model/language.js';
import { outlineOf, type OutlineOptions } from './outline.js';
import type {
    ActionOutline, AgendaEntry, EarlierActionOutline, Header, ListEntry, MeetingOutline, Outline, OutlineBlock, Participant,
    TurnOutline, UpdateOutline
} from './render-model.js';
import { blocksAroundHeader, isOneLineList, ownersToName, participantsOnLines, roleBesideNote, type ParticipantGroup } from './render-model.js';
import { labelled, plain, type RichText, type Span } from './rich-text.js';
import { wellFormed } from './unicode.js';

/**
 * A Word document (`.docx`, Office Open XML) of a meeting, for secretariats that circulate
 * documents rather than email: the title, the metadata, the participants table, headings,
 * turns, outcomes and actions, laid out from the render model as the HTML is (nothing is
 * read from the source here). The title, author and meeting date are the document's
 * properties. The `docx` package writes the XML and the package.
 */
export function generateDocx(document: Document, options: OutlineOptions = {}): Promise<Uint8Array> {
    return docxOf(outlineOf(document, options));
}

export async function docxOf(outline: Outline): Promise<Uint8Array> {
    const writer = new DocxWriter(outline.language);
    const { before, after } = blocksAroundHeader(outline);
    const children = [...writer.blocks(before), ...writer.header(outline.header, true), ...writer.blocks(after)];
    const author = outline.header.metadata.find(entry => entry.key === 'author');
    const properties = {
        title: xmlText(outline.title),
        creator: author ? xmlText(plain(author.value)) : undefined,
        description: xmlText(outline.subject)
    };
    const document = new WordDocument({ ...properties, styles: STYLES, sections: [{ children }] });
    const created = outline.date?.start ?? outline.date?.end;
    // The library stamps the document with the time it is written; a meeting's record is dated by the meeting.
    const core = { path: 'docProps/core.xml', data: coreProperties({ ...properties, created }) };
    return new Uint8Array(await Packer.toBuffer(document, false, created ? [core] : []));
}

/** The width of the text on the page the document's one section has (docx's default: A4 less two 1-inch margins), in twips. */
const TEXT_WIDTH = new SectionProperties().AvailableTextWidth;

/**
 * A table of the body, as wide as the text. docx finds the width a table may take by
 * searching the body for the table and then for the section after it (indexOf and a scan
 * to the body's end, Body.getSectionPropertiesFor), for each table: a document of many
 * meetings, each with its tables, took time quadratic in its meetings (a fifth of the Word
 * output's time at 2 MB). The document has one section and no table inside another, so the
 * width is that section's, known in advance.
 */
class PageWidthTable extends Table {
    constructor(options: ConstructorParameters<typeof Table>[0]) {
        super(options);
        // Shadows the library's private method of that name, which prepForXml calls.
        Object.assign(this, { resolveAvailableWidth: () => TEXT_WIDTH });
    }
}

/** Text that XML 1.0 can hold and that reorders nothing after it (see closeBidi). */
function xmlText(text: string): string {
    return wellFormed(closeBidi(text)).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
}

function escapeXml(text: string): string {
    return xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `docProps/core.xml`: title, author, description, and the meeting's date as the document's dates. */
function coreProperties(properties: { title: string; creator?: string; description: string; created?: string }): string {
    const element = (name: string, value: string | undefined) => value ? `<${name}>${escapeXml(value)}</${name}>` : '';
    const date = (name: string) => properties.created ? `<${name} xsi:type="dcterms:W3CDTF">${properties.created}T00:00:00Z</${name}>` : '';
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        + 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        + 'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + element('dc:title', properties.title) + element('dc:creator', properties.creator)
        + element('dc:description', properties.description) + element('cp:lastModifiedBy', properties.creator)
        + date('dcterms:created') + date('dcterms:modified')
        + '</cp:coreProperties>';
}

/** Word's usual body text (11 pt, 6 pt after a paragraph), headings spaced from what precedes them. */
const STYLES = {
    default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120 } } },
        heading1: { paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } }
    }
};

const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
/** Indentation of a nesting level, in twentieths of a point. */
const INDENT = 360;

type Block = Paragraph | Table;

class DocxWriter {
    /** The language being written, and its words. */
    private readonly language: WritingLanguage;

    constructor(language: string) {
        this.language = new WritingLanguage(language);
    }

    /**
     * Whether the language being written runs right to left: its paragraphs are then right to
     * left (`w:bidi`: Word aligns them to the right and reads `left` indents as the start side)
     * and its tables' columns run from the right. Runs are not marked: the Unicode
     * bidirectional algorithm orders the Latin names and numbers inside them.
     */
    private get rightToLeft(): boolean {
        return textDirection(this.language.tag) === 'rtl';
    }

    /** Every paragraph is made here, so that each follows the language's direction. */
    private paragraphWith(options: IParagraphOptions): Paragraph {
        return new Paragraph(this.rightToLeft ? { ...options, bidirectional: true } : options);
    }

    header(header: Header, document: boolean): Block[] {
        const blocks: Block[] = [this.heading(header.level, header.title, document)];
        for (const entry of header.metadata) {
            blocks.push(this.paragraphWith({ children: [new TextRun({ text: xmlText(entry.label + this.language.words.labelSeparator), bold: true }), ...this.runs(entry.value)] }));
        }
        if (header.participants.length > 0) blocks.push(...this.participantTable(header.participantsLabel, header.participants));
        return blocks;
    }

    blocks(blocks: readonly OutlineBlock[], depth = 0): Block[] {
        return blocks.flatMap(block => this.block(block, depth));
    }

    private block(block: OutlineBlock, depth: number): Block[] {
        switch (block.kind) {
            case 'heading':
                return [this.heading(block.level, block.text)];
            case 'paragraph':
                return [this.paragraph(block.text, depth)];
            case 'quote':
                return [this.paragraphWith({ children: this.runs(block.text, { italics: true }), indent: { left: INDENT * (depth + 1), right: INDENT } })];
            case 'list':
                return this.list(block.items, depth);
            case 'text-field':
                return [this.label(block.label, depth), ...this.blocks(block.blocks, depth)];
            case 'participants': {
                const caption = labelled(block.label, block.title);
                const groupCaption = (group: ParticipantGroup | undefined) => group && group.title.length > 0 ? group.title : caption;
                if (block.groups.every(group => group.title.length === 0)) return this.participantGroup(groupCaption(block.groups[0]), block.label, block.groups[0], depth);
                // Grouped: a table per group captioned with its label as written (the list's label on the first group's when it has none).
                return [
                    ...(block.groups[0].title.length > 0 ? [this.label(plain(caption) || block.label, depth)] : []),
                    ...block.groups.flatMap(group => this.participantGroup(groupCaption(group), block.label, group, depth))
                ];
            }
            case 'agenda':
                return [this.label(plain(labelled(block.label, block.title)) || block.label, depth), ...this.agenda(block.items, depth)];
            case 'segment':
                return [this.heading(block.level, block.title)];
            case 'turn':
                return this.turn(block.turn, depth);
            case 'turns':
                return block.turns.flatMap((turn, index) => [
                    this.paragraphWith({ children: this.turnLine(turn), bullet: { level: Math.min(depth, 8) }, ...gapBefore(turn.afterBlankLine && index > 0) }),
                    ...this.blocks(turn.blocks, depth + 1)
                ]);
            case 'outcome': {
                const outcome = block.outcome;
                const line = labelled(outcome.label, outcome.text);
                const head = outcome.plural
                    ? this.heading(outcome.level, line.length > 0 ? line : [{ kind: 'text', text: outcome.label }])
                    : this.paragraphWith({ children: this.runs(line.length > 0 ? line : [{ kind: 'text', text: outcome.label }]), indent: indent(depth) });
                return [head, ...this.blocks(outcome.blocks, depth)];
            }
            case 'actions':
                return this.actionTable(block.actions);
            case 'updates':
                return this.updateTable(block.updates);
            case 'break':
                return [this.paragraphWith({ children: [], thematicBreak: true })];
            case 'meeting':
                return this.meeting(block.meeting);
        }
    }

    private meeting(meeting: MeetingOutline): Block[] {
        return this.language.within(meeting.language, () => {
            const blocks = [...(meeting.header ? this.header(meeting.header, false) : []), ...this.blocks(meeting.blocks)];
            if (meeting.earlierActions) {
                const level = (meeting.header?.level ?? 0) + 1;
                blocks.push(this.heading(level, [{ kind: 'text', text: this.language.words.earlierActions }]), ...this.earlierActionTable(meeting.earlierActions.reported, meeting.earlierActions.stillOpen));
                const more = moreStillOpenText(meeting.earlierActions, this.language.tag);
                if (more) blocks.push(this.paragraph([{ kind: 'text', text: more }], 0));
            }
            return blocks;
        });
    }

    private heading(level: number, text: RichText, title = false): Paragraph {
        const heading = title ? HeadingLevel.TITLE : HEADINGS[Math.min(Math.max(level, 0), 5) + 1];
        return this.paragraphWith({ children: this.runs(text), heading });
    }

    private label(text: string, depth: number): Paragraph {
        return this.paragraphWith({ children: [new TextRun({ text: xmlText(text), bold: true })], indent: indent(depth) });
    }

    private paragraph(text: RichText, depth: number): Paragraph {
        return this.paragraphWith({ children: this.runs(text), indent: indent(depth) });
    }

    /** Items keep the labels they were written with (`2.1`, `a.`); bullets are Word's. An item after a blank line has a paragraph's gap before it. */
    private list(items: readonly ListEntry[], depth: number): Block[] {
        return items.flatMap(item => [
            item.ordered
                ? this.paragraphWith({ children: [new TextRun(xmlText(`${item.marker} `)), ...this.runs(item.text)], indent: { left: INDENT * (depth + 1), hanging: INDENT }, ...gapBefore(item.afterBlankLine) })
                : this.paragraphWith({ children: item.turn ? this.turnLine(item.turn) : this.runs(item.text), bullet: { level: Math.min(depth, 8) }, ...gapBefore(item.afterBlankLine) }),
            ...this.list(item.children, depth + 1)
        ]);
    }

    private agenda(items: readonly AgendaEntry[], depth: number): Block[] {
        return items.flatMap(item => [
            this.paragraphWith({
                children: [...(isBulletMarker(item.label) ? [] : [new TextRun(xmlText(`${item.label} `))]), ...this.runs(item.text)],
                indent: { left: INDENT * (depth + 1), hanging: INDENT }
            }),
            ...this.agenda(item.children, depth + 1)
        ]);
    }

    private turn(turn: TurnOutline, depth: number): Block[] {
        const blocks: Block[] = [];
        blocks.push(this.paragraphWith({ children: this.turnLine(turn), keepNext: turn.headed, indent: indent(depth) }));
        blocks.push(...this.blocks(turn.blocks, depth));
        return blocks;
    }

    /** As written: the name in bold (the whole line when it heads the turn), its qualifiers, then the rest of the line. */
    private turnLine(turn: TurnOutline): ParagraphChild[] {
        const runs = (text: RichText) => text.flatMap(span => this.span(span, { bold: span === turn.speaker || turn.headed }));
        const prefix = turn.prefix ? runs([{ kind: 'text', text: turn.prefix }]) : [];
        return [...prefix, ...runs(turn.name), ...this.qualifiers(turn), ...runs(turn.line.slice(turn.name.length))];
    }

    private qualifiers(turn: TurnOutline): ParagraphChild[] {
        return turn.qualifierText.length > 0 ? [new TextRun(' ['), ...this.runs(turn.qualifierText), new TextRun(']')] : [];
    }

    /** A group of an attendee list: a table of the attendees on lines of their own; a one-line list (`Council: Carol, Mark`) stays a line, as written. */
    private participantGroup(caption: RichText, fallback: string, group: ParticipantGroup | undefined, depth: number): Block[] {
        if (isOneLineList(group)) return [this.paragraph(caption, depth)];
        return this.participantTable(plain(caption) || fallback, participantsOnLines(group));
    }

    private participantTable(caption: string, participants: readonly Participant[]): Block[] {
        // Names written without `@` are the list after the caption: no table of no one.
        if (participants.length === 0) return [this.caption(caption)];
        const { words, offices, attendance } = this.language.translation;
        const notes = participants.some(p => p.description.length > 0);
        const rows = participants.map(participant => {
            const roles = participant.roles.map(role => offices[role]);
            const role = roleBesideNote(participant);
            return [
                [new TextRun({ text: xmlText(participant.party.name), bold: true })],
                [new TextRun(xmlText(participant.party.organisation ?? ''))],
                [new TextRun({ text: xmlText(roles.join(words.listSeparator)), bold: true }), ...(role ? [new TextRun(xmlText(roles.length > 0 ? `; ${role}` : role))] : [])],
                [new TextRun(xmlText(attendance[participant.attendance]))],
                ...(notes ? [this.runs(participant.description)] : [])
            ];
        });
        return this.table(caption, participantColumns(words, notes), rows);
    }

    private actionTable(actions: readonly ActionOutline[]): Block[] {
        const { words } = this.language.translation;
        return this.table(counted(words.actionItems, actions.length, this.language.tag), [words.action, words.owner, words.due, words.status], actions.map(action => [
            [...(action.id ? [new TextRun(xmlText(`#${action.id} `))] : []), ...this.runs(action.text), ...this.blockRuns(action.blocks)],
            this.owners(ownersToName(action)),
            [new TextRun(xmlText(action.due ?? ''))],
            [new TextRun(xmlText(words.statuses[action.status]))]
        ]));
    }

    private updateTable(updates: readonly UpdateOutline[]): Block[] {
        const { words } = this.language.translation;
        return this.table(words.updatesCaption, [words.action, words.status, words.update], updates.map(update => [
            [new TextRun(xmlText(`#${update.action}`))],
            [new TextRun(xmlText(update.status ? words.statuses[update.status] : ''))],
            [...this.runs(update.text), ...this.blockRuns(update.blocks)]
        ]));
    }

    private earlierActionTable(reported: readonly EarlierActionOutline[], stillOpen: readonly EarlierActionOutline[]): Block[] {
        const row = (entry: EarlierActionOutline, open: boolean): ParagraphChild[][] => [
            [new TextRun(xmlText(`#${entry.id} `)), ...this.runs(entry.text)],
            this.owners(entry.owners),
            [new TextRun(xmlText(earlierActionStatus(entry, open, this.language.tag))), ...(entry.update && entry.update.text.length > 0 ? [new TextRun(' — '), ...this.runs(entry.update.text)] : [])],
            [new TextRun(xmlText(agreedPlace(entry, this.language.tag)))]
        ];
        const { words } = this.language.translation;
        return this.table(filled(words.earlierActionsCaption, { title: words.earlierActions }), [words.action, words.owner, words.status, words.agreedAtColumn],
            [...reported.map(entry => row(entry, false)), ...stillOpen.map(entry => row(entry, true))]);
    }

    private owners(owners: readonly Span[]): ParagraphChild[] {
        return owners.flatMap((owner, i) => [...(i > 0 ? [new TextRun(this.language.words.listSeparator)] : []), ...this.span(owner)]);
    }

    /** The paragraphs that follow an action or an update, inside its table cell. */
    private blockRuns(blocks: readonly OutlineBlock[]): ParagraphChild[] {
        const text = blocks.flatMap(block => block.kind === 'paragraph' || block.kind === 'quote' ? [block.text]
            : block.kind === 'list' ? flattenItems(block.items).map(item => [{ kind: 'text' as const, text: `${item.marker} ` }, ...item.text] as RichText) : []);
        return text.flatMap(rich => [new TextRun({ text: '', break: 1 }), ...this.runs(rich)]);
    }

    /** A table's caption, kept with what follows it. */
    private caption(caption: string): Paragraph {
        return this.paragraphWith({ children: [new TextRun({ text: xmlText(caption), bold: true })], keepNext: true, alignment: AlignmentType.START });
    }

    /** A table with a caption above it, a header row repeated on each page, at the page's width. */
    private table(caption: string, head: readonly string[], rows: readonly ParagraphChild[][][]): Block[] {
        const cell = (children: ParagraphChild[]) => new TableCell({ children: [this.paragraphWith({ children })] });
        return [
            this.caption(caption),
            new PageWidthTable({
                visuallyRightToLeft: this.rightToLeft,
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [
                    new TableRow({ tableHeader: true, children: head.map(label => cell([new TextRun({ text: xmlText(label), bold: true })])) }),
                    ...rows.map(row => new TableRow({ cantSplit: true, children: row.map(children => cell(children)) }))
                ]
            })
        ];
    }

    private runs(text: RichText, style: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
        return text.flatMap(span => this.span(span, style));
    }

    private span(span: Span, style: { bold?: boolean; italics?: boolean; font?: string } = {}): ParagraphChild[] {
        const run = (text: string, extra: { style?: string } = {}) => new TextRun({ text: xmlText(text), ...style, ...extra });
        if (span.kind === 'styled') {
            const added = span.style === 'strong' ? { bold: true } : span.style === 'emphasis' ? { italics: true } : { font: 'Courier New' };
            return span.children.flatMap(child => this.span(child, { ...style, ...added }));
        }
        if (span.kind === 'link') return [new ExternalHyperlink({ link: span.url, children: [run(span.text, { style: 'Hyperlink' })] })];
        return [run(span.text)];
    }
}

function indent(depth: number): { left: number } | undefined {
    return depth > 0 ? { left: INDENT * depth } : undefined;
}

/** The space a blank line in the source leaves before a list item or a round's bullet: twice the gap every paragraph has after it. */
function gapBefore(afterBlankLine: boolean): { spacing?: { before: number } } {
    return afterBlankLine ? { spacing: { before: 240 } } : {};
}

function flattenItems(items: readonly ListEntry[]): ListEntry[] {
    return items.flatMap(item => [item, ...flattenItems(item.children)]);
}
