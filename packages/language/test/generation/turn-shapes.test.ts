import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { docxOf } from '../../src/generation/docx.js';
import { generate } from '../../src/generation/generate.js';
import { outlineOf } from '../../src/generation/outline.js';
import { flatten, type TurnOutline } from '../../src/generation/render-model.js';
import { meetingStatistics } from '../../src/ledger/speaking-statistics.js';
import { structureOf } from '../../src/model/structure.js';
import { buildWorkspace } from '../helpers/workspace.js';

/**
 * The turn shapes of other communities' records (issue 13): narration after a turn,
 * numbered paragraphs as turns, speakers by office, delegation or group, joint speakers.
 */
const DIRECTORY = [
    'person @espina Dr E. SPINA',
    '  org: @Italy',
    'person @alotaibi Mr. Al-Otaibi',
    '  org: @Kuwait',
    'person @ana Ana Lopes',
    'person @ben Ben Okafor',
    'country @Italy Italy',
    'country @Kuwait Kuwait',
    'country @Belarus Belarus',
    '  stakeholder: government',
    ''
].join('\n');

const NOTE = [
    'meeting: Eighth plenary meeting',
    'date: 2017-05-24',
    'chair: @espina',
    '',
    '1. @{Mr. Al-Otaibi} (@Kuwait) said that the Agency needed support.',
    '',
    '2. His country had donated funds to the appeal.',
    '',
    '3. @{The CHAIRMAN} thanked the delegate.',
    '',
    '1.1@{The Councillor from Belarus} introduced the document.',
    '',
    '@{Several councillors} indicated modifications.',
    '',
    '@ana + @ben:',
    'We support the proposal.',
    '',
    'narration:',
    'As you can see we have several options on the table.',
    '',
    '@MODERATOR: Thank you all.',
    ''
].join('\n');

async function load(note = NOTE) {
    const { documents } = await buildWorkspace({ 'note.minutes': note, 'directory.minutes': DIRECTORY });
    return documents['note.minutes'];
}

function turnsOf(document: Awaited<ReturnType<typeof load>>, options = {}): TurnOutline[] {
    return flatten(outlineOf(document.parseResult.value, options).blocks)
        .flatMap(block => block.kind === 'turn' ? [block.turn] : block.kind === 'turns' ? block.turns : []);
}

