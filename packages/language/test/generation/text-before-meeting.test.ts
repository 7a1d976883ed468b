import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { docxOf } from '../../src/generation/docx.js';
import { emailOf } from '../../src/generation/email.js';
import { htmlOf } from '../../src/generation/html.js';
import { jsonModel } from '../../src/generation/json.js';
import { markdownOf } from '../../src/generation/markdown.js';
import { outlineOf } from '../../src/generation/outline.js';
import { parse } from '../helpers/workspace.js';

// Text written above a file's only `meeting:` line (a web page's own lines, kept as the
// record has them: corpus/igf-2017-ws186) is outside the meeting. The meeting's header is
// the document's; it used to print first, so the page's lines came out after the title and
// the header's fields, about 30 words moved. Every output keeps the order written.
const SOURCE = [
    'Welcome to the conference! Create your schedule below.',
    '',
    'Monday, December 18',
    '',
    'meeting: Data governance and policy',
    'date: 2017-12-18',
    'Proposer\'s Name: Ms. Roxana Radu',
    '',
    'Session Format: Round Table',
    ''
].join('\n');

async function outline(text: string) {
    return outlineOf((await parse(text)).parseResult.value);
}

/** The positions of each text in an output, which must be increasing. */
function positions(output: string, texts: readonly string[]): number[] {
    return texts.map(text => output.indexOf(text));
}

const IN_ORDER = ['Welcome to the conference', 'Monday, December 18', 'Data governance and policy', 'Proposer', 'Roxana Radu', 'Session Format'];

function expectInOrder(output: string): void {
    const found = positions(output, IN_ORDER);
    expect(found.every(position => position >= 0), `every text is in the output: ${JSON.stringify(found)}`).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
}

describe('text above the only meeting stays above its header', async () => {
    const model = await outline(SOURCE);

    test('the email: the subject leads (it is the message\'s), then the page\'s lines, then the title and fields', () => {
        const email = emailOf(model, { width: Number.POSITIVE_INFINITY });
        expect(email.startsWith('Subject: Data governance and policy')).toBe(true);
        expectInOrder(email.slice(email.indexOf('\n')));
        expect(email).toContain('Monday, December 18\n\nData governance and policy\n==========================\n\nDate:');
    });

    test('Markdown, HTML (the page\'s <title> aside) and Word', async () => {
        expectInOrder(markdownOf(model));
        const html = htmlOf(model);
        expectInOrder(html.slice(html.indexOf('<main>')));
        expect(html.indexOf('<p dir="auto">Monday, December 18</p>')).toBeLessThan(html.indexOf('<header class="page-header">'));
        const xml = strFromU8(unzipSync(await docxOf(model))['word/document.xml']);
        expectInOrder(xml.replace(/&apos;/g, '\''));
    });

    test('JSON: the page\'s lines are the body\'s first blocks, the meeting after them', () => {
        const body = jsonModel(model).body as Array<{ type: string }>;
        expect(body.map(block => block.type)).toEqual(['paragraph', 'paragraph', 'meeting']);
    });

    test('without text above it, the header leads as before; several meetings keep their own headers in place', async () => {
        const alone = emailOf(await outline(SOURCE.slice(SOURCE.indexOf('meeting:'))), { width: Number.POSITIVE_INFINITY });
        expect(alone).toMatch(/^Subject: [^\n]*\n\nData governance and policy\n=+\n/);
        const two = emailOf(await outline(`${SOURCE}\nmeeting: Second\ndate: 2017-12-19\n\nText.\n`), { width: Number.POSITIVE_INFINITY });
        // The document's title is made of the meetings' (added words); the first meeting's header is in place.
        expectInOrder(two.slice(two.indexOf('=\n')));
        expect(two).toContain('Monday, December 18\n\nData governance and policy\n--------------------------\n\nDate:');
    });
});
