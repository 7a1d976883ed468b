import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempWorkspace, type CliResult } from './helpers/run-cli.js';

/**
 * Nothing lost: whatever goes wrong with an input or an output — a file that cannot be
 * read, is binary or not UTF-8, changes while it is read, an output folder that cannot be
 * written — `minutes generate` and `minutes import` say so clearly, exit 2, and leave no
 * output file, partial or temporary, behind. (check.test.ts covers `minutes check` on the
 * same inputs, generate.test.ts and import.test.ts the cases without `-o`.)
 */

const DIRECTORY = 'person @ttropina Tatiana Tropina\n  email: tatiana@example.org\n';
const CALL = 'meeting: A call\ndate: 2018-03-19\nfrom: @ttropina\n\n@ttropina: Hello.\n';
const TRANSCRIPT = '>> TATIANA TROPINA: Hello.\n>> MODERATOR: Thank you.\n';

/**
 * A module preloaded into the CLI that plays a concurrent writer: when the CLI has read a
 * file named in MINUTES_TEST_GROWS, the file grows before the CLI looks at it again — as
 * when an editor or a sync client saves it at that moment.
 */
const CONCURRENT_WRITER = `
import fs, { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
const grows = file => typeof file === 'string' && basename(file) === process.env.MINUTES_TEST_GROWS;
const readFile = fs.promises.readFile;
fs.promises.readFile = async function (file, ...rest) {
    const bytes = await readFile.call(this, file, ...rest);
    if (grows(file)) appendFileSync(file, '\\nmore text, saved meanwhile\\n');
    return bytes;
};
// The CLI reads sources with readFileSync (a check reads its files one after another):
// patched on the module and passed on to its named ESM exports.
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
    const bytes = readFileSync.call(this, file, ...rest);
    if (grows(file)) appendFileSync(file, '\\nmore text, saved meanwhile\\n');
    return bytes;
};
syncBuiltinESMExports();
`;

interface Run {
    args: string[];
    cwd: string;
    env?: Record<string, string>;
    preload?: string;
    unprivileged?: boolean;
}

function run({ args, ...options }: Run): Promise<CliResult> {
    return runCli(args, options);
}

/** Exit 2, the message on standard error, nothing on standard output, and the folder as it was. */
async function expectNothingWritten(given: Run, message: RegExp, folder: string): Promise<void> {
    const before = readdirSync(folder).sort();
    const result = await run(given);
    expect(result.stderr, given.args.join(' ')).toMatch(message);
    expect(result.code, `${given.args.join(' ')}: ${result.stderr}`).toBe(2);
    expect(result.stdout).toBe('');
    expect(readdirSync(folder).sort(), 'no output, partial or temporary, is left').toEqual(before);
}

describe('a file that changes while it is read', () => {
    const folder = tempWorkspace({ 'writer.mjs': CONCURRENT_WRITER });
    const preload = path.join(folder, 'writer.mjs');

    test.each([
        ['minutes check', ['check', 'call.minutes']],
        ['minutes generate -o', ['generate', 'call.minutes', '-o', 'call.html']],
        ['minutes generate to standard output', ['generate', 'call.minutes', '-f', 'email']]
    ])('%s: exit 2, "changed while it was being read", nothing written', async (_name, args) => {
        const work = tempWorkspace({ 'directory.minutes': DIRECTORY, 'call.minutes': CALL });
        await expectNothingWritten({ args, cwd: work, preload, env: { MINUTES_TEST_GROWS: 'call.minutes' } },
            /call\.minutes: changed while it was being read; run the command again once it is saved/, work);
    });

    test('minutes import -o: exit 2, nothing written', async () => {
        const work = tempWorkspace({ 'directory.minutes': DIRECTORY, 'talk.txt': TRANSCRIPT });
        await expectNothingWritten({ args: ['import', 'talk.txt', '-o', 'talk.minutes'], cwd: work, preload, env: { MINUTES_TEST_GROWS: 'talk.txt' } },
            /talk\.txt: changed while it was being read/, work);
    });

    test('the watch works: without the writer the same commands succeed', async () => {
        const work = tempWorkspace({ 'directory.minutes': DIRECTORY, 'call.minutes': CALL, 'talk.txt': TRANSCRIPT });
        expect((await run({ args: ['generate', 'call.minutes', '-o', 'call.html'], cwd: work, preload })).code).toBe(0);
        expect((await run({ args: ['import', 'talk.txt', '-o', 'talk.minutes'], cwd: work, preload })).code).toBe(0);
        expect(readdirSync(work).sort()).toEqual(['call.html', 'call.minutes', 'directory.minutes', 'talk.minutes', 'talk.txt']);
    });
});

