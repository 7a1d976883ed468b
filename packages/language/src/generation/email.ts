import type { Document } from '../generated/ast.js';
import { isBulletMarker } from '../parser/characters.js';
import { outlineOf, type OutlineOptions } from './outline.js';
import { filled, WritingLanguage } from '../model/language.js';
import type { Translation } from '../model/translations.js';
import type {
    ActionOutline, AgendaEntry, Header, ListEntry, OutcomeOutline, Outline, OutlineBlock, Participant, TurnOutline,
    UpdateOutline
} from './render-model.js';
import { blocksAroundHeader, ownersToName, participantsOnLines, turnLineAsWritten } from './render-model.js';
import { labelled, readable, type RichText } from './rich-text.js';
import { displayWidth, wrap } from './wrap.js';
import { earlierActionText, moreStillOpenText } from './earlier-actions.js';
import type { EarlierActionsOutline } from './render-model.js';

/**
 * The plain-text email: the note as it is circulated on a mailing list. A `Subject:`
 * line, then the text in the order it was written — greeting, summary, numbered
 * sections, a block per speaker headed with name and organisation, attendee lists,
 * conclusions, actions with their owners, the sign-off — wrapped at `width` columns.
 */
export interface EmailOptions extends OutlineOptions {
    /** Columns per line (default 72). Words wider than this, URLs above all, stay whole on a line of their own. */
    readonly width?: number;
}

import { DEFAULT_EMAIL_WIDTH } from '../options.js';

export { DEFAULT_EMAIL_WIDTH };

/** The email of a document: the `Subject:` line, a blank line, the body. */
export function generateEmail(document: Document, options: EmailOptions = {}): string {
    return emailOf(outlineOf(document, options), options);
}

export function emailOf(outline: Outline, options: EmailOptions = {}): string {
    const width = options.width ?? DEFAULT_EMAIL_WIDTH;
    // The header's name is the protocol's, whatever the language of the note.
    const subject = wrap(outline.subject, { width, firstPrefix: 'Subject: ', restPrefix: ' ' });
    return subject.join('\n') + '\n\n' + emailBodyOf(outline, options);
}

/** The body of the email, without the subject: the text part of the eml message. */
export function emailBodyOf(outline: Outline, options: EmailOptions = {}): string {
    const writer = new EmailWriter(options.width ?? DEFAULT_EMAIL_WIDTH, outline.language);
    const { before, after } = blocksAroundHeader(outline);
    writer.blocks(before, '');
    writer.header(outline.header);
    writer.blocks(after, '');
    return writer.text();
}

/** Writes chunks of lines; one blank line separates chunks. */
class EmailWriter {
    private readonly chunks: string[][] = [];

    /** The language of what is being written, and its words. */
    private readonly language: WritingLanguage;

    constructor(private readonly width: number, language: string) {
        this.language = new WritingLanguage(language);
    }

    text(): string {
        return this.chunks.filter(chunk => chunk.length > 0).map(chunk => chunk.map(line => line.trimEnd()).join('\n')).join('\n\n') + '\n';
    }

    private push(lines: string[]): void {
        this.chunks.push(lines);
    }

    private wrapped(text: string, indent: string, firstPrefix = '', restPrefix = ' '.repeat(displayWidth(firstPrefix))): string[] {
        return wrap(text, { width: this.width, firstPrefix: indent + firstPrefix, restPrefix: indent + restPrefix });
    }

    header(header: Header): void {
        const title = readable(header.title);
        const titleLines = this.wrapped(title, '');
        const rule = header.level === 0 ? '=' : '-';
        this.push([...titleLines, rule.repeat(Math.min(this.width, Math.max(...titleLines.map(displayWidth))))]);
        const { colon } = this.language.words;
        if (header.metadata.length > 0) {
            const labelWidth = Math.max(...header.metadata.map(entry => displayWidth(entry.label + colon))) + 1;
            this.push(header.metadata.flatMap(entry =>
                this.wrapped(readable(entry.value), '', padded(entry.label + colon, labelWidth), ' '.repeat(labelWidth))));
        }
        if (header.participants.length > 0) {
            this.push([`${header.participantsLabel}${colon}`, ...header.participants.flatMap(p => this.wrapped(participantText(p, this.language.translation), '', '- '))]);
        }
    }

