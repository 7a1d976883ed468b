import { isRoster, isSpeakerLine, type Block, type Document, type Line, type SpeakerLine } from '../generated/ast.js';
import { isBulletMarker } from '../parser/characters.js';
import { nameWithOrganisation } from './directory.js';
import { continuationOf, fieldListOf, structureOf, type Item, type Paragraph } from './structure.js';
import { mentionText, plainText, writtenName } from './text.js';

/**
 * The text content of a document: everything a reader of any output reads, in source
 * order, one block per line — field values, headings, attendees, agenda items, turns
 * (a colon turn headed by its speaker and organisation), prose, outcomes and actions.
 * Comments, keys and reference syntax are not content. The fidelity test checks that
 * every sentence of a seed is in the text content of its example.
 */
export function textContent(document: Document): string {
    const out: string[] = [];
    for (const item of structureOf(document).items) {
        out.push(...itemText(item));
    }
    return out.filter(line => line.length > 0).join('\n');
}

function itemText(item: Item): string[] {
    switch (item.kind) {
        case 'heading':
            return [item.text];
        case 'field':
            return [
                ...continued(item.field, plainText(item.field.value)),
                ...fieldListOf(item.field).map(line => isSpeakerLine(line) ? speakerText(line) : lineText(line)),
                ...paragraphsText(item.body)
            ];
        case 'custom-field':
            // The label is the field's own words: outputs print it as written.
            return continued(item.field, `${item.field.label}: ${plainText(item.field.value)}`.trim());
        case 'party':
            return [];
        case 'meeting-start':
            return [];
        case 'roster':
            return [
                // An office's list (`Chair:`) is its label's line: the label is the record's words.
                ...continued(item.group.roster, isRoster(item.group.roster) ? plainText(item.group.roster.title) : lineText(item.group.roster)),
                ...item.group.attendees.flatMap((a, i) => [
                    // A group's label, before its first attendee.
                    ...(a.group && a.group !== item.group.attendees[i - 1]?.group ? [lineText(a.group)] : []),
                    // A name of a one-line list is read in its title or label line.
                    ...(isSpeakerLine(a.written) ? continued(a.written, speakerText(a.written)) : [])
                ])
            ];
        case 'agenda':
            return [...continued(item.group.agenda, plainText(item.group.agenda.title)), ...item.group.lines.flatMap(line => continued(line, lineText(line)))];
        case 'segment':
            return [plainText(item.segment.title)];
        case 'turn': {
            const line = item.turn.line;
            return [...continued(line, speakerText(line)), ...paragraphsText(item.turn.paragraphs)];
        }
        case 'outcome':
            return [...continued(item.group.outcome, plainText(item.group.outcome.text)), ...paragraphsText(item.group.paragraphs)];
        case 'action':
            return [...continued(item.action.action, plainText(item.action.action.text)), ...paragraphsText(item.action.paragraphs)];
        case 'update':
            return [...continued(item.update.update, plainText(item.update.update.text)), ...paragraphsText(item.update.paragraphs)];
        case 'prose':
            return paragraphsText(item.paragraphs);
        case 'break':
            return [];
    }
}

/** A block's line and the lines that continue it (`continuationOf`), one a line. */
function continued(block: Block, text: string): string[] {
    return [text, ...continuationOf(block).map(lineText)];
}

/**
 * A speaker line as it reads: `@Marilyn noted…` → "Marilyn noted…"; a colon turn
 * `@mshears: text` → "Matthew Shears (ICANN Board)" then "text".
 */
export function speakerText(line: SpeakerLine): string {
    const party = line.speaker.ref;
    const written = writtenName(line.speaker.$refText);
    const braced = line.speaker.$refNode?.text.startsWith('@{') ?? false;
    const name = line.speaker.$refText === '?' ? '' : mentionText(written, party, braced);
    const text = plainText(line.text);
    if (line.colon) {
        const heading = party ? nameWithOrganisation(party, name) : name;
        return [heading, text].filter(Boolean).join('\n');
    }
    // `@{Marcus Kummer}. Presentation…` reads "Marcus Kummer. Presentation…": keep the source's spacing.
    const touching = line.text?.$cstNode && line.speaker.$refNode && line.text.$cstNode.offset === line.speaker.$refNode.end;
    return [name, text].filter(Boolean).join(touching ? '' : ' ');
}

export function lineText(line: Line): string {
    const text = plainText(line.text);
    return line.marker && line.marker !== '>' && !isBulletMarker(line.marker) ? `${line.marker} ${text}` : text;
}

export function paragraphsText(paragraphs: Paragraph[]): string[] {
    const out: string[] = [];
    for (const paragraph of paragraphs) {
        if (paragraph.kind === 'list') {
            for (const item of paragraph.items) out.push(item.turn ? continued(item.turn.line, speakerText(item.turn.line)).join(' ') : item.lines.map(lineText).join(' '));
        } else {
            out.push(paragraph.lines.map(lineText).join(' '));
        }
    }
    return out;
}
