import { CstUtils, isLeafCstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, Range, TextEdit
} from 'vscode-languageserver';
import {
    isAgenda, isEntryField, isField, isOutcome, isParty, isRoster, isSegment, type Block, type Document, type EntryField
} from '../generated/ast.js';
import { visibleLeaves } from '../model/text.js';
import { isLineBreakToken } from './block-ranges.js';

/** What the formatter needs to know about the lines of a document, from its parse. */
export interface LineLayout {
    /** Lines that start with a key (`date:`, `attendees:`, `alias:`...), by line number. */
    readonly keys: Map<number, KeyOnLine>;
    /** Lines that hold a field of a directory entry. */
    readonly entryFields: Set<number>;
    /** Lines whose end lies inside a block comment: left exactly as they are. */
    readonly insideComments: Set<number>;
}

export interface KeyOnLine {
    /** Columns of the key token (`next  steps :`). */
    readonly start: number;
    readonly end: number;
    /** Column where the value starts, when only white space separates it from the key. */
    readonly valueStart?: number;
}

/**
 * Formats layout only, never words: removes trailing white space, writes keys as
 * `key: value`, indents directory entry fields by two spaces, keeps at most one blank line
 * between blocks and ends the file with one line break. Text inside prose lines is never
 * touched, lines are never reordered or joined, and a second run changes nothing.
 */
export class MinutesFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return formattingEdits(document.textDocument.getText(), layoutOf(document as LangiumDocument<Document>));
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const { start, end } = params.range;
        return this.formatDocument(document, params)
            .filter(edit => edit.range.start.line >= start.line
                // A line is removed up to the start of the next one.
                && (edit.range.end.line <= end.line || (edit.range.end.line === end.line + 1 && edit.range.end.character === 0)));
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}

/** Reads the layout of a parsed document: where keys, entry fields and comments are. */
export function layoutOf(document: LangiumDocument<Document>): LineLayout {
    const keys = new Map<number, KeyOnLine>();
    const entryFields = new Set<number>();
    const insideComments = new Set<number>();
    const addKey = (block: Block | EntryField) => {
        const leaves = visibleLeaves(block.$cstNode).filter(leaf => !isLineBreakToken(leaf));
        const key = leaves[0];
        if (!key) return;
        const line = key.range.start.line;
        const value = leaves[1] && leaves[1].range.start.line === line ? leaves[1] : undefined;
        const onlySpaceBetween = value && /^[ \t]*$/.test(document.textDocument.getText().slice(key.end, value.offset));
        keys.set(line, {
            start: key.range.start.character,
            end: key.range.end.character,
            valueStart: onlySpaceBetween ? value.range.start.character : undefined
        });
    };
    for (const block of document.parseResult.value.blocks) {
        if (isField(block) || isRoster(block) || isAgenda(block) || isSegment(block) || isOutcome(block)) {
            addKey(block);
        } else if (isParty(block)) {
            for (const field of block.fields) {
                addKey(field);
                const first = field.$cstNode?.range.start.line;
                if (first !== undefined && isEntryField(field)) entryFields.add(first);
            }
        }
    }
    const root = document.parseResult.value.$cstNode;
    if (root) {
        for (const node of CstUtils.streamCst(root)) {
            if (isLeafCstNode(node) && node.hidden && node.tokenType.name === 'ML_COMMENT') {
                markLinesInsideComment(node, insideComments, document.textDocument.lineCount);
            }
        }
    }
    return { keys, entryFields, insideComments };
}

function markLinesInsideComment(comment: LeafCstNode, lines: Set<number>, lineCount: number): void {
    // Every line but the last ends inside the comment. A comment never closed runs to the
    // end of the text, its last line included: all of it is left exactly as it is.
    const closed = comment.text.length >= 4 && comment.text.endsWith('*/');
    const end = closed ? comment.range.end.line : lineCount;
    for (let line = comment.range.start.line; line < end; line++) lines.add(line);
}

