import fc from 'fast-check';
import { simpleParser, type AddressObject } from 'mailparser';
import { beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { GenerationError } from '../../src/generation/generation-error.js';
import { fuzzSettings } from '../fuzz/fuzz-config.js';
import { outlineOf } from '../../src/generation/outline.js';
import type { RichText } from '../../src/generation/rich-text.js';
import { FuzzWorkspace } from '../fuzz/document-checks.js';

/**
 * The `.eml` message, whatever the title, the names and the addresses hold — CR and LF
 * where a value can hold them, the other line and paragraph separators where it cannot
 * (U+2028, U+0085, VT, FF), NUL and other controls, quotes, angle brackets, commas,
 * colons, things that look like encoded words — cannot gain a header, and parses back
 * (mailparser) to exactly the title, names and addresses written, non-ASCII included.
 */
const settings = fuzzSettings();

/** What a header can show of a text: control characters and runs of white space are one space. */
function headerText(text: string): string {
    return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const STANDARD_HEADERS = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'mime-version', 'content-type', 'content-transfer-encoding']);

let workspace: FuzzWorkspace;

beforeAll(async () => {
    workspace = await FuzzWorkspace.create();
});

/** The eml of a meeting titled so, from and to people named so (declared in the same file), parsed back. */
async function message(title: string, senderName: string, recipientName: string, options = {}) {
    const text = `person @sender ${senderName}\n  email: sender@example.org\n\nperson @recipient ${recipientName}\n  email: recipient@example.org\n\n`
        + `meeting: ${title}\ndate: 2024-01-05\nfrom: @sender\nto: @recipient, list@example.org\n\nNotes.\n`;
    return workspace.withDocument(text, async document => {
        const eml = await generate(document, 'eml', options);
        const outline = outlineOf(document.parseResult.value);
        // What the generator means to write: the subject, and the names of the sender and recipient as read.
        const nameOf = (text: RichText | undefined) => text?.flatMap(span => span.kind === 'mention' ? [span.party.displayName ?? span.text] : [])[0] ?? '';
        const meant = { subject: headerText(outline.subject), from: headerText(nameOf(outline.envelope.from)), to: headerText(nameOf(outline.envelope.to)) };
        return { eml, parsed: await simpleParser(eml), meant };
    });
}

function headerBlock(eml: string): string {
    return eml.slice(0, eml.indexOf('\r\n\r\n'));
}

function expectWellFormedHeaders(eml: string): void {
    const block = headerBlock(eml);
    // ASCII only (non-ASCII is encoded), every line ended by CRLF, no bare CR or LF, none longer than 998.
    expect(/^[\x20-\x7E\t\r\n]*$/.test(block)).toBe(true);
    expect(block.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of block.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    // Only the headers a message of Minutes has: nothing was injected.
    const names = block.split('\r\n').filter(line => !/^[ \t]/.test(line)).map(line => line.slice(0, line.indexOf(':')).toLowerCase());
    expect(names.filter(name => !STANDARD_HEADERS.has(name))).toEqual([]);
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): Array<{ name: string; address?: string }> {
    const objects = Array.isArray(field) ? field : field ? [field] : [];
    return objects.flatMap(object => object.value.map(({ name, address }) => ({ name, address })));
}

/** Text a directory name or a title can hold: no CR or LF (they end the line), anything else. */
const hostileText = fc.array(fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
    { weight: 3, arbitrary: fc.constantFrom('Bcc: evil@example.org', 'X-Injected: yes', 'To: <a@b.c>', '=?utf-8?B?QmNjOiBldmls?=', '"quoted"', '<angle@brackets>', 'a, b', 'semi; colon:', '\\', 'Renée', 'Fältström', '李娜', 'مرحبا', '👩🏽‍💻', 'é', '\u202Eevil') },
    { weight: 2, arbitrary: fc.constantFrom('\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\u0000', '\u0007', '\t', '\u001B', '\u00A0') }
), { minLength: 1, maxLength: 12 }).map(parts => parts.join(' ').replace(/[\r\n]/g, ' '));

