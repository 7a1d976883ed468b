import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli, tempWorkspace } from './helpers/run-cli.js';

const FIXTURES = fileURLToPath(new URL('../../language/test/fixtures/import/', import.meta.url));
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const SEED = fixture('captions-igf2018-ws224.txt');
const DIRECTORY = fixture('directory.minutes');

/** The last lines of stderr: the summary `minutes import` ends with. */
function summaryOf(stderr: string): string[] {
    const lines = stderr.trimEnd().split('\n');
    return lines.slice(lines.findIndex(line => line.startsWith('Imported ')));
}

describe('minutes import', () => {
    test('imports the seed transcript beside the directory; the result checks clean but for the review warnings', async () => {
        const folder = tempWorkspace({ 'ws224.txt': SEED, 'directory.minutes': DIRECTORY });
        const imported = await runCli(['import', 'ws224.txt', '-o', 'ws224.minutes'], { cwd: folder });
        expect(imported.code).toBe(0);
        expect(imported.stdout).toBe('');
        expect(summaryOf(imported.stderr)).toEqual([
            'Imported 38 turns from ws224.txt (captions) into ws224.minutes.',
            '  The date \'12 to 14 November 2018\' is read from the transcript\'s introduction: check it.',
            'Speakers: 2 matched, 1 guessed, 2 unknown (5 named speakers; 31 unidentified turns).',
            '  matched: AYDEN FERDELINE → @aferdeline Ayden Férdeline by name (2 turns); KUO WU → @kwu Kuo-Wei Wu by alias (2 turns)',
            '  guessed, check them: MARCUS KUMER → @mkummer Marcus Kummer, 1 letter from \'Marcus Kummer\' (1 turn)',
            '  unknown, added for review: SANDRA HOFERICHTER → @shoferichter Sandra Hoferichter (1 turn); SANJA KELLY → @skelly Sanja Kelly (1 turn)',
            '  unidentified: MODERATOR → @MODERATOR, the office as written (12 turns); bare >> → @? (19 turns)',
            '2 new entries are marked review: (warning unreviewed-entry until confirmed or linked).'
        ]);
        expect(summaryOf(imported.stderr)[0]).toBe(imported.stderr.split('\n')[0]);
        const checked = await runCli(['check', 'ws224.minutes', '--format', 'json'], { cwd: folder });
        expect(checked.code).toBe(0);
        const problems = JSON.parse(checked.stdout) as { problems?: Array<{ code: string }> } | Array<{ code: string }>;
        const codes = (Array.isArray(problems) ? problems : problems.problems ?? []).map(p => p.code);
        expect(codes).toEqual(['unreviewed-entry', 'unreviewed-entry']);
        // Nothing but the output is left in the folder: no temporary file.
        expect(readdirSync(folder).sort()).toEqual(['directory.minutes', 'ws224.minutes', 'ws224.txt']);
    });

    test('without -o the meeting goes to standard output; - reads standard input; --directory adds people', async () => {
        const folder = tempWorkspace({ 'people/directory.minutes': DIRECTORY });
        const result = await runCli(['import', '-', '--from', 'chat', '--directory', 'people', '--title', 'Call', '--date', '2017-02-02'], {
            cwd: folder, input: '[10:02] Marcus Kummer: hello\n[10:03] Unknown Person: hi\n'
        });
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('meeting: Call\ndate: 2017-02-02\n');
        expect(result.stdout).toContain('@mkummer [at 10:02]: hello');
        expect(result.stdout).toContain('person @uperson Unknown Person\n  review: imported from standard input; confirm or link to an existing person');
        expect(summaryOf(result.stderr)[0]).toBe('Imported 2 turns from standard input (chat).');
        const dashed = await runCli(['import', '-', '-o', '-', '--from', 'chat', '--directory', 'people', '--title', 'Call', '--date', '2017-02-02'], {
            cwd: folder, input: '[10:02] Marcus Kummer: hello\n[10:03] Unknown Person: hi\n'
        });
        expect([dashed.code, dashed.stdout], '-o - is standard output too').toEqual([0, result.stdout]);
        expect(existsSync(path.join(folder, '-')), 'no file named -').toBe(false);
    });

    test('--moderator names whose the MODERATOR turns are', async () => {
        const folder = tempWorkspace({ 'ws224.txt': SEED, 'directory.minutes': DIRECTORY });
        const result = await runCli(['import', 'ws224.txt', '--moderator', '@nhickson'], { cwd: folder });
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^moderator: @nhickson$/m);
        expect(result.stdout).not.toContain('[as moderator');
        const unknown = await runCli(['import', 'ws224.txt', '--moderator', 'Nobody Known'], { cwd: folder });
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('--moderator Nobody Known: no person or organisation in the directory has this name');
    });

    test('-o never overwrites an existing file without --force, and never the input', async () => {
        const folder = tempWorkspace({ 'talk.vtt': fixture('webvtt-panel.vtt'), 'talk.minutes': 'meeting: Mine\n', 'notes.txt': 'keep' });
        const refused = await runCli(['import', 'talk.vtt', '-o', 'talk.minutes'], { cwd: folder });
        expect(refused.code).toBe(2);
        expect(refused.stderr).toBe('minutes: talk.minutes: already exists; use --force to overwrite it\n');
        expect(readFileSync(path.join(folder, 'talk.minutes'), 'utf8')).toBe('meeting: Mine\n');
        expect((await runCli(['import', 'talk.vtt', '-o', 'notes.txt'], { cwd: folder })).code).toBe(2);

        const input = await runCli(['import', 'talk.vtt', '-o', 'talk.vtt', '--force'], { cwd: folder });
        expect(input.code).toBe(2);
        expect(input.stderr).toContain('the output would overwrite the transcript being imported');
        expect(readFileSync(path.join(folder, 'talk.vtt'), 'utf8')).toBe(fixture('webvtt-panel.vtt'));

        const forced = await runCli(['import', 'talk.vtt', '-o', 'talk.minutes', '--force', '--date', '2018-06-12'], { cwd: folder });
        expect(forced.code).toBe(0);
        expect(readFileSync(path.join(folder, 'talk.minutes'), 'utf8')).toContain('@pfaltstrom [at 00:00:01]:');
    });

    test('exit 2 on what cannot be read or written, with nothing written', async () => {
        const folder = tempWorkspace({
            'binary.txt': Buffer.from([0x3e, 0x3e, 0x00, 0x01]),
            'latin1.txt': Buffer.from('>> CAF\xc9: ol\xe9', 'latin1'),
            'ok.txt': '>> KUO WU: hi\n'
        });
        const cases: Array<[string[], string]> = [
            [['import', 'missing.txt'], 'missing.txt: cannot read: no such file'],
            [['import', 'binary.txt'], 'binary.txt: looks like a binary file'],
            [['import', 'latin1.txt'], 'latin1.txt: not valid UTF-8'],
            [['import', 'ok.txt', '--from', 'srt'], 'argument \'srt\' is invalid'],
            [['import', 'ok.txt', '-o', 'no/such/folder/x.minutes'], 'does not exist'],
            [['import', 'ok.txt', '-o', '.'], 'is a folder'],
            [['import'], 'missing required argument']
        ];
        for (const [args, message] of cases) {
            const result = await runCli(args, { cwd: folder });
            expect(result.code, args.join(' ')).toBe(2);
            expect(result.stderr, args.join(' ')).toContain(message);
            expect(result.stdout, args.join(' ')).toBe('');
        }
        expect(readdirSync(folder).sort()).toEqual(['binary.txt', 'latin1.txt', 'ok.txt']);
    });

    test('reads UTF-16 transcripts with a byte-order mark', async () => {
        const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Talk\n\n>> KUO WU: Grüße\n', 'utf16le')]);
        const folder = tempWorkspace({ 'talk.txt': utf16, 'directory.minutes': DIRECTORY });
        const result = await runCli(['import', 'talk.txt', '-o', 'talk.minutes', '--date', '2018-11-12'], { cwd: folder });
        expect(result.code).toBe(0);
        expect(readFileSync(path.join(folder, 'talk.minutes'), 'utf8')).toContain('@kwu: Grüße');
        expect(existsSync(path.join(folder, 'talk.minutes'))).toBe(true);
    });

    test('a UTF-16 transcript holding a NUL is refused (exit 2), not imported into a file that minutes check calls binary', async () => {
        const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Kuo Wu>Hello\u0000 there\n';
        const folder = tempWorkspace({ 'talk.vtt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(vtt, 'utf16le')]), 'directory.minutes': DIRECTORY });
        const result = await runCli(['import', 'talk.vtt', '-o', 'talk.minutes', '--date', '2018-11-12'], { cwd: folder });
        expect([result.code, result.stderr]).toEqual([2, 'minutes: talk.vtt: looks like a binary file (it contains NUL characters), not a transcript\n']);
        expect(readdirSync(folder).sort()).toEqual(['directory.minutes', 'talk.vtt']);
        const toStdout = await runCli(['import', '-', '--date', '2018-11-12'], { cwd: folder, input: '>> KUO WU: Hello\u0000\n' });
        expect([toStdout.code, toStdout.stdout]).toEqual([2, '']);
    });

    test('import is listed in --help', async () => {
        const result = await runCli(['import', '--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('--from <format>');
        expect(result.stdout).toContain('-o, --output <file>');
    });
});
