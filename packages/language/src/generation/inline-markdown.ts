import { concat, textSpan, type RichText, type Span, type StyledSpan } from './rich-text.js';

// Markdown's inline syntax, as most minutes written on GitHub or in a wiki contain it:
// `[text](url)`, `<url>`, `` `code` ``, `*emphasis*`, `**strong**`. The lexer has already
// made every URL a link span and every mention a mention span; this reads the marks around
// them. What does not pair up stays text as written: nothing is dropped but the marks of a
// construct that is complete. Linear in the length of the text.

/** `[label](` at the end of a text span, before a link span and a `)`; `![alt](` is an image, which stays text. */
const LINK_LABEL = /(?<!!)\[([^[\]]*)\]\($/;

/**
 * Rich text with its Markdown read: `[text](url)` and `<url>` become link spans, code spans
 * and emphasis become styled spans (whose `text` is the reading, without the marks).
 */
export function readInlineMarkdown(text: RichText): RichText {
    if (!text.some(span => span.kind === 'text' && /[[<`*]/.test(span.text))) return text;
    return emphasis(codeSpans(links(text)));
}

function links(text: RichText): RichText {
    const spans = [...text];
    const result: Span[] = [];
    for (let i = 0; i < spans.length; i++) {
        const before = spans[i];
        const link = spans[i + 1];
        const after = spans[i + 2];
        if (before.kind === 'text' && link?.kind === 'link' && link.text === link.url && after?.kind === 'text') {
            const label = LINK_LABEL.exec(before.text);
            const markdown = label && label[1].trim() && after.text.startsWith(')');
            const angle = before.text.endsWith('<') && after.text.startsWith('>');
            if (markdown || angle) {
                const start = markdown ? label.index : before.text.length - 1;
                result.push(textSpan(before.text.slice(0, start)), markdown ? { kind: 'link', text: label[1], url: link.url } : { ...link, angle: true });
                // What follows the `)` or `>` may open the next link: it is looked at again.
                spans[i + 2] = textSpan(after.text.slice(1));
                i += 1;
                continue;
            }
        }
        result.push(before);
    }
    return concat(result);
}

/**
 * `` `code` ``, closed by the next run of as many backticks, inside one text span. Runs are
 * listed once and each length keeps a cursor that only moves forward: linear in the text.
 */
function codeSpans(text: RichText): RichText {
    const result: Span[] = [];
    for (const span of text) {
        if (span.kind !== 'text' || !span.text.includes('`')) {
            result.push(span);
            continue;
        }
        const written = span.text;
        const runs = [...written.matchAll(/`+/g)].map(match => ({ start: match.index, length: match[0].length }));
        const byLength = new Map<number, number[]>();
        runs.forEach((run, index) => {
            const same = byLength.get(run.length);
            if (same) same.push(index);
            else byLength.set(run.length, [index]);
        });
        const cursors = new Map<number, number>();
        let plainFrom = 0;
        for (let index = 0; index < runs.length; index++) {
            const open = runs[index];
            const same = byLength.get(open.length)!;
            let cursor = cursors.get(open.length) ?? 0;
            while (cursor < same.length && same[cursor] <= index) cursor++;
            cursors.set(open.length, cursor);
            if (cursor >= same.length) continue;
            const closeIndex = same[cursor];
            const close = runs[closeIndex];
            const mark = '`'.repeat(open.length);
            result.push(textSpan(written.slice(plainFrom, open.start)), styled('code', [textSpan(written.slice(open.start + open.length, close.start))], mark));
            plainFrom = close.start + close.length;
            index = closeIndex;
        }
        result.push(textSpan(written.slice(plainFrom)));
    }
    return concat(result);
}

function styled(style: StyledSpan['style'], children: RichText, mark: string): StyledSpan {
    return { kind: 'styled', style, mark, children, text: children.map(child => child.text).join('') };
}

/** How many emphasis marks may be open at once: nesting is bounded, so is the recursion that builds it. */
const MAX_OPEN = 8;

/** A piece of text between delimiters, a delimiter run, or a span that is not text. */
type Atom = { kind: 'span'; span: Span } | { kind: 'delimiter'; mark: '*' | '**'; canOpen: boolean; canClose: boolean };

/** `*emphasis*` and `**strong**`: a `*` run opens before a non-space and not after a letter; it closes after a non-space and not before one. */
function emphasis(text: RichText): RichText {
    if (!text.some(span => span.kind === 'text' && span.text.includes('*'))) return text;
    const atoms: Atom[] = [];
    const charBefore = (index: number) => {
        const span = text[index - 1];
        return span === undefined ? ' ' : span.kind === 'text' ? span.text.at(-1) ?? ' ' : 'a';
    };
    const charAfter = (index: number) => {
        const span = text[index + 1];
        return span === undefined ? ' ' : span.kind === 'text' ? span.text[0] ?? ' ' : 'a';
    };
    text.forEach((span, index) => {
        if (span.kind !== 'text') {
            atoms.push({ kind: 'span', span });
            return;
        }
        const pattern = /\*+/g;
        let from = 0;
        for (let match = pattern.exec(span.text); match; match = pattern.exec(span.text)) {
            const before = match.index > 0 ? span.text[match.index - 1] : charBefore(index);
            const end = match.index + match[0].length;
            const after = end < span.text.length ? span.text[end] : charAfter(index);
            if (match[0].length > 2) continue;
            if (match.index > from) atoms.push({ kind: 'span', span: textSpan(span.text.slice(from, match.index)) });
            atoms.push({
                kind: 'delimiter', mark: match[0] as '*' | '**',
                canOpen: !/\s/.test(after) && !/[\p{L}\p{N}]/u.test(before),
                canClose: !/\s/.test(before) && !/[\p{L}\p{N}]/u.test(after)
            });
            from = end;
        }
        if (from < span.text.length) atoms.push({ kind: 'span', span: textSpan(span.text.slice(from)) });
    });
    return build(atoms);
}

/**
 * Pairs delimiters (each closer with the nearest open one of the same mark) and builds the
 * spans. A pair that crosses another (`**a *b** c*`) is read only where it nests: the inner
 * one stays text.
 */
function build(atoms: Atom[]): RichText {
    const open: Record<'*' | '**', number[]> = { '*': [], '**': [] };
    const pairs = new Map<number, number>();
    atoms.forEach((atom, index) => {
        if (atom.kind !== 'delimiter') return;
        const stack = open[atom.mark];
        if (atom.canClose && stack.length > 0) {
            pairs.set(stack.pop()!, index);
        } else if (atom.canOpen && open['*'].length + open['**'].length < MAX_OPEN) {
            stack.push(index);
        }
    });
    const spansOf = (from: number, to: number): RichText => {
        const spans: Span[] = [];
        for (let index = from; index < to; index++) {
            const atom = atoms[index];
            if (atom.kind === 'span') {
                spans.push(atom.span);
                continue;
            }
            const close = pairs.get(index);
            if (close === undefined || close >= to) {
                spans.push(textSpan(atom.mark));
                continue;
            }
            spans.push(styled(atom.mark === '**' ? 'strong' : 'emphasis', spansOf(index + 1, close), atom.mark));
            index = close;
        }
        return concat(spans);
    };
    return spansOf(0, atoms.length);
}
