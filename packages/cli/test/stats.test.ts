import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, runCli, tempWorkspace } from './helpers/run-cli.js';

const STATS = path.join(REPO, 'packages/language/test/fixtures/stats');

// The figures are counted by hand in packages/language/test/ledger/speaking-statistics.test.ts.
describe('minutes stats', () => {
    test('text: per meeting and across the workspace, groups with their share of words', async () => {
        const result = await runCli(['stats'], { cwd: STATS });
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        const [round, follow, all] = result.stdout.split('\n\n');
        expect(round.split('\n')).toEqual([
            'Round table on access, 2018-05-01  round-table.minutes:3',
            '  8 interventions, 45 words',
            '  By stakeholder group',
            '                            interventions   words  words %',
            // 10/45 = 22.2%, 17/45 = 37.8%, 14/45 = 31.1%, 4/45 = 8.9%
            '    government                          2      10    22.2%',
            '    civil society                       3      17    37.8%',
            '    no stakeholder group                2      14    31.1%',
            '    unidentified (@?)                   1       4     8.9%',
            '  By organisation',
            '                            interventions   words',
            '    Network Society                     3      17',
            '    Freedonia                           2      10',
            '    Acme Corporation                    1       3',
            '    no organisation                     1      11',
            '  By speaker',
            '                            interventions   words',
            '    Dan Moss                            1      11',
            '    Carla Diaz                          1       9',
            '    Bob King                            2       8',
            '    Freedonia                           1       6',
            '    Alice Lee                           1       4',
            '    Eve Ng                              1       3'
        ]);
        expect(follow.split('\n').slice(0, 2)).toEqual(['Follow-up call, 2018-06-01  round-table.minutes:24', '  2 interventions, 8 words']);
        expect(all.split('\n').slice(0, 7)).toEqual([
            'All meetings (2)',
            '  10 interventions, 53 words',
            '  By stakeholder group',
            '                            interventions   words  words %',
            // 10/53 = 18.9%, 25/53 = 47.2%, 14/53 = 26.4%
            '    government                          2      10    18.9%',
            '    civil society                       5      25    47.2%',
            '    no stakeholder group                2      14    26.4%'
        ]);
    });

    test('JSON rows and CSV lines carry the same figures', async () => {
        const json = JSON.parse((await runCli(['stats', '--format', 'json'], { cwd: STATS })).stdout) as {
            meetings: Array<{ meeting: string; date: string; file: string; line: number; rows: Array<Record<string, unknown>> }>;
            overall: { meetings: number; rows: Array<Record<string, unknown>> };
        };
        expect(json.meetings.map(m => [m.meeting, m.date, m.file, m.line])).toEqual([
            ['Round table on access', '2018-05-01', 'round-table.minutes', 3],
            ['Follow-up call', '2018-06-01', 'round-table.minutes', 24]
        ]);
        expect(json.overall.rows.find(r => r.key === '(unidentified)')).toEqual({
            kind: 'group', key: '(unidentified)', name: 'unidentified (@?)', interventions: 1, words: 4, interventionShare: 1 / 10, wordShare: 4 / 53
        });
        expect(json.overall.rows.find(r => r.key === '@bking')).toEqual({ kind: 'person', key: '@bking', name: 'Bob King', interventions: 3, words: 11 });

        const csv = (await runCli(['stats', '--format', 'csv'], { cwd: STATS })).stdout.split('\r\n');
        expect(csv[0]).toBe('meeting,date,file,line,kind,key,name,interventions,words,intervention_share,word_share');
        expect(csv).toContain('Round table on access,2018-05-01,round-table.minutes,3,group,civil society,civil society,3,17,0.3750,0.3778');
        // A handle begins with @, which spreadsheets read as a formula: it begins with an apostrophe.
        expect(csv).toContain("(all meetings),,,,organisation,'@NetSoc,Network Society,5,25,,");
        expect(csv).toContain('(all meetings),,,,total,(total),All speakers,10,53,,');
        expect(csv[csv.length - 1]).toBe('');
    });

    test('csv is safe to open in a spreadsheet: formulas are written as text, --bom marks it as UTF-8', async () => {
        const folder = tempWorkspace({ 'call.minutes': 'meeting: =HYPERLINK("http://example.org","Café")\ndate: 2018-05-01\n\n@?: +1 from the floor.\n' });
        const csv = await runCli(['stats', '--format', 'csv', '--bom'], { cwd: folder });
        expect(csv.stdout.startsWith('\uFEFFmeeting,date,')).toBe(true);
        expect(csv.stdout).toContain(`"'=HYPERLINK(""http://example.org"",""Café"")",2018-05-01,call.minutes,1,`);
        expect(csv.stdout).not.toMatch(/(^|,)[=+\-@]/m);
        const text = await runCli(['stats', '--bom'], { cwd: folder });
        expect([text.code, text.stderr]).toEqual([2, 'minutes: --bom goes with --format csv\n']);
    });
});
