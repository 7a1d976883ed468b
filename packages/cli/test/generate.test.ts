import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCHEMA_VERSION } from 'minutes-language';
import { REPO, runCli, tempWorkspace, type CliResult } from './helpers/run-cli.js';

// `minutes generate`, run as a process (the built CLI: npx tsc -b tsconfig.build.json).

const directory = [
    'person @ttropina Tatiana Tropina', '  org: @MPI', '  email: tatiana@example.org', '',
    'person @mcade Marilyn Cade', '  alias: Marilyn', '',
    'org @MPI Max Planck Institute', '  stakeholder: academia', ''
].join('\n');
const call = [
    'meeting: A call on cybersécurité', 'date: 2018-03-19', 'chair: @mcade', 'from: @ttropina', '',
    '@ttropina: Hello from Tatiana, who thinks soft law does not work in this area; needed sanctions that could only come through a Treaty.', '',
    '@Marilyn noted the slowness of Treaties.', ''
].join('\n');
const broken = call.replace('@Marilyn noted', '@{Marilyn Kade} noted');

function workspace(extra: Record<string, string> = {}): string {
    return tempWorkspace({ 'directory.minutes': directory, 'call.minutes': call, ...extra });
}

/** Files in a folder other than those given, to see that nothing was left behind. */
function othersIn(folder: string, ...expected: string[]): string[] {
    return readdirSync(folder).filter(name => !expected.includes(name)).sort();
}

describe('minutes generate: every format, to standard output', () => {
    test.each([
        ['email', (out: string) => expect(out).toMatch(/^Subject: A call on cybersécurité, 19 March 2018\n\nA call on cybersécurité\n=+\n/)],
        ['eml', (out: string) => {
            expect(out).toMatch(/^From: Tatiana Tropina <tatiana@example\.org>\r\n/);
            expect(out).toMatch(/\r\nSubject: =\?UTF-8\?Q\?A_call_on_cybers=C3=A9curit=C3=A9/);
            expect(out).toMatch(/\r\nContent-Type: multipart\/alternative;/);
        }],
        ['html', (out: string) => expect(out).toMatch(/^<!DOCTYPE html>\n[\s\S]*<h1 id="top">A call on cybersécurité<\/h1>[\s\S]*<\/html>\n$/)],
        ['json', (out: string) => expect(JSON.parse(out)).toMatchObject({ schemaVersion: SCHEMA_VERSION, language: 'en', title: 'A call on cybersécurité', meetings: [{ index: 1 }] })],
        ['markdown', (out: string) => expect(out).toMatch(/^# A call on cybersécurité\n\n- \*\*Date:\*\* 19 March 2018\n/)]
    ])('--format %s exits 0 and prints the output, nothing on standard error', async (format, check) => {
        const folder = workspace();
        const result = await runCli(['generate', path.join(folder, 'call.minutes'), '--format', format]);
        expect([result.code, result.stderr]).toEqual([0, '']);
        check(result.stdout);
    });

    test('--width wraps the email; 0 does not wrap', async () => {
        const folder = workspace();
        const narrow = await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'email', '--width', '30']);
        const unwrapped = await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'email', '-w', '0']);
        expect(Math.max(...narrow.stdout.split('\n').map(line => line.length))).toBeLessThanOrEqual(30);
        expect(unwrapped.stdout).toContain('Hello from Tatiana, who thinks soft law does not work in this area; needed sanctions that could only come through a Treaty.\n');
    });

    test('reads standard input with -, with --directory as context', async () => {
        const folder = tempWorkspace({ 'directory.minutes': directory });
        const result = await runCli(['generate', '-', '-f', 'markdown', '--directory', folder], { input: call });
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('**Tatiana Tropina**: Hello from Tatiana');
    });

    test('the subject of a real record whose title states its date does not repeat the date (corpus/icann-ccwg-ig-2016-12-21)', async () => {
        const record = path.join(REPO, 'corpus/icann-ccwg-ig-2016-12-21/icann-ccwg-ig-2016-12-21.minutes');
        const email = await runCli(['generate', record, '--format', 'email']);
        expect(email.code).toBe(0);
        expect(email.stdout).toMatch(/^Subject: CCWG-IG call of Wednesday, December 21\n\nCCWG-IG call of Wednesday, December 21\n=+\n/);
        const eml = await runCli(['generate', record, '--format', 'eml']);
        expect(eml.stdout).toMatch(/\r\nSubject: CCWG-IG call of Wednesday, December 21\r\n/);
    });

    test('eml options replace the envelope', async () => {
        const folder = workspace();
        const result = await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'eml', '--from', 'Secretariat <sec@example.net>', '--to', 'list@example.org', '--date', '2018-03-24']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^From: Secretariat <sec@example\.net>\r\nTo: list@example\.org\r\n/);
        expect(result.stdout).toContain('\r\nDate: Sat, 24 Mar 2018 12:00:00 +0000\r\n');
    });
});

