import type { Document } from '../generated/ast.js';
import { isBulletMarker } from '../parser/characters.js';
import { outlineOf, type OutlineOptions } from './outline.js';
import { participantColumns, WritingLanguage } from '../model/language.js';
import type {
    ActionOutline, AgendaEntry, Header, ListEntry, Outline, OutlineBlock, Participant, TurnOutline, UpdateOutline
} from './render-model.js';
import { blocksAroundHeader, isOneLineList, ownersToName, participantsOnLines, roleBesideNote, type ParticipantGroup } from './render-model.js';
import { labelled, plain, type RichText, type Span } from './rich-text.js';
import { escapeMarkdown } from '../util/markdown-escape.js';

/**
 * GitHub-flavoured Markdown, for wikis and pull requests: the same content as the email
 * and the page, with headings, lists, tables, and agenda items linked to their sections
 * by the anchors GitHub gives headings. Text from the source is escaped, so that a `*`,
 * `_`, `[`, `<`, `|` or a leading `#` in the notes stays a character.
 */
export function generateMarkdown(document: Document, options: OutlineOptions = {}): string {
    return markdownOf(outlineOf(document, options));
}

export function markdownOf(outline: Outline): string {
    // The first pass learns the anchor GitHub gives each heading; the second links the agenda to them.
    const anchors = new Map<string, string>();
    new MarkdownWriter(anchors, true).document(outline);
    return new MarkdownWriter(anchors, false).document(outline);
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function githubAnchor(text: string): string {
    return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').split(' ').join('-');
}

class MarkdownWriter {
    private readonly chunks: string[] = [];
    private readonly used = new Map<string, number>();

    /** The language being written, and its words. */
    private readonly language: WritingLanguage;

    constructor(private readonly anchors: Map<string, string>, private readonly learning: boolean, language?: string) {
        this.language = new WritingLanguage(language);
    }

    document(outline: Outline): string {
        this.language.set(outline.language);
        const { before, after } = blocksAroundHeader(outline);
        this.blocks(before, '');
        this.header(outline.header);
        this.blocks(after, '');
        return this.chunks.join('\n\n') + '\n';
    }

    private push(text: string): void {
        if (text.length > 0) this.chunks.push(text);
    }

    /** Writes a heading and records the anchor GitHub will give it (numbered when repeated). */
    private heading(level: number, text: RichText, id?: string): void {
        const readable = plain(text);
        const base = githubAnchor(readable);
        const count = this.used.get(base) ?? 0;
        this.used.set(base, count + 1);
        if (this.learning && id) this.anchors.set(id, count === 0 ? base : `${base}-${count}`);
        this.push(`${'#'.repeat(Math.min(6, level + 1))} ${this.rich(text).trim()}`);
    }

    private header(header: Header): void {
        this.heading(header.level, header.title, header.id);
        if (header.metadata.length > 0) {
            this.push(header.metadata.map(entry => `- **${escapeMarkdown(entry.label)}:** ${this.rich(entry.value)}`).join('\n'));
        }
        if (header.participants.length > 0) this.participants(escapeMarkdown(header.participantsLabel), header.participants);
    }

    private blocks(blocks: readonly OutlineBlock[], indent: string): void {
        for (const block of blocks) this.block(block, indent);
    }

    private block(block: OutlineBlock, indent: string): void {
        switch (block.kind) {
            case 'heading':
                this.heading(block.level, block.text, block.id);
                return;
            case 'paragraph':
                this.push(indent + this.rich(block.text, true));
                return;
            case 'quote':
                this.push(`${indent}> ${this.rich(block.text)}`);
                return;
            case 'list':
                this.push(this.list(block.items, indent));
                return;
            case 'text-field':
                this.push(`${indent}**${escapeMarkdown(block.label)}**`);
                this.blocks(block.blocks, indent);
                return;
            case 'participants':
                if (block.groups.every(group => group.title.length === 0)) {
                    this.participantGroup(this.keyLine(block.label, block.title), block.groups[0]);
                    return;
                }
                // Grouped: a table per group under its label as written (the list's label on the first group's when it has none).
                if (block.groups[0].title.length > 0) this.push(`**${this.keyLine(block.label, block.title)}**`);
                for (const group of block.groups) {
                    this.participantGroup(group.title.length > 0 ? this.rich(group.title) : this.keyLine(block.label, block.title), group);
                }
                return;
            case 'agenda':
                this.push(`**${this.keyLine(block.label, block.title)}**`);
                this.push(this.agenda(block.items, indent));
                return;
            case 'segment':
                this.heading(block.level, block.title);
                return;
            case 'turn':
                this.turn(block.turn, indent);
                return;
            case 'turns':
                this.push(block.turns.map((turn, index) => {
                    const blocks = turn.blocks.length > 0 ? '\n\n' + this.nested(turn.blocks, indent + '  ') : '';
                    const gap = turn.afterBlankLine && index > 0 ? '\n' : '';
                    return `${gap}${indent}- ${this.turnLine(turn)}${blocks}`;
                }).join('\n'));
                return;
            case 'outcome': {
                const outcome = block.outcome;
                if (outcome.plural) this.heading(outcome.level, outcome.text.length > 0 ? outcome.text : [{ kind: 'text', text: outcome.label }]);
                else this.push(`${indent}**${escapeMarkdown(outcome.label + this.language.words.colon)}** ${this.rich(outcome.text)}`);
                this.blocks(outcome.blocks, indent);
                return;
            }
            case 'actions':
                this.push(this.actionTable(block.actions));
                return;
            case 'updates':
                this.push(this.updateTable(block.updates));
                return;
            case 'break':
                this.push('---');
                return;
            case 'meeting': {
                this.language.within(block.meeting.language, () => {
                    if (block.meeting.header) this.header(block.meeting.header);
                    this.blocks(block.meeting.blocks, indent);
                });
                return;
            }
        }
    }

    /** Blocks inside a list item, as one string indented under the item. */
    private nested(blocks: readonly OutlineBlock[], indent: string): string {
        const writer = new MarkdownWriter(this.anchors, true, this.language.tag);
        writer.blocks(blocks, indent);
        return writer.chunks.join('\n\n');
    }

    private turn(turn: TurnOutline, indent: string): void {
        const headedByAside = turn.headed && turn.style !== 'heading';
        this.push(indent + (headedByAside ? `**${this.turnLine(turn, false)}**` : this.turnLine(turn)));
        this.blocks(turn.blocks, indent);
    }

    /** The speaker's line as written, the name in bold, its qualifiers after it in italics, then the rest of the line. */
    private turnLine(turn: TurnOutline, boldName = true): string {
        const spans = (text: RichText) => text.map(span => span === turn.speaker && boldName ? `**${escapeMarkdown(span.text)}**` : this.span(span)).join('');
        const qualifiers = turn.qualifierText.length > 0 ? ` *\\[${this.rich(turn.qualifierText)}\\]*` : '';
        // A number at the start of the line is escaped, or Markdown would make the turn a list item.
        return escapeMarkdown(turn.prefix, true) + spans(turn.name) + qualifiers + spans(turn.line.slice(turn.name.length));
    }

    /** A key's label and the text after it (see `labelled`), or the label alone. */
    private keyLine(label: string, text: RichText): string {
        const line = labelled(label, text);
        return line.length > 0 ? this.rich(line) : escapeMarkdown(label);
    }

    private list(items: readonly ListEntry[], indent: string): string {
        return items.map(item => {
            const marker = markdownMarker(item);
            // Children start where the item's text starts (after `- ` when the label is text).
            const childIndent = indent + ' '.repeat(marker.startsWith('- ') ? 2 : marker.length + 1);
            const children = item.children.length > 0 ? '\n' + this.list(item.children, childIndent) : '';
            // A blank line before an item makes the list loose, as the source wrote it.
            const gap = item.afterBlankLine ? '\n' : '';
            return `${gap}${indent}${marker} ${item.turn ? this.turnLine(item.turn) : this.rich(item.text, true)}${children}`;
        }).join('\n');
    }

    private agenda(items: readonly AgendaEntry[], indent: string): string {
        return items.map(item => {
            // Escaped as at a line's start: `- 1. text` would open a numbered list inside the bullet.
            const label = isBulletMarker(item.label) ? '' : `${escapeMarkdown(item.label, true)} `;
            const anchor = item.target ? this.anchors.get(item.target) : undefined;
            const text = anchor ? `[${this.rich(item.text)}](#${anchor})` : this.rich(item.text);
            const children = item.children.length > 0 ? '\n' + this.agenda(item.children, indent + '  ') : '';
            return `${indent}- ${label}${text}${children}`;
        }).join('\n');
    }

    /** A group of an attendee list: a table of the attendees on lines of their own; a one-line list (`Council: Carol, Mark`) stays a line, as written. */
    private participantGroup(caption: string, group: ParticipantGroup | undefined): void {
        if (isOneLineList(group)) this.push(caption);
        else this.participants(caption, participantsOnLines(group));
    }

    private participants(caption: string, participants: readonly Participant[]): void {
        const { words, offices, attendance } = this.language.translation;
        const notes = participants.some(p => p.description.length > 0);
        const rows = participants.map(participant => {
            const role = [
                ...participant.roles.map(role => `**${escapeMarkdown(offices[role])}**`),
                escapeMarkdown(roleBesideNote(participant))
            ].filter(Boolean).join('; ');
            return tableRow([
                escapeMarkdown(participant.party.name),
                escapeMarkdown(participant.party.organisation ?? ''),
                role,
                escapeMarkdown(attendance[participant.attendance]),
                ...(notes ? [this.rich(participant.description)] : [])
            ]);
        });
        this.push(`**${caption}**`);
        // Names written without `@` are the list after the caption: no table of no one.
        if (participants.length === 0) return;
        this.push([
            tableRow(participantColumns(words, notes).map(column => escapeMarkdown(column))),
            tableRow(['---', '---', '---', '---', ...(notes ? ['---'] : [])]),
            ...rows
        ].join('\n'));
    }

    private actionTable(actions: readonly ActionOutline[]): string {
        const { words } = this.language.translation;
        return [
            tableRow([words.action, words.owner, words.due, words.status].map(column => escapeMarkdown(column))),
            tableRow(['---', '---', '---', '---']),
            ...actions.map(action => tableRow([
                [action.id ? `\`#${action.id.replace(/`/g, '')}\`` : '', this.rich(action.text), ...action.blocks.map(block => this.inlineBlock(block))]
                    .filter(Boolean).join(' '),
                ownersToName(action).map(owner => escapeMarkdown(owner.text)).join(escapeMarkdown(words.listSeparator)),
                action.due ?? '',
                escapeMarkdown(words.statuses[action.status])
            ]))
        ].join('\n');
    }

    private updateTable(updates: readonly UpdateOutline[]): string {
        const { words } = this.language.translation;
        return [
            tableRow([words.action, words.status, words.update].map(column => escapeMarkdown(column))),
            tableRow(['---', '---', '---']),
            ...updates.map(update => tableRow([
                `\`#${update.action.replace(/`/g, '')}\``,
                update.status ? escapeMarkdown(words.statuses[update.status]) : '',
                [this.rich(update.text), ...update.blocks.map(block => this.inlineBlock(block))].filter(Boolean).join('<br>')
            ]))
        ].join('\n');
    }

    /** A block inside a table cell, where only inline Markdown is allowed. */
    private inlineBlock(block: OutlineBlock): string {
        if (block.kind === 'paragraph' || block.kind === 'quote') return '<br>' + this.rich(block.text);
        if (block.kind === 'list') return block.items.map(item => `<br>• ${this.rich(item.text)}`).join('');
        return '';
    }

    private rich(text: RichText, lineStart = false): string {
        return text.map((span, index) => this.span(span, lineStart && index === 0)).join('');
    }

    private span(span: Span, lineStart = false): string {
        switch (span.kind) {
            case 'text':
                return escapeMarkdown(span.text, lineStart);
            case 'mention':
                return escapeMarkdown(span.text, lineStart);
            case 'link':
                return span.text === span.url ? `<${span.url}>` : `[${escapeMarkdown(span.text)}](<${span.url}>)`;
            case 'styled':
                // Code is written as it was, marks included; emphasis around its text, escaped.
                return span.style === 'code' ? `${span.mark}${span.text}${span.mark}` : `${span.mark}${this.rich(span.children)}${span.mark}`;
        }
    }
}

function markdownMarker(item: ListEntry): string {
    if (!item.ordered) return '-';
    // GitHub numbers `3.` lists itself; other labels (`a.`, `2.1`, `iv.`) stay as text after a bullet.
    return /^\d{1,9}[.)]$/.test(item.marker) ? item.marker : `- ${escapeMarkdown(item.marker, true)}`;
}

function tableRow(cells: string[]): string {
    return `| ${cells.map(cell => cell.replace(/\n/g, ' ')).join(' | ')} |`;
}
