import { isCompositeCstNode, isLeafCstNode, type CstNode, type LeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Block, Heading } from '../generated/ast.js';
import type { Item, Meeting, Section } from '../model/structure.js';

/**
 * Where things are in the text. Every block's CST ends with the line break that ends it
 * (and the blank line after it, if any); ranges shown to the user end with the block's
 * last visible token instead.
 */

/** The last token of a node that is not a line break or a comment. */
export function lastContentLeaf(node: CstNode | undefined): LeafCstNode | undefined {
    if (!node) return undefined;
    if (isLeafCstNode(node)) return node.hidden || isLineBreakToken(node) ? undefined : node;
    if (isCompositeCstNode(node)) {
        for (let i = node.content.length - 1; i >= 0; i--) {
            const leaf = lastContentLeaf(node.content[i]);
            if (leaf) return leaf;
        }
    }
    return undefined;
}

export function isLineBreakToken(leaf: LeafCstNode): boolean {
    const name = leaf.tokenType.name;
    return name === 'NL' || name === 'BLANK';
}

/** From the start of one block to the end of the last visible token of another. */
export function rangeOfBlocks(first: Block, last: Block): Range | undefined {
    const start = first.$cstNode?.range.start;
    const end = (lastContentLeaf(last.$cstNode) ?? first.$cstNode)?.range.end;
    return start && end ? { start, end } : undefined;
}

export function rangeOfItem(item: Item): Range | undefined {
    return item.kind === 'meeting-start' ? undefined : rangeOfBlocks(item.span.first, item.span.last);
}

export function rangeOfMeeting(meeting: Meeting): Range | undefined {
    return rangeOfBlocks(meeting.firstBlock, meeting.lastBlock);
}

/** The range of a block's first line: what a symbol's name points at. */
export function firstLineRange(block: Block): Range | undefined {
    const start = block.$cstNode?.range.start;
    if (!start) return undefined;
    const end = (lastContentLeafOnLine(block.$cstNode, start.line) ?? block.$cstNode)?.range.end;
    return end ? { start, end } : undefined;
}

function lastContentLeafOnLine(node: CstNode | undefined, line: number): LeafCstNode | undefined {
    if (!node) return undefined;
    if (isLeafCstNode(node)) {
        return node.hidden || isLineBreakToken(node) || node.range.start.line !== line ? undefined : node;
    }
    if (isCompositeCstNode(node)) {
        for (let i = node.content.length - 1; i >= 0; i--) {
            const leaf = lastContentLeafOnLine(node.content[i], line);
            if (leaf) return leaf;
        }
    }
    return undefined;
}

export function containsRange(outer: Range, inner: Range): boolean {
    return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function comparePositions(a: Range['start'], b: Range['start']): number {
    return a.line - b.line || a.character - b.character;
}

/**
 * A section runs from its heading to the next heading at its level or above; a section
 * that starts inside a meeting is cut at the meeting's end, so that outlines and folds nest.
 */
export function rangeOfSection(section: Section, meeting: Meeting | undefined): Range | undefined {
    const range = rangeOfBlocks(section.heading, section.lastBlock);
    const meetingRange = meeting ? rangeOfMeeting(meeting) : undefined;
    if (range && meetingRange && comparePositions(meetingRange.end, range.end) < 0) {
        return { start: range.start, end: meetingRange.end };
    }
    return range;
}

/** The meeting each heading belongs to, from the document's items. */
export function meetingsOfHeadings(items: readonly Item[]): Map<Heading, Meeting | undefined> {
    const result = new Map<Heading, Meeting | undefined>();
    for (const item of items) {
        if (item.kind === 'heading') result.set(item.heading, item.meeting);
    }
    return result;
}
