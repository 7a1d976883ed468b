import type { PartyName } from './naming.js';

// Rich text: text as the outputs read it, its mentions already named as the attribution
// says and its links already checked; and the few operations the render model and the
// writers share on it.

export type Span =
    | { readonly kind: 'text'; readonly text: string }
    | { readonly kind: 'mention'; readonly text: string; readonly party: PartyName; readonly anchor?: string }
    | { readonly kind: 'link'; readonly text: string; readonly url: string };

export type MentionSpan = Extract<Span, { kind: 'mention' }>;

/** Text as it reads, with its mentions and links. */
export type RichText = readonly Span[];

/** The plain reading of rich text. */
export function plain(text: RichText): string {
    return text.map(span => span.text).join('');
}

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

/** Joins lines of one paragraph with single spaces. */
export function joinLines(lines: RichText[]): RichText {
    const parts: RichText[] = [];
    for (const line of lines.map(trimRich)) {
        if (line.length === 0) continue;
        if (parts.length > 0) parts.push([textSpan(' ')]);
        parts.push(line);
    }
    return concat(...parts);
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
