/**
 * Width and wrapping of plain text for the email format.
 *
 * Mail clients show plain text in a monospaced font, so a line's width is counted in
 * columns, not in UTF-16 units: a grapheme (a letter with its accents, an emoji with its
 * modifiers) is one column, an East Asian wide character or an emoji two (the East Asian
 * Width of Unicode, from `get-east-asian-width`).
 *
 * Lines break at spaces, and inside a word where the Unicode line breaking rules (UAX #14,
 * from `linebreak`) allow a break next to a wide character: Chinese and Japanese, written
 * without spaces, wrap between characters, but never before `。` or after `「`. Other
 * opportunities inside a word (after a hyphen or a slash) are not taken: a reader of plain
 * text could not tell such a line end from a space, and a URL is never split at all. A run
 * that cannot be broken stays whole even when it is wider than the line, so no link is
 * broken and no surrogate pair or grapheme is cut.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { LineBreaker } from 'linebreak';
import { urlEndAt } from '../parser/minutes-lexer.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;
const EMOJI_PRESENTATION = /\p{Extended_Pictographic}\uFE0F|\p{Emoji_Presentation}/u;

/** The number of columns a grapheme takes in a monospaced font: 0, 1 or 2. */
export function graphemeWidth(grapheme: string): number {
    if (ZERO_WIDTH.test(grapheme)) return 0;
    if (EMOJI_PRESENTATION.test(grapheme)) return 2;
    return eastAsianWidth(grapheme.codePointAt(0)!);
}

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

const SEGMENT_WINDOW = 256;
const SEGMENT_LOOKAHEAD = 64;

/**
 * Calls `visit` with each grapheme of `text` and its offset. Intl.Segmenter takes quadratic
 * time over a long string (a word of 80,000 emoji: 10 s), so a window of the text is
 * segmented at a time, each starting at a boundary found by the one before. A cluster
 * longer than the look-ahead is cut: its tail, marks that join it, is then visited alone,
 * at the zero width such marks have.
 */
function forEachGrapheme(text: string, visit: (grapheme: string, offset: number) => void): void {
    for (let start = 0; start < text.length;) {
        const end = start + SEGMENT_WINDOW;
        let next = start;
        for (const { segment, index } of graphemes.segment(text.slice(start, end + SEGMENT_LOOKAHEAD))) {
            if (start + index >= end && next > start) break;
            visit(segment, start + index);
            next = start + index + segment.length;
        }
        start = next;
    }
}

/** The number of columns a string takes in a monospaced font. */
export function displayWidth(text: string): number {
    // Printable ASCII takes a column a character: most words are measured without segmenting
    // them into graphemes, which made the email of a large file take seconds per megabyte.
    if (PRINTABLE_ASCII.test(text)) return text.length;
    let width = 0;
    forEachGrapheme(text, grapheme => {
        width += graphemeWidth(grapheme);
    });
    return width;
}

export interface WrapOptions {
    /** The most columns a line may take (a single wider unbreakable run still gets its own line). */
    readonly width: number;
    /** Put before the first line: a bullet (`- `), a label (`1. `), a quote mark (`> `). */
    readonly firstPrefix?: string;
    /** Put before the other lines: spaces under a bullet (a hanging indent), `> ` for quotes. */
    readonly restPrefix?: string;
}

/** A run of a word that a line may start with: `joined` when it continues the word before it. */
interface Piece {
    readonly text: string;
    readonly width: number;
    readonly joined: boolean;
}

const WHITE_SPACE = /[ \t\r\n]+/;
const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Fills words into lines of at most `width` columns, breaking at spaces and tabs, and
 * inside words between wide characters where UAX #14 allows (see the top of this file).
 * Runs of white space become one space; a non-breaking space stays inside its word.
 */
export function wrap(text: string, options: WrapOptions): string[] {
    const firstPrefix = options.firstPrefix ?? '';
    const restPrefix = options.restPrefix ?? firstPrefix;
    const lines: string[] = [];
    let line = firstPrefix;
    let lineWidth = displayWidth(firstPrefix);
    let empty = true;
    const pieces: Piece[] = [];
    for (const word of text.split(WHITE_SPACE)) {
        if (word.length === 0) continue;
        pieces.length = 0;
        piecesOf(word, pieces);
        for (const piece of pieces) {
            const gap = empty || piece.joined ? '' : ' ';
            if (!empty && lineWidth + gap.length + piece.width > options.width) {
                lines.push(line);
                line = restPrefix;
                lineWidth = displayWidth(restPrefix);
                empty = true;
            }
            const separator = empty ? '' : gap;
            line += separator + piece.text;
            lineWidth += separator.length + piece.width;
            empty = false;
        }
    }
    lines.push(empty ? line.trimEnd() : line);
    return lines;
}

/** Adds the pieces of `word` (no white space in it) that a line may start with. */
function piecesOf(word: string, into: Piece[]): void {
    // Printable ASCII has no wide character, so nothing inside it is a break that is taken.
    if (PRINTABLE_ASCII.test(word)) {
        into.push({ text: word, width: word.length, joined: false });
        return;
    }
    const breaks = breaksInside(word);
    let next = 0;
    let pieceStart = 0;
    let width = 0;
    let previousWidth = 0;
    let previous = '';
    forEachGrapheme(word, (grapheme, offset) => {
        const graphemeColumns = graphemeWidth(grapheme);
        if (offset > 0) {
            while (next < breaks.length && breaks[next] < offset) next++;
            const wideSide = previousWidth === 2 || graphemeColumns === 2 || previous === ZERO_WIDTH_SPACE;
            if (breaks[next] === offset && wideSide) {
                into.push({ text: word.slice(pieceStart, offset), width, joined: pieceStart > 0 });
                pieceStart = offset;
                width = 0;
            }
        }
        width += graphemeColumns;
        previousWidth = graphemeColumns;
        previous = grapheme;
    });
    into.push({ text: word.slice(pieceStart), width, joined: pieceStart > 0 });
}

/** The UAX #14 break opportunities strictly inside `word`, in order, none inside a URL. */
function breaksInside(word: string): number[] {
    const urls: Array<readonly [number, number]> = [];
    for (let at = 0; at < word.length;) {
        const end = urlEndAt(word, at);
        if (end > at) {
            urls.push([at, end]);
            at = end;
        } else {
            at++;
        }
    }
    const breaks: number[] = [];
    const breaker = new LineBreaker(word);
    let url = 0;
    for (let found = breaker.nextBreak(); found && found.position < word.length; found = breaker.nextBreak()) {
        const position = found.position;
        while (url < urls.length && urls[url][1] <= position) url++;
        const insideUrl = url < urls.length && urls[url][0] < position;
        if (position > 0 && !insideUrl) breaks.push(position);
    }
    return breaks;
}
