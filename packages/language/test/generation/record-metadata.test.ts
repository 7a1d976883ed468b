import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { outlineOf } from '../../src/generation/outline.js';
import { structureOf } from '../../src/model/structure.js';
import { withDirectory } from '../helpers/fixtures.js';

/** A UN summary record's head (A/C.4/64/SR.22, corpus/un-ga-c4-2009-sr22), with the fields issue 13 added. */
const NOTE = [
    'meeting: Summary record of the 22nd meeting',
    'date: Tuesday, 3 November 2009',
    'from: notes@example.org',
    'to: list@example.org',
    'symbol: A/C.4/64/SR.22',
    'distribution: General',
    'issued: 1 February 2010',
    'Original: English',
    '',
    '@ssmith: The meeting was called to order at 3.10 p.m.',
    ''
].join('\n');

describe('a formal record\'s metadata', async () => {
    const document = await withDirectory(NOTE);

    test('parses as fields of the meeting', () => {
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        const fields = structureOf(document.parseResult.value).meetings[0].fields.map(field => field.key);
        // The syntax tree holds each key as the vocabulary spells it (`Original:` is `original:`).
        expect(fields).toEqual(expect.arrayContaining(['symbol:', 'distribution:', 'issued:', 'original:']));
    });

    test('the outline shows them in the header, labelled, after the other fields', () => {
        const metadata = outlineOf(document.parseResult.value).header.metadata.map(entry => `${entry.label}: ${entry.value.map(span => span.text).join('')}`);
        expect(metadata.slice(-4)).toEqual(['Symbol: A/C.4/64/SR.22', 'Original: English', 'Distribution: General', 'Issued: 1 February 2010']);
    });

    test.each(['email', 'markdown', 'html', 'eml', 'json'] as const)('%s shows each value', async format => {
        const output = await generate(document, format);
        for (const value of ['A/C.4/64/SR.22', 'English', 'General', '1 February 2010']) expect(output, value).toContain(value);
    });

    test('labelled in the meeting\'s language; kept with attribution none', async () => {
        const french = await withDirectory(NOTE.replace('meeting: ', 'language: fr\nmeeting: '));
        expect(await generate(french, 'email')).toMatch(/Cote\u00A0?:\s+A\/C\.4\/64\/SR\.22/);
        expect(await generate(document, 'email', { attribution: 'none' })).toContain('A/C.4/64/SR.22');
    });
});
