import { SectionProperties, Table } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { docxOf } from '../../src/generation/docx.js';
import { outlineOf } from '../../src/generation/outline.js';
import { flatten, type ListEntry, type Outline, type OutlineBlock, type TurnOutline } from '../../src/generation/render-model.js';
import { plain, type RichText } from '../../src/generation/rich-text.js';
import { buildActionLedger } from '../../src/ledger/action-ledger.js';
import { documentsUnderTest, withDirectory } from '../helpers/fixtures.js';

/** The paragraphs of `word/document.xml` as text: each `<w:p>`'s `<w:t>` runs, a `<w:br/>` as a line break. */
function paragraphsOf(docx: Uint8Array): string[] {
    const xml = strFromU8(unzipSync(docx)['word/document.xml']);
    const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&');
    return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map(match => {
        const body = match[1] ?? match[2];
        return [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map(piece => piece[1] === undefined ? '\n' : decode(piece[1])).join('');
    });
}

function coreProperties(docx: Uint8Array): Record<string, string> {
    const xml = strFromU8(unzipSync(docx)['docProps/core.xml']);
    return Object.fromEntries([...xml.matchAll(/<(dc:title|dc:creator|dcterms:created)[^>]*>([^<]*)</g)].map(m => [m[1], m[2]]));
}

/** A turn's line as written: the name, its qualifiers in brackets, then the rest of the line. */
function writtenLine(turn: TurnOutline): RichText {
    const qualifiers = plain(turn.qualifierText);
    return [...turn.name, { kind: 'text', text: qualifiers ? ` [${qualifiers}]` : '' }, ...turn.line.slice(turn.name.length)];
}

/** What the document must say, in order, from the render model: every heading, paragraph, item, turn, outcome and action. */
function expectedTexts(outline: Outline): string[] {
    const texts: string[] = [plain(outline.header.title)];
    const rich = (text: RichText) => { const t = plain(text).trim(); if (t) texts.push(t); };
    const items = (list: readonly ListEntry[]) => list.forEach(item => { rich(item.text); items(item.children); });
    const walk = (blocks: readonly OutlineBlock[]) => {
        for (const block of blocks) {
            switch (block.kind) {
                case 'heading': case 'paragraph': case 'quote': rich(block.text); break;
                case 'list': items(block.items); break;
                case 'participants': block.participants.forEach(p => texts.push(p.party.name)); break;
                case 'agenda': { const entries = (list: typeof block.items) => list.forEach(e => { rich(e.text); entries(e.children); }); entries(block.items); break; }
                case 'turn': rich(writtenLine(block.turn)); walk(block.turn.blocks); break;
                case 'turns': block.turns.forEach(turn => { rich(writtenLine(turn)); walk(turn.blocks); }); break;
                case 'outcome': rich(block.outcome.text); walk(block.outcome.blocks); break;
                case 'actions': block.actions.forEach(a => rich(a.text)); break;
                case 'updates': block.updates.forEach(u => rich(u.text)); break;
                case 'text-field': walk(block.blocks); break;
                case 'meeting':
                    if (block.meeting.header) rich(block.meeting.header.title);
                    block.meeting.header?.participants.forEach(p => texts.push(p.party.name));
                    walk(block.meeting.blocks);
                    break;
                default: break;
            }
        }
    };
    outline.header.participants.forEach(p => texts.push(p.party.name));
    walk(outline.blocks);
    return texts;
}

/** Finds each text in order in the document's text (white space compared loosely); returns the first missing. */
function firstMissing(document: string, texts: readonly string[]): string | undefined {
    const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
    const haystack = normal(document);
    let from = 0;
    for (const text of texts) {
        const at = haystack.indexOf(normal(text), from);
        if (at < 0) return text;
        from = at + normal(text).length;
    }
    return undefined;
}

const documents = await documentsUnderTest();

describe('the Word document (docx)', () => {
    test.each(documents.map(d => [d.name, d.document] as const))('%s reads back (document.xml and mammoth) to the render model\'s text, in order', async (_name, document) => {
        const outline = outlineOf(document.parseResult.value, { ledger: buildActionLedger(documents.map(d => d.document)) });
        const docx = await docxOf(outline);
        const paragraphs = paragraphsOf(docx);
        const expected = expectedTexts(outline);
        expect(expected.length).toBeGreaterThan(3);
        expect(firstMissing(paragraphs.join('\n'), expected)).toBeUndefined();
        // Another reader: mammoth (Word's own model of runs, hyperlinks and tables) gets the same words.
        const read = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
        expect(read.messages.filter(m => m.type === 'error')).toEqual([]);
        expect(firstMissing(read.value, expected)).toBeUndefined();
        // Every paragraph of the model is in it once at least; headings are Word headings.
        const xml = strFromU8(unzipSync(docx)['word/document.xml']);
        expect(xml).toContain('<w:pStyle w:val="Title"/>');
        const headings = flatten(outline.blocks).filter(b => b.kind === 'heading').length;
        expect((xml.match(/<w:pStyle w:val="Heading\d"\/>/g) ?? []).length).toBeGreaterThanOrEqual(headings);
    });

    test('title, author and the meeting\'s date are the document\'s properties; the participants are a table', async () => {
        const wsis = documents.find(d => d.name === 'examples/ccwg-ig-wsis-forum-2018.minutes')!.document;
        const docx = await docxOf(outlineOf(wsis.parseResult.value));
        expect(coreProperties(docx)).toEqual({
            'dc:title': 'CCWG-IG session at the WSIS Forum 2018', 'dc:creator': 'Nigel Hickson', 'dcterms:created': '2018-03-19T00:00:00Z'
        });
        const paragraphs = paragraphsOf(docx);
        // `attendees:`: the list is labelled with its key.
        const table = paragraphs.indexOf('Attendees');
        expect(paragraphs.slice(table + 1, table + 9)).toEqual(['Name', 'Organisation', 'Role', 'Attendance', 'Matthew Shears', 'ICANN Board', 'Member of the ICANN Board (2018); Head of Global Internet Policy and Human Rights, Center for Democracy and Technology (2016)', 'present']);
        const xml = strFromU8(unzipSync(docx)['word/document.xml']);
        expect(xml).toContain('<w:tblHeader/>');
    });

    test('a table spans the page\'s text, its width known without docx searching the body for its section', async () => {
        const wsis = documents.find(d => d.name === 'examples/ccwg-ig-wsis-forum-2018.minutes')!.document;
        const xml = strFromU8(unzipSync(await docxOf(outlineOf(wsis.parseResult.value)))['word/document.xml']);
        const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map(grid => [...grid[1].matchAll(/w:w="(\d+)"/g)].map(column => Number(column[1])));
        expect(grids.length).toBeGreaterThan(0);
        // A4 less two 1-inch margins, shared among the columns (each rounded down or up by a twip).
        const page = new SectionProperties().AvailableTextWidth;
        for (const columns of grids) expect(Math.abs(columns.reduce((sum, width) => sum + width, 0) - page)).toBeLessThanOrEqual(columns.length);
        // The method the generator's tables shadow (docx's search took time quadratic in the tables);
        // an update of docx that renames it makes this fail rather than the Word output slow again.
        expect(Object.getOwnPropertyNames(Table.prototype)).toContain('resolveAvailableWidth');
    });

    test('hostile text: markup, control characters and bidi overrides are text, and the XML stays well-formed', async () => {
        const document = await withDirectory('meeting: A </w:t></w:r><w:r><w:t>injected & "quoted"\ndate: 2024-01-10\n\nEve wrote \u202Eevil and a bell \u0007 here.\n');
        const docx = await docxOf(outlineOf(document.parseResult.value));
        const paragraphs = paragraphsOf(docx);
        expect(paragraphs[0]).toBe('A </w:t></w:r><w:r><w:t>injected & "quoted"');
        // The override is closed where its piece of text ends, as in the HTML (closeBidi).
        expect(paragraphs).toContain('Eve wrote \u202Eevil and a bell \uFFFD here.\u202C');
        const read = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
        expect(read.value).toContain('injected & "quoted"');
    });
});
