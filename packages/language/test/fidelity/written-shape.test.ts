import { describe, expect, test } from 'vitest';
import { generateEmail } from '../../src/generation/email.js';
import { generateHtml } from '../../src/generation/html.js';
import { generateJson } from '../../src/generation/json.js';
import { generateMarkdown } from '../../src/generation/markdown.js';
import { parse } from '../helpers/workspace.js';

/**
 * Issue 12, one test per thing seen: the outputs keep what the note-taker wrote — paragraphs
 * as written (consecutive lines are one paragraph), the written shape of turns, labels and
 * colons, and every `Word:` line the language does not read as a key, word for word.
 */
const directory = [
    'person @mcade Marilyn Cade',
    '  org: @ICANN-BC',
    'person @ttropina Tatiana Tropina',
    'person @priya Priya Rao',
    'org @ICANN-BC ICANN Business Constituency'
].join('\n');

const header = 'meeting: Test meeting\ndate: 2018-03-19\n\n';

async function outputs(body: string, head = header) {
    const document = await parse(head + body, directory);
    const ast = document.parseResult.value;
    const problems = (document.diagnostics ?? []).filter(d => d.severity === 1 || d.severity === 2).map(d => `${d.range.start.line + 1}: ${d.message}`);
    return {
        problems,
        email: generateEmail(ast, { width: 1000 }),
        json: JSON.parse(generateJson(ast)),
        html: generateHtml(ast),
        markdown: generateMarkdown(ast)
    };
}

/** The email's paragraphs: chunks separated by blank lines, each on one line (wrapping is off at width 1000). */
function paragraphs(email: string): string[] {
    return email.split(/\n\s*\n/).map(chunk => chunk.trim());
}

describe('hard-wrapped text is one paragraph', () => {
    test('an inline turn whose sentence continues on the next line', async () => {
        const { email, json, problems } = await outputs('@ttropina: We should establish in our charter that we have phases for\nbeginning, middle and end of the work.\n');
        expect(problems).toEqual([]);
        expect(paragraphs(email)).toContain('Tatiana Tropina: We should establish in our charter that we have phases for beginning, middle and end of the work.');
        const turn = json.meetings[0].body.find((block: { type: string }) => block.type === 'turn').turn;
        expect(turn.text.text).toBe('We should establish in our charter that we have phases for beginning, middle and end of the work.');
        expect(turn.body).toEqual([]);
    });

    test('a narrated turn', async () => {
        const { email } = await outputs('@mcade noted that we should\nmove on to the next item.\n');
        expect(paragraphs(email)).toContain('Marilyn Cade noted that we should move on to the next item.');
    });

    test('a decision, an action and an update', async () => {
        const { email } = await outputs([
            'decision: The group adopts its charter',
            'as amended on the call.',
            '',
            'action #c1 @priya: Circulate the charter',
            'to the list.',
            '',
            'update #c1 done: Circulated',
            'on 2 April.',
            ''
        ].join('\n'));
        expect(paragraphs(email)).toContain('Decision: The group adopts its charter as amended on the call.');
        expect(paragraphs(email)).toContain('Action #c1 (Priya Rao): Circulate the charter to the list.');
        expect(paragraphs(email)).toContain('Update on #c1 (done): Circulated on 2 April.');
    });

    test('list items and bullet turns whose text continues, indented or not', async () => {
        const { email, json } = await outputs([
            'Points raised:',
            '- the first point runs',
            '  onto a second line',
            '- the second point runs',
            'onto a line that is not indented',
            '',
            '- @mcade: good progress on the',
            '  charter.',
            ''
        ].join('\n'));
        expect(email).toContain('- the first point runs onto a second line\n- the second point runs onto a line that is not indented');
        expect(email).toContain('- Marilyn Cade: good progress on the charter.');
        const round = json.meetings[0].body.find((block: { type: string }) => block.type === 'turns');
        expect(round.turns[0].text.text).toBe('good progress on the charter.');
        expect(round.turns[0].body).toEqual([]);
    });

    test('a blank line still separates paragraphs of a turn', async () => {
        const { email } = await outputs('@ttropina: First paragraph\nof the turn.\n\nSecond paragraph.\n');
        expect(paragraphs(email)).toContain('Tatiana Tropina: First paragraph of the turn.');
        expect(paragraphs(email)).toContain('Second paragraph.');
    });
});

