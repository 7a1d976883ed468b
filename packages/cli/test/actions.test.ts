import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, runCli, tempWorkspace } from './helpers/run-cli.js';

const SERIES = path.join(REPO, 'packages/language/test/fixtures/series');

describe('minutes actions', () => {
    test('lists the actions of a meeting series grouped by owner, with where agreed and last reported on', async () => {
        const result = await runCli(['actions', '.'], { cwd: SERIES });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toBe([
            'Marilyn Cade (@mcade)',
            '  #ig-paper  done, due 2018-05-31  Draft a paper on the gaps between cybernorms and Internet governance.',
            '    agreed  2018-03-19-wsis-session.minutes:18  CCWG-IG session at the WSIS Forum 2018, 2018-03-19',
            '    last    2018-06-04-call.minutes:8  CCWG-IG teleconference, 2018-06-04: done: Published on the wiki of the group.',
            '  #mag-letter  open, due 2018-06-30  Write to the IGF MAG about the workshop proposals.',
            '    agreed  2018-06-04-call.minutes:13  CCWG-IG teleconference, 2018-06-04',
            '',
            'Matthew Shears (@mshears)',
            '  #outreach-plan  dropped, due 2018-05-15  Prepare an outreach plan for IGF 2018.',
            '    agreed  2018-04-23-call.minutes:15  CCWG-IG teleconference, 2018-04-23',
            '    last    2018-06-04-call.minutes:9  CCWG-IG teleconference, 2018-06-04: dropped: The IGF Secretariat runs its own outreach.',
            '',
            'Nigel Hickson (@nhickson)',
            '  #wsis-report  done, due 2018-04-15  Circulate the wider report of the WSIS Forum.',
            '    agreed  2018-03-19-wsis-session.minutes:17  CCWG-IG session at the WSIS Forum 2018, 2018-03-19',
            '    last    2018-04-23-call.minutes:10  CCWG-IG teleconference, 2018-04-23: done: Circulated to the list on 2 April.',
            '  #mag-letter  open, due 2018-06-30  Write to the IGF MAG about the workshop proposals.',
            '    agreed  2018-06-04-call.minutes:13  CCWG-IG teleconference, 2018-06-04',
            '',
            'Tatiana Tropina (@ttropina)',
            '  #2018-03-19-share-slides-cybercrime (derived)  open  Share the slides on cybercrime capacity building.',
            '    agreed  2018-03-19-wsis-session.minutes:19  CCWG-IG session at the WSIS Forum 2018, 2018-03-19',
            '',
            '5 actions, 4 owners',
            ''
        ].join('\n'));
    });

    test('--owner by handle or alias, --status, JSON', async () => {
        const byAlias = await runCli(['actions', '--owner', 'Marilyn', '--status', 'open', '--format', 'json'], { cwd: SERIES });
        const json = JSON.parse(byAlias.stdout) as { owners: Array<{ handle: string; actions: Array<{ id: string; status: string; owners: unknown[]; lastReport: unknown }> }> };
        expect(json.owners.map(o => [o.handle, o.actions.map(a => [a.id, a.status])])).toEqual([['@mcade', [['mag-letter', 'open']]]]);
        expect(json.owners[0].actions[0].owners).toEqual([{ handle: '@mcade', name: 'Marilyn Cade' }, { handle: '@nhickson', name: 'Nigel Hickson' }]);
        const byHandle = await runCli(['actions', '--owner', '@mcade', '--status', 'open', '--format', 'json'], { cwd: SERIES });
        expect(byHandle.stdout).toBe(byAlias.stdout);

        const done = JSON.parse((await runCli(['actions', '--status', 'done', '--format', 'json'], { cwd: SERIES })).stdout) as typeof json;
        expect(done.owners.flatMap(o => o.actions.map(a => a.id))).toEqual(['ig-paper', 'wsis-report']);
        expect(done.owners[0].actions[0].lastReport).toEqual({
            file: '2018-06-04-call.minutes', line: 8, meeting: 'CCWG-IG teleconference', date: '2018-06-04', titleLine: 'CCWG-IG teleconference, 2018-06-04',
            status: 'done', text: 'Published on the wiki of the group.'
        });
    });

    test('Markdown: one table per owner; cells cannot break the table', async () => {
        const folder = tempWorkspace({
            'people.minutes': 'person @ann Ann Example\n',
            'a.minutes': 'meeting: A | B\ndate: 2018-01-10\n\naction #pipe @ann: Choose between a | b.\naction: Nobody owns this.\n'
        });
        const result = await runCli(['actions', '--format', 'markdown'], { cwd: folder });
        expect(result.stdout).toBe([
            '# Actions', '',
            '## Ann Example (@ann)', '',
            '| Action | Status | Due | Agreed | Last reported |',
            '| --- | --- | --- | --- | --- |',
            '| #pipe Choose between a \\| b. | open |  | a.minutes:4  A \\| B, 2018-01-10 |  |', '',
            '## No owner', '',
            '| Action | Status | Due | Agreed | Last reported |',
            '| --- | --- | --- | --- | --- |',
            '| #2018-01-10-nobody-owns (derived) Nobody owns this. | open |  | a.minutes:5  A \\| B, 2018-01-10 |  |', ''
        ].join('\n'));
    });

    test('a meeting is named by its title line: the date is not repeated where the title states it, in the listing, stats and minutes new', async () => {
        const folder = tempWorkspace({
            'people.minutes': 'person @ann Ann Example\n',
            'a.minutes': 'meeting: Board call of 4 June 2018\ngroup: Board\ndate: 2018-06-04\n\n@ann: We agreed.\n\naction #minutes @ann: Publish the minutes.\n'
        });
        expect((await runCli(['actions'], { cwd: folder })).stdout).toContain('    agreed  a.minutes:7  Board call of 4 June 2018\n');
        expect((await runCli(['stats'], { cwd: folder })).stdout).toMatch(/^Board call of 4 June 2018  a\.minutes:1\n/);
        const next = await runCli(['new', '--date', '2018-07-02', '--title', 'Board call'], { cwd: folder });
        expect(next.stderr).toMatch(/^minutes: wrote the meeting after Board call of 4 June 2018: /);
    });

    test('a listed file reads updates from the files next to it', async () => {
        const result = await runCli(['actions', '2018-03-19-wsis-session.minutes', '--status', 'open'], { cwd: SERIES });
        // wsis-report and ig-paper were closed by the later meetings, which are only context here.
        expect(result.stdout).toMatch(/^Tatiana Tropina \(@ttropina\)\n {2}#2018-03-19-share-slides-cybercrime \(derived\) {2}open/);
        expect(result.stdout).toMatch(/1 action, 1 owner\n$/);
    });

    test('usage errors exit 2', async () => {
        expect((await runCli(['actions', '--status', 'finished'], { cwd: SERIES })).code).toBe(2);
        expect((await runCli(['actions', '--format', 'xml'], { cwd: SERIES })).code).toBe(2);
    });
});

describe('minutes check --overdue', () => {
    // #mag-letter is the one open action with a due date: 2018-06-30.
    test('due today is not overdue; due yesterday is a warning', async () => {
        const today = await runCli(['check', '.', '--overdue', '--today', '2018-06-30'], { cwd: SERIES });
        expect([today.code, today.stdout]).toEqual([0, 'checked 4 files: 0 errors, 0 warnings\n']);
        const tomorrow = await runCli(['check', '.', '--overdue', '--today', '2018-07-01'], { cwd: SERIES });
        expect(tomorrow.stdout).toBe(
            '2018-06-04-call.minutes:13:1: warning Action #mag-letter (Marilyn Cade, Nigel Hickson) was due 2018-06-30, '
            + '1 day before 2018-07-01, and is still open. [overdue-action]\n'
            + 'checked 4 files: 0 errors, 1 warning\n');
        expect(tomorrow.code).toBe(0);
    });

    test('an error with --strict, so CI fails', async () => {
        const result = await runCli(['check', '.', '--overdue', '--today', '2018-07-11', '--strict', '--format', 'json'], { cwd: SERIES });
        const json = JSON.parse(result.stdout) as { problems: Array<{ code: string; severity: string; message: string }> };
        expect(json.problems).toEqual([expect.objectContaining({ code: 'overdue-action', severity: 'error' })]);
        expect(json.problems[0].message).toContain('11 days before 2018-07-11');
        expect(result.code).toBe(1);
    });

    test('without --overdue, nothing about due dates; a bad --today is a usage error', async () => {
        expect((await runCli(['check', '.', '--today', '2030-01-01'], { cwd: SERIES })).stdout).toBe('checked 4 files: 0 errors, 0 warnings\n');
        const bad = await runCli(['check', '.', '--overdue', '--today', '2018-02-30'], { cwd: SERIES });
        expect([bad.code, bad.stderr]).toEqual([2, 'minutes: --today 2018-02-30: not a date; write it as YYYY-MM-DD\n']);
    });

    test('the default today is the real date: an action due in 2000 is overdue now', async () => {
        const folder = tempWorkspace({
            'people.minutes': 'person @ann Ann Example\n',
            'a.minutes': 'meeting: A\ndate: 1999-12-01\n\naction #y2k @ann due 2000-01-01: Check the clocks.\n'
        });
        const result = await runCli(['check', 'a.minutes', '--overdue'], { cwd: folder });
        expect(result.stdout).toMatch(/^a\.minutes:4:1: warning Action #y2k \(Ann Example\) was due 2000-01-01, \d+ days before \d{4}-\d{2}-\d{2}, and is still open\. \[overdue-action\]$/m);
    });

    describe('the configuration\'s severity for overdue-action applies, as for every other rule', () => {
        const NOTES = {
            'people.minutes': 'person @ann Ann Example\n',
            'a.minutes': 'meeting: A\ndate: 2018-03-01\n\naction #late @ann due 2018-04-01: Write the report.\n',
            'b.minutes': 'meeting: B\ndate: 2018-03-02\n\n// minutes-disable-next-line overdue-action -- waiting on the secretariat\naction #known @ann due 2018-04-01: Book the room.\n'
        };
        const config = (level: string) => `{ "rules": { "overdue-action": "${level}" } }\n`;
        const overdue = async (files: Record<string, string>, ...flags: string[]) => {
            const result = await runCli(['check', '.', '--overdue', '--today', '2018-05-01', ...flags], { cwd: tempWorkspace(files) });
            return { code: result.code, lines: result.stdout.split('\n').filter(line => line.includes('[overdue-action]')).map(line => line.replace(/ Action .*/, '')) };
        };

        test('"error": an error, and the check fails', async () => {
            expect(await overdue({ ...NOTES, '.minutes.jsonc': config('error') })).toEqual({ code: 1, lines: ['a.minutes:4:1: error'] });
        });

        test('"off": not reported, even with --strict', async () => {
            expect(await overdue({ ...NOTES, '.minutes.jsonc': config('off') }, '--strict')).toEqual({ code: 0, lines: [] });
        });

        test('"warning": a warning even with --strict (which still fails on it)', async () => {
            expect(await overdue({ ...NOTES, '.minutes.jsonc': config('warning') }, '--strict')).toEqual({ code: 1, lines: ['a.minutes:4:1: warning'] });
        });

        test('without a configuration: a warning; a minutes-disable-next-line comment turns one off', async () => {
            expect(await overdue(NOTES)).toEqual({ code: 0, lines: ['a.minutes:4:1: warning'] });
        });
    });
});
