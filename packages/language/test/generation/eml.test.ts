import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, test } from 'vitest';
import { emailBodyOf } from '../../src/generation/email.js';
import { emlOf, generateEml } from '../../src/generation/eml.js';
import { GenerationError } from '../../src/generation/generation-error.js';
import { htmlOf } from '../../src/generation/html.js';
import { outlineOf } from '../../src/generation/outline.js';
import { documentsUnderTest, loadFixtures, withDirectory } from '../helpers/fixtures.js';

const fixtures = await loadFixtures();
const boardDocument = fixtures['board-meeting.minutes'].parseResult.value;
const board = outlineOf(boardDocument);
const boardEml = await emlOf(board);

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
    return [field ?? []].flat().flatMap(object => object.value.map(address => `${address.name} <${address.address}>`));
}

function headerBlock(eml: string): string {
    return eml.slice(0, eml.indexOf('\r\n\r\n'));
}

describe('the eml message', () => {
    test('parses back into the same headers, text and HTML', async () => {
        const parsed = await simpleParser(boardEml);
        expect(addresses(parsed.from)).toEqual(['Sam Smith <sam@example.com>']);
        expect(addresses(parsed.to)).toEqual([' <steering@example.org>', 'Anja Kovačević <anja.kovacevic@example.org>']);
        expect(addresses(parsed.cc)).toEqual([' <archive@example.org>']);
        expect(parsed.subject).toBe('Steering group — Ljubljana retreat, Ljubljana, Slovenia, 18 April 2024');
        expect(parsed.date?.toISOString()).toBe('2024-04-18T12:00:00.000Z');
        expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}\.minutes@example\.com>$/);
        expect(parsed.text?.replace(/\r\n/g, '\n')).toBe(emailBodyOf(board));
        expect(parsed.html).toBe(htmlOf(board));
    });

    test('is multipart/alternative: the text first, then the HTML, in UTF-8', () => {
        const header = headerBlock(boardEml);
        expect(header).toMatch(/^MIME-Version: 1\.0$/m);
        expect(header).toMatch(/^Content-Type: multipart\/alternative;/m);
        const parts = boardEml.split(/\r\n--/).slice(1).map(part => /Content-Type: ([^;\r\n]+)/.exec(part)?.[1]);
        expect(parts.filter(Boolean)).toEqual(['text/plain', 'text/html']);
        expect(boardEml).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    });

    test('encodes non-ASCII headers as RFC 2047 words and keeps headers ASCII, lines CRLF-ended', () => {
        const header = headerBlock(boardEml);
        expect(header).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
        expect(header).toMatch(/=\?UTF-8\?[QB]\?[^?]*\?=\s+<anja\.kovacevic@example\.org>/);
        expect(/^[\x20-\x7E\r\n\t]*$/.test(header)).toBe(true);
        expect(boardEml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        for (const line of boardEml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    });

    test('is the same for the same document: Message-ID and boundaries come from the content', async () => {
        expect(await generateEml(boardDocument)).toBe(boardEml);
        expect(await generateEml(boardDocument, { to: 'other@example.org' })).not.toBe(boardEml);
    });

    test('options replace the sender, the recipients and the date', async () => {
        const parsed = await simpleParser(await emlOf(board, {
            from: 'Secretariat <secretariat@example.net>', to: 'a@example.org, "B, Person" <b@example.org>', cc: 'c@example.org', date: '2024-04-20'
        }));
        expect(addresses(parsed.from)).toEqual(['Secretariat <secretariat@example.net>']);
        expect(addresses(parsed.to)).toEqual([' <a@example.org>', 'B, Person <b@example.org>']);
        expect(addresses(parsed.cc)).toEqual([' <c@example.org>']);
        expect(parsed.date?.toISOString()).toBe('2024-04-20T12:00:00.000Z');
    });

    test('the sender is the author\'s directory email when the document has no from:', async () => {
        const document = await withDirectory('meeting: Call\ndate: 2024-01-05\nauthor: @akovacs\n\nNotes.\n');
        const parsed = await simpleParser(await generateEml(document.parseResult.value));
        expect(addresses(parsed.from)).toEqual(['Anja Kovačević <anja.kovacevic@example.org>']);
        expect(parsed.to).toBeUndefined();
    });

    test('a range of dates gives its last day', async () => {
        const document = await withDirectory('meeting: Retreat\ndate: 12-14 June 2024\nfrom: @ssmith\n\nNotes.\n');
        const parsed = await simpleParser(await generateEml(document.parseResult.value));
        expect(parsed.date?.toISOString()).toBe('2024-06-14T12:00:00.000Z');
    });

    test.each([
        ['a sender without an email', 'meeting: Call\ndate: 2024-01-05\nfrom: @noemail\n\nNotes.\n', {}, /Chris Without-Email has no email/],
        ['no date', 'meeting: Call\nfrom: @ssmith\n\nNotes.\n', {}, /needs a date/],
        ['a date that is no day', 'meeting: Call\ndate: June 2024\nfrom: @ssmith\n\nNotes.\n', {}, /not a day/],
        ['a recipient that is no address', 'meeting: Call\ndate: 2024-01-05\nfrom: @ssmith\nto: the whole team\n\nNotes.\n', {}, /not a list of email addresses/],
        ['a line break in --to', 'meeting: Call\ndate: 2024-01-05\nfrom: @ssmith\n\nNotes.\n', { to: 'a@example.org\r\nBcc: evil@example.org' }, /line break/],
        ['a line break in --from', 'meeting: Call\ndate: 2024-01-05\n\nNotes.\n', { from: 'x@example.org\nX-Injected: yes' }, /line break/]
    ])('refuses %s with a message saying what to do', async (_, text, options, message) => {
        const document = await withDirectory(text);
        await expect(generateEml(document.parseResult.value, options)).rejects.toThrow(GenerationError);
        await expect(generateEml(document.parseResult.value, options)).rejects.toThrow(message);
    });

    test('without a sender, an unsent draft: X-Unsent: 1 and no From, for whoever opens it to send', async () => {
        const document = await withDirectory('meeting: Call\ndate: 2024-01-05\nto: list@example.org\n\nNotes.\n');
        const eml = await generateEml(document.parseResult.value);
        expect(eml).toMatch(/^X-Unsent: 1\r$/m);
        expect(eml).not.toMatch(/^From:/m);
        const parsed = await simpleParser(eml);
        expect(parsed.from).toBeUndefined();
        expect(parsed.to).toMatchObject({ text: 'list@example.org' });
        expect(parsed.text).toContain('Notes.');
        const signed = await generateEml(document.parseResult.value, { from: 'Jane <jane@example.org>' });
        expect(signed).not.toMatch(/^X-Unsent:/m);
    });

    test('control characters in a title or a name cannot start a header of their own', async () => {
        const title = 'Evil\u2028Bcc: evil@example.org\u000BX-Injected: yes\u0085more';
        const document = await withDirectory(`meeting: ${title}\ndate: 2024-01-05\nfrom: @ssmith\n\nNotes.\n`);
        const eml = await generateEml(document.parseResult.value);
        const parsed = await simpleParser(eml);
        expect(parsed.headers.has('bcc')).toBe(false);
        expect(parsed.headers.has('x-injected')).toBe(false);
        expect(parsed.subject).toBe('Evil Bcc: evil@example.org X-Injected: yes more, 5 January 2024');
        expect(headerBlock(eml).split('\r\n').filter(line => /^(Bcc|X-Injected):/i.test(line))).toEqual([]);
    });

    test('every example and fixture with a sender makes a message that parses back', async () => {
        for (const { name, document } of await documentsUnderTest()) {
            const eml = await generateEml(document.parseResult.value, { from: 'Notes <notes@example.org>', date: '2024-01-01' });
            const parsed = await simpleParser(eml);
            expect(parsed.text?.replace(/\r\n/g, '\n'), name).toBe(emailBodyOf(outlineOf(document.parseResult.value)));
            expect(parsed.html, name).toBe(htmlOf(outlineOf(document.parseResult.value)));
        }
    });
});