describe('inputs that cannot be read: generate -o and import -o leave no output', () => {
    const bad = {
        'binary.minutes': Buffer.from([0x6d, 0x3a, 0x00, 0x01]),
        'latin1.minutes': Buffer.from('meeting: F\xe4ltstr\xf6m\n', 'latin1'),
        'binary.txt': Buffer.from([0x3e, 0x3e, 0x00, 0x01]),
        'latin1.txt': Buffer.from('>> CAF\xc9: ol\xe9\n', 'latin1')
    };

    test.each([
        ['a missing file', ['generate', 'missing.minutes', '-o', 'out.html'], /missing\.minutes: no such file/],
        ['a folder', ['generate', 'notes', '-o', 'out.html'], /notes: is a folder/],
        ['a binary file', ['generate', 'binary.minutes', '-o', 'out.html'], /binary\.minutes: looks like a binary file/],
        ['invalid UTF-8', ['generate', 'latin1.minutes', '-o', 'out.html'], /latin1\.minutes: not valid UTF-8 \(first bad byte at offset 10\)/],
        ['a missing transcript', ['import', 'missing.txt', '-o', 'out.minutes'], /missing\.txt: cannot read: no such file/],
        ['a folder as transcript', ['import', 'notes', '-o', 'out.minutes'], /notes: cannot read: is a folder/],
        ['a binary transcript', ['import', 'binary.txt', '-o', 'out.minutes'], /binary\.txt: looks like a binary file/],
        ['a transcript not in UTF-8', ['import', 'latin1.txt', '-o', 'out.minutes'], /latin1\.txt: not valid UTF-8/]
    ])('%s: %s', async (_name, args, message) => {
        const work = tempWorkspace({ 'directory.minutes': DIRECTORY, ...bad });
        mkdirSync(path.join(work, 'notes'));
        await expectNothingWritten({ args, cwd: work }, message, work);
    });

    test('an unreadable file (as an unprivileged user)', async () => {
        const work = tempWorkspace({ 'directory.minutes': DIRECTORY, 'call.minutes': CALL, 'talk.txt': TRANSCRIPT });
        chmodSync(work, 0o777);
        chmodSync(path.join(work, 'directory.minutes'), 0o644);
        chmodSync(path.join(work, 'call.minutes'), 0o000);
        chmodSync(path.join(work, 'talk.txt'), 0o000);
        await expectNothingWritten({ args: ['generate', 'call.minutes', '-o', 'call.html'], cwd: work, unprivileged: true }, /call\.minutes: cannot read: permission denied/, work);
        await expectNothingWritten({ args: ['import', 'talk.txt', '-o', 'talk.minutes'], cwd: work, unprivileged: true }, /talk\.txt: cannot read: permission denied/, work);
    });
});

describe('an output folder that cannot be written', () => {
    test('minutes import -o into a read-only folder: exit 2, no file and no temporary file left', async () => {
        const work = tempWorkspace({ 'directory.minutes': DIRECTORY, 'talk.txt': TRANSCRIPT });
        const out = path.join(work, 'out');
        mkdirSync(out);
        chmodSync(work, 0o755);
        chmodSync(path.join(work, 'directory.minutes'), 0o644);
        chmodSync(path.join(work, 'talk.txt'), 0o644);
        chmodSync(out, 0o555);
        await expectNothingWritten({ args: ['import', 'talk.txt', '-o', path.join('out', 'talk.minutes')], cwd: work, unprivileged: true },
            /out\/talk\.minutes: cannot write: permission denied/, out);
    });

    test('an existing output is replaced whole or not at all: a failed generate leaves the old file as it was', async () => {
        const work = tempWorkspace({ 'directory.minutes': DIRECTORY, 'call.minutes': CALL, 'call.html': '<p>the old page</p>' });
        writeFileSync(path.join(work, 'broken.minutes'), CALL.replace('@ttropina: Hello.', '@{Nobody Known}: Hello.'));
        const result = await run({ args: ['generate', 'broken.minutes', '-o', 'call.html'], cwd: work });
        expect(result.code).toBe(1);
        expect(readFileSync(path.join(work, 'call.html'), 'utf8')).toBe('<p>the old page</p>');
        expect(existsSync(path.join(work, 'broken.html'))).toBe(false);
        expect(readdirSync(work).filter(name => name.endsWith('.tmp'))).toEqual([]);
    });
});
