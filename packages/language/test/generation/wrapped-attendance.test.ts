import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { isLine, isSpeakerLine } from '../../src/generated/ast.js';
import { attendeeReference, structureOf, type Attendee } from '../../src/model/structure.js';
import { plainText, writtenName } from '../../src/model/text.js';
import { namesOnlyLine } from '../../src/parser/minutes-lexer.js';
import { wordFidelity } from '../fidelity/word-for-word.js';
import { parse, tokenTypes } from '../helpers/workspace.js';

/**
 * Attendance lists wrapped onto lines that start with a name, as real records write them
 * (docs/language.md, "Attendance"): the French council's `Présents : …,` over two more lines of
 * names, W3C's `Present` over indented lines that end in a comma, TC39's label in bold.
 */
const DIRECTORY = [
    'person @carol Carol Nichols',
    'person @mark Mark Rousskov',
    'person @eholk Eric Holk',
    '  alias: Eric',
    'person @dan Dan Connolly',
    '  alias: DanC',
    'person @jreschke Julian Reschke',
    '  alias: Julian',
    'person @spieterse Sander Pieterse',
    '  alias: Sander',
    'person @ihickson Ian Hickson',
    '  alias: Hixie',
    ''
].join('\n');

const NOTE = [
    'meeting: Wrapped lists',
    'date: 2019-09-16',
    '',
    'Notes of the call.',
    '',
    'Present:',
    '      @DanC, @Julian, @carol,',
    '      @mark[last_10_minutes], @Sander[IRC_only]',
    '',
    'Regrets:',
    '      @Hixie',
    '',
    'attendees:',
    'Présents : @{Carol Nichols}, @{Mark Rousskov},',
    '@Eric, @{Dan Connolly},',
    '@Julian',
    'Council: @carol',
    '',
    'attendees:',
    '**Remote attendees:** @carol (CN), @mark (MR)',
    '',
    '@carol: Hello.',
    '@mark: Hi.',
    '@eholk: Fine.',
    '@dan: Agreed.',
    '@jreschke: Good.',
    '@spieterse: Yes.',
    ''
].join('\n');

const names = (attendees: readonly Attendee[]) => attendees.map(a => [writtenName(attendeeReference(a).$refText), a.attendance, a.note, a.group ? plainText(a.group.text) : undefined]);

async function attendeesOf(lines: string[]): Promise<Attendee[]> {
    const document = await parse(['meeting: m', 'date: 2024-01-19', '', 'Notes.', '', ...lines, ''].join('\n'), DIRECTORY);
    expect(document.parseResult.parserErrors).toEqual([]);
    return structureOf(document.parseResult.value).meetings[0].attendees;
}

