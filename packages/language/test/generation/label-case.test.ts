import { describe, expect, test } from 'vitest';
import { docxOf } from '../../src/generation/docx.js';
import { emailOf } from '../../src/generation/email.js';
import { htmlOf } from '../../src/generation/html.js';
import { jsonModel } from '../../src/generation/json.js';
import { markdownOf } from '../../src/generation/markdown.js';
import { outlineOf } from '../../src/generation/outline.js';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from '../helpers/workspace.js';

// A key is read whatever its case (the AST holds the vocabulary's spelling), and outputs
// printed its label in the vocabulary's case: IETF's `ATTENDEES:`, `REGRETS:`, `OBSERVERS:`
// (corpus/ietf-iesg-2019-05-30) and W3C's `ACTION:` (corpus/w3c-process-cg-2025-10-08) came
// out `Attendees:`, `Action:`. The label is the note's word in the note's case when it is the
// word the output would print; a key in lower case (the language's own spelling) prints the
// label, capitalised; another spelling, or a label in another language, prints the label.
const ENGLISH = [
    'meeting: IESG telechat',
    'date: 2019-05-30',
    'VENUE: Virtual',
    'program: https://example.org/agenda',
    '',
    'ATTENDEES:',
    '@{Amy Vezza} (AMS) / IETF Secretariat',
    '',
    'REGRETS:',
    '@{Alissa Cooper} (Cisco) / IETF Chair',
    '',
    'observers:',
    '@{Ben Campbell}',
    '',
    'AGENDA:',
    '1. Administrivia',
    '',
    'SUMMARY: the telechat went well.',
    '',
    'DISCUSSION:',
    '- @{Amy Vezza}: Does anyone have anything new?',
    '',
    'DECISION: The document is approved.',
    '',
    'ACTION: @{Amy Vezza} to send the announcement',
    ''
].join('\n');

async function outline(text: string) {
    return outlineOf((await parse(text)).parseResult.value);
}

describe('a label prints in the case it is written in', async () => {
    const model = await outline(ENGLISH);

    test('the email: every label as written, a lower-case key capitalised, another spelling as the vocabulary spells it', () => {
        const email = emailOf(model, { width: Number.POSITIVE_INFINITY });
        for (const line of ['ATTENDEES:', 'REGRETS:', 'Observers:', 'AGENDA:', 'SUMMARY: the telechat went well.', 'DISCUSSION',
            'DECISION: The document is approved.', 'ACTION: Amy Vezza to send the announcement']) {
            expect(email.split('\n'), line).toContain(line);
        }
        expect(email).toMatch(/^VENUE: +Virtual$/m);
        expect(email).toMatch(/^Programme: +https:\/\/example\.org\/agenda$/m);
        expect(email).not.toMatch(/Attendees|Regrets|Agenda:|Summary|Decision|Action:|Venue/);
    });

    test('HTML, Markdown, Word and JSON print the same labels', async () => {
        const html = htmlOf(model);
        for (const label of ['ATTENDEES', 'REGRETS', 'Observers', 'AGENDA', 'SUMMARY', 'DECISION:', 'VENUE']) expect(html, label).toContain(label);
        const markdown = markdownOf(model);
        for (const label of ['ATTENDEES', 'REGRETS', 'Observers', 'AGENDA', 'SUMMARY', 'DECISION:', 'VENUE']) expect(markdown, label).toContain(label);
        const xml = strFromU8(unzipSync(await docxOf(model))['word/document.xml']);
        for (const label of ['ATTENDEES', 'REGRETS', 'AGENDA', 'SUMMARY', 'VENUE']) expect(xml, label).toContain(label);
        const body = jsonModel(model).meetings as Array<{ body: Array<{ type: string; label?: string }> }>;
        expect(body[0].body.filter(block => block.type === 'participants').map(block => block.label)).toEqual(['ATTENDEES', 'REGRETS', 'Observers']);
    });

    test('a meeting in another language prints its own label for a key written in English, in any case', async () => {
        const french = emailOf(await outline(ENGLISH.replace('date: 2019-05-30', 'date: 2019-05-30\nlanguage: fr')), { width: Number.POSITIVE_INFINITY });
        // French typography: a no-break space before the colon.
        expect(french).toMatch(/^Personnes présentes\s:$/mu);
        expect(french).not.toContain('ATTENDEES');
        // The same word in both languages keeps the case written.
        expect(french).toMatch(/^DISCUSSION$/m);
    });
});
