import { BULLET_CHARACTERS, isAsciiPunctuation, isRefNameStart, isWordChar } from '../parser/characters.js';
import { urlEndAt } from '../parser/minutes-lexer.js';

/**
 * Writing transcript text so that Minutes reads it back as the same prose, word for word.
 *
 * The lexer (parser/minutes-lexer.ts) gives syntax to a few characters: at the start of a
 * line `# `, `- `, `1. `, `> `, `@name`, `key:`, `//`; anywhere `@name` and `/*`. A
 * backslash escapes them (`\#`, `\@`; at a line start before any character), and a
 * backslash before punctuation is itself escaped (`\\`). These functions add exactly the
 * escapes the lexer needs: they follow its rules for references and URLs (a URL is copied
 * as it is, since the lexer reads it whole). The import tests check the round trip.
 */

/** Text that follows something on its line (a speaker's colon, a key): only inline syntax matters. */
export function inlineProse(text: string): string {
    return escapeInline(text, 0);
}

/** A line of its own, in a turn's or a field's body: line-start syntax matters too. */
export function lineProse(line: string): string {
    if (!startsLikeSyntax(line)) return escapeInline(line, 0);
    // `\` at the start of a line makes the next character, whatever it is, plain text.
    const first = String.fromCodePoint(line.codePointAt(0)!);
    return `\\${first}${escapeInline(line, first.length)}`;
}

/** A comment line's text: a comment runs to the end of its line, so only line breaks matter. */
export function commentText(text: string): string {
    return text.replace(/[\r\n]+/g, ' ');
}

const LINE_START_MARKS = new Set([...BULLET_CHARACTERS, '#', '>', '@', '/', '\\']);
const LABEL = /^(?:\d{1,4}(?:\.\d{1,4})*[.)]|\d{1,4}(?:\.\d{1,4})+|[a-z][.)]|[ivxlcdm]{1,8}[.)])(?=\s|$)/;
/** Anything shaped like a key (`date:`, `next steps:`), an entry (`person @x`) or an action (`action:`, `update #x`). */
const KEY_LIKE = /^[A-Za-z][A-Za-z&-]*(?:\s+[A-Za-z&-]+)?\s*:/;
const ENTRY_LIKE = /^[A-Za-z]+\s+@/;
const ACTION_LIKE = /^(?:action|update)(?![\p{L}\p{N}_])/iu;

/**
 * Whether a line would not read as prose if written as it is. Deliberately a little wider
 * than the lexer (any key-shaped start, not only the keys Minutes knows), so that a key
 * added to the language later cannot turn imported text into syntax.
 */
function startsLikeSyntax(line: string): boolean {
    const first = line[0];
    if (first === undefined) return false;
    if (LINE_START_MARKS.has(first)) return true;
    if (urlEndAt(line, 0) > 0) return false;
    return LABEL.test(line) || KEY_LIKE.test(line) || ENTRY_LIKE.test(line) || ACTION_LIKE.test(line);
}

/** Escapes `text` from `from` on (what precedes is written already, and counts as context). */
function escapeInline(text: string, from: number): string {
    let out = '';
    let i = from;
    while (i < text.length) {
        const urlEnd = urlEndAt(text, i);
        if (urlEnd > i) {
            out += text.slice(i, urlEnd);
            i = urlEnd;
            continue;
        }
        const c = text[i];
        if ((c === '\\' && isAsciiPunctuation(text[i + 1])) || (c === '/' && text[i + 1] === '*') || (c === '@' && startsReference(text, i))) {
            out += '\\';
        }
        out += c;
        i++;
    }
    return out;
}

/** The lexer's rule (isRefStart): `@{` always, `@name` unless the `@` is inside a word. */
function startsReference(text: string, at: number): boolean {
    if (text[at + 1] === '{') return true;
    if (!isRefNameStart(text.codePointAt(at + 1))) return false;
    return at === 0 || !isWordChar(previousCodePoint(text, at));
}

function previousCodePoint(text: string, at: number): number | undefined {
    const code = text.charCodeAt(at - 1);
    if (code >= 0xdc00 && code <= 0xdfff && at >= 2) return text.codePointAt(at - 2);
    return code;
}
