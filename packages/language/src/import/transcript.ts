/**
 * A transcript as the format readers (captions, WebVTT, chat) see it, before any name is
 * matched: who spoke (the label as written), when, and what they said, line by line.
 * Readers only split and classify; every word of the source ends up in a title, a
 * disclaimer, a prologue paragraph, a turn or a note.
 */

import { TRANSCRIPT_FORMATS, type TranscriptFormat } from '../options.js';

export { TRANSCRIPT_FORMATS, type TranscriptFormat };

/** A paragraph: its lines, each non-empty and trimmed. */
export type TextParagraph = string[];

export interface TranscriptTurn {
    /** The speaker's label as written (`MARCUS KUMER`, `Marcus Kummer`); undefined for an unidentified speaker (a bare `>>`). */
    readonly label?: string;
    /** When the turn starts, as the qualifier writes it: `00:01:23`, `10:02`. */
    readonly time?: string;
    /** The date of a chat message, as written (`2024-01-05`), when the log dates its messages. */
    readonly date?: string;
    readonly paragraphs: TextParagraph[];
    /** Source comments that came before the turn (WebVTT NOTE blocks), one line each. */
    readonly notes: string[];
}

export interface Transcript {
    readonly format: TranscriptFormat;
    /** The title line at the top of the source, if there is one. */
    readonly title?: string;
    /** The paragraphs between the title and the first turn of a captioning transcript. */
    readonly disclaimer: TextParagraph[];
    /** Text before the first turn that is not a disclaimer (or all text, when there are no turns). */
    readonly prologue: TextParagraph[];
    readonly turns: TranscriptTurn[];
    /** Source comments after the last turn. */
    readonly trailingNotes: string[];
}

/** Lines of a text, whatever its line breaks; a leading byte-order mark is not text. */
export function linesOf(text: string): string[] {
    return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Groups lines into paragraphs at blank lines; lines are trimmed, blank ones dropped. */
export function paragraphsOf(lines: readonly string[]): TextParagraph[] {
    const paragraphs: TextParagraph[] = [];
    let current: TextParagraph | undefined;
    for (const line of lines) {
        const trimmed = line.trim();
        if (!trimmed) {
            current = undefined;
            continue;
        }
        if (!current) paragraphs.push(current = []);
        current.push(trimmed);
    }
    return paragraphs;
}

/** A mutable turn while a reader builds it. */
export interface TurnBuilder {
    label?: string;
    time?: string;
    date?: string;
    lines: string[];
    notes: string[];
}

function finishTurn(builder: TurnBuilder): TranscriptTurn {
    return { label: builder.label, time: builder.time, date: builder.date, paragraphs: paragraphsOf(builder.lines), notes: builder.notes };
}

/**
 * Groups lines into turns: `startOf` says whether a line starts a turn (and returns it); any
 * other line continues the turn above, or, before the first turn, is text before the turns.
 * The line-based readers (captions, chat, `Name: text`) share it.
 */
export function groupTurns<T>(items: Iterable<T>, startOf: (item: T) => TurnBuilder | undefined, lineOf: (item: T) => string): { before: string[]; turns: TranscriptTurn[] } {
    const before: string[] = [];
    const turns: TranscriptTurn[] = [];
    let current: TurnBuilder | undefined;
    for (const item of items) {
        const started = startOf(item);
        if (started) {
            if (current) turns.push(finishTurn(current));
            current = started;
        } else if (current) {
            current.lines.push(lineOf(item));
        } else {
            before.push(lineOf(item));
        }
    }
    if (current) turns.push(finishTurn(current));
    return { before, turns };
}

/**
 * Splits the text before the first turn into a title and the rest: a first paragraph of one
 * short line of two words or more is a title (`IGF 2018 - Day 1 - Salle X - WS224 …`). A
 * single word (`W3C`, `Menu`) is a page header, and a placeholder in brackets
 * (`(MEETING TITLE)`) no title: they stay prose, and the title comes from elsewhere.
 */
export function splitTitle(paragraphs: TextParagraph[]): { title?: string; rest: TextParagraph[] } {
    const first = paragraphs[0];
    if (first && first.length === 1 && isTitleLike(first[0])) {
        return { title: first[0], rest: paragraphs.slice(1) };
    }
    return { rest: paragraphs };
}

function isTitleLike(line: string): boolean {
    const words = line.split(/\s+/).filter(word => /[\p{L}\p{N}]/u.test(word));
    return line.length <= MAX_TITLE_LENGTH && words.length >= 2 && !/^[([].*[)\]]$/.test(line);
}

const MAX_TITLE_LENGTH = 200;

/** `75.5` seconds → `00:01:15`: cue times as turn times, to the second. */
export function clockOfSeconds(seconds: number): string {
    const whole = Math.max(0, Math.floor(seconds));
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}
