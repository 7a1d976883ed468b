import { describe, expect, test } from 'vitest';
import { joinLines, plain, textSpan } from '../../src/generation/rich-text.js';

const join = (...lines: string[]) => plain(joinLines(lines.map(line => [textSpan(line)])));

describe('joinLines: the lines of a paragraph', () => {
    test('are joined by a space', () => {
        expect(join('The chair opened', 'the session.')).toBe('The chair opened the session.');
    });

    test('Chinese and Japanese lines are joined without one, as they are written', () => {
        expect(join('他说明，这是第四场新闻发布会。', '随后，他介绍了嘉宾。')).toBe('他说明，这是第四场新闻发布会。随后，他介绍了嘉宾。');
        expect(join('議事録を', 'チェックしてください。')).toBe('議事録をチェックしてください。');
    });

    test('a space stays where one side is not wide: Latin next to Chinese, Korean (written with spaces)', () => {
        expect(join('会议讨论了', 'ICANN 的作用。')).toBe('会议讨论了 ICANN 的作用。');
        expect(join('IGF', '在巴黎举行')).toBe('IGF 在巴黎举行');
        expect(join('회의가', '시작되었습니다.')).toBe('회의가 시작되었습니다.');
    });

    test('a zero-width space at a line end joins without a space', () => {
        expect(join('Prijestolonasljednik\u200B', 'ovica')).toBe('Prijestolonasljednik\u200Bovica');
    });
});
