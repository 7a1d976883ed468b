import { describe, expect, test } from 'vitest';
import { displayWidth, graphemeWidth, wrap } from '../../src/generation/wrap.js';

describe('displayWidth', () => {
    test.each([
        ['plain ASCII', 'Geneva', 6],
        ['a letter with a combining accent is one column', 'Fa\u0308ltstro\u0308m', 9],
        ['precomposed accents', 'Fältström', 9],
        ['Chinese characters are two columns each', '李娜', 4],
        ['an emoji is two columns', '🎉', 2],
        ['a family emoji joined with ZWJ is one grapheme of two columns', '👩‍👩‍👧', 2],
        ['a flag is one grapheme of two columns', '🇸🇮', 2],
        ['zero-width joiners and marks alone take no column', '\u200D', 0]
    ])('%s', (_, text, width) => {
        expect(displayWidth(text)).toBe(width);
    });

    test('a grapheme is 0, 1 or 2 columns', () => {
        expect(graphemeWidth('a')).toBe(1);
        expect(graphemeWidth('ﾃ')).toBe(1);
        expect(graphemeWidth('Ｔ')).toBe(2);
    });
});

describe('wrap', () => {
    test('fills lines up to the width, breaking at spaces', () => {
        expect(wrap('one two three four five six', { width: 10 })).toEqual(['one two', 'three four', 'five six']);
    });

    test('a word wider than the line, such as a URL, stays whole on a line of its own', () => {
        const url = 'https://example.org/a/very/long/path/that/must/not/be/broken?query=1&x=2';
        expect(wrap(`see ${url} for more`, { width: 20 })).toEqual(['see', url, 'for more']);
    });

    test('a hanging indent keeps a bullet\'s text aligned under its first word', () => {
        expect(wrap('alpha beta gamma delta epsilon', { width: 14, firstPrefix: '- ', restPrefix: '  ' }))
            .toEqual(['- alpha beta', '  gamma delta', '  epsilon']);
        expect(wrap('alpha beta gamma', { width: 12, firstPrefix: '10. ', restPrefix: '    ' }))
            .toEqual(['10. alpha', '    beta', '    gamma']);
    });

    test('counts columns, not UTF-16 units: wide characters fill a line sooner', () => {
        expect(wrap('李娜 李娜 李娜', { width: 9 })).toEqual(['李娜 李娜', '李娜']);
        expect(wrap('🎉🎉 🎉🎉 🎉🎉', { width: 9 })).toEqual(['🎉🎉 🎉🎉', '🎉🎉']);
        expect(wrap('é é é é é', { width: 5 })).toEqual(['é é é', 'é é']);
    });

    test('white space runs become one space; a no-break space stays inside its word', () => {
        expect(wrap('a  b\t\tc\n d', { width: 80 })).toEqual(['a b c d']);
        expect(wrap('GE;\u00A023/3 x', { width: 8 })).toEqual(['GE;\u00A023/3', 'x']);
    });

    test('empty text gives one empty line, without a trailing prefix space', () => {
        expect(wrap('', { width: 10, firstPrefix: '- ' })).toEqual(['-']);
    });

    test('on random text, lines keep every word in order, never exceed the width but for a single long word, and stay well-formed', () => {
        const words = ['a', 'bb', 'Fältström', '李娜', '🎉', '👩‍👩‍👧', 'https://example.org/a/b/c/d/e/f/g/h', 'cybersecuirty', 'x\u0301', 'Prijestolonasljednikovica'];
        let seed = 42;
        const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let round = 0; round < 300; round++) {
            const text = Array.from({ length: 1 + Math.floor(next() * 40) }, () => words[Math.floor(next() * words.length)]).join(' ');
            const width = 8 + Math.floor(next() * 60);
            const lines = wrap(text, { width, firstPrefix: '- ', restPrefix: '  ' });
            expect(lines.map(line => line.slice(2)).join(' ')).toBe(text);
            for (const line of lines) {
                expect(line.isWellFormed()).toBe(true);
                if (displayWidth(line) > width) expect(line.slice(2)).not.toContain(' ');
            }
        }
    });
});
