import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../src/util/line-index.js';

/** Texts of short lines ended by every kind of line break, a `\r\n` split or not, and none at the end. */
const texts = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\r', 'é', '😀'), { maxLength: 40 }).map(pieces => pieces.join(''));

describe('LineIndex', () => {
    test('gives the positions and offsets of the text document, past the ends of lines and of the text too', () => {
        fc.assert(fc.property(texts, text => {
            const document = TextDocument.create('file:///a.minutes', 'minutes', 1, text);
            const lines = LineIndex.of(document);
            for (let offset = -1; offset <= text.length + 1; offset++) {
                expect(lines.positionAt(offset)).toEqual(document.positionAt(offset));
            }
            for (let line = -1; line <= document.lineCount + 1; line++) {
                for (let character = -1; character <= text.length + 1; character++) {
                    expect(lines.offsetAt({ line, character })).toBe(document.offsetAt({ line, character }));
                }
                expect(lines.lineWithBreak(line < 0 ? 0 : line)).toBe(document.getText({
                    start: { line: line < 0 ? 0 : line, character: 0 }, end: { line: (line < 0 ? 0 : line) + 1, character: 0 }
                }));
            }
        }), { numRuns: 300 });
    });

    test('follows an editor document changed in place', () => {
        const document = TextDocument.create('file:///a.minutes', 'minutes', 1, 'one\ntwo\n');
        expect(LineIndex.of(document).positionAt(5)).toEqual({ line: 1, character: 1 });
        TextDocument.update(document, [{ text: 'zero\n' }], 2);
        expect(LineIndex.of(document).positionAt(5)).toEqual(document.positionAt(5));
        expect(LineIndex.of(document).lineWithBreak(0)).toBe('zero\n');
    });
});