describe('attendance lists wrapped onto lines that start with a name', async () => {
    const document = await parse(NOTE, DIRECTORY);
    const root = document.parseResult.value;
    const meeting = structureOf(root).meetings[0];

    test('lexer: a line of names that goes on with a roster\'s list is prose with names, not a speaker\'s line', () => {
        expect(tokenTypes('present: @carol,\n@mark, @dan')).toEqual(['present::present:', 'REF:@carol', 'PROSE:,', 'NL:\n', 'REF:@mark', 'PROSE:,', 'REF:@dan']);
        expect(tokenTypes('present:\n  @carol, @mark')).toEqual(['present::present:', 'NL:\n', 'REF:@carol', 'PROSE:,', 'REF:@mark']);
        // A speaker's line stays one: after a finished list, with words, alone under a bare key, outside a roster.
        expect(tokenTypes('present: @carol\n@mark: Hi.')).toContain('SPEAKER_REF:@mark');
        expect(tokenTypes('present: @carol,\n@mark said hello')).toContain('SPEAKER_REF:@mark');
        expect(tokenTypes('present:\n  @mark')).toContain('SPEAKER_REF:@mark');
        expect(tokenTypes('present:\n@carol, @mark')).toContain('SPEAKER_REF:@carol');
        expect(tokenTypes('present:\n- @carol (ICANN),\n@mark')).toContain('SPEAKER_REF:@mark');
        expect(tokenTypes('present: @carol,\n\n@mark, @dan')).toContain('SPEAKER_REF:@mark');
        expect(tokenTypes('Thanks to @carol,\n@mark, @dan')).toContain('SPEAKER_REF:@mark');
        expect(tokenTypes('agenda: @carol,\n@mark, @dan')).toContain('SPEAKER_REF:@mark');
    });

    test('lexer: a line of names is names, notes closed on the line and separators, perhaps one at its end', () => {
        const only = (line: string, several = false) => namesOnlyLine(line, 0, several);
        expect(['@a', '@a,', '@a, @b', '@{Eric Holk} (remote); @b and @c & @d', '@a, and @b,', '@mjs[last_10_minutes], @b[IRC_only]', '@a (W3C, @b) (remote)'].filter(line => !only(line))).toEqual([]);
        expect(['@a:', '@a said', '@a (W3C', '@a @b', '@a,, @b', '@a, see @b', 'a@b', '@a, https://example.org', '@a andrew'].filter(line => only(line))).toEqual([]);
        expect(only('@a', true)).toBe(false);
        expect(only('@a,', true)).toBe(false);
        expect(only('@a, @b', true)).toBe(true);
    });

    test('parse: each wrapped list is its people, in order, with the label\'s attendance', () => {
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(meeting.rosters.map(roster => names(roster.attendees))).toEqual([
            [['DanC', 'present', '', undefined], ['Julian', 'present', '', undefined], ['carol', 'present', '', undefined],
                ['mark', 'present', '[last_10_minutes]', undefined], ['Sander', 'present', '[IRC_only]', undefined]],
            [['Hixie', 'apologies', '', undefined]],
            [['Carol Nichols', 'present', '', 'Présents : Carol Nichols, Mark Rousskov,'], ['Mark Rousskov', 'present', '', 'Présents : Carol Nichols, Mark Rousskov,'],
                ['Eric', 'present', '', 'Présents : Carol Nichols, Mark Rousskov,'], ['Dan Connolly', 'present', '', 'Présents : Carol Nichols, Mark Rousskov,'],
                ['Julian', 'present', '', 'Présents : Carol Nichols, Mark Rousskov,'], ['carol', 'present', '', 'Council: Carol Nichols']],
            [['carol', 'remote', '(CN)', '**Remote attendees:** Carol Nichols (CN), Mark Rousskov (MR)'], ['mark', 'remote', '(MR)', '**Remote attendees:** Carol Nichols (CN), Mark Rousskov (MR)']]
        ]);
        // The lines of names are no turns.
        expect(meeting.turns.map(turn => turn.line.speaker.$refText)).toEqual(['carol', 'mark', 'eholk', 'dan', 'jreschke', 'spieterse']);
    });

    test('diagnostics: every speaker is an attendee, and nothing else is said', () => {
        expect(document.diagnostics?.map(d => `${d.range.start.line + 1}: ${d.code}`)).toEqual([]);
    });

    test('boundary: a speaker\'s line after a list stays one; a list that ends in a separator and goes on with no names stays a title', async () => {
        const lines = ['attendees:', 'Council: @carol, @mark', '@dan: I chair.'];
        expect(names(await attendeesOf(lines))).toEqual([['carol', 'present', '', 'Council: Carol Nichols, Mark Rousskov'], ['mark', 'present', '', 'Council: Carol Nichols, Mark Rousskov'],
            ['dan', 'present', 'I chair.', 'Council: Carol Nichols, Mark Rousskov']]);
        // `@dan: I chair.` does not go on with the list; right under the roster, it is an attendee's line, as it always was.
        expect(names(await attendeesOf(['present: @carol, @mark,', '@dan: I chair.']))).toEqual([['dan', 'present', 'I chair.', undefined]]);
        const turn = await parse(['meeting: m', 'date: 2024-01-19', '', 'Notes.', '', 'present: @carol, @mark', '', '@dan, @mark', ''].join('\n'), DIRECTORY);
        expect(structureOf(turn.parseResult.value).meetings[0].turns.map(t => t.line.speaker.$refText)).toEqual(['dan']);
        // Under a bare key, one name on its line is an attendee's line, as it always was.
        expect(names(await attendeesOf(['present:', '  @carol (ICANN Board)', '  @mark']))).toEqual([['carol', 'present', '(ICANN Board)', undefined], ['mark', 'present', '', undefined]]);
        // A line after a list that ends in a separator, not a list itself: the list is no list, every word stays.
        expect(names(await attendeesOf(['Present: @carol, @mark,', 'and about forty others']))).toEqual([]);
    });

    test('boundary: a label\'s wrapped list ends at the next label; a label whose list ends in a separator is prose', async () => {
        expect(names(await attendeesOf(['attendees:', 'Council: @carol,', '@mark', 'Observers: @dan']))).toEqual([
            ['carol', 'present', '', 'Council: Carol Nichols,'], ['mark', 'present', '', 'Council: Carol Nichols,'], ['dan', 'observer', '', undefined]
        ]);
        expect(names(await attendeesOf(['attendees:', 'Council: @carol,', '@mark', 'Absents: @dan,', 'Proxies: @dan to @mark']))).toEqual([
            ['carol', 'present', '', 'Council: Carol Nichols,'], ['mark', 'present', '', 'Council: Carol Nichols,']
        ]);
        // As French and Spanish records label their groups: `Absents excusés :` sent apologies.
        expect(names(await attendeesOf(['attendees:', 'Présents : @carol,', '@mark', 'Absents excusés : @dan', 'Ausentes: @eholk']))).toEqual([
            ['carol', 'present', '', 'Présents : Carol Nichols,'], ['mark', 'present', '', 'Présents : Carol Nichols,'],
            ['dan', 'apologies', '', 'Absents excusés : Dan Connolly'], ['eholk', 'absent', '', 'Ausentes: Eric Holk']
        ]);
    });

    test('email: each list with its label as written, on one line, names read as names; someone listed twice printed as written each time', async () => {
        const email = await generate(document, 'email', { width: 1000 });
        expect(email).toContain('\nPresent: DanC, Julian, Carol Nichols, Mark Rousskov[last_10_minutes], Sander[IRC_only]\n');
        expect(email).toContain('\nRegrets:\n- Hixie\n');
        expect(email).toContain('\nAttendees:\n\nPrésents : Carol Nichols, Mark Rousskov, Eric, Dan Connolly, Julian\n\nCouncil: Carol Nichols\n');
        expect(email).toContain('\nAttendees:\n\n**Remote attendees:** Carol Nichols (CN), Mark Rousskov (MR)\n');
        expect(email).not.toContain('Also taking part');
        expect(wordFidelity(root, email).lostAt).toEqual([]);
    });

    test('HTML: each list one line, its label as written, in bold where it is', async () => {
        const html = await generate(document, 'html', {});
        const lines = [...html.matchAll(/<p class="participant-line"[^>]*>(.*?)<\/p>/g)].map(match => match[1].replace(/<(?!\/?strong)[^>]+>/g, ''));
        expect(lines).toEqual([
            'Present: DanC, Julian, Carol Nichols, Mark Rousskov[last_10_minutes], Sander[IRC_only]',
            'Présents : Carol Nichols, Mark Rousskov, Eric, Dan Connolly, Julian',
            'Council: Carol Nichols',
            '<strong>Remote attendees:</strong> Carol Nichols (CN), Mark Rousskov (MR)'
        ]);
        const text = html.replace(/<(head|style|script)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&');
        expect(wordFidelity(root, text).lostAt).toEqual([]);
    });

    test('Markdown and JSON: the same lists', async () => {
        const markdown = await generate(document, 'markdown', {});
        expect(markdown).toContain('\nPrésents : Carol Nichols, Mark Rousskov, Eric, Dan Connolly, Julian\n');
        const json = JSON.parse(await generate(document, 'json', {}));
        const lists = json.meetings[0].body.filter((block: { type: string }) => block.type === 'participants');
        expect(lists.map((list: { groups: Array<{ namedInTitle: number }> }) => list.groups.map(group => group.namedInTitle))).toEqual([[5], [0], [5, 1], [2]]);
    });

    test('someone listed on a line of their own under two names is printed as written each time', async () => {
        const twice = await parse(['meeting: m', 'date: 2024-01-19', '', 'Notes.', '', 'present:', '@DanC', '@Julian (IETF)', '', 'Chair:', '@{Dan Connolly}', '',
            '@dan: Hello.', '@jreschke: Hi.', ''].join('\n'), DIRECTORY);
        const email = await generate(twice, 'email', { width: 1000 });
        expect(email).toContain('\nPresent:\n- DanC\n- Julian (IETF)\n\nChair:\n- Dan Connolly\n');
    });

    test('the source\'s lines are kept: the lines of names are lines of the document, as written', () => {
        const wrapped = root.blocks.filter(block => isLine(block) && block.text?.mentions[0] && /^\s*@/.test(block.$cstNode?.text ?? ''));
        expect(wrapped.map(block => block.$cstNode?.text.trim())).toEqual([
            '@DanC, @Julian, @carol,', '@mark[last_10_minutes], @Sander[IRC_only]', '@Eric, @{Dan Connolly},', '@Julian'
        ]);
        expect(root.blocks.filter(isSpeakerLine).map(block => block.speaker.$refText)).toEqual(['Hixie', 'carol', 'mark', 'eholk', 'dan', 'jreschke', 'spieterse']);
    });
});