describe('minutes generate -o: atomic, and never over a source', () => {
    test('writes the file, prints nothing, leaves no temporary file', async () => {
        const folder = workspace();
        const stdout = (await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'html'])).stdout;
        const result = await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'html', '-o', path.join(folder, 'call.html')]);
        expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
        expect(readFileSync(path.join(folder, 'call.html'), 'utf8')).toBe(stdout);
        expect(othersIn(folder, 'directory.minutes', 'call.minutes', 'call.html')).toEqual([]);
    });

    test('-o - writes to standard output, as with no -o, and leaves no file named -', async () => {
        const folder = workspace();
        const stdout = (await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'json'], { cwd: folder })).stdout;
        const result = await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'json', '-o', '-'], { cwd: folder });
        expect([result.code, result.stdout, result.stderr]).toEqual([0, stdout, '']);
        expect(othersIn(folder, 'directory.minutes', 'call.minutes')).toEqual([]);
        const unsaid = await runCli(['generate', path.join(folder, 'call.minutes'), '-o', '-'], { cwd: folder });
        expect([unsaid.code, unsaid.stderr]).toEqual([2, expect.stringContaining('say which output to generate')]);
    });

    test('takes the format from the output\'s extension', async () => {
        const folder = workspace();
        for (const [file, start] of [['call.md', '# A call'], ['call.json', '{'], ['call.txt', 'Subject: '], ['call.eml', 'From: '], ['call.html', '<!DOCTYPE html>']]) {
            const result = await runCli(['generate', path.join(folder, 'call.minutes'), '-o', path.join(folder, file)]);
            expect(result.code, file).toBe(0);
            expect(readFileSync(path.join(folder, file), 'utf8').startsWith(start), file).toBe(true);
        }
    });

    test('replaces an existing output, keeping its permissions', async () => {
        const folder = workspace({ 'call.md': 'old content\n' });
        chmodSync(path.join(folder, 'call.md'), 0o640);
        const result = await runCli(['generate', path.join(folder, 'call.minutes'), '-o', path.join(folder, 'call.md')]);
        expect(result.code).toBe(0);
        expect(readFileSync(path.join(folder, 'call.md'), 'utf8')).toMatch(/^# A call on cybersécurité/);
        expect(statSync(path.join(folder, 'call.md')).mode & 0o777).toBe(0o640);
    });

    test('refuses to write over a .minutes file (exit 2), which stays as it was', async () => {
        const folder = workspace();
        const result = await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'email', '-o', path.join(folder, 'directory.minutes')]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/refusing to write over a \.minutes file/);
        expect(readFileSync(path.join(folder, 'directory.minutes'), 'utf8')).toBe(directory);
        expect(result.stdout).toBe('');
    });

    test.each(['directory.minutes/', 'directory.minutes/.', 'sub/../directory.minutes', 'link.html'])('refuses a .minutes file however the path is written: -o %s (exit 2)', async written => {
        const folder = workspace();
        mkdirSync(path.join(folder, 'sub'));
        symlinkSync(path.join(folder, 'directory.minutes'), path.join(folder, 'link.html'));
        const result = await runCli(['generate', 'call.minutes', '-f', 'html', '-o', written], { cwd: folder });
        expect([result.code, result.stdout]).toEqual([2, '']);
        expect(result.stderr).toMatch(/^minutes: .*(refusing to write over a \.minutes file|give a file name)/);
        expect(readFileSync(path.join(folder, 'directory.minutes'), 'utf8')).toBe(directory);
        expect(othersIn(folder, 'directory.minutes', 'call.minutes', 'sub', 'link.html')).toEqual([]);
    });

    test('refuses to replace a named pipe or a device node with a file (exit 2); they stay what they were', async () => {
        const folder = workspace();
        execFileSync('mkfifo', [path.join(folder, 'pipe.html')]);
        const fifo = await runCli(['generate', 'call.minutes', '-f', 'html', '-o', 'pipe.html'], { cwd: folder });
        expect([fifo.code, fifo.stderr]).toEqual([2, 'minutes: pipe.html: not a regular file (a named pipe); give the name of a file to write\n']);
        expect(statSync(path.join(folder, 'pipe.html')).isFIFO()).toBe(true);
        // A device node can only be made as root (as CI containers run); /dev/null itself is never risked.
        if (process.getuid?.() === 0) {
            execFileSync('mknod', [path.join(folder, 'null.html'), 'c', '1', '3']);
            const device = await runCli(['generate', 'call.minutes', '-f', 'html', '-o', 'null.html'], { cwd: folder });
            expect([device.code, device.stderr]).toEqual([2, 'minutes: null.html: not a regular file (a device); give the name of a file to write\n']);
            expect(statSync(path.join(folder, 'null.html')).isCharacterDevice()).toBe(true);
        }
        expect(othersIn(folder, 'directory.minutes', 'call.minutes', 'pipe.html', 'null.html')).toEqual([]);
    });

    test('refuses to write over the input, even through a link under another name (exit 2)', async () => {
        const folder = workspace();
        symlinkSync(path.join(folder, 'call.minutes'), path.join(folder, 'call.txt'));
        const result = await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'email', '-o', path.join(folder, 'call.txt')]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/this is the input file/);
        expect(readFileSync(path.join(folder, 'call.minutes'), 'utf8')).toBe(call);
    });

    test('an output folder that does not exist: exit 2, nothing created', async () => {
        const folder = workspace();
        const result = await runCli(['generate', path.join(folder, 'call.minutes'), '-f', 'html', '-o', path.join(folder, 'missing', 'call.html')]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/cannot write: no such folder/);
        expect(existsSync(path.join(folder, 'missing'))).toBe(false);
        expect(othersIn(folder, 'directory.minutes', 'call.minutes')).toEqual([]);
    });

    test('a folder it may not write to: exit 2, no file and no temporary file left', async () => {
        const folder = workspace();
        const out = path.join(folder, 'out');
        mkdirSync(out);
        // Run as an unprivileged user, since root may write anywhere.
        chmodSync(folder, 0o755);
        for (const name of ['directory.minutes', 'call.minutes']) chmodSync(path.join(folder, name), 0o644);
        chmodSync(out, 0o555);
        const result = await runAsUnprivileged(['generate', path.join(folder, 'call.minutes'), '-f', 'html', '-o', path.join(out, 'call.html')]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/cannot write: permission denied/);
        expect(readdirSync(out)).toEqual([]);
        expect(result.stdout).toBe('');
    });
});

