import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import { expectFormatting } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it, test } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import { textContent } from '../../src/model/text-content.js';
import { generate, OUTPUT_FORMATS } from '../../src/generation/generate.js';
import { buildWorkspace } from '../helpers/workspace.js';

const EXAMPLES = fileURLToPath(new URL('../../../../examples/', import.meta.url));

async function format(text: string): Promise<string> {
    const { services, documents } = await buildWorkspace({ 'test.minutes': text });
    return formatted(services.Minutes.lsp.Formatter!, documents['test.minutes']);
}

async function formatted(formatter: { formatDocument: Function }, document: LangiumDocument<Document>): Promise<string> {
    const edits = await formatter.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('formatting', () => {
    it.each([
        ['removes trailing white space', 'date: 2018-03-19   \nSome prose.  \t\n', 'date: 2018-03-19\nSome prose.\n'],
        ['writes keys as `key: value`', 'date:2018-03-19\nchair:   @mcade\nnext  steps :\n- Do it.\n', 'date: 2018-03-19\nchair: @mcade\nnext steps:\n- Do it.\n'],
        ['leaves a key without value without a space', 'attendees:   \n- @a\n', 'attendees:\n- @a\n'],
        ['indents directory entry fields by two spaces', 'person @x X\nalias: Y\n      org: @CoE\n\trole: R\n', 'person @x X\n  alias: Y\n  org: @CoE\n  role: R\n'],
        ['keeps at most one blank line between blocks, none at the start or end', '\n\n\nmeeting: M\n\n\n\n@x: hi\n   \n\n', 'meeting: M\n\n@x: hi\n'],
        ['ends the file with one line break', 'meeting: M', 'meeting: M\n'],
        ['never touches the text of prose lines', 'He said:   this   is  spaced.\n  Indented   prose  \nthe date:  5 May\n', 'He said:   this   is  spaced.\n  Indented   prose\nthe date:  5 May\n'],
        ['leaves speaker lines and bullets as written', '@mcade:    Hello\n-   @x   said  so\n', '@mcade:    Hello\n-   @x   said  so\n'],
        ['leaves block comments as they are', '/* a  \n\n\n   b   \n*/\nmeeting: M\n', '/* a  \n\n\n   b   \n*/\nmeeting: M\n'],
        ['keeps a comment between key and value', 'date: /* guessed */   2018-03-19\n', 'date: /* guessed */   2018-03-19\n'],
        ['keeps Windows line breaks', 'date:  x\r\n\r\n\r\nfoo  \r\n', 'date: x\r\n\r\nfoo\r\n'],
        ['empties a document of blank lines', '\n  \n\n', '']
    ])('%s', async (_what, before, after) => {
        expect(await format(before)).toBe(after);
        // Idempotent: formatting the result changes nothing.
        expect(await format(after)).toBe(after);
    });

    it('works with the langium test helper', async () => {
        const { services } = await buildWorkspace({});
        await expectFormatting(services.Minutes)({
            before: 'meeting:Teleconference  \ndate:  2 Feb 2017\n\n\n\nattendees:\n- @mcade\n',
            after: 'meeting: Teleconference\ndate: 2 Feb 2017\n\nattendees:\n- @mcade\n',
            disposeAfterCheck: true
        });
    });

    it('formats only the lines of a range', async () => {
        const { services } = await buildWorkspace({});
        await expectFormatting(services.Minutes)({
            before: 'date:  a  \ntime:  b  \nroom:  c  \n',
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
            after: 'date:  a  \ntime: b\nroom:  c  \n',
            disposeAfterCheck: true
        });
    });
});

describe('`key :` as French typography writes it (issue 19)', () => {
    test('the formatter writes `key:`, and no output changes', async () => {
        const before = 'meeting : Réunion du groupe\ndate : 19 mars 2018\nvenue :\tGenève\n\ndecision : La charte est adoptée.\n';
        const after = await format(before);
        expect(after).toBe('meeting: Réunion du groupe\ndate: 19 mars 2018\nvenue: Genève\n\ndecision: La charte est adoptée.\n');
        const outputs = async (text: string) => {
            const { documents } = await buildWorkspace({ 'test.minutes': text });
            return Promise.all(OUTPUT_FORMATS.map(format => generate(documents['test.minutes'], format, { date: '2018-03-19' })));
        };
        const [was, is] = [await outputs(before), await outputs(after)];
        OUTPUT_FORMATS.forEach((format, i) => expect(is[i], format).toBe(was[i]));
        expect(was[0]).toContain('Réunion du groupe');
        expect(was[0]).toContain('Decision: La charte est adoptée.');
    });
});

describe('formatting the examples', () => {
    const files = readdirSync(EXAMPLES).filter(name => name.endsWith('.minutes')).sort();

    it('has examples to format', () => {
        expect(files.length).toBeGreaterThan(1);
    });

    it('changes neither the text content nor anything but white space, and is idempotent', async () => {
        const sources = Object.fromEntries(files.map(name => [name, readFileSync(join(EXAMPLES, name), 'utf8')]));
        const before = await buildWorkspace(sources);
        const formatter = before.services.Minutes.lsp.Formatter!;
        const results: Record<string, string> = {};
        for (const name of files) {
            results[name] = await formatted(formatter, before.documents[name]);
            expect(results[name].replace(/\s+/g, ''), name).toBe(sources[name].replace(/\s+/g, ''));
        }
        const after = await buildWorkspace(results);
        for (const name of files) {
            expect(textContent(after.documents[name].parseResult.value), name).toBe(textContent(before.documents[name].parseResult.value));
            expect(after.documents[name].diagnostics?.length ?? 0, name).toBe(before.documents[name].diagnostics?.length ?? 0);
            expect(await formatted(after.services.Minutes.lsp.Formatter!, after.documents[name]), name).toBe(results[name]);
        }
    });
});