    blocks(blocks: readonly OutlineBlock[], indent: string): void {
        for (const block of blocks) this.block(block, indent);
    }

    private block(block: OutlineBlock, indent: string): void {
        switch (block.kind) {
            case 'heading':
                this.push(this.wrapped(readable(block.text), indent));
                return;
            case 'paragraph':
                this.push(this.wrapped(readable(block.text), indent));
                return;
            case 'quote':
                // Indented, not `> ` on every line: that marks a reply, and would cut the quoted sentences.
                this.push(this.wrapped(readable(block.text), indent + '    '));
                return;
            case 'list':
                this.push(this.listLines(block.items, indent));
                return;
            case 'text-field': {
                // The label as written: `Summary: text` on one line, or `Summary:` above the paragraphs.
                const [first, ...rest] = block.blocks;
                if (block.textOnKeyLine && first?.kind === 'paragraph') {
                    this.push(this.wrapped(this.keyLine(block.label, first.text), indent));
                    this.blocks(rest, indent);
                } else {
                    this.push(this.wrapped(this.keyLine(block.label, []), indent));
                    this.blocks(block.blocks, indent);
                }
                return;
            }
            case 'participants': {
                // Each group a paragraph under its label as written (`Council:`), the attendees before any label first.
                let lines = this.wrapped(this.keyLine(block.label, block.title), indent);
                for (const group of block.groups) {
                    if (group.title.length > 0) {
                        this.push(lines);
                        lines = this.wrapped(readable(group.title), indent);
                    }
                    // Names of a one-line list are in its title, as written: only those on lines of their own are listed.
                    lines.push(...participantsOnLines(group).flatMap(p => this.wrapped(readable(p.line), indent, '- ')));
                }
                this.push(lines);
                return;
            }
            case 'agenda':
                this.push([...this.wrapped(this.keyLine(block.label, block.title), indent), ...this.agendaLines(block.items, indent)]);
                return;
            case 'segment':
                this.push(this.wrapped(readable(block.title), indent));
                return;
            case 'turn':
                this.turn(block.turn, indent);
                return;
            case 'turns': {
                // A discussion round reads as one list; a bullet with paragraphs of its own, or a blank line, ends the list's chunk.
                let lines: string[] = [];
                for (const turn of block.turns) {
                    // A blank line between two bullets in the source, kept.
                    if (turn.afterBlankLine && lines.length > 0) {
                        this.push(lines);
                        lines = [];
                    }
                    lines.push(...this.wrapped(turnLine(turn), indent, '- '));
                    if (turn.blocks.length > 0) {
                        this.push(lines);
                        lines = [];
                        this.blocks(turn.blocks, indent + '  ');
                    }
                }
                this.push(lines);
                return;
            }
            case 'outcome':
                this.outcome(block.outcome, indent);
                return;
            case 'actions':
                for (const action of block.actions) {
                    this.push(this.wrapped(actionText(action, this.language.translation), indent));
                    this.blocks(action.blocks, indent);
                }
                return;
            case 'updates':
                for (const update of block.updates) {
                    this.push(this.wrapped(updateText(update, this.language.translation), indent));
                    this.blocks(update.blocks, indent);
                }
                return;
            case 'break':
                this.push([indent + '---']);
                return;
            case 'meeting': {
                this.language.within(block.meeting.language, () => {
                    if (block.meeting.header) this.header(block.meeting.header);
                    this.blocks(block.meeting.blocks, indent);
                    this.earlierActions(block.meeting.earlierActions, indent);
                });
                return;
            }
        }
    }

    /** "Actions from earlier meetings": each with its owners, its status at this meeting and where it was agreed. */
    private earlierActions(section: EarlierActionsOutline | undefined, indent: string): void {
        if (!section) return;
        const lines = this.wrapped(this.language.words.earlierActions, indent);
        const entries = [
            ...section.reported.map(entry => earlierActionText(entry, false, this.language.tag)),
            ...section.stillOpen.map(entry => earlierActionText(entry, true, this.language.tag))
        ];
        for (const { head, body } of entries) lines.push(...this.wrapped(head, indent, '- '), ...this.wrapped(body, indent + '  '));
        const more = moreStillOpenText(section, this.language.tag);
        if (more) lines.push(...this.wrapped(more, indent));
        this.push(lines);
    }

