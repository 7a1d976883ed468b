import type { Block, Document, Line, Text } from '../../src/generated/ast.js';
import { isAction, isActionUpdate, isAgenda, isField, isOutcome, isRoster, isSegment, isSpeakerLine } from '../../src/generated/ast.js';
import { GrammarUtils } from 'langium';
import { generateEmail } from '../../src/generation/email.js';
import { continuationOf, splitActionHeader, structureOf, type Item, type Paragraph } from '../../src/model/structure.js';
import { inlinesOf } from '../../src/model/text.js';
import { keyDefinition } from '../../src/model/vocabulary.js';
import { meetingLanguage } from '../../src/model/language.js';

/**
 * The word-for-word check of issue 12: the words of every prose line of a `.minutes` file
 * appear in its email, in order, and no paragraph of the source is broken in the email.
 *
 * Words are runs of letters and digits (a Chinese or Japanese character each), so punctuation and spacing (which wrapping and
 * labels change) do not count; names (`@mcade`) are left out of the source's words, since
 * the email writes them as the directory says. Prose lines are the lines a reader reads as
 * text: paragraphs, list items, quotes, headings, turns (with their qualifiers), outcomes,
 * actions and updates (after the header's colon), text fields, attendees' notes, agenda
 * items and the titles written after list keys — not header fields, which the email's
 * header shows as labelled fields (a date is rewritten there on purpose). A key whose label
 * the email prints where it is written (a list's, an outcome's, an action's), written with a
 * capital (`ATTENDEES:`, W3C's `ACTION:`), is the note-taker's word too, in an English meeting
 * (another language's email translates its labels).
 */
export interface WordFidelity {
    /** Words of the source's prose lines. */
    readonly words: number;
    /** Source words not found in the email, in order. */
    readonly lost: number;
    /** The first few lost words, with the words before them, for a message. */
    readonly lostAt: readonly string[];
    /** Words of the email that are not source words matched in order: header, labels, names. */
    readonly added: number;
    /** Paragraphs of more than one line in the source. */
    readonly paragraphs: number;
    /** Of these, those whose words are not all in one paragraph of the email. */
    readonly broken: number;
    readonly brokenAt: readonly string[];
}

/** A word: a run of letters and digits; each Chinese or Japanese character on its own (lines of those join without a space). */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+/gu;

export function wordsOf(text: string): string[] {
    return text.match(WORD) ?? [];
}

/** The words of a text, its mentions left out; `from` skips a header (an action's). */
function textWords(text: Text | undefined, from = -1): string[] {
    return wordsOf(inlinesOf(text, from).map(piece => piece.kind === 'mention' ? ' ' : piece.text).join(''));
}

export function blockWords(block: Block): string[] {
    if (isAction(block) || isActionUpdate(block)) {
        return textWords(block.text, splitActionHeader(block.text).textFrom);
    }
    const words: string[] = [];
    // An outcome word printed as written (`RESOLVED:`) is the note-taker's word too.
    if (isOutcome(block) && keyDefinition(block.key)?.asWritten) {
        words.push(...wordsOf(GrammarUtils.findNodeForProperty(block.$cstNode, 'key')?.text ?? ''));
    }
    if ('qualifiers' in block) words.push(...textWords(block.qualifiers as Text | undefined));
    for (const property of ['text', 'title', 'value'] as const) {
        if (property in block) words.push(...textWords((block as unknown as Record<string, Text | undefined>)[property]));
    }
    return words;
}

/**
 * The key a block starts with, when the email prints its label in its place (a list, an agenda,
 * an outcome, an action, a text field, a part with no title of its own) and it is written with a
 * capital; a key in lower case is the language's own spelling, printed as the label.
 */
function labelWords(block: Block): string[] {
    const definition = 'key' in block && typeof block.key === 'string' ? keyDefinition(block.key) : undefined;
    const labelled = isRoster(block) || isAgenda(block) || (isOutcome(block) && !definition?.asWritten)
        || (isSegment(block) && !block.title) || (isField(block) && definition?.body !== undefined);
    const written = labelled ? GrammarUtils.findNodeForProperty(block.$cstNode, 'key')?.text
        : isAction(block) ? GrammarUtils.findNodeForKeyword(block.$cstNode, 'action')?.text : undefined;
    return written && written !== written.toLowerCase() ? wordsOf(written) : [];
}

/** The words of a unit: its blocks', and its first block's label when it is the note-taker's word (`english`). */
function unitWords(blocks: readonly Block[], english: boolean): string[] {
    return blocks.flatMap((block, index) => index === 0 && english ? [...labelWords(block), ...blockWords(block)] : blockWords(block));
}

