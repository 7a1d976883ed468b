import { isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import { isMention, isLink, type Mention, type Party, type Text } from '../generated/ast.js';
import { lazyTextSpan, lazyTextTokens } from '../parser/lazy-cst.js';
import { shortName } from './directory.js';

/** One piece of inline text, as generators and the text-content function see it. */
export type Inline =
    | { kind: 'text'; text: string }
    | { kind: 'mention'; text: string; written: string; party?: Party; mention: Mention }
    | { kind: 'link'; text: string; url: string };

/**
 * Whether a character is what `trim` removes (white space and line terminators, none beyond
 * the Basic Multilingual Plane): for rules that read a node's text in place instead of copying it.
 */
export function isTrimmedSpace(c: string): boolean {
    return TRIMMED_SPACE.test(c);
}

const TRIMMED_SPACE = /\s/;

/**
 * The visible tokens of a CST node, in order (comments and white space excluded). Walked with
 * plain loops rather than `CstUtils.streamCst`, whose iterator state and closures per node made
 * this a tenth of a check's validation (docs/performance.md): the same leaves, in the same order.
 */
export function visibleLeaves(node: CstNode | undefined): LeafCstNode[] {
    const leaves: LeafCstNode[] = [];
    if (node) addVisibleLeaves(node, leaves);
    return leaves;
}

function addVisibleLeaves(node: CstNode, leaves: LeafCstNode[]): void {
    if (isCompositeCstNode(node)) {
        const content = node.content;
        for (let i = 0; i < content.length; i++) addVisibleLeaves(content[i], leaves);
    } else if (isLeafCstNode(node) && !node.hidden) {
        leaves.push(node);
    }
}

/** What the readers of a Text read of one of its visible tokens: a leaf of its tree, or in a check, of its token table. */
export interface TextToken {
    readonly offset: number;
    readonly end: number;
    readonly text: string;
    /** The Text, or the Mention or Link the token is. */
    readonly astNode: AstNode;
}

/**
 * The visible tokens of a Text node, in order (the first `limit` of them, or more). A check's
 * are read from its token table (parser/lazy-cst.ts), without making the block's tree: nearly
 * every Text of a check is read so, and the trees made for it were a third of what a check
 * allocated (docs/performance.md).
 */
export function textTokens(text: Text | undefined, limit = Infinity): readonly TextToken[] {
    return textReading(text, limit).tokens;
}

/** A Text node's visible tokens (see `textTokens`) and the text of its document, found once. */
export function textReading(text: Text | undefined, limit = Infinity): { tokens: readonly TextToken[]; source: string } {
    if (!text) return { tokens: [], source: '' };
    const lazy = lazyTextTokens(text, limit);
    if (lazy) return lazy;
    const cst = text.$cstNode;
    return { tokens: visibleLeaves(cst), source: cst?.root.fullText ?? '' };
}

/** Where a Text node starts and ends, and the document's text it is in (undefined: no text). */
export function sourceSpanOf(text: Text | undefined): { offset: number; end: number; source: string } | undefined {
    if (!text) return undefined;
    const lazy = lazyTextSpan(text);
    if (lazy) return lazy;
    const cst = text.$cstNode;
    return cst && { offset: cst.offset, end: cst.end, source: cst.root.fullText };
}

/**
 * Whether white space reads between a token that ended at `previousEnd` and `token`: only
 * hidden text lies between them, and an escaping backslash alone (`a\*b`) joins them.
 */
function separated(previousEnd: number, token: TextToken, source: string): boolean {
    if (previousEnd < 0 || token.offset <= previousEnd) return false;
    return !(token.offset === previousEnd + 1 && source[previousEnd] === '\\');
}

/** The name written in a reference, without `@` and braces: `@{Marilyn Cade}` → `Marilyn Cade`. */
export function writtenName(refText: string): string {
    let name = refText.startsWith('@') ? refText.slice(1) : refText;
    if (name.startsWith('{')) name = name.slice(1, name.endsWith('}') ? -1 : undefined);
    return name.trim();
}

/**
 * How a mention reads: as written, except that a bare handle (`@mcade`) reads as the
 * short name of whom it names (`Marilyn Cade`). Handles are for typing, not for reading.
 * A name in braces (`@{CCNSO}`) always reads as written, even when it equals a handle.
 */
export function mentionText(written: string, party: Party | undefined, braced = false): string {
    if (party && !braced && written.toLowerCase() === party.name.toLowerCase()) {
        return shortName(party);
    }
    return written;
}

/**
 * Splits a Text node into inline pieces; white space between tokens becomes one space.
 * With `from`, only the text from that document offset on (used for an action's text
 * after its header).
 */
export function inlinesOf(text: Text | undefined, from = -1): Inline[] {
    if (!text) return [];
    const { tokens, source } = textReading(text);
    const result: Inline[] = [];
    let previousEnd = -1;
    let pending = '';
    const flush = () => {
        if (pending) result.push({ kind: 'text', text: pending });
        pending = '';
    };
    for (const leaf of tokens) {
        if (leaf.end <= from) continue;
        const gap = separated(previousEnd, leaf, source) ? ' ' : '';
        previousEnd = leaf.end;
        const owner = leaf.astNode;
        if (leaf.offset < from) {
            pending += leaf.text.slice(from - leaf.offset).trimStart();
            continue;
        }
        if (isMention(owner)) {
            pending += gap;
            flush();
            const written = writtenName(leaf.text);
            const party = owner.party.ref;
            result.push({ kind: 'mention', text: mentionText(written, party, leaf.text.startsWith('@{')), written, party, mention: owner });
        } else if (isLink(owner)) {
            pending += gap;
            flush();
            result.push({ kind: 'link', text: owner.url, url: owner.url });
        } else {
            pending += gap + leaf.text;
        }
    }
    flush();
    return result;
}

/** The plain reading of a Text node. */
export function plainText(text: Text | undefined): string {
    return inlinesOf(text).map(piece => piece.text).join('');
}

/**
 * The text exactly as written, references included with their written names. It never
 * resolves a reference, so it is safe while the index is being built.
 */
export function writtenText(text: Text | undefined): string {
    const { tokens, source } = textReading(text);
    let result = '';
    let previousEnd = -1;
    for (const leaf of tokens) {
        if (separated(previousEnd, leaf, source)) result += ' ';
        previousEnd = leaf.end;
        result += isMention(leaf.astNode) ? writtenName(leaf.text) : leaf.text;
    }
    return result;
}

/** Every mention in a Text node, in order. */
export function mentionsOf(text: Text | undefined): Mention[] {
    return text?.mentions ?? [];
}

/** A word with its first letter in capitals: `attendees` → `Attendees`. */
export function capitalised(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}
