import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesServices } from '../../src/minutes-module.js';
import { MinutesParserErrorMessages } from '../../src/parser/minutes-parser-messages.js';
import { parse } from '../helpers/workspace.js';

/** Issue 12: no parser-internal message reaches a user. */
describe('syntax errors', () => {
    for (const text of [
        'meeting: M\n\nThe session opened.\nNote: the recording is on the wiki.\n',
        'meeting: M\n\nRole: the chair explained her role.\nEmail: replies went to the list.\n',
        'meeting: M\n\n@mcade [replying to @mcade: a bracket never closed\n',
        'meeting: M\n\n- @mcade [as chair\n',
        'meeting: M\n\n@mcade [as chair] [remote]: two brackets\n'
    ]) {
        test(`${JSON.stringify(text.split('\n').filter(Boolean).at(-1))} parses, as written`, async () => {
            const document = await parse(text, 'person @mcade Marilyn Cade\n');
            expect(document.parseResult.parserErrors).toEqual([]);
            expect((document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
        });
    }

    test('random lines of keys, names, brackets, markers and comments parse without a syntax error', () => {
        const services = createMinutesServices(EmptyFileSystem);
        const parts = ['@x', '@?', '- ', '[', ']', ':', ' ', 'date:', 'person', 'org', '@{a b}', 'action', 'update', '#id', 'role:', '\n', '\n\n',
            '# ', '---', '> ', '1. ', 'text', '/*', '*/', '//', '\\', 'meeting:', 'attendees:', 'agenda:', 'decision:', 'due', ',', '@', '  '];
        let seed = 7;
        const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
        const errors: string[] = [];
        for (let k = 0; k < 3000; k++) {
            let text = '';
            for (let i = 1 + next(12); i > 0; i--) text += parts[next(parts.length)];
            const result = services.Minutes.parser.LangiumParser.parse(text);
            errors.push(...result.parserErrors.map(error => `${JSON.stringify(text)}: ${error.message}`));
        }
        expect(errors).toEqual([]);
    });

    test('should one occur, the message says what was expected in the language\'s words and how to keep the line as prose', () => {
        const services = createMinutesServices(EmptyFileSystem);
        const messages = services.Minutes.parser.ParserErrorMessageProvider;
        expect(messages).toBeInstanceOf(MinutesParserErrorMessages);
        const tokens = services.Minutes.parser.Lexer.tokenize('@x [a\n').tokens;
        const close = services.Minutes.parser.Lexer.definition[']'];
        const message = messages.buildMismatchTokenMessage({ expected: close, actual: tokens[tokens.length - 1], previous: tokens[0], ruleName: 'SpeakerLine' });
        expect(message).toBe("A line ends where Minutes expected ']' to close the bracket after the name. To keep the line as prose, write a backslash before its first character (`\\Note: …`).");
        const other = messages.buildNotAllInputParsedMessage({ firstRedundant: tokens[0], ruleName: 'Document' });
        expect(other).not.toMatch(/Expecting|token|EOF/);
        expect(other).toContain("'@x'");
    });
});
