import { describe, expect, test } from 'vitest';
import { parseMinutesConfig } from '../../src/config/minutes-config.js';
import { parse } from '../helpers/workspace.js';

/** `// minutes-disable-next-line CODE` (docs/diagnostics.md), applied where every diagnostic passes. */
const DIRECTORY = 'person @mcade Marilyn Cade\n';
const codesOf = async (text: string) => ((await parse(text, DIRECTORY)).diagnostics ?? []).map(d => `${d.range.start.line + 1}:${String(d.code)}`).sort();

describe('inline suppression', () => {
    const body = (directive: string) => `meeting: A call\ndate: 2025-03-19\n\n${directive}\n@guest:\n@other: Hello.\n`;

    test('without a directive both diagnostics of the line are reported', async () => {
        expect(await codesOf(body('// a plain comment'))).toEqual(['5:empty-intervention', '5:unknown-speaker', '6:unknown-speaker']);
    });

    test.each([
        ['one code', '// minutes-disable-next-line unknown-speaker', ['5:empty-intervention', '6:unknown-speaker']],
        ['codes separated by a comma, with a remark', '// minutes-disable-next-line unknown-speaker, empty-intervention -- a guest', ['6:unknown-speaker']],
        ['no code: every diagnostic of the next line', '  //minutes-disable-next-line', ['6:unknown-speaker']],
        ['another code leaves the line alone', '// minutes-disable-next-line unknown-mention', ['5:empty-intervention', '5:unknown-speaker', '6:unknown-speaker']],
        ['a longer word is not the directive', '// minutes-disable-next-lines unknown-speaker', ['5:empty-intervention', '5:unknown-speaker', '6:unknown-speaker']]
    ])('%s', async (_name, directive, expected) => {
        expect(await codesOf(body(directive))).toEqual(expected);
    });
});

describe('the configuration file', () => {
    test('comments and trailing commas are allowed; every key is read', () => {
        const { config, problems } = parseMinutesConfig('{\n  // c\n  "rules": { "silent-attendee": "off", },\n  "ignore": ["drafts/"],\n  "locale": "fr-ch",\n  "email": { "width": 0 },\n}\n');
        expect(problems).toEqual([]);
        expect([...config.rules]).toEqual([['silent-attendee', 'off']]);
        expect(config.ignore).toEqual(['drafts/']);
        expect(config.locale).toBe('fr-CH');
        expect(config.email.width).toBe(0);
        expect(config.directory).toEqual(['**/*.minutes']);
    });

    test('a mistake is reported at its place and left out; the rest applies', () => {
        const text = '{ "rules": { "syntax-error": "off", "unknown-speaker": "warning" }, "email": { "width": 10 }, "attribution": "some" }';
        const { config, problems } = parseMinutesConfig(text);
        const column = (written: string) => text.indexOf(written) + 1;
        expect(problems.map(p => `${p.line}:${p.column} ${p.message}`)).toEqual([
            `1:${column('"syntax-error"')} 'syntax-error' is always an error`,
            `1:${column('10')} "width" is a whole number of columns, 20 or more (0 does not wrap)`,
            `1:${column('"some"')} "attribution" is one of "full", "organisation", "none"`
        ]);
        expect([...config.rules]).toEqual([['unknown-speaker', 'warning']]);
    });
});
