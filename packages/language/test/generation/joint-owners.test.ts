import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { isSpeakerLine } from '../../src/generated/ast.js';
import { structureOf, type Meeting } from '../../src/model/structure.js';
import { writtenName } from '../../src/model/text.js';
import { wordFidelity } from '../fidelity/word-for-word.js';
import { parse, tokenTypes } from '../helpers/workspace.js';

/**
 * Actions owned jointly, as TC39's notes write them under a conclusion
 * (corpus/tc39-2015-11-18: `DE/AWB will make minor changes + tweaks`, `AWB/JHD to investigate …`):
 * names joined by `/`, `+` or `&`, then `will` or `to` (docs/language.md, "Outcomes").
 */
const DIRECTORY = [
    'person @awirfsbrock Allen Wirfs-Brock',
    '  alias: AWB',
    'person @dehrenberg Daniel Ehrenberg',
    '  alias: DE',
    'person @jharband Jordan Harband',
    '  alias: JHD',
    'person @ykatz Yehuda Katz',
    '  alias: YK',
    'person @ddenicola Domenic Denicola',
    '  alias: DD',
    ''
].join('\n');

const NOTE = [
    'meeting: TC39 meeting, November 18, 2015 (excerpt)',
    'date: 2015-11-18',
    '',
    '#### Conclusion/Resolution',
    '',
    '  - no major change',
    '  - @DE/@AWB will make minor changes + tweaks',
    '  - @AWB/@JHD to investigate Symbol.exec + a pure functional exec kernel',
    '',
    '@YK/@DD: PR',
    '',
    '@YK/@DD PR',
    '',
    '@DE: TypedArray proxy issue',
    ''
].join('\n');

const owners = (meeting: Meeting) => meeting.actions.map(action => [action.ownerMentions.map(m => writtenName(m.party.$refText)), action.owners.map(p => p.name), action.text]);

describe('actions owned jointly: names joined by / then will or to', async () => {
    const document = await parse(NOTE, DIRECTORY);
    const root = document.parseResult.value;
    const meeting = structureOf(root).meetings[0];

    test('lexer: joined names with no colon after them are no speaker\'s; with the colon, a joint turn\'s', () => {
        expect(tokenTypes('- @DE/@AWB will make minor changes')).toEqual(['BULLET:-', 'REF:@DE', 'PROSE:/', 'REF:@AWB', 'PROSE:will make minor changes']);
        expect(tokenTypes('@Ana + @Ben to circulate')).toEqual(['REF:@Ana', 'PROSE:+', 'REF:@Ben', 'PROSE:to circulate']);
        expect(tokenTypes('@YK/@DD: PR')[0]).toBe('SPEAKER_REF:@YK');
        expect(tokenTypes('@YK/@DD [remote]: PR')[0]).toBe('SPEAKER_REF:@YK');
        // One name, or names joined by a comma or `and`, start a turn as before.
        expect(tokenTypes('- @AWB to investigate')[1]).toBe('SPEAKER_REF:@AWB');
        expect(tokenTypes('@Ana and @Ben met')[0]).toBe('SPEAKER_REF:@Ana');
        // In an attendee list, a line of names stays an attendee's line.
        expect(tokenTypes('attendees:\n@Ana/@Ben reporting')).toContain('SPEAKER_REF:@Ana');
    });

    test('each bullet is an action of both owners, and nobody\'s turn', () => {
        expect(owners(meeting)).toEqual([
            [['DE', 'AWB'], ['dehrenberg', 'awirfsbrock'], 'DE/AWB will make minor changes + tweaks'],
            [['AWB', 'JHD'], ['awirfsbrock', 'jharband'], 'AWB/JHD to investigate Symbol.exec + a pure functional exec kernel']
        ]);
        expect(meeting.turns.map(turn => writtenName(turn.line.speaker.$refText))).toEqual(['YK', 'DE']);
    });

    test('outputs print the lines as written, in their list; no word lost, none added', async () => {
        const email = await generate(document, 'email', { width: 1000 });
        expect(email).toContain('\n- no major change\n- DE/AWB will make minor changes + tweaks\n- AWB/JHD to investigate Symbol.exec + a pure functional exec kernel\n');
        expect(email).not.toContain('Action');
        expect(wordFidelity(root, email).lostAt).toEqual([]);
        const json = JSON.parse(await generate(document, 'json', {}));
        expect(json.meetings[0].participants.map((p: { id: string }) => p.id)).toEqual(['m1-ykatz', 'm1-ddenicola', 'm1-dehrenberg']);
    });

    test('joined names followed by neither a colon nor will or to: prose, and a hint that asks, with the joint turn\'s colon as its quick fix', () => {
        const hints = document.diagnostics?.filter(d => d.code === 'joint-names-without-colon') ?? [];
        expect(hints.map(d => [d.range.start.line + 1, d.range.start.character, d.range.end.character])).toEqual([[12, 0, 7]]);
        expect(hints[0].message).toContain('@YK/@DD opens this line with no colon');
        expect(root.blocks.filter(isSpeakerLine).map(line => line.$cstNode?.text.trim())).toEqual(['@YK/@DD: PR', '@DE: TypedArray proxy issue']);
    });
});