describe('the eml message', () => {
    test('a line break in a field or an option cannot start a header of its own', async () => {
        const { eml, parsed } = await message('Call\u2028Bcc: evil@example.org\u0085X-Injected: yes', 'Sam\u000BBcc: evil@example.org', 'Rita\u000CX-Injected: 1');
        expectWellFormedHeaders(eml);
        expect(parsed.headers.has('bcc')).toBe(false);
        expect(parsed.headers.has('x-injected')).toBe(false);
        expect(firstAddress(parsed.from)).toEqual([{ name: 'Sam Bcc: evil@example.org', address: 'sender@example.org' }]);
        await expect(message('Call', 'Sam', 'Rita', { to: 'a@example.org\r\nBcc: evil@example.org' })).rejects.toThrow(GenerationError);
        await expect(message('Call', 'Sam', 'Rita', { from: 'Sam <sam@example.org>\nX-Injected: yes' })).rejects.toThrow(GenerationError);
    });

    test('non-ASCII titles and names are encoded and decode to what was written', async () => {
        const title = 'Réunion du comité — 李娜 et مرحبا 👩🏽‍💻 Fältström n\u0303';
        const { eml, parsed } = await message(title, 'Renée Fältström', '李娜');
        expectWellFormedHeaders(eml);
        expect(parsed.subject).toBe(`${title}, 5 January 2024`);
        expect(firstAddress(parsed.from)).toEqual([{ name: 'Renée Fältström', address: 'sender@example.org' }]);
        expect(firstAddress(parsed.to)).toEqual([{ name: '李娜', address: 'recipient@example.org' }, { name: '', address: 'list@example.org' }]);
        expect(parsed.text).toContain('Réunion du comité');
        expect(parsed.html).toContain('Réunion du comité');
    });

    test('a title or a name shaped like an encoded word reads as written, not as what it decodes to', async () => {
        // `=?utf-8?B?QmNjOiBldmls?=` decodes to "Bcc: evil": a sender could show as anyone.
        const spoof = '=?utf-8?B?QmNjOiBldmls?=';
        const { eml, parsed } = await message(`${spoof} 𐀀 call`, spoof, `Rita ${spoof}`);
        expectWellFormedHeaders(eml);
        expect(parsed.subject).toBe(`${spoof} 𐀀 call, 5 January 2024`);
        expect(firstAddress(parsed.from)).toEqual([{ name: spoof, address: 'sender@example.org' }]);
        expect(firstAddress(parsed.to)[0]).toEqual({ name: `Rita ${spoof}`, address: 'recipient@example.org' });
    });

    test('any title and names: headers stay well-formed, nothing is injected, everything parses back (property)', async () => {
        let checked = 0;
        await fc.assert(fc.asyncProperty(hostileText, hostileText, hostileText, async (title, sender, recipient) => {
            // A name or title that reads as Minutes syntax (a comment, a reference) is not the text under test.
            fc.pre(!/\/\/|\/\*|@|#|^\s*[-*•·>]|\\/.test(title + sender + recipient));
            let result;
            try {
                result = await message(title, sender, recipient);
            } catch (error) {
                // A name the directory cannot take (empty once read) leaves the sender without a name: that is all.
                if (error instanceof GenerationError) return;
                throw error;
            }
            const { eml, parsed, meant } = result;
            checked++;
            expectWellFormedHeaders(eml);
            expect(parsed.headers.has('bcc')).toBe(false);
            expect(parsed.headers.has('x-injected')).toBe(false);
            expect(firstAddress(parsed.from).map(a => a.address)).toEqual(['sender@example.org']);
            expect(firstAddress(parsed.to).map(a => a.address)).toEqual(['recipient@example.org', 'list@example.org']);
            // Each decodes to exactly what the document says: nothing was read as an encoded word or lost.
            expect(firstAddress(parsed.from)[0].name).toBe(meant.from);
            expect(firstAddress(parsed.to)[0].name).toBe(meant.to);
            expect(parsed.subject).toBe(meant.subject);
        }), { seed: settings.seed, numRuns: settings.runs ?? 100, interruptAfterTimeLimit: settings.seconds ? settings.seconds * 1000 : undefined });
        expect(checked).toBeGreaterThan(20);
    }, settings.long ? 0 : 60_000);
});