describe('turn shapes of summary records and transcripts', async () => {
    const document = await load();
    const meeting = structureOf(document.parseResult.value).meetings[0];

    test('parse: numbered turns keep their number; phrases resolve to the office holder or the country', () => {
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        expect(meeting.turns.map(turn => [turn.line.number, turn.speaker?.name, turn.phrase?.kind, turn.jointWith.map(m => m.party.ref?.name)])).toEqual([
            ['1.', 'alotaibi', undefined, []],
            ['3.', 'espina', 'office', []],
            ['1.1', 'Belarus', 'delegation', []],
            [undefined, undefined, 'group', []],
            [undefined, 'ana', undefined, ['ben']],
            [undefined, undefined, 'office', []]
        ]);
        // Paragraph 2 goes on with Mr. Al-Otaibi's statement.
        expect(meeting.turns[0].paragraphs).toHaveLength(1);
        // `narration:` ends the joint turn: its paragraph belongs to no one.
        expect(meeting.turns[4].paragraphs.flatMap(p => p.kind === 'paragraph' ? p.lines : []).map(l => l.$cstNode?.text.trim())).toEqual(['We support the proposal.']);
    });

    test('"The Chairman" names the chair of the meeting it is written in', async () => {
        const two = await load([
            'meeting: First', 'date: 2017-05-22', 'chair: @espina', '', '@{The Chairman}: Good morning.', '',
            'meeting: Second', 'date: 2017-05-23', 'chair: @alotaibi', '', '@{The Chairman}: Good afternoon.', ''
        ].join('\n'));
        const meetings = structureOf(two.parseResult.value).meetings;
        expect(meetings.map(m => m.turns[0].speaker?.name)).toEqual(['espina', 'alotaibi']);
    });

    test('"The Secretary-General" finds the office of the directory; a "The …" nothing names is an unknown speaker', async () => {
        const { documents } = await buildWorkspace({
            'note.minutes': 'meeting: M\ndate: 2017-05-22\n\n1.1@{The Secretary-General} introduced the list.\n\n@{The Beatles}: Yesterday.\n\n@MODERATOR: Welcome.\n',
            'directory.minutes': 'office @ITU-SG Secretary-General\n'
        });
        const note = documents['note.minutes'];
        const turns = structureOf(note.parseResult.value).meetings[0].turns;
        expect(turns.map(turn => turn.speaker?.name)).toEqual(['ITU-SG', undefined, undefined]);
        // The moderator the header does not name speaks unnamed: no error; the Beatles are no office.
        expect(note.diagnostics?.filter(d => d.severity === 1).map(d => d.message)).toEqual([expect.stringContaining("'The Beatles'")]);
    });

    test('a phrase that heads its turn stands as written, without the holder\'s organisation', async () => {
        const headed = await load('meeting: M\ndate: 2017-05-22\nchair: @espina\n\n1. @{The Chairman}:\nopened the meeting.\n');
        const [turn] = turnsOf(headed);
        expect([turn.style, turn.prefix, turn.name.map(span => span.text).join('')]).toEqual(['heading', '1. ', 'The Chairman']);
    });

    test('the outline prints each phrase as written, with the number before it', () => {
        const turns = turnsOf(document);
        expect(turns.map(turn => [turn.prefix, turn.speaker.text, turn.phrase, turn.style])).toEqual([
            ['1. ', 'Mr. Al-Otaibi', undefined, 'inline'],
            ['3. ', 'The CHAIRMAN', 'office', 'inline'],
            ['1.1', 'The Councillor from Belarus', 'delegation', 'inline'],
            ['', 'Several councillors', 'group', 'inline'],
            ['', 'Ana Lopes', undefined, 'heading'],
            ['', 'MODERATOR', 'office', 'inline']
        ]);
        expect(turns[4].jointWith.map(span => span.text)).toEqual(['Ben Okafor']);
        expect(turns[3].speaker.party.kind).toBe('group');
        expect(turns[5].speaker.party.kind).toBe('office');
    });

    const EXPECTED = [
        '1. Mr. Al-Otaibi (Kuwait) said that the Agency needed support.',
        '2. His country had donated funds to the appeal.',
        '3. The CHAIRMAN thanked the delegate.',
        '1.1The Councillor from Belarus introduced the document.',
        'Several councillors indicated modifications.',
        'Ana Lopes + Ben Okafor:',
        'We support the proposal.',
        'As you can see we have several options on the table.',
        'MODERATOR: Thank you all.'
    ];

    test.each(['email', 'markdown', 'html', 'eml'] as const)('%s prints every line as written, in order', async format => {
        // Tags, bold marks, Markdown's escapes and quoted-printable soft breaks out; wrapped lines joined.
        const output = (await generate(document, format)).replace(/=\r?\n/g, '').replace(/<[^>]+>|\*\*|\\(?=[.])/g, '').replace(/\s+/g, ' ');
        let from = 0;
        for (const line of EXPECTED) {
            const at = output.indexOf(line, from);
            expect(at, line).toBeGreaterThanOrEqual(from);
            from = at + line.length;
        }
    });

    test('Word prints every line as written', async () => {
        const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docxOf(outlineOf(document.parseResult.value))) })).value;
        for (const line of EXPECTED) expect(text, line).toContain(line);
    });

    test('JSON gives the number, the joint speakers and the phrase', async () => {
        const json = JSON.parse(await generate(document, 'json'));
        const turns = json.meetings[0].body.filter((block: { type: string }) => block.type === 'turn').map((block: { turn: unknown }) => block.turn);
        expect(turns.map((turn: { number?: string; phrase?: string; speaker: { kind: string } }) => [turn.number, turn.phrase, turn.speaker.kind])).toEqual([
            ['1.', undefined, 'person'], ['3.', 'office', 'person'], ['1.1', 'delegation', 'organisation'],
            [undefined, 'group', 'group'], [undefined, undefined, 'person'], [undefined, 'office', 'office']
        ]);
        expect(turns[4].jointWith.map((party: { handle: string }) => party.handle)).toEqual(['ben']);
    });

    test('stats count joint turns and unnamed groups apart, credited to no one', () => {
        const statistics = meetingStatistics(meeting);
        expect(statistics.joint.interventions).toBe(1);
        expect(statistics.unnamedGroups.interventions).toBe(1);
        expect(statistics.speakers.map(s => s.key)).not.toContain('@ana');
        expect(statistics.speakers.map(s => s.key)).not.toContain('Several councillors');
        expect(statistics.organisations.map(o => o.key)).toContain('@Belarus');
        const shares = [...statistics.groups, statistics.ungrouped, statistics.unidentified, statistics.joint, statistics.unnamedGroups]
            .reduce((sum, tally) => sum + tally.wordShare, 0);
        expect(shares).toBeCloseTo(1);
    });

    test('the HTML\'s "Who spoke" shows joint turns and unnamed groups as rows of their own', async () => {
        const html = await generate(document, 'html');
        const whoSpoke = html.slice(html.indexOf('class="who-spoke'));
        expect(whoSpoke).toContain('joint turns');
        expect(whoSpoke).toContain('unnamed groups');
    });

    test('attribution none names no one: offices, delegations and joint speakers read as participants', async () => {
        for (const format of ['email', 'markdown', 'html', 'json'] as const) {
            const output = await generate(document, format, { attribution: 'none' });
            for (const name of ['SPINA', 'Al-Otaibi', 'CHAIRMAN', 'Belarus', 'Ana', 'Ben', 'espina', 'alotaibi']) {
                expect(output, `${format}: ${name}`).not.toContain(name);
            }
            // A group names no one: it stays as written.
            expect(output, format).toContain('Several councillors');
        }
    });
});

