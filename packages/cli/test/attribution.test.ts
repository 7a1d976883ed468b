import { simpleParser } from 'mailparser';
import { describe, expect, test } from 'vitest';
import { runCli, tempWorkspace } from './helpers/run-cli.js';

/**
 * The Chatham House Rule: outputs generated with --attribution organisation or none (or by
 * default, when the meeting declares `rule: Chatham House`) name no one. Every name,
 * handle, alias and e-mail address of every person is searched for in every format.
 */
const DIRECTORY = `person @mcade Marilyn Cade
  alias: Marilyn
  org: @ICANN-BC
  role: Co-chair of the working group
  email: marilyn@example.org

person @nhickson Nigel Hickson
  aliases: Nigel, Hickers
  org: @ICANN

person @ttropina Dr Tatiana Tropina
  alias: Tatiana
  org: @MPI

person @jdoe Jane Doe

org @ICANN-BC ICANN Business Constituency
  acronym: BC
  stakeholder: private sector

org @ICANN Internet Corporation for Assigned Names and Numbers
  acronym: ICANN
  stakeholder: technical community

org @MPI Max Planck Institute
  stakeholder: academia

country @Freedonia Freedonia

office @UN-SG-Office UN SG Office
  stakeholder: intergovernmental
`;

/** Every way the people of the directory can be named: they must not appear in an anonymised output. */
const IDENTIFYING = [
    'mcade', 'Marilyn Cade', 'Marilyn', 'Cade', 'marilyn@example.org', 'Co-chair of the working group',
    'nhickson', 'Nigel Hickson', 'Nigel', 'Hickson', 'Hickers',
    'ttropina', 'Dr Tatiana Tropina', 'Tatiana Tropina', 'Tatiana', 'Tropina',
    'jdoe', 'Jane Doe', 'Jane', 'Doe'
];

const EARLIER = `meeting: Planning call with @Marilyn
group: Cyber series
date: 2018-02-01
rule: Chatham House

@mcade: Let us plan.

action #draft-paper @ttropina due 2018-03-01: Draft the paper with @Nigel.
action #venue @jdoe: Book a venue.
action @nhickson due 2018-06-01: Brief @{Jane Doe} on the outcome.
`;

const SESSION = `meeting: Round table chaired by @Marilyn
group: Cyber series
date: 2018-03-19
chair: @mcade
moderator: @{Marilyn Cade}
author: @nhickson
rule: Chatham House Rule
from: Secretariat <secretariat@example.org>
to: list@example.org

attendees:
- @mcade (BC)
- @nhickson
- @ttropina (remote)
- @jdoe

agenda:
1. Welcome by @{Marilyn Cade}

summary:
The views of @ttropina and of @{Dr Tatiana Tropina} were summarised.

# 1. Remarks by @mcade

@mcade: Welcome. @Tatiana will speak next.

@ttropina [replying to @Marilyn, as Director of the MPI]: I agree with that point.
- A list item naming @Hickers.
> A quote from @jdoe.

@nhickson said the report was late.

@Freedonia said it would table an amendment.

@UN-SG-Office said the Secretary-General welcomed the report.

@jdoe [for @MPI]: Speaking for the institute.

@? [from the floor]: A question.

update #draft-paper done: Sent by @ttropina.

action #next @nhickson, @jdoe due 2018-04-01: Follow up with @Marilyn.
`;

const FORMATS = ['email', 'eml', 'html', 'json', 'markdown'] as const;

function workspace(session = SESSION): string {
    return tempWorkspace({ 'directory.minutes': DIRECTORY, 'earlier.minutes': EARLIER, 'session.minutes': session });
}

/** The output as a reader sees it: an eml decoded, its headers, text and HTML parts together. */
async function readable(format: string, output: string): Promise<string> {
    if (format !== 'eml') return output;
    const mail = await simpleParser(output);
    const headers = [...mail.headerLines].map(line => line.line).join('\n');
    return [headers, mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? mail.html : ''].join('\n');
}

