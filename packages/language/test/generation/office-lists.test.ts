import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { attendeeReference, structureOf, type Attendee, type Meeting } from '../../src/model/structure.js';
import { writtenName } from '../../src/model/text.js';
import { wordFidelity } from '../fidelity/word-for-word.js';
import { parse } from '../helpers/workspace.js';

/**
 * The meeting's offices listed after its attendance, as W3C's minutes (scribe.perl) list them:
 * `Present`, `Regrets`, then `Chair` and `Scribe`, each over its names
 * (corpus/w3c-html-wg-2007-08-02; https://www.w3.org/2001/tag/2013/10/02-minutes.html writes
 * them with no blank line between). `Chair:` and `Scribe:` name who chairs and who takes the
 * notes: they are no group of the `Regrets:` list before them (docs/language.md, "Attendance").
 */
const DIRECTORY = [
    'person @dconnolly Dan Connolly',
    '  alias: DanC',
    'person @msmith Michael Smith',
    '  alias: MikeSmith',
    'person @ihickson Ian Hickson',
    '  alias: Hixie',
    'person @jreschke Julian Reschke',
    '  alias: Julian',
    'person @plinss Peter Linss',
    ''
].join('\n');

const W3C = [
    'meeting: HTML WG 2007-08-02 phone conference',
    'date: 2007-08-02',
    '',
    'Minutes, HTML WG 2007-08-02 phone conference',
    '',
    'Present:',
    '      @DanC, @Julian, @MikeSmith',
    '',
    'Regrets:',
    '      @Hixie',
    '',
    'Chair:',
    '      @{Dan Connolly}',
    '',
    'Scribe:',
    '      @MikeSmith',
    '',
    '@DanC: Let us start.',
    ''
].join('\n');

const lists = (meeting: Meeting) => meeting.rosters.map(list => [list.office ?? null, ...list.attendees.map(attendee => `${name(attendee)} ${attendee.attendance}`)]);
const name = (attendee: Attendee) => writtenName(attendeeReference(attendee).$refText);

async function meetingOf(lines: string[]): Promise<Meeting> {
    const document = await parse(['meeting: m', 'date: 2024-01-19', '', 'Notes.', '', ...lines, ''].join('\n'), DIRECTORY);
    expect(document.parseResult.parserErrors).toEqual([]);
    return structureOf(document.parseResult.value).meetings[0];
}