/** The edits that format a text, given its layout. Pure: the same input gives the same edits. */
export function formattingEdits(text: string, layout: LineLayout): TextEdit[] {
    const lines = text.split(/\r\n|\r|\n/);
    /** The line break that ends each line. */
    const breaks = text.match(/\r\n|\r|\n/g) ?? [];
    const eol = /\r\n/.test(text) ? '\r\n' : '\n';
    const formatted = lines.map((line, index) => formatLine(line, index, layout));
    const isBlank = (index: number) => formatted[index] === '' && !layout.insideComments.has(index);
    const edits: TextEdit[] = [];
    const replace = (range: Range, newText: string) => edits.push({ range, newText });
    const lastLine = lines.length - 1;

    const firstContent = formatted.findIndex((_, index) => !isBlank(index));
    if (firstContent < 0) {
        // Nothing but blank lines: an empty document.
        if (text.length > 0) replace({ start: { line: 0, character: 0 }, end: { line: lastLine, character: lines[lastLine].length } }, '');
        return edits;
    }
    let lastContent = lastLine;
    while (isBlank(lastContent)) lastContent--;

    if (firstContent > 0) {
        replace({ start: { line: 0, character: 0 }, end: { line: firstContent, character: 0 } }, '');
    }
    for (let index = firstContent; index <= lastContent; index++) {
        if (isBlank(index) && index > firstContent && isBlank(index - 1)) {
            // The second and later blank lines of a run go, in one edit.
            let end = index;
            while (end <= lastContent && isBlank(end)) end++;
            replace({ start: { line: index, character: 0 }, end: { line: end, character: 0 } }, '');
            index = end - 1;
            continue;
        }
        // (Not when the last line is inside a comment never closed: that would add to the comment.)
        const endsFile = index === lastLine && !layout.insideComments.has(index);
        const newText = formatted[index] + (endsFile ? eol : '');
        if (newText === '' && lines[index] !== '' && breaks[index - 1] === '\r' && breaks[index] === '\n') {
            // Emptied, a line of blanks between a lone CR and an LF would join them into one
            // CRLF, and the blank line (a paragraph's end) would be gone: the CR becomes a break of the file's kind.
            replace({ start: { line: index - 1, character: lines[index - 1].length }, end: { line: index, character: lines[index].length } }, eol);
        } else if (newText !== lines[index]) {
            replace({ start: { line: index, character: 0 }, end: { line: index, character: lines[index].length } }, newText);
        }
    }
    if (lastContent < lastLine) {
        // Exactly one line break after the last line with content.
        const endOfText = { line: lastLine, character: lines[lastLine].length };
        if (lastContent + 1 < lastLine || lines[lastLine] !== '') {
            replace({ start: { line: lastContent + 1, character: 0 }, end: endOfText }, '');
        }
    }
    return edits;
}

function formatLine(line: string, index: number, layout: LineLayout): string {
    if (layout.insideComments.has(index)) return line;
    let result = line;
    const key = layout.keys.get(index);
    if (key) {
        const written = line.slice(key.start, key.end).replace(/[ \t]+:$/, ':').replace(/[ \t]+/g, ' ');
        const rest = key.valueStart !== undefined ? ` ${line.slice(key.valueStart)}` : line.slice(key.end);
        result = line.slice(0, key.start) + written + rest;
    }
    if (layout.entryFields.has(index)) {
        result = `  ${result.replace(/^[ \t]+/, '')}`;
    }
    return withoutTrailingBlanks(result);
}

/**
 * A line without the spaces and tabs that end it. (Not `replace(/[ \t]+$/, '')`: the regex
 * tries every run of blanks, so a line indented by thousands of spaces took quadratic time.)
 */
function withoutTrailingBlanks(line: string): string {
    let end = line.length;
    while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
    return line.slice(0, end);
}