/** The identifying strings found in a text, as whole words, ignoring case. */
function leaks(text: string): string[] {
    return IDENTIFYING.filter(name => new RegExp(`(?<![\\p{L}\\p{N}@.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(text));
}

describe('minutes generate --attribution', () => {
    test.each(['organisation', 'none'] as const)('%s: no name, handle or alias of anyone in any format, eml headers included', { timeout: 180_000 }, async attribution => {
        const folder = workspace();
        for (const format of FORMATS) {
            const result = await runCli(['generate', 'session.minutes', '--format', format, '--attribution', attribution], { cwd: folder });
            expect([format, result.code, result.stderr]).toEqual([format, 0, '']);
            expect([format, leaks(await readable(format, result.stdout))]).toEqual([format, []]);
        }
    });

    test('the leak search can fail: in full, every person is named, and a warning says the Rule is set aside', { timeout: 180_000 }, async () => {
        const folder = workspace();
        for (const format of FORMATS) {
            const result = await runCli(['generate', 'session.minutes', '--format', format, '--attribution', 'full'], { cwd: folder });
            expect(result.stderr).toBe('minutes: warning: session.minutes declares the Chatham House Rule; --attribution full names every speaker\n');
            const found = leaks(await readable(format, result.stdout));
            expect([format, ['Marilyn Cade', 'Nigel Hickson', 'Tatiana Tropina', 'Jane Doe'].every(name => found.includes(name))]).toEqual([format, true]);
        }
    });

    test('rule: Chatham House makes organisation the default; without the rule the default is full', { timeout: 180_000 }, async () => {
        const folder = workspace();
        for (const format of ['email', 'json'] as const) {
            const byDefault = await runCli(['generate', 'session.minutes', '--format', format], { cwd: folder });
            const explicit = await runCli(['generate', 'session.minutes', '--format', format, '--attribution', 'organisation'], { cwd: folder });
            expect(byDefault.stdout).toBe(explicit.stdout);
        }
        const open = workspace(SESSION.replace('rule: Chatham House Rule\n', ''));
        const named = await runCli(['generate', 'session.minutes', '--format', 'email'], { cwd: open });
        expect(named.stdout).toContain('Marilyn Cade (BC)');
        expect(named.stderr).toBe('');
    });

    test('organisation: a person reads as a participant from their organisation; an organisation speaking is named', async () => {
        const email = (await runCli(['generate', 'session.minutes', '--format', 'email', '--width', '0'], { cwd: workspace() })).stdout;
        expect(email.split('\n')).toEqual(expect.arrayContaining([
            'Subject: Round table chaired by a participant from BC, 19 March 2018',
            // Participant lists become counts per stakeholder group.
            'Attendees: 4 participants (1 private sector, 1 technical community, 1 academia, 1 with no stakeholder group)',
            '1. Remarks by a participant from BC',
            // The organisation written in the attendee list (BC), else the directory's first.
            // `@mcade: Welcome…` is inline, as written.
            'A participant from BC: Welcome. A participant from Max Planck Institute will speak next.',
            'A participant from ICANN said the report was late.',
            'Freedonia said it would table an amendment.',
            'Action #next (a participant from ICANN, a participant, due 2018-04-01): Follow up with a participant from BC.',
            'Actions from earlier meetings',
            '- #draft-paper (a participant from Max Planck Institute): Draft the paper with a participant from ICANN.'
        ]));
        // Offices and the capacity in brackets name people: left out.
        expect(email).not.toMatch(/^(Chair|Moderator|Author):/m);
        expect(email).not.toContain('Director of the MPI');
    });

    test('none: only stakeholder groups, for organisations speaking too', async () => {
        const email = (await runCli(['generate', 'session.minutes', '--format', 'email', '--width', '0', '--attribution', 'none'], { cwd: workspace() })).stdout;
        expect(email.split('\n')).toEqual(expect.arrayContaining([
            'Subject: Round table chaired by a participant from the private sector, 19 March 2018',
            'A participant from the technical community said the report was late.',
            'A participant from a government said it would table an amendment.',
            // @jdoe [for @MPI]: the organisation spoken for gives the group, and is not named.
            'A participant from academia: Speaking for the institute.',
            'Unidentified speaker: A question.'
        ]));
        expect(email).not.toContain('Max Planck');
        expect(email).not.toContain('Freedonia');
    });

    test('none: an organisation that speaks is named in no format, not in JSON parties either', { timeout: 180_000 }, async () => {
        const folder = workspace();
        for (const format of FORMATS) {
            const output = await readable(format, (await runCli(['generate', 'session.minutes', '--format', format, '--attribution', 'none'], { cwd: folder })).stdout);
            expect([format, ['UN SG Office', 'UN-SG-Office', 'Freedonia'].filter(name => output.includes(name))]).toEqual([format, []]);
        }
    });

    test('JSON keeps no person: no handles, no directory facts, no participant list', async () => {
        const json = JSON.parse((await runCli(['generate', 'session.minutes', '--format', 'json'], { cwd: workspace() })).stdout) as {
            parties: Array<{ handle: string; kind: string }>;
            meetings: Array<{ participants: unknown[] }>;
            envelope: { from: { text: string } };
        };
        expect(json.parties.map(p => p.kind)).not.toContain('person');
        expect(json.meetings[0].participants).toEqual([]);
        // The sender is the sender's business: kept as written.
        expect(json.envelope.from.text).toBe('Secretariat <secretariat@example.org>');
    });

    test('eml: the author stands as the sender when there is no from:, but is not named in the body', async () => {
        const folder = workspace(SESSION.replace('from: Secretariat <secretariat@example.org>\n', '').replace('author: @nhickson', 'author: @mcade'));
        const result = await runCli(['generate', 'session.minutes', '--format', 'eml'], { cwd: folder });
        expect(result.stderr).toBe('');
        const mail = await simpleParser(result.stdout);
        expect(mail.from?.value).toEqual([{ address: 'marilyn@example.org', name: 'Marilyn Cade' }]);
        expect(leaks([mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? mail.html : ''].join('\n'))).toEqual([]);
    });
});