describe('offices listed after the attendance (W3C\'s Chair and Scribe)', async () => {
    const document = await parse(W3C, DIRECTORY);
    const root = document.parseResult.value;
    const meeting = structureOf(root).meetings[0];

    test('Chair: and Scribe: after a blank line are the offices\' lists, not groups of the regrets', () => {
        expect(lists(meeting)).toEqual([
            [null, 'DanC present', 'Julian present', 'MikeSmith present'],
            [null, 'Hixie apologies'],
            ['chair', 'Dan Connolly present'],
            ['notetaker', 'MikeSmith present']
        ]);
        expect(meeting.offices.map(holder => `${holder.office} ${holder.party?.name}`)).toEqual(['chair dconnolly', 'notetaker msmith']);
        expect(meeting.attendees.filter(attendee => attendee.attendance === 'apologies').map(name)).toEqual(['Hixie']);
        // Only the hints that Julian and MikeSmith, present, say nothing.
        expect(document.diagnostics?.map(d => `${d.range.start.line + 1}: ${d.code}`)).toEqual(['7: silent-attendee', '7: silent-attendee']);
    });

    test('JSON: the regrets hold Hixie alone; the chair and the scribe are lists of their own, their people holding the office', async () => {
        const json = JSON.parse(await generate(document, 'json', {}));
        const body = json.meetings[0].body.filter((block: { type: string }) => block.type === 'participants');
        expect(body.map((list: { label: string; participants: string[]; groups: Array<{ participants: string[] }> }) =>
            [list.label, list.participants, list.groups.map(group => group.participants)])).toEqual([
            ['Present', ['m1-dconnolly', 'm1-jreschke', 'm1-msmith'], [['m1-dconnolly', 'm1-jreschke', 'm1-msmith']]],
            ['Regrets', ['m1-ihickson'], [['m1-ihickson']]],
            ['Chair', ['m1-dconnolly'], [['m1-dconnolly']]],
            ['Scribe', ['m1-msmith'], [['m1-msmith']]]
        ]);
        const roles = Object.fromEntries(json.meetings[0].participants.map((p: { id: string; roles: string[] }) => [p.id, p.roles]));
        expect(roles).toMatchObject({ 'm1-dconnolly': ['chair'], 'm1-msmith': ['notetaker'], 'm1-ihickson': [] });
    });

    test('email: every list printed where and as written, no word lost', async () => {
        const email = await generate(document, 'email', { width: 1000 });
        expect(email).toContain('\nRegrets:\n- Hixie\n\nChair:\n- Dan Connolly\n\nScribe:\n- MikeSmith\n');
        expect(wordFidelity(root, email).lostAt).toEqual([]);
    });

    test('with no blank line between, and written on one line, an office\'s label still ends the list before it', async () => {
        expect(lists(await meetingOf(['Regrets:', '@Hixie', 'Chair:', '@{Dan Connolly}', 'Scribe:', '@MikeSmith']))).toEqual([
            [null, 'Hixie apologies'], ['chair', 'Dan Connolly present'], ['notetaker', 'MikeSmith present']
        ]);
        expect(lists(await meetingOf(['Regrets: @Hixie', '', 'Chair: @{Dan Connolly}, @{Peter Linss}', 'Scribe: @MikeSmith']))).toEqual([
            [null, 'Hixie apologies'], ['chair', 'Dan Connolly present', 'Peter Linss present'], ['notetaker', 'MikeSmith present']
        ]);
        // Two chairs, wrapped under the label as W3C writes them.
        expect(lists(await meetingOf(['Regrets:', '      @Hixie', 'Chairs:', '      @{Dan Connolly}, @{Peter Linss}']))).toEqual([
            [null, 'Hixie apologies'], ['chair', 'Dan Connolly present', 'Peter Linss present']
        ]);
    });

    test('in a header too: `Chair:` alone after the attendance is no header field over a turn, and two chairs wrap under it', async () => {
        const header = await parse(W3C.replace('Minutes, HTML WG 2007-08-02 phone conference\n\n', ''), DIRECTORY);
        const inHeader = structureOf(header.parseResult.value).meetings[0];
        expect(lists(inHeader)).toEqual(lists(meeting));
        expect(inHeader.turns.map(turn => turn.line.speaker.$refText)).toEqual(['DanC']);
        const email = await generate(header, 'email', { width: 1000 });
        expect(email).toContain('\nRegrets:\n- Hixie\n\nChair:\n- Dan Connolly\n\nScribe:\n- MikeSmith\n');
        expect(wordFidelity(header.parseResult.value, email).lostAt).toEqual([]);
        // The lexer reads the line of names under the label after a blank line as the list's, as under `Present:`.
        expect(lists(await meetingOf(['Regrets:', '      @Hixie', '', 'Chair:', '      @{Dan Connolly}, @{Peter Linss}', '', 'Scribe:', '      @MikeSmith']))).toEqual([
            [null, 'Hixie apologies'], ['chair', 'Dan Connolly present', 'Peter Linss present'], ['notetaker', 'MikeSmith present']
        ]);
        // `chair:` with its holder on its line stays the header's field.
        const field = await parse(['meeting: m', 'date: 2024-01-19', 'regrets: @Hixie', '', 'chair: @DanC', ''].join('\n'), DIRECTORY);
        expect(structureOf(field.parseResult.value).meetings[0].fields.map(f => f.key)).toContain('chair:');
    });

    test('boundary: a label that names no office is still a group across a blank line; an office\'s label elsewhere is prose', async () => {
        expect(lists(await meetingOf(['attendees:', '@DanC', '', 'Representatives of specialized agencies:', '@Julian']))).toEqual([
            [null, 'DanC present', 'Julian present']
        ]);
        const apart = await meetingOf(['Chair:', '@{Dan Connolly}: Welcome.']);
        expect(lists(apart)).toEqual([]);
        expect(apart.turns.map(turn => turn.line.speaker.$refText)).toEqual(['Dan Connolly']);
        // After a list, an office's label takes the speaker line under it as a list key does (`@DanC: Welcome.` under `Regrets:` is an attendee's line).
        const turn = await meetingOf(['Regrets: @Hixie', '', 'Chair:', '@DanC: Welcome.']);
        expect(lists(turn)).toEqual([[null, 'Hixie apologies'], ['chair', 'DanC present']]);
    });
});
