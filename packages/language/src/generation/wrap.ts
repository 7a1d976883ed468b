/**
 * Width and wrapping of plain text for the email format.
 *
 * Mail clients show plain text in a monospaced font, so a line's width is counted in
 * columns, not in UTF-16 units: a grapheme (a letter with its accents, an emoji with its
 * modifiers) is one column, an East Asian wide character or an emoji two. Lines break
 * only at spaces: a word — a URL above all — is never split, even when it is wider than
 * the line, so no link is broken and no surrogate pair or grapheme is cut.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Code point ranges shown two columns wide (East Asian Wide and Fullwidth). */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
    [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
    [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
    [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
    [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
    [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
    [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
    [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
    [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
    [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd]
];

function isWide(codePoint: number): boolean {
    let low = 0;
    let high = WIDE_RANGES.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const [start, end] = WIDE_RANGES[middle];
        if (codePoint < start) high = middle - 1;
        else if (codePoint > end) low = middle + 1;
        else return true;
    }
    return false;
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;
const EMOJI_PRESENTATION = /\p{Extended_Pictographic}\uFE0F|\p{Emoji_Presentation}/u;

/** The number of columns a grapheme takes in a monospaced font: 0, 1 or 2. */
export function graphemeWidth(grapheme: string): number {
    if (ZERO_WIDTH.test(grapheme)) return 0;
    if (EMOJI_PRESENTATION.test(grapheme)) return 2;
    return isWide(grapheme.codePointAt(0)!) ? 2 : 1;
}

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** The number of columns a string takes in a monospaced font. */
export function displayWidth(text: string): number {
    // Printable ASCII takes a column a character: most words are measured without segmenting
    // them into graphemes, which made the email of a large file take seconds per megabyte.
    if (PRINTABLE_ASCII.test(text)) return text.length;
    // Intl.Segmenter takes quadratic time over a long string (a word of 80,000 emoji: 10 s),
    // so a window of the text is segmented at a time, each starting at a boundary found by the
    // one before. A cluster longer than the look-ahead is cut: its tail, marks that join it,
    // is then measured alone, at the zero width such marks have.
    let width = 0;
    for (let start = 0; start < text.length;) {
        const end = start + SEGMENT_WINDOW;
        let next = start;
        for (const { segment, index } of graphemes.segment(text.slice(start, end + SEGMENT_LOOKAHEAD))) {
            if (start + index >= end && next > start) break;
            width += graphemeWidth(segment);
            next = start + index + segment.length;
        }
        start = next;
    }
    return width;
}

const SEGMENT_WINDOW = 256;
const SEGMENT_LOOKAHEAD = 64;

export interface WrapOptions {
    /** The most columns a line may take (a single wider word still gets its own line). */
    readonly width: number;
    /** Put before the first line: a bullet (`- `), a label (`1. `), a quote mark (`> `). */
    readonly firstPrefix?: string;
    /** Put before the other lines: spaces under a bullet (a hanging indent), `> ` for quotes. */
    readonly restPrefix?: string;
}

/**
 * Fills words into lines of at most `width` columns, breaking only at spaces and tabs.
 * Runs of white space become one space; a non-breaking space stays inside its word.
 */
export function wrap(text: string, options: WrapOptions): string[] {
    const firstPrefix = options.firstPrefix ?? '';
    const restPrefix = options.restPrefix ?? firstPrefix;
    const words = text.split(/[ \t\r\n]+/).filter(word => word.length > 0);
    const lines: string[] = [];
    let line = firstPrefix;
    let lineWidth = displayWidth(firstPrefix);
    let empty = true;
    for (const word of words) {
        const wordWidth = displayWidth(word);
        if (!empty && lineWidth + 1 + wordWidth > options.width) {
            lines.push(line);
            line = restPrefix;
            lineWidth = displayWidth(restPrefix);
            empty = true;
        }
        if (empty) {
            line += word;
            lineWidth += wordWidth;
            empty = false;
        } else {
            line += ' ' + word;
            lineWidth += 1 + wordWidth;
        }
    }
    lines.push(empty ? line.trimEnd() : line);
    return lines;
}