describe('what was written is not rewritten', () => {
    test('a bullet turn keeps its colon', async () => {
        const { email, markdown } = await outputs('- @mcade: good progress\n');
        expect(email).toContain('- Marilyn Cade: good progress');
        expect(markdown).toContain('Marilyn Cade**: good progress');
    });

    test('an inline `@name: point` turn stays inline, with no organisation added', async () => {
        const { email } = await outputs('@mcade: I think this is fine.\n\n@ttropina: So do I.\n');
        expect(paragraphs(email)).toContain('Marilyn Cade: I think this is fine.');
        expect(paragraphs(email)).toContain('Tatiana Tropina: So do I.');
        // The organisation is in the header's list of participants, a labelled field, and not in the turn.
        expect(email.match(/ICANN Business Constituency/g)).toHaveLength(1);
    });

    test('a headed turn stays headed', async () => {
        const { email } = await outputs('@mcade:\nI think this is fine.\n');
        expect(email).toContain('Marilyn Cade (ICANN Business Constituency)\n\nI think this is fine.');
    });

    test('an action without an owner has one colon', async () => {
        const { email } = await outputs('action: Priya to file an issue.\n');
        expect(paragraphs(email)).toContain('Action: Priya to file an issue.');
        expect(email).not.toContain(': :');
    });

    test('an outcome whose text has a label of its own is not labelled twice', async () => {
        const { email } = await outputs('decision: Consensus: adopt the charter.\n');
        expect(email).not.toMatch(/Decision: Consensus:/);
        expect(paragraphs(email)).toContain('Consensus: adopt the charter.');
    });
});

describe('words in prose are not taken for keys', () => {
    for (const line of [
        'Recording: still missing for the second half of the call.',
        'Room: the heating was off, so we moved to Salle B.',
        'Venue: to be decided at the next call.',
        'Note: the recording is on the wiki.',
        'Role: the chair explained her role.',
        'Email: replies went to the list.',
        'Country: each country spoke in turn.'
    ]) {
        test(`"${line}" in the body is prose, in place, with no error`, async () => {
            const { email, json, problems } = await outputs(`The session opened on time.\n\n${line}\n\nThe session closed.\n`);
            expect(problems).toEqual([]);
            const chunks = paragraphs(email);
            const at = chunks.indexOf(line);
            expect(at).toBeGreaterThan(chunks.indexOf('The session opened on time.'));
            expect(chunks.indexOf('The session closed.')).toBe(at + 1);
            expect(json.metadata.map((entry: { key: string }) => entry.key)).toEqual(['date']);
        });
    }

    for (const line of ['Summary: we agreed on the charter.', 'Agenda: the chair reviewed the agenda.', 'Next steps: we meet again in May.', 'Action: Priya to file an issue.']) {
        test(`"${line}" keeps its words in the email`, async () => {
            const { email } = await outputs(`The session opened on time.\n\n${line}\n`);
            expect(paragraphs(email)).toContain(line);
        });
    }

    test('header fields are read in the header', async () => {
        const { json } = await outputs('The session opened.\n', 'meeting: Test\ndate: 2018-03-19\nroom: Salle X\nrecording: https://example.org/r\n\n');
        expect(json.metadata.map((entry: { key: string }) => entry.key)).toEqual(['date', 'room', 'recording']);
    });
});

