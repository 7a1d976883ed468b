import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { generateDocx } from '../../src/generation/docx.js';
import { generate } from '../../src/generation/generate.js';
import { outlineOf } from '../../src/generation/outline.js';
import { flatten, type ListEntry } from '../../src/generation/render-model.js';
import { meetingStatistics } from '../../src/ledger/speaking-statistics.js';
import { headingLevel, structureOf } from '../../src/model/structure.js';
import { plainText } from '../../src/model/text.js';
import { withDirectory } from '../helpers/fixtures.js';

/**
 * The list and heading shapes of issue 13, as the corpus's records write them: setext
 * headings and `+` bullets nested with tabs (the Asterisk notes), a `-----` rule under a `#`
 * heading (TC39's notes), lettered sub-items under a bullet (the ICANN CCWG-IG mail).
 */
const NOTE = [
    'meeting: AstriDevCon 2013, Day Two',
    'date: 2013-10-11',
    '',
    '# Meeting Notes',
    '-----',
    '',
    'Day Two: Asterisk 12 Future',
    '============================',
    '',
    'Agenda',
    '------',
    '',
    '* Media negotiation',
    '\t+ Off load media handling',
    '* Clustering',
    '\t+ Distributed conferencing',
    '\t\t- other projects have done this',
    '',
    '- develop and document internal processes to',
    ' a. respond to a public comment request',
    ' b. act as a sounding board',
    '',
    '@akovacs: The overall consensus in the room was in favor of 13.',
    ''
].join('\n');

const WORDS = ['Meeting Notes', 'Day Two: Asterisk 12 Future', 'Agenda', 'Media negotiation', 'Off load media handling',
    'Distributed conferencing', 'other projects have done this', 'respond to a public comment request', 'act as a sounding board',
    'The overall consensus in the room was in favor of 13.'];

function texts(entries: readonly ListEntry[]): unknown[] {
    return entries.map(entry => [entry.marker, entry.text.map(span => span.text).join('').trim(), ...(entry.children.length > 0 ? [texts(entry.children)] : [])]);
}

describe('setext headings, + bullets and lettered sub-items', async () => {
    const document = await withDirectory(NOTE);
    const root = document.parseResult.value;
    const structure = structureOf(root);

    test('parse: the underlined lines are headings, and a rule under a # heading ends nothing', () => {
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        expect(structure.sections.map(section => [section.title, section.level, section.children.map(child => child.title)])).toEqual([
            ['Meeting Notes', 1, []], ['Day Two: Asterisk 12 Future', 1, ['Agenda']]
        ]);
        const headings = structure.items.flatMap(item => item.kind === 'heading' ? [[plainText(item.heading.text), headingLevel(item.heading), item.heading.underline]] : []);
        expect(headings).toEqual([['Meeting Notes', 1, '-----'], ['Day Two: Asterisk 12 Future', 1, '============================'], ['Agenda', 2, '------']]);
        // The turn after the rule is the meeting's: the `-----` is the heading's underline, no break.
        expect(structure.meetings).toHaveLength(1);
        expect(structure.meetings[0].turns.map(turn => turn.speaker?.name)).toEqual(['akovacs']);
        expect(structure.items.some(item => item.kind === 'break')).toBe(false);
    });

    test('outline: + items nest under their bullet by the tabs, lettered items under theirs', () => {
        const lists = flatten(outlineOf(root).blocks).flatMap(block => block.kind === 'list' ? [texts(block.items)] : []);
        expect(lists).toEqual([
            // One list: a list goes on across a blank line while its items stay bullets.
            [
                ['*', 'Media negotiation', [['+', 'Off load media handling']]],
                ['*', 'Clustering', [['+', 'Distributed conferencing', [['-', 'other projects have done this']]]]],
                ['-', 'develop and document internal processes to', [['a.', 'respond to a public comment request'], ['b.', 'act as a sounding board']]]
            ]
        ]);
    });

    test('email: headings as text (no --- break), the sub-items indented under their bullet', async () => {
        const email = await generate(document, 'email', { width: 1000 });
        expect(email).not.toMatch(/^---$/m);
        expect(email).not.toMatch(/^=+$\n\nAgenda/m);
        expect(email).not.toMatch(/^-+$/m);
        expect(email).toContain('- develop and document internal processes to\n  a. respond to a public comment request\n  b. act as a sounding board');
        expect(email).toContain('- Media negotiation\n  - Off load media handling');
        for (const words of WORDS) expect(email, words).toContain(words);
    });

    test.each(['markdown', 'html', 'eml', 'json'] as const)('%s keeps every word, the headings as headings', async format => {
        const output = await generate(document, format);
        const text = format === 'html' ? output.replace(/<[^>]+>/g, '') : format === 'eml' ? output.replace(/=\r\n/g, '') : output;
        for (const words of WORDS) expect(text, words).toContain(words);
        if (format === 'markdown') expect(output).toMatch(/^#+ Agenda$/m);
        if (format === 'html') expect(output).toMatch(/<h\d[^>]*>Agenda<\/h\d>/);
    });

    test('Word keeps every word, the lettered items after their bullet', async () => {
        const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await generateDocx(root)) });
        for (const words of WORDS) expect(value, words).toContain(words);
        expect(value.indexOf('respond to a public comment request')).toBeGreaterThan(value.indexOf('develop and document internal processes to'));
    });

    test('stats count the turn after the underlined heading', () => {
        expect(meetingStatistics(structure.meetings[0]).total.interventions).toBe(1);
    });

    test('attribution none: the headings and items stay, the speaker is not named', async () => {
        const email = await generate(document, 'email', { width: 1000, attribution: 'none' });
        for (const words of WORDS) expect(email, words).toContain(words);
        expect(email).not.toContain('Kova');
    });
});