    private turn(turn: TurnOutline, indent: string): void {
        this.push(this.wrapped(turnLine(turn), indent));
        this.blocks(turn.blocks, indent);
    }

    /** A key's line: its label and the text after it (see `labelled`); the label alone, with a colon when a list follows. */
    private keyLine(label: string, text: RichText, listFollows = true): string {
        const { colon, labelSeparator } = this.language.words;
        const line = readable(labelled(label, text, labelSeparator));
        return line || (listFollows ? `${label}${colon}` : label);
    }

    private outcome(outcome: OutcomeOutline, indent: string): void {
        this.push(this.wrapped(this.keyLine(outcome.label, outcome.text, outcome.plural), indent));
        this.blocks(outcome.blocks, indent);
    }

    private listLines(items: readonly ListEntry[], indent: string): string[] {
        return items.flatMap(item => {
            const marker = item.ordered ? item.marker : '-';
            const hanging = ' '.repeat(displayWidth(marker) + 1);
            const gap = item.afterBlankLine ? [''] : [];
            return [...gap, ...this.wrapped(readable(item.text), indent, `${marker} `, hanging), ...this.listLines(item.children, nestedIndent(indent, hanging))];
        });
    }

    private agendaLines(items: readonly AgendaEntry[], indent: string): string[] {
        return items.flatMap(item => {
            const marker = isBulletMarker(item.label) ? '-' : item.label;
            const hanging = ' '.repeat(displayWidth(marker) + 1);
            return [...this.wrapped(readable(item.text), indent, `${marker} `, hanging), ...this.agendaLines(item.children, nestedIndent(indent, hanging))];
        });
    }
}

/**
 * Nested items are indented under their parent's text, but no further than this: each
 * level adds its label's width, so an agenda hundreds deep (`1.1.1.1…` labels above all)
 * made every line thousands of spaces wide and words wrap one a line — an email of 60
 * million characters from a 170 kB file, and out of memory at 1 MB.
 */
const MAX_NESTED_INDENT = 36;

function nestedIndent(indent: string, hanging: string): string {
    return displayWidth(indent) + hanging.length <= MAX_NESTED_INDENT ? indent + hanging : indent;
}

/** A turn's line as written: the name, its qualifiers in brackets, then what follows the name (`: text`, ` said…`). */
function turnLine(turn: TurnOutline): string {
    return readable(turnLineAsWritten(turn));
}


/** Text followed by spaces up to a number of columns (`padEnd` counts UTF-16 units, not columns). */
function padded(text: string, columns: number): string {
    return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

function participantText(participant: Participant, translation: Translation): string {
    const roles = participant.roles.map(role => translation.offices[role]);
    return [readable(participant.line), ...roles].join(translation.words.listSeparator);
}

/** `Action #id (Nigel Hickson, due 2018-04-15, done): text`, in the meeting's language (the label as written: `ACTION`). */
export function actionText(action: ActionOutline, translation: Translation): string {
    const { words } = translation;
    const details = [
        ownersToName(action).map(owner => owner.text).join(words.listSeparator),
        action.due ? filled(words.dueOn, { date: action.due }) : '',
        action.status !== 'open' ? words.statuses[action.status] : ''
    ].filter(Boolean);
    const head = `${action.label}${action.id ? ` #${action.id}` : ''}${details.length > 0 ? ` (${details.join(words.listSeparator)})` : ''}`;
    const text = readable(action.text);
    return text ? `${head}${words.labelSeparator}${text}` : head;
}

/** `Update on #id (done): text`, in the meeting's language. */
export function updateText(update: UpdateOutline, translation: Translation): string {
    const { words } = translation;
    const head = `${filled(words.updateOn, { id: `#${update.action}` })}${update.status ? ` (${words.statuses[update.status]})` : ''}`;
    const text = readable(update.text);
    return text ? `${head}${words.labelSeparator}${text}` : head;
}