describe('`key :` with a space before the colon, as French typography writes it', () => {
    test('is the key: nothing is dropped', async () => {
        const { email, problems } = await outputs('La séance est ouverte.\n', 'meeting : Réunion du groupe\ndate : 19 mars 2018\nvenue :\tGenève\n\n');
        expect(problems).toEqual([]);
        expect(email).toContain('Réunion du groupe\n=================');
        expect(email).toContain('Date:  19 mars 2018');
        expect(email).toContain('Venue: Genève');
    });

    test('an outcome key with a space before its colon keeps its kind', async () => {
        const { json } = await outputs('decision : La charte est adoptée.\n');
        expect(json.meetings[0].outcomes[0].kind).toBe('decision');
        expect(json.meetings[0].outcomes[0].label).toBe('Decision');
    });
});

describe('every list keeps its label', () => {
    const body = [
        'attendees:', '- @mcade', '',
        'apologies:', '- @ttropina', '',
        'absent:', '- @priya', '',
        'remote:', '- @{Ann Other}', '',
        'observers:', '- @{Obi Server}', '',
        'staff:', '- @{Stu Taff}', '',
        'The meeting opened.', ''
    ].join('\n');
    const labels = ['Attendees', 'Apologies', 'Absent', 'Remote', 'Observers', 'Staff'];

    test('in the email', async () => {
        const { email } = await outputs(body);
        for (const label of labels) expect(email).toMatch(new RegExp(`^${label}:$`, 'm'));
    });

    test('in HTML', async () => {
        const { html } = await outputs(body);
        for (const label of labels) expect(html).toMatch(new RegExp(`<caption>${label}</caption>`));
    });

    test('in Markdown', async () => {
        const { markdown } = await outputs(body);
        for (const label of labels) expect(markdown).toMatch(new RegExp(`^\\*\\*${label}\\*\\*`, 'm'));
    });

    test('in JSON', async () => {
        const { json } = await outputs(body);
        const lists = json.meetings[0].body.filter((block: { type: string }) => block.type === 'participants');
        expect(lists.map((list: { label: string }) => list.label)).toEqual(labels);
    });
});

describe('header fields outside any meeting are printed, in every output', () => {
    const cases: Array<[string, string]> = [
        ['a file with no meeting', 'venue: Geneva\nchair: Marie Curie\n\nSome text.\n'],
        ['fields above the one meeting', 'venue: Geneva\nchair: Marie Curie\n\nmeeting: A\ndate: 2018-03-19\n\nText A.\n'],
        ['fields above several meetings', 'venue: Geneva\nchair: Marie Curie\n\nmeeting: A\ndate: 2018-03-19\n\nText A.\n\nmeeting: B\ndate: 2018-03-20\n\nText B.\n']
    ];
    test.each(cases)('%s: the words of every field are in the email, the Markdown and the HTML, and the JSON holds them', async (_name, text) => {
        const { email, markdown, html, json, problems } = await outputs(text, '');
        expect(problems).toEqual([]);
        for (const output of [email, markdown, html]) {
            expect(output).toMatch(/Venue:?(<\/dt>\s*<dd>|\*\*|\s)+Geneva/);
            expect(output).toContain('Marie Curie');
        }
        // The document's header; with one meeting it is that meeting's.
        const metadata = json.metadata as Array<{ key: string; value: { text: string } }>;
        expect(metadata.filter(entry => entry.key === 'venue').map(entry => entry.value.text)).toEqual(['Geneva']);
    });
});

describe('an attendee list of names written without @', () => {
    test('prints its label and the names as a list, with no empty table, in the HTML, the Markdown and the email', async () => {
        const { html, markdown, email, problems } = await outputs('attendees:\n  - Catherine Holmes\n  - Natalia Bidart\n\nThe council met.\n');
        expect(problems).toEqual([]);
        expect(html).not.toMatch(/<tbody>\s*<\/tbody>/);
        expect(html).toMatch(/<p class="label" dir="auto">Attendees<\/p>\s*<ul>\s*<li>Catherine Holmes<\/li>\s*<li>Natalia Bidart<\/li>/);
        expect(markdown).not.toContain('| Name |');
        expect(markdown).toMatch(/\*\*Attendees\*\*\n\n- Catherine Holmes\n- Natalia Bidart/);
        expect(email).toMatch(/Attendees:\n\n?- Catherine Holmes\n- Natalia Bidart/);
    });
});
