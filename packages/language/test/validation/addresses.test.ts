import { describe, expect, test } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import { generateEml } from '../../src/generation/eml.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { buildWorkspace } from '../helpers/workspace.js';

/**
 * `from:`, `to:` and `cc:` become the headers of an `.eml`: what cannot be an address there
 * is said by `minutes check` (a warning), not first by `minutes generate --format eml`.
 */
const DIRECTORY = `person @mcade Marilyn Cade
  email: marilyn@example.org

person @jdoe Jane Doe

org @secretariat The Secretariat
  email: secretariat@example.org
`;

const meeting = (envelope: string) => `meeting: A call\ndate: 2018-03-19\n${envelope}\n\nWe met.\n`;

async function check(envelope: string): Promise<{ codes: string[]; messages: string[]; eml: string }> {
    const { documents } = await buildWorkspace({ 'call.minutes': meeting(envelope), 'directory.minutes': DIRECTORY });
    const document = documents['call.minutes'];
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === IssueCodes.AddressWithoutEmail || d.code === IssueCodes.NotAnAddress);
    const eml = await generateEml(document.parseResult.value as Document).then(() => 'generated', (error: Error) => `refused: ${error.message}`);
    return { codes: diagnostics.map(d => `${d.code}@${d.range.start.line}:${d.range.start.character}`), messages: diagnostics.map(d => d.message), eml };
}

describe('addresses in from:, to: and cc:', () => {
    test('a person or organisation without email: in the directory', async () => {
        const result = await check('from: @secretariat\nto: @mcade, @jdoe');
        expect(result.codes).toEqual([`${IssueCodes.AddressWithoutEmail}@3:12`]);
        expect(result.messages).toEqual(["Jane Doe has no 'email:' in the directory, so an .eml of this meeting cannot be sent to them: add one to their entry."]);
        expect(result.eml).toBe('refused: to: Jane Doe has no email: in the directory; add one or pass --to');
    });

    test('text that is not an address', async () => {
        const result = await check('from: the secretariat\ncc: list@example.org and all members');
        expect(result.codes).toEqual([`${IssueCodes.NotAnAddress}@2:6`, `${IssueCodes.NotAnAddress}@3:4`]);
        expect(result.messages[0]).toBe("'the secretariat' is not a list of email addresses, so an .eml of this meeting cannot use it: write Name <address>, or @name with an 'email:' in the directory.");
        expect(result.eml).toMatch(/^refused: from: 'the secretariat' is not a list of email addresses/);
    });

    test('addresses written out, mailto: links and people with email: are clean, and the eml is made', async () => {
        const result = await check('from: @secretariat\nto: Marilyn <marilyn@example.org>, list@example.org & @mcade\ncc: mailto:board@example.org');
        expect(result).toEqual({ codes: [], messages: [], eml: 'generated' });
    });
});