describe('numbered items that are not turns', () => {
    test('a list written line after line, an indented list and an agenda keep their items, mentions and all', async () => {
        const { documents } = await buildWorkspace({
            'note.minutes': [
                'meeting: M', 'date: 2017-05-22', '', 'agenda:', '1. @ana to open', '', '@ana: Three points.', '1. @ben is right', '2. @ben is late', '',
                '   3. @ben again', '', 'next steps:', '1. @ben to circulate the report', '2. @ana to follow up', ''
            ].join('\n'),
            'directory.minutes': DIRECTORY
        });
        const meeting = structureOf(documents['note.minutes'].parseResult.value).meetings[0];
        expect(meeting.turns.map(turn => turn.speaker?.name)).toEqual(['ana']);
        expect(meeting.agendas[0].lines).toHaveLength(1);
        expect(meeting.outcomes[0].paragraphs.flatMap(p => p.kind === 'list' ? p.items : [])).toHaveLength(2);
    });

    test('a number stuck to a name inside a paragraph is prose, as written', async () => {
        const { documents } = await buildWorkspace({
            'note.minutes': 'meeting: M\ndate: 2017-05-22\n\nThe document was\n1.1@ben and friends.\n',
            'directory.minutes': DIRECTORY
        });
        const meeting = structureOf(documents['note.minutes'].parseResult.value).meetings[0];
        expect(meeting.turns).toEqual([]);
        const email = await generate(documents['note.minutes'], 'email');
        expect(email).toContain('The document was 1.1@ben and friends.');
    });
});

describe('joint turns and attendance', () => {
    test('the other speakers of a joint turn spoke: no silent-attendee hint for them', async () => {
        const { documents } = await buildWorkspace({
            'note.minutes': 'meeting: M\ndate: 2017-05-22\n\nattendees:\n- @ana\n- @ben\n\n@ana + @ben: We agree.\n',
            'directory.minutes': DIRECTORY
        });
        expect(documents['note.minutes'].diagnostics?.map(d => d.code)).not.toContain('silent-attendee');
    });
});