/** A source unit: a block and the lines that continue it, or a paragraph's lines: what must stay one paragraph. */
function unit(block: Block): Block[] {
    return [block, ...continuationOf(block)];
}

function paragraphUnits(paragraphs: readonly Paragraph[]): Block[][] {
    return paragraphs.flatMap(paragraph => paragraph.kind === 'list' ? paragraph.items.map(item => [...item.lines]) : [[...paragraph.lines]]);
}

export function itemUnits(item: Item): Block[][] {
    switch (item.kind) {
        case 'heading': return [[item.heading]];
        case 'field': return keyDefinition(item.field.key)?.inPlace ? [unit(item.field), ...paragraphUnits(item.body)] : [];
        case 'roster': return [unit(item.group.roster), ...item.group.attendees.flatMap((attendee, i, all) => [
            // A group's label (`Council: @Carol, @Mark`, with the names of its one-line list), before its first attendee.
            ...(attendee.group && attendee.group !== all[i - 1]?.group ? [unit(attendee.group)] : []),
            ...(isSpeakerLine(attendee.written) ? [unit(attendee.written)] : [])
        ])];
        case 'agenda': return [unit(item.group.agenda), ...item.group.lines.map((line: Line) => unit(line))];
        case 'segment': return [[item.segment]];
        case 'turn': return [unit(item.turn.line), ...paragraphUnits(item.turn.paragraphs)];
        case 'outcome': return [unit(item.group.outcome), ...paragraphUnits(item.group.paragraphs)];
        case 'action': return [unit(item.action.action), ...paragraphUnits(item.action.paragraphs)];
        case 'update': return [unit(item.update.update), ...paragraphUnits(item.update.paragraphs)];
        case 'prose': return paragraphUnits(item.paragraphs);
        default: return [];
    }
}

/** The figures of a document against its email (by default, as generated, unwrapped). */
export function wordFidelity(document: Document, email = generateEmail(document, { width: Number.POSITIVE_INFINITY })): WordFidelity {
    const structure = structureOf(document);
    const wordUnits = structure.items.flatMap(item => {
        const english = meetingLanguage('meeting' in item ? item.meeting : undefined, structure).split('-')[0] === 'en';
        return itemUnits(item).map(blocks => unitWords(blocks, english));
    });
    const units = wordUnits.filter(words => words.length > 0);
    const source = units.flat();
    const target = wordsOf(email);
    // Greedy, in order: each source word at its first place after the previous match.
    let at = 0;
    let matched = 0;
    const lostAt: string[] = [];
    source.forEach((word, index) => {
        const found = target.indexOf(word, at);
        if (found < 0) {
            if (lostAt.length < 5) lostAt.push(`${source.slice(Math.max(0, index - 4), index).join(' ')} [${word}]`);
            return;
        }
        matched++;
        at = found + 1;
    });
    // Each multi-line unit within one paragraph of the email (chunks between blank lines).
    const chunks = email.split(/\n[ \t]*\n/).map(chunk => wordsOf(chunk).join(' '));
    const multiLine = structure.items.flatMap(itemUnits).filter(blocks => blocks.length > 1)
        .map(blocks => blocks.flatMap(blockWords)).filter(words => words.length > 1);
    const brokenAt = multiLine.filter(words => !chunks.some(chunk => isSubsequence(words, chunk.split(' '))))
        .map(words => words.slice(0, 8).join(' '));
    return {
        words: source.length,
        lost: source.length - matched,
        lostAt,
        added: target.length - matched,
        paragraphs: multiLine.length,
        broken: brokenAt.length,
        brokenAt: brokenAt.slice(0, 5)
    };
}

function isSubsequence(words: readonly string[], within: readonly string[]): boolean {
    let at = 0;
    for (const word of words) {
        const found = within.indexOf(word, at);
        if (found < 0) return false;
        at = found + 1;
    }
    return true;
}

/**
 * The words of header fields (`venue:`, `chair:`, a custom `Session Format:`) that the email
 * prints nowhere: the header sorts them in the vocabulary's order, so each word is looked for
 * anywhere in the email. `date:` is left out (the header writes it readably on purpose); names
 * are left out as in prose.
 */
export function headerWordsLost(document: Document, email = generateEmail(document, { width: Number.POSITIVE_INFINITY })): string[] {
    const printed = new Set(wordsOf(email));
    const lost: string[] = [];
    for (const item of structureOf(document).items) {
        if (item.kind !== 'field' && item.kind !== 'custom-field') continue;
        const field = item.field;
        if (item.kind === 'field') {
            const definition = keyDefinition(item.field.key);
            if (definition?.header === undefined || definition.id === 'date') continue;
        }
        for (const word of textWords(field.value)) if (!printed.has(word)) lost.push(word);
    }
    return lost;
}
