import { eastAsianWidthType } from 'get-east-asian-width';
import type { PartyName } from './naming.js';

// Rich text: text as the outputs read it, its mentions already named as the attribution
// says and its links already checked; and the few operations the render model and the
// writers share on it.

export type Span =
    | { readonly kind: 'text'; readonly text: string }
    | { readonly kind: 'mention'; readonly text: string; readonly party: PartyName; readonly anchor?: string }
    /**
     * `text` is the link's label: the URL itself for a bare URL or `<url>`, the label of
     * `[label](url)`; `angle`, that it was written `<url>`.
     */
    | { readonly kind: 'link'; readonly text: string; readonly url: string; readonly angle?: true }
    | StyledSpan;

/**
 * Markdown's `` `code` ``, `*emphasis*` and `**strong**` (see inline-markdown.ts): `text` is
 * the reading without the marks, `mark` the marks as written (`**`, `` ` ``), for outputs
 * that write them back.
 */
export interface StyledSpan {
    readonly kind: 'styled';
    readonly style: 'code' | 'emphasis' | 'strong';
    readonly mark: string;
    readonly text: string;
    readonly children: RichText;
}

export type MentionSpan = Extract<Span, { kind: 'mention' }>;

/** Text as it reads, with its mentions and links. */
export type RichText = readonly Span[];

/** The plain reading of rich text. */
export function plain(text: RichText): string {
    return text.map(span => span.text).join('');
}

/**
 * Rich text as plain text for the email: what was written, with a Markdown link's URL after
 * its label (`minutes (https://…)`) and code and emphasis in their marks, as plain-text
 * mail writes them. A URL written `<url>` stands bare where a space or punctuation parts it from
 * the words around it; else in its angle brackets, as written: `<https://example.org>now` bare
 * would be read, and opened, as the address `https://example.orgnow`. A URL written without
 * them stays so, even against a word (`Seehttp://…`).
 */
export function readable(text: RichText, around: { readonly before: string; readonly after: string } = { before: '', after: '' }): string {
    const pieces = text.map(span => {
        switch (span.kind) {
            case 'link':
                return span.text === span.url ? span.url : `${span.text} (${span.url})`;
            case 'styled':
                // Inside the marks, a URL touches them: `*Agenda: <https://…>*` keeps its brackets.
                return `${span.mark}${readable(span.children, { before: span.mark, after: span.mark })}${span.mark}`;
            default:
                return span.text;
        }
    });
    return pieces.map((piece, i) => {
        const span = text[i];
        if (span.kind !== 'link' || !span.angle) return piece;
        const before = characterBefore(pieces, i) ?? around.before.slice(-1);
        const after = characterAfter(pieces, i) ?? around.after.charAt(0);
        return BEFORE_BARE_URL.test(before) && AFTER_BARE_URL.test(after) ? piece : `<${piece}>`;
    }).join('');
}

/** The last character written before piece `i`, or none among the pieces. */
function characterBefore(pieces: readonly string[], i: number): string | undefined {
    for (let k = i - 1; k >= 0; k--) if (pieces[k] !== '') return pieces[k].slice(-1);
    return undefined;
}

/** The first character written after piece `i`, or none among the pieces. */
function characterAfter(pieces: readonly string[], i: number): string | undefined {
    for (let k = i + 1; k < pieces.length; k++) if (pieces[k] !== '') return pieces[k].charAt(0);
    return undefined;
}

/** What may come just before a bare URL in plain text (or nothing): a space, or an opening mark. */
const BEFORE_BARE_URL = /^(?:|\s|[([{'"‘“«])$/u;
/** What may come just after it (or nothing): a space, or punctuation no mail reader takes into the address. */
const AFTER_BARE_URL = /^(?:|\s|[.,;:!?)\]}'"’”»])$/u;

/** Only these schemes become links; any other URL stays text. */
export function isSafeUrl(url: string): boolean {
    return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url);
}

export function textSpan(text: string): Span {
    return { kind: 'text', text };
}

/** Concatenates rich texts, merging neighbouring text spans. */
export function concat(...parts: RichText[]): RichText {
    const result: Span[] = [];
    for (const span of parts.flat()) {
        if (span.kind === 'text' && span.text === '') continue;
        const last = result[result.length - 1];
        if (span.kind === 'text' && last?.kind === 'text') result[result.length - 1] = textSpan(last.text + span.text);
        else result.push(span);
    }
    return result;
}

/**
 * Joins lines of one paragraph with single spaces; or with nothing between Chinese or
 * Japanese characters, which are written without spaces (the rule CSS applies to line
 * breaks in source text: a break between two East Asian wide characters, Hangul aside,
 * or next to a zero-width space, is removed).
 */
export function joinLines(lines: RichText[]): RichText {
    const parts: RichText[] = [];
    let previous = '';
    for (const line of lines.map(trimRich)) {
        if (line.length === 0) continue;
        const text = plain(line);
        if (parts.length > 0 && !joinsWithoutSpace(previous, text)) parts.push([textSpan(' ')]);
        parts.push(line);
        previous = text;
    }
    return concat(...parts);
}

const WIDE_TYPES = new Set(['wide', 'fullwidth', 'halfwidth']);
const HANGUL = /\p{Script=Hangul}/u;

function joinsWithoutSpace(before: string, after: string): boolean {
    const last = String.fromCodePoint(before.codePointAt(before.length - 1 - (/[\uDC00-\uDFFF]$/.test(before) ? 1 : 0)) ?? 32);
    const first = String.fromCodePoint(after.codePointAt(0) ?? 32);
    if (last === '\u200B' || first === '\u200B') return true;
    const wide = (character: string) => WIDE_TYPES.has(eastAsianWidthType(character.codePointAt(0)!)) && !HANGUL.test(character);
    return wide(last) && wide(first);
}

export function trimRich(text: RichText): RichText {
    const spans = [...text];
    if (spans[0]?.kind === 'text') spans[0] = textSpan(spans[0].text.trimStart());
    const last = spans.length - 1;
    if (spans[last]?.kind === 'text') spans[last] = textSpan(spans[last].text.trimEnd());
    return spans.filter(span => span.kind !== 'text' || span.text !== '');
}

/** Removes a leading pattern from the first text span. */
export function dropLeading(text: RichText, pattern: RegExp): RichText {
    if (text[0]?.kind !== 'text') return text;
    return trimRich([textSpan(text[0].text.replace(pattern, '')), ...text.slice(1)]);
}

/**
 * A key's label and the text written after the key, read as one line: `next steps: we meet
 * in May` reads `Next steps: we meet in May`. The text alone when it already starts with
 * the label's words (`conclusions: Conclusions of the session`) or with a label of its own
 * (`decision: Consensus: …`, `decision: RESOLVED: …`), so that no label is doubled. Empty
 * when nothing follows the key: the writers then show the label alone.
 */
export function labelled(label: string, text: RichText, separator = ': '): RichText {
    const written = plain(text).trimStart();
    if (written === '') return [];
    if (startsWithLabel(written, label)) return text;
    return concat([textSpan(`${label}${separator}`)], text);
}

/** A label of its own: up to three words and a colon at the start (`Consensus:`, `No objection:`). */
const OWN_LABEL = /^[\p{L}][\p{L}\p{N}'’&-]*(?:[ \t]+[\p{L}\p{N}'’&-]+){0,2}:(?:\s|$)/u;

function startsWithLabel(text: string, label: string): boolean {
    const start = text.slice(0, label.length);
    if (start.toLowerCase() === label.toLowerCase() && !/[\p{L}\p{N}]/u.test(text.charAt(label.length))) return true;
    return OWN_LABEL.test(text);
}
