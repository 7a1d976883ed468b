import type { ValidationAcceptor } from 'langium';
import type { Line } from '../generated/ast.js';
import type { Item, Meeting } from '../model/structure.js';
import { keyDefinition } from '../model/vocabulary.js';
import { IssueCodes } from './issue-codes.js';
import { firstLineRange } from './ranges.js';
import { sourceSpanOf } from '../model/text.js';

/** What the quick fixes of `header-key-in-body` need: the key as written. */
export interface HeaderKeyInBodyData {
    readonly code: typeof IssueCodes.HeaderKeyInBody;
    readonly key: string;
    /**
     * How many lines the paragraph has after its first: the quick fix moves the whole paragraph.
     * Counted from the diagnostic's line, not a line number, so that it holds when the lines above move.
     */
    readonly linesAfter: number;
}

/** A key at a line's start, as the lexer reads keys (one or two words, then a colon). */
const KEY_AT_START = /^([A-Za-z][A-Za-z&-]*(?:[ \t]+[A-Za-z&-]+)?)[ \t]*:/;
const KEY_AT = new RegExp(KEY_AT_START.source.slice(1), 'y');

/** The key that starts `text[from..end)`, if any: matched in place; on the copy only when the match runs past `end`. */
function keyAtStart(text: string, from: number, end: number): string | undefined {
    KEY_AT.lastIndex = from;
    const match = KEY_AT.exec(text);
    if (!match) return undefined;
    return from + match[0].length <= end ? match[0] : KEY_AT_START.exec(text.slice(from, end))?.[0];
}

/**
 * A paragraph of a meeting's body that starts with a header field's key (`symbol: A/C.4/64/SR.22`,
 * `Slides: …`): prose, word for word, where it is written (docs/language.md, "Where keys are
 * keys"). A hint says so — not a warning: `Recording: still missing…` is prose on purpose as
 * often as not; its quick fixes move the line to the header, if that is what the note-taker meant,
 * or escape the key to keep it prose and say so.
 */
export function headerKeyMustBeInHeader(item: Item, meeting: Meeting | undefined, accept: ValidationAcceptor): void {
    if (!meeting || (item.kind !== 'prose' && item.kind !== 'turn')) return;
    const paragraphs = item.kind === 'prose' ? item.paragraphs : item.turn.paragraphs;
    for (const paragraph of paragraphs) {
        if (paragraph.kind === 'paragraph') check(paragraph.lines[0], paragraph.lines[paragraph.lines.length - 1], accept);
    }
}

function check(line: Line, last: Line, accept: ValidationAcceptor): void {
    // An unmarked line starts with its text (a check reads where from its tokens, without making the line's tree).
    const span = line.marker === undefined ? sourceSpanOf(line.text) : undefined;
    if (!span) return;
    // Read in place, not from a copy of the line (every paragraph of a note is asked): the line
    // starts at column 0 when the character before it is a line break (`\n` or `\r`, as the
    // lexer counts lines). An escaped key (`\Slides:`) is prose on purpose: its text starts
    // after the backslash, not at column 0.
    const { source: text, offset } = span;
    if (offset > 0 && text[offset - 1] !== '\n' && text[offset - 1] !== '\r') return;
    const written = keyAtStart(text, offset, span.end);
    const definition = keyDefinition(written);
    if (!written || definition?.kind !== 'field' || definition.inPlace || definition.id === 'meeting' || definition.narration) return;
    const key = written.replace(/[ \t]*:$/, '');
    accept('hint', `'${key}:' is a header field's key, read as a key only in a meeting's header: here the line is prose, `
        + 'printed as written. Move it to the header if it is the meeting\'s, or escape the key (\\' + key + ':) to keep it prose.', {
        node: line,
        range: firstLineRange(line),
        code: IssueCodes.HeaderKeyInBody,
        data: { code: IssueCodes.HeaderKeyInBody, key, linesAfter: linesBetween(line, last) } satisfies HeaderKeyInBodyData
    });
}

/** How many lines `last` starts below `line`. */
function linesBetween(line: Line, last: Line): number {
    const first = line.$cstNode!.range.start.line;
    return (last.$cstNode?.range.start.line ?? first) - first;
}