describe('minutes generate: a file with errors, and usage mistakes', () => {
    test('a file with errors is refused (exit 1) with the lines of minutes check; nothing is written', async () => {
        const folder = workspace({ 'call.minutes': broken });
        const checked = await runCli(['check', 'call.minutes'], { cwd: folder });
        expect(checked.code).toBe(1);
        const result = await runCli(['generate', 'call.minutes', '-f', 'html', '-o', 'call.html'], { cwd: folder });
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(checked.stdout + 'minutes: not generating call.minutes: fix the errors above, or pass --force\n');
        expect(existsSync(path.join(folder, 'call.html'))).toBe(false);
    });

    test('--force generates anyway, still listing the errors', async () => {
        const folder = workspace({ 'call.minutes': broken });
        const result = await runCli(['generate', 'call.minutes', '-f', 'email', '--force'], { cwd: folder });
        expect(result.code).toBe(0);
        expect(result.stderr).toMatch(/call\.minutes:8:1: error Unknown speaker 'Marilyn Kade'/);
        expect(result.stdout).toContain('Marilyn Kade noted the slowness of Treaties.');
    });

    test.each([
        ['a missing file', ['generate', 'nowhere.minutes', '-f', 'email'], /nowhere\.minutes: no such file/],
        ['a folder', ['generate', '.', '-f', 'email'], /is a folder; generate takes one \.minutes file/],
        ['a file that is not .minutes', ['generate', 'notes.txt', '-f', 'email'], /not a \.minutes file/],
        ['no format and no output', ['generate', 'call.minutes'], /say which output to generate: --format email\|eml\|html\|json\|markdown/],
        ['an unknown format', ['generate', 'call.minutes', '-f', 'pdf'], /Allowed choices are email, eml, html, json, markdown/],
        ['a width too small', ['generate', 'call.minutes', '-f', 'email', '-w', '5'], /--width 5: give a whole number of columns, 20 or more/],
        ['an eml without a date', ['generate', 'undated.minutes', '-f', 'eml'], /an eml message needs a date/],
        ['an eml to an address with a line break', ['generate', 'call.minutes', '-f', 'eml', '--to', 'a@example.org\nBcc: b@example.org'], /line break/]
    ])('%s: exit 2 with a message, nothing on standard output', async (_, args, message) => {
        const folder = workspace({ 'notes.txt': 'text\n', 'undated.minutes': call.replace('date: 2018-03-19\n', '') });
        const result = await runCli(args as string[], { cwd: folder });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(result.stdout).toBe('');
    });
});

/** Runs the CLI as the user `nobody` when this test runs as root, so that folder permissions apply. */
function runAsUnprivileged(args: string[]): Promise<CliResult> {
    return runCli(args, { unprivileged: true });
}

