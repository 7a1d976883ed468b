import { execFileSync } from 'node:child_process';
import { chmodSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { firstInvalidUtf8, sourceProblem } from '../src/utf8.js';
import { runCli, tempWorkspace } from './helpers/run-cli.js';

/**
 * Reading sources: what cannot be read is said, never skipped in silence and never waited
 * on; a file that is not UTF-8 is refused with the offset of its first bad byte, found in
 * one pass; a file too large for any string is refused before it is read.
 */

const DIRECTORY = 'person @ttropina Tatiana Tropina\n  org: @MPI\n\norg @MPI Max Planck Institute\n  stakeholder: academia\n';
const CALL = 'meeting: A call\ndate: 2018-03-19\n\n@ttropina: Hello.\n';
const ALONE = 'meeting: A call on its own\ndate: 2018-03-19\n\nNo one is named.\n';

/**
 * A slow but evident answer, for short inputs: the end of the longest prefix that decodes.
 * (The CLI used to search like this, decoding every prefix of the file: quadratic.)
 */
function longestValidPrefix(bytes: Uint8Array): number | undefined {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const decodes = (end: number) => { try { decoder.decode(bytes.subarray(0, end)); return true; } catch { return false; } };
    if (decodes(bytes.length)) return undefined;
    let longest = 0;
    for (let end = 1; end < bytes.length; end++) if (decodes(end)) longest = end;
    return longest;
}

describe('the first bad byte of a text that is not UTF-8', () => {
    test('is the offset where a well-formed sequence cannot start or continue', () => {
        const bytes = (...values: number[]) => Uint8Array.from(values);
        expect(firstInvalidUtf8(Buffer.from('meeting: F\xe4ltstr\xf6m\n', 'latin1'))).toBe(10);
        expect(firstInvalidUtf8(Buffer.from('Fältström', 'utf8'))).toBeUndefined();
        expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1); // truncated at the end
        expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a surrogate
        expect(firstInvalidUtf8(bytes(0xc0, 0x80))).toBe(0); // overlong
        expect(firstInvalidUtf8(bytes(0x61, 0xf4, 0x90, 0x80, 0x80))).toBe(1); // past U+10FFFF
        expect(firstInvalidUtf8(bytes(0x61, 0x80))).toBe(1); // a lone continuation byte
    });

    test('is where the longest prefix that decodes ends, for every short byte string tried', () => {
        const interesting = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
        let seed = 19;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let run = 0; run < 20_000; run++) {
            const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 7) }, () => interesting[Math.floor(random() * interesting.length)]);
            expect([...bytes].map(b => b.toString(16)).join(' ') + ' → ' + firstInvalidUtf8(bytes))
                .toBe([...bytes].map(b => b.toString(16)).join(' ') + ' → ' + longestValidPrefix(bytes));
        }
    });

    test('bytes are refused without decoding them exactly when the decoder refuses them, for every short byte string tried', () => {
        // A check keeps its files as bytes, found well-formed when read, and decodes them at each use (workspace.ts).
        const interesting = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
        let seed = 23;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let run = 0; run < 20_000; run++) {
            const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 7) }, () => interesting[Math.floor(random() * interesting.length)]);
            const refused = sourceProblem(bytes) !== undefined;
            expect([...bytes].map(b => b.toString(16)).join(' ') + (refused ? ' refused' : ' read')).toBe([...bytes].map(b => b.toString(16)).join(' ') + (longestValidPrefix(bytes) === undefined ? ' read' : ' refused'));
        }
        expect(sourceProblem(Buffer.from('meeting: A\0'))).toMatch(/binary/);
    });

    test('a byte-order mark is left out, and only one: a second U+FEFF is the text\'s own, on standard input as in a file', async () => {
        const text = '\ufeff\ufeff@x: Hi.\n';
        const folder = tempWorkspace({ 'marks.minutes': text });
        for (const result of [await runCli(['check', 'marks.minutes'], { cwd: folder }), await runCli(['check', '-'], { cwd: folder, input: text })]) {
            // Column 2: the speaker comes after the U+FEFF the text keeps.
            expect(result.stdout).toMatch(/\.minutes:1:2: error Unknown speaker 'x'/);
        }
        const once = await runCli(['check', '-'], { cwd: folder, input: '\ufeff@x: Hi.\n' });
        expect(once.stdout).toMatch(/\.minutes:1:1: error Unknown speaker 'x'/);
    });

    test('a megabyte of text with a Latin-1 letter at its end beside the checked file: a warning names it, the check goes on (it took minutes: every prefix was decoded)', async () => {
        // Its first Latin-1 letter comes after a megabyte of ASCII.
        const latin1 = Buffer.from(`meeting: Notes\n\n${'Coffee and cake. '.repeat(60_000)}Caf\xe9 au lait.\n`, 'latin1');
        const folder = tempWorkspace({ 'call.minutes': ALONE, 'old.minutes': latin1 });
        const result = await runCli(['check', 'call.minutes'], { cwd: folder });
        expect([result.code, result.stderr]).toEqual([0, 'minutes: warning: skipping old.minutes: not valid UTF-8 (first bad byte at offset 1020019); save it as UTF-8\n']);
        const direct = await runCli(['check', 'old.minutes'], { cwd: folder });
        expect([direct.code, direct.stderr]).toEqual([2, 'minutes: old.minutes: not valid UTF-8 (first bad byte at offset 1020019); save it as UTF-8\n']);
    });
});

