import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { dozenMeetings } from './dozen-meetings.js';
import { REPO, runCli, tempWorkspace } from './helpers/run-cli.js';

const SERIES = path.join(REPO, 'packages/language/test/fixtures/series');

function seriesCopy(): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'minutes-new-'));
    cpSync(SERIES, folder, { recursive: true });
    return folder;
}

describe('minutes new', () => {
    test('the next meeting of the fixture series: series, chair, usual attendees, an update line for the one open action with an identifier', async () => {
        const folder = seriesCopy();
        const result = await runCli(['new', '--date', '2018-07-02'], { cwd: folder });
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('2018-07-02-ccwg-ig-teleconference.minutes\n');
        expect(result.stderr).toBe(
            'minutes: wrote the meeting after CCWG-IG teleconference, 2018-06-04: 2 usual attendees to confirm, 1 open action to report on\n'
            + 'minutes: 2018-03-19-wsis-session.minutes:19: this open action has no identifier; give it one (e.g. #2018-03-19-share-slides-cybercrime) to report on it with update\n');
        expect(readFileSync(path.join(folder, '2018-07-02-ccwg-ig-teleconference.minutes'), 'utf8')).toBe([
            '// Follows CCWG-IG teleconference, 2018-06-04 (2018-06-04-call.minutes); written by minutes new.',
            '',
            'meeting: CCWG-IG teleconference',
            'group: @CCWG-IG',
            'date: 2018-07-02',
            'chair: @mcade',
            '',
            '// To confirm: who usually attends (at least 2 of the last 3 meetings that say who took part).',
            '// Remove who did not attend; write (remote) or (apologies) after a name; add the others.',
            'attendees:',
            '- @mcade',
            '- @nhickson',
            '',
            '// @mcade, @nhickson due 2018-06-30, overdue: Write to the IGF MAG about the workshop proposals. (agreed in CCWG-IG teleconference, 2018-06-04 (2018-06-04-call.minutes:13))',
            'update #mag-letter:',
            '// Still open, without an identifier (give it one at 2018-03-19-wsis-session.minutes:19 to report on it here): @ttropina: Share the slides on cybercrime capacity building. (agreed in CCWG-IG session at the WSIS Forum 2018, 2018-03-19 (2018-03-19-wsis-session.minutes:19))',
            ''
        ].join('\n'));
        // The new file is a valid meeting of the series: checking the folder finds nothing.
        const check = await runCli(['check', '.'], { cwd: folder });
        expect([check.code, check.stdout]).toEqual([0, 'checked 5 files: 0 errors, 0 warnings\n']);
    });

    test('one-line attendee lists are the usual attendees too: a list key\'s names and a group label\'s', async () => {
        const meeting = (date: string, lists: string[]) => [`meeting: Council sync`, 'group: @council', `date: ${date}`, '', ...lists, '', '@carol: Hello.', ''].join('\n');
        const folder = tempWorkspace({
            'directory.minutes': 'org @council Council\nperson @carol Carol Nichols\nperson @mark Mark Rousskov\nperson @eholk Eric Holk\nperson @tc TC\n',
            '2024-01-05.minutes': meeting('2024-01-05', ['attendees: @carol, @mark and @{Eric Holk}', 'regrets: @tc']),
            '2024-01-19.minutes': meeting('2024-01-19', ['attendees:', 'Council: @carol, @{Eric Holk} (remote)', 'Observers: @tc'])
        });
        const result = await runCli(['new', '--date', '2024-02-02'], { cwd: folder });
        expect([result.code, result.stderr]).toEqual([0, 'minutes: wrote the meeting after Council sync, 2024-01-19: 3 usual attendees to confirm, 0 open actions to report on\n']);
        const draft = readFileSync(path.join(folder, result.stdout.trim()), 'utf8');
        expect(draft).toContain('attendees:\n- @carol\n- @eholk\n- @mark\n');
        // TC sent regrets, then observed: not among those who usually attend.
        expect(draft).not.toContain('@tc');
    });

    test('never overwrites: the same command again, or -o naming a file that exists, exits 2 and leaves the file and the folder as they were', async () => {
        const folder = seriesCopy();
        expect((await runCli(['new', '--date', '2018-07-02'], { cwd: folder })).code).toBe(0);
        const file = path.join(folder, '2018-07-02-ccwg-ig-teleconference.minutes');
        writeFileSync(file, 'meeting: edited by hand\n');
        const before = readdirSync(folder).sort();
        const again = await runCli(['new', '--date', '2018-07-02'], { cwd: folder });
        expect([again.code, again.stderr]).toEqual([2, 'minutes: 2018-07-02-ccwg-ig-teleconference.minutes: cannot write: already exists; it is left as it is\n']);
        const onSource = await runCli(['new', '--date', '2018-07-02', '-o', '2018-06-04-call.minutes'], { cwd: folder });
        expect(onSource.code).toBe(2);
        expect(readFileSync(file, 'utf8')).toBe('meeting: edited by hand\n');
        expect(readFileSync(path.join(folder, '2018-06-04-call.minutes'), 'utf8')).toBe(readFileSync(path.join(SERIES, '2018-06-04-call.minutes'), 'utf8'));
        // No temporary file left behind.
        expect(readdirSync(folder).sort()).toEqual(before);
    });

    test('--title and -o name the file; -o - prints; a date before the latest meeting, or an output that is not .minutes, is refused', async () => {
        const folder = seriesCopy();
        const titled = await runCli(['new', '--date', '2018-07-16', '--title', 'CCWG-IG call on the IGF workshops /* with @ISOC', '-o', 'next.minutes'], { cwd: folder });
        expect(titled.code).toBe(0);
        const text = readFileSync(path.join(folder, 'next.minutes'), 'utf8');
        // The title's words read as written: what would be syntax is escaped.
        expect(text).toContain('\nmeeting: CCWG-IG call on the IGF workshops \\/* with \\@ISOC\ngroup: @CCWG-IG\ndate: 2018-07-16\n');
        const markdown = await runCli(['generate', 'next.minutes', '--format', 'markdown'], { cwd: folder });
        expect(markdown.stdout.split('\n')[0]).toBe('# CCWG-IG call on the IGF workshops /\\* with @ISOC');
        const printed = await runCli(['new', '.', '--date', '2018-07-16', '-o', '-'], { cwd: seriesCopy() });
        expect(printed.stdout).toContain('update #mag-letter:\n');
        const early = await runCli(['new', '--date', '2018-06-01', '-o', '-'], { cwd: seriesCopy() });
        expect([early.code, early.stderr]).toEqual([2, 'minutes: --date 2018-06-01 is before the latest meeting of the series (CCWG-IG teleconference, 2018-06-04): a new meeting follows it\n']);
        expect((await runCli(['new', '--date', '2018-07-30', '-o', 'next.txt'], { cwd: folder })).code).toBe(2);
        expect((await runCli(['new', '--date', '30/07/2018'], { cwd: folder })).stderr).toBe('minutes: --date 30/07/2018: not a date; write it as YYYY-MM-DD\n');
    });

    test('the examples hold several series: new asks which, --series picks one by handle or name and copies its standing fields and agenda as written', async () => {
        const ambiguous = await runCli(['new', 'examples', '-o', '-']);
        expect(ambiguous.code).toBe(2);
        expect(ambiguous.stderr).toMatch(/^minutes: the meetings belong to \d+ series; say which with --series: CCWG-IG \(14 meetings, latest 2018-03-19\); ([^;]+; )*WGEC \(1 meeting, latest 2018-01-29\)(; [^;]+)*\n$/);
        const wgec = await runCli(['new', 'examples', '--series', '@wgec', '--date', '2018-05-01', '-o', '-']);
        expect(wgec.code).toBe(0);
        expect(wgec.stdout).toContain('meeting: Fifth and final meeting of the Working Group on Enhanced Cooperation\ngroup: @WGEC\ndate: 2018-05-01\nvenue: Geneva\n');
        expect(wgec.stdout).toContain('attendees:\n- @bfonseca\n');
        const ccwg = await runCli(['new', 'examples', '--series', 'CCWG-IG', '--date', '2018-05-01', '-o', '-']);
        // The agenda of the latest meeting that has one (an annual report's teleconference), its items as headings; the open action under "Action plan".
        expect(ccwg.stdout).toContain('topics:\n1. Presentation of the draft proposal for new structure for cross-community group\n2. Action plan\n\n'
            + '# 1. Presentation of the draft proposal for new structure for cross-community group\n\n# 2. Action plan\n\n'
            + '// @nhickson: Will circulate wider report of WSIS Forum in due course.');
        expect(ccwg.stdout).toContain('\nupdate #wsis-forum-report:\n');
        const none = await runCli(['new', 'examples', '--series', 'IETF', '-o', '-']);
        expect(none.stderr).toMatch(/^minutes: no series 'IETF' among the meetings; the series are: CCWG-IG/);
    });

    test('a dozen meetings: every action still open gets an update line, nothing closed does, and the new file checks clean', async () => {
        const series = dozenMeetings();
        const folder = tempWorkspace(series.files);
        const result = await runCli(['new', '--date', '2024-06-26'], { cwd: folder });
        expect(result.code).toBe(0);
        const file = path.join(folder, result.stdout.trim());
        const text = readFileSync(file, 'utf8');
        const updated = [...text.matchAll(/^update #([\w-]+):$/gm)].map(m => m[1]);
        const open = [...series.status].filter(([, state]) => state === 'open').map(([id]) => id);
        expect(open.length).toBeGreaterThan(3);
        expect(updated).toEqual(open);
        expect(series.status.size - open.length).toBeGreaterThan(3);
        // The update lines sit under the agenda item on actions.
        expect(text.indexOf('# 1. Actions from earlier calls')).toBeLessThan(text.indexOf('update #'));
        expect(text.indexOf('update #')).toBeLessThan(text.indexOf('# 2. Discussion'));
        // Usual attendees: at least 2 of the last 3 meetings.
        const lastThree = series.meetings.slice(-3).map(m => series.attended.get(m)!);
        const usual = [...new Set(lastThree.flat())].filter(h => lastThree.filter(list => list.includes(h)).length >= 2);
        const listed = [...text.matchAll(/^- @(\w+)$/gm)].map(m => m[1]);
        expect(new Set(listed)).toEqual(new Set(usual));
        const check = await runCli(['check', '.'], { cwd: folder });
        expect(check.stdout).toBe('checked 14 files: 0 errors, 0 warnings\n');
        expect(statSync(file).isFile()).toBe(true);
    });
});
