import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

/**
 * Where each line of a document's text starts, for the positions of its diagnostics: the same
 * answers as the text document's `positionAt` and `offsetAt` (vscode-languageserver-textdocument
 * 1.0), but the line starts are found with `indexOf`, where the text document tests every
 * character of the text in a loop (docs/performance.md, "The validate phase, made cheaper").
 */
export class LineIndex {
    private constructor(readonly text: string, private readonly starts: readonly number[]) {}

    /** The index of a text document's text as it is now (an editor's document changes in place: a new text, a new index). */
    static of(textDocument: TextDocument): LineIndex {
        const text = textDocument.getText();
        let index = indexes.get(textDocument);
        if (index?.text !== text) indexes.set(textDocument, index = new LineIndex(text, lineStartsOf(text)));
        return index;
    }

    /** The index of a text no text document holds (a file a check scans before it parses it), not kept. */
    static ofText(text: string): LineIndex {
        return new LineIndex(text, lineStartsOf(text));
    }

    /** The position of an offset, as `TextDocument.positionAt` gives it (never past the end of its line). */
    positionAt(offset: number): Position {
        const starts = this.starts;
        offset = Math.max(Math.min(offset, this.text.length), 0);
        let low = 0;
        let high = starts.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (starts[middle] > offset) high = middle;
            else low = middle + 1;
        }
        const line = low - 1;
        return { line, character: this.beforeLineBreak(offset, starts[line]) - starts[line] };
    }

    /** The offset of a position, as `TextDocument.offsetAt` gives it (a character past the end of its line is at its end). */
    offsetAt(position: Position): number {
        const starts = this.starts;
        if (position.line >= starts.length) return this.text.length;
        if (position.line < 0) return 0;
        const start = starts[position.line];
        if (position.character <= 0) return start;
        const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
        return this.beforeLineBreak(Math.min(start + position.character, next), start);
    }

    /** A line's text, with its line break: `getText` of the range from its start to the next line's. */
    lineWithBreak(line: number): string {
        if (line >= this.starts.length) return '';
        return this.text.slice(this.starts[line], line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length);
    }

    private beforeLineBreak(offset: number, lineStart: number): number {
        while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
        return offset;
    }
}

const indexes = new WeakMap<TextDocument, LineIndex>();

/** The offsets where lines start: after each `\n`, `\r\n` and lone `\r`, as the text document counts lines. */
function lineStartsOf(text: string): number[] {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
        return starts;
    }
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (!isLineBreak(code)) continue;
        if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
    }
    return starts;
}

function isLineBreak(code: number): boolean {
    return code === 0x0a || code === 0x0d;
}