describe('files that cannot or should not be read', () => {
    test('a file larger than any text is refused for its size before it is read, not called binary or bad UTF-8', async () => {
        const folder = tempWorkspace({ 'call.minutes': ALONE });
        // A sparse file: 600 MB long, no disk used.
        writeFileSync(path.join(folder, 'huge.minutes'), '');
        truncateSync(path.join(folder, 'huge.minutes'), 600 * 1024 * 1024);
        const result = await runCli(['check', 'huge.minutes'], { cwd: folder });
        expect([result.code, result.stderr]).toEqual([2, expect.stringMatching(/^minutes: huge\.minutes: it has 629,145,600 bytes, more than the 10,000,000 characters \(about 10 MB\) that Minutes reads, so it is not read at all: split it/)]);
        const beside = await runCli(['check', 'call.minutes'], { cwd: folder });
        expect([beside.code, beside.stderr]).toEqual([0, expect.stringMatching(/^minutes: warning: skipping huge\.minutes: it has 629,145,600 bytes/)]);
    });

    test('a directory file that is a symbolic link is read through the link', async () => {
        const shared = tempWorkspace({ 'directory.minutes': DIRECTORY });
        const folder = tempWorkspace({ 'call.minutes': CALL });
        symlinkSync(path.join(shared, 'directory.minutes'), path.join(folder, 'directory.minutes'));
        const result = await runCli(['check', 'call.minutes'], { cwd: folder });
        expect([result.code, result.stderr, result.stdout]).toEqual([0, '', 'checked 1 file: 0 errors, 0 warnings\n']);
        expect((await runCli(['check', '.'], { cwd: folder })).stdout).toBe('checked 2 files: 0 errors, 0 warnings\n');
    });

    test('a directory file that cannot be read: a warning names it, rather than dozens of unknown names with no cause', async () => {
        const folder = tempWorkspace({ 'call.minutes': CALL, 'directory.minutes': DIRECTORY });
        chmodSync(folder, 0o755);
        chmodSync(path.join(folder, 'call.minutes'), 0o644);
        chmodSync(path.join(folder, 'directory.minutes'), 0o000);
        const result = await runCli(['check', 'call.minutes'], { cwd: folder, unprivileged: true });
        expect(result.stderr).toBe('minutes: warning: skipping directory.minutes: cannot read: permission denied\n');
        expect(result.code).toBe(1);
    });

    test('a named pipe given as input is refused, not waited on; one beside the input is passed over with a warning', async () => {
        const folder = tempWorkspace({ 'call.minutes': CALL, 'directory.minutes': DIRECTORY });
        execFileSync('mkfifo', [path.join(folder, 'pipe.minutes')]);
        const given = await runCli(['check', 'pipe.minutes'], { cwd: folder });
        expect([given.code, given.stderr]).toEqual([2, 'minutes: pipe.minutes: not a regular file (a named pipe)\n']);
        const generated = await runCli(['generate', 'pipe.minutes', '-f', 'email'], { cwd: folder });
        expect([generated.code, generated.stderr]).toEqual([2, 'minutes: pipe.minutes: not a regular file (a named pipe)\n']);
        const beside = await runCli(['check', 'call.minutes'], { cwd: folder });
        expect([beside.code, beside.stderr]).toEqual([0, 'minutes: warning: skipping pipe.minutes: not a regular file (a named pipe)\n']);
    });
});
