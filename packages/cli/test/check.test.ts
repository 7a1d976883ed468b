import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI, REPO, runCli, runProcess, tempWorkspace } from './helpers/run-cli.js';

const directory = 'person @ttropina Tatiana Tropina\n  org: @MPI\n\norg @MPI Max Planck Institute\n  stakeholder: academia\n';
const meeting = (speaker: string) => `meeting: A call\ndate: 2018-03-19\n\n@${speaker}: Hello.\n`;

describe('minutes check', () => {
    test('exits 0 on clean files, quietly but for the summary', async () => {
        const folder = tempWorkspace({ 'directory.minutes': directory, 'call.minutes': meeting('ttropina') });
        const result = await runCli(['check', folder]);
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe('checked 2 files: 0 errors, 0 warnings\n');
        expect(result.code).toBe(0);
    });

    test('reports the same where Node forbids making code from strings (a check\'s node classes, lazy-cst.ts)', async () => {
        const args = ['check', '--format', 'json', 'examples', 'corpus'];
        const usual = await runCli(args);
        const forbidden = await runProcess(process.execPath, ['--disallow-code-generation-from-strings', CLI, ...args]);
        expect(forbidden.stderr).toBe(usual.stderr);
        expect(forbidden.stdout).toBe(usual.stdout);
        expect(JSON.parse(usual.stdout).problems.length).toBeGreaterThan(0);
        expect(forbidden.code).toBe(usual.code);
    });

    test('exits 1 on an unknown speaker, naming the file, the line and the name', async () => {
        const folder = tempWorkspace({ 'directory.minutes': directory, 'call.minutes': meeting('{Tatiana Tropnia}') });
        const result = await runCli(['check', path.join(folder, 'call.minutes')], { cwd: folder });
        expect(result.stdout).toBe(
            "call.minutes:4:1: error Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'? [unknown-speaker]\n" +
            'checked 1 file: 1 error, 0 warnings\n');
        expect(result.code).toBe(1);
    });

    test('--format github lists every problem in $GITHUB_STEP_SUMMARY, past the ten annotations GitHub shows', async () => {
        const speakers = Array.from({ length: 12 }, (_, i) => `@guest${i}: Hello | <b>.\n`).join('');
        const folder = tempWorkspace({ 'directory.minutes': directory, 'call.minutes': `meeting: A call\ndate: 2018-03-19\n\n${speakers}` });
        const summary = path.join(folder, 'summary.md');
        writeFileSync(summary, '# earlier step\n');
        const result = await runCli(['check', '--format', 'github', 'call.minutes'], { cwd: folder, env: { GITHUB_STEP_SUMMARY: summary } });
        expect(result.stdout.split('\n').filter(line => line.startsWith('::error '))).toHaveLength(12);
        const rows = readFileSync(summary, 'utf8').split('\n').filter(line => line.startsWith('| call.minutes |'));
        expect(rows).toHaveLength(12);
        expect(rows[0]).toBe("| call.minutes | 4:1 | error | Unknown speaker 'guest0'. No person or organisation in the directory has this name. | `unknown-speaker` |");
        expect(readFileSync(summary, 'utf8')).toMatch(/^# earlier step\n### minutes check\n\nchecked 1 file: 12 errors, 0 warnings\n/);
        expect(result.code).toBe(1);
    });

    test('resolves the directory from sibling files when one file is checked', async () => {
        const folder = tempWorkspace({ 'directory.minutes': directory, 'call.minutes': meeting('ttropina') });
        const result = await runCli(['check', path.join(folder, 'call.minutes')]);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('checked 1 file: 0 errors, 0 warnings\n');
    });

    test('--directory adds context from elsewhere', async () => {
        const people = tempWorkspace({ 'people.minutes': directory });
        const notes = tempWorkspace({ 'call.minutes': meeting('ttropina') });
        expect((await runCli(['check', notes])).code).toBe(1);
        expect((await runCli(['check', notes, '--directory', people])).code).toBe(0);
    });

    test('reads one document from standard input with -', async () => {
        const folder = tempWorkspace({ 'directory.minutes': directory });
        const result = await runCli(['check', '-', '--directory', folder], { input: meeting('nobody') });
        expect(result.stdout).toContain("<stdin>.minutes:4:1: error Unknown speaker 'nobody'.");
        expect(result.code).toBe(1);
    });

    test('reports syntax errors with their position', async () => {
        const folder = tempWorkspace({ 'bad.minutes': 'meeting: x\nNote /* never closed\n' });
        const result = await runCli(['check', folder], { cwd: folder });
        expect(result.stdout).toMatch(/^bad\.minutes:2:6: error This comment is not closed/m);
        expect(result.code).toBe(1);
    });

    test.each([
        [['check', '/no/such/path'], /minutes: \/no\/such\/path: no such file or folder/],
        [['check', 'package.json'], /minutes: package\.json: not a \.minutes file/],
        [['check'], /missing required argument/],
        [['check', '--format', 'xml', 'x'], /argument 'xml' is invalid/],
        [['frobnicate'], /unknown command/]
    ])('exits 2 on usage and I/O problems: %s', async (args, message) => {
        const result = await runCli(args);
        expect(result.stderr).toMatch(message);
        expect(result.code).toBe(2);
    });

    test('exits 2 on a folder without .minutes files, a binary file, invalid UTF-8, an unreadable file', async () => {
        const empty = tempWorkspace({ 'notes.txt': 'x' });
        expect((await runCli(['check', empty])).stderr).toMatch(/no \.minutes files in this folder/);
        const folder = tempWorkspace({
            'binary.minutes': Buffer.from([0x6d, 0x00, 0x01]),
            'latin1.minutes': Buffer.from('meeting: F\xe4ltstr\xf6m\n', 'latin1'),
            'locked.minutes': 'meeting: x\n'
        });
        const binary = await runCli(['check', path.join(folder, 'binary.minutes')]);
        expect([binary.code, binary.stderr]).toEqual([2, expect.stringMatching(/looks like a binary file/)]);
        const latin1 = await runCli(['check', path.join(folder, 'latin1.minutes')]);
        expect([latin1.code, latin1.stderr]).toEqual([2, expect.stringMatching(/not valid UTF-8 \(first bad byte at offset 10\)/)]);
        if (process.getuid?.() !== 0) {
            chmodSync(path.join(folder, 'locked.minutes'), 0o000);
            const locked = await runCli(['check', path.join(folder, 'locked.minutes')]);
            expect([locked.code, locked.stderr]).toEqual([2, expect.stringMatching(/cannot read: permission denied/)]);
        }
    });

    test('--strict makes warnings fail', async () => {
        // A meeting without a date is a warning.
        const folder = tempWorkspace({ 'directory.minutes': directory, 'call.minutes': 'meeting: A call\n\n@ttropina: Hello.\n' });
        const relaxed = await runCli(['check', folder]);
        const strict = await runCli(['check', '--strict', folder]);
        if (relaxed.stdout.includes(' warning ')) {
            expect(relaxed.code).toBe(0);
            expect(strict.code).toBe(1);
        } else {
            expect(strict.code).toBe(0);
        }
    });

    test('formats: json, github workflow commands, sarif', async () => {
        const folder = tempWorkspace({ 'directory.minutes': directory, 'call.minutes': meeting('{Tatiana Tropnia}') });
        const json = JSON.parse((await runCli(['check', '--format', 'json', folder], { cwd: folder })).stdout);
        expect(json.problems).toEqual([expect.objectContaining({ file: 'call.minutes', line: 4, column: 1, severity: 'error', code: 'unknown-speaker' })]);
        const github = (await runCli(['check', '--format', 'github', folder], { cwd: folder })).stdout;
        expect(github).toContain("::error file=call.minutes,line=4,col=1,endLine=4,endColumn=19,title=unknown-speaker::Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'?\n");
        const sarif = JSON.parse((await runCli(['check', '--format', 'sarif', folder], { cwd: folder })).stdout);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'unknown-speaker', level: 'error' });
        // Each rule says what it checks and links to its section of docs/diagnostics.md, by the heading's anchor.
        const doc = readFileSync(path.join(REPO, 'docs/diagnostics.md'), 'utf8');
        expect(doc).toMatch(/^### `unknown-speaker` — error$/m);
        expect(sarif.runs[0].tool.driver.rules).toEqual([{
            id: 'unknown-speaker',
            shortDescription: { text: 'A turn starts with a name that no person or organisation of the workspace answers to.' },
            helpUri: 'https://github.com/minutes-lang/minutes/blob/main/docs/diagnostics.md#unknown-speaker--error',
            defaultConfiguration: { level: 'error' }
        }]);
    });

    test('--help, command help and --version', async () => {
        const help = await runCli(['--help']);
        expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: minutes')]);
        const checkHelp = await runCli(['check', '--help']);
        expect([checkHelp.code, checkHelp.stdout]).toEqual([0, expect.stringContaining('--strict')]);
        const version = await runCli(['--version']);
        expect([version.code, version.stdout]).toEqual([0, expect.stringMatching(/^\d+\.\d+\.\d+\n$/)]);
    });
});
