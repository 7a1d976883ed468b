import { AstUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Text } from '../generated/ast.js';
import { LineIndex } from '../util/line-index.js';
import { sourceSpanOf } from '../model/text.js';

/** The range of document offsets `start`..`end` in the document of a node. */
export function rangeOfOffsets(node: AstNode, start: number, end: number): Range {
    const lines = LineIndex.of(AstUtils.getDocument(node).textDocument);
    return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/**
 * A text value exactly as written, with block comments blanked out (same length), and the
 * document offset it starts at: offsets into the string map straight back to the document.
 */
export function writtenValue(text: Text | undefined): { value: string; offset: number } | undefined {
    const span = sourceSpanOf(text);
    if (!span) return undefined;
    return { value: span.source.slice(span.offset, span.end).replace(/\/\*[\s\S]*?\*\//g, comment => ' '.repeat(comment.length)), offset: span.offset };
}

/** The first line of a node's range: a diagnostic on a multi-line block marks its first line only. */
export function firstLineRange(node: AstNode): Range | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = cst.text;
    const lineEnd = text.search(/[\r\n]/); // CR alone ends a line too
    const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
    return { start: cst.range.start, end: LineIndex.of(AstUtils.getDocument(node).textDocument).positionAt(cst.offset + firstLine.trimEnd().length) };
}

/**
 * Splits a comma- or semicolon-separated value into its items with their offsets in the
 * value; separators inside `@{...}` do not split.
 */
export function listItems(value: string): Array<{ text: string; start: number; end: number }> {
    const items: Array<{ text: string; start: number; end: number }> = [];
    let depth = 0;
    let itemStart = 0;
    const push = (end: number) => {
        const raw = value.slice(itemStart, end);
        const text = raw.trim();
        if (text) {
            const start = itemStart + raw.indexOf(text);
            items.push({ text, start, end: start + text.length });
        }
    };
    for (let i = 0; i < value.length; i++) {
        const c = value[i];
        if (c === '{') depth++;
        else if (c === '}') depth = Math.max(0, depth - 1);
        else if ((c === ',' || c === ';') && depth === 0) {
            push(i);
            itemStart = i + 1;
        }
    }
    push(value.length);
    return items;
}
