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

    test('on random text, lines keep every word in order, never exceed the width but for a single unbreakable run, and stay well-formed', () => {
        const words = ['a', 'bb', 'Fältström', '李娜', '🎉', '👩‍👩‍👧', 'https://example.org/a/b/c/d/e/f/g/h', 'cybersecuirty', 'x\u0301', 'Prijestolonasljednikovica'];
        const unbreakable = new Set(['https://example.org/a/b/c/d/e/f/g/h', 'Prijestolonasljednikovica', 'cybersecuirty', 'Fältström']);
        let seed = 42;
        const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let round = 0; round < 300; round++) {
            const text = Array.from({ length: 1 + Math.floor(next() * 40) }, () => words[Math.floor(next() * words.length)]).join(' ');
            const width = 8 + Math.floor(next() * 60);
            const lines = wrap(text, { width, firstPrefix: '- ', restPrefix: '  ' });
            // Only 李娜 can be broken inside (between its two characters): nothing else is lost or moved.
            expect(lines.map(line => line.slice(2)).join(' ').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
            for (const line of lines) {
                expect(line.isWellFormed()).toBe(true);
                if (displayWidth(line) > width) expect(unbreakable.has(line.slice(2))).toBe(true);
            }
        }
    });
});

describe('wrap: Chinese and Japanese break between characters where UAX #14 allows', () => {
    const chinese = '会议讨论了互联网治理的未来。李娜说：「多利益相关方模式必须加强，各方应当共同参与。」主席总结道，秘书处将在四月二日前分发报告草稿，供各成员审阅并提出意见。';

    test('an exact wrapping: five characters fill ten columns', () => {
        expect(wrap('我们讨论了互联网治理的未来。', { width: 10 })).toEqual(['我们讨论了', '互联网治理', '的未来。']);
    });

    test('no line starts with closing punctuation or ends with an opening bracket', () => {
        expect(wrap('李娜说：「你好。」我们', { width: 6 })).toEqual(['李娜', '说：', '「你', '好。」', '我们']);
    });

    test.each([8, 12, 20, 40, 72])('a paragraph of %i-column lines keeps every character in order and no line is too wide', width => {
        const lines = wrap(chinese, { width, firstPrefix: '- ', restPrefix: '  ' });
        expect(lines.map(line => line.slice(2)).join('')).toBe(chinese);
        for (const line of lines) {
            expect(displayWidth(line)).toBeLessThanOrEqual(width);
            expect(line.slice(2)).not.toMatch(/^[。，：」、]/u);
            expect(line).not.toMatch(/「$/u);
        }
        // Lines are filled: the next piece would not have fitted on the line before.
        for (let i = 1; i < lines.length; i++) expect(displayWidth(lines[i - 1]) + 2).toBeGreaterThan(width - 2);
    });

    test('Japanese: small kana and the prolonged sound mark are not put at a line start', () => {
        const japanese = 'ミーティングの議事録をチェックしてください。';
        // チェッ cannot be broken (no line starts with ェ or ッ): six columns is the narrowest.
        for (const width of [6, 7, 10, 16]) {
            const lines = wrap(japanese, { width });
            expect(lines.join('')).toBe(japanese);
            for (const line of lines) {
                expect(displayWidth(line)).toBeLessThanOrEqual(width);
                expect(line).not.toMatch(/^[ーッャュョ。]/u);
            }
        }
    });

    test('a URL is never split, even one with Chinese in it; text around it still wraps', () => {
        // A URL runs to the next space, as the lexer reads it.
        const url = 'https://例子.中国/会议/记录?页=1';
        const lines = wrap(`详见${url} 以及会议记录`, { width: 10 });
        expect(lines).toEqual(['详见', url, '以及会议记', '录']);
    });

    test('Latin words keep their hyphens and slashes: breaks only at spaces', () => {
        expect(wrap('multistakeholder self-regulation and/or co-operation', { width: 12 }))
            .toEqual(['multistakeholder', 'self-regulation', 'and/or', 'co-operation']);
    });

    test('mixed scripts: a space or a wide character is a place to break', () => {
        expect(wrap('IGF 2018 在巴黎举行，主题是互联网的信任。', { width: 14 })).toEqual(['IGF 2018 在巴', '黎举行，主题是', '互联网的信任。']);
    });

    test('a zero-width space is a place to break that a writer chose', () => {
        expect(wrap('Prijestolonasljednik\u200Bovica', { width: 10 })).toEqual(['Prijestolonasljednik\u200B', 'ovica']);
    });

    test('graphemes are never split: a wide character with a combining mark, an emoji family', () => {
        expect(wrap('字\u0301字\u0301字\u0301', { width: 4 })).toEqual(['字\u0301字\u0301', '字\u0301']);
        expect(wrap('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', { width: 4 })).toEqual(['👩‍👩‍👧👩‍👩‍👧', '👩‍👩‍👧']);
    });
});
