import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ReadAhead } from '../src/read-ahead.js';
import { collectFiles, createCliServices, readWorkspaceSources, type WorkspaceSource } from '../src/workspace.js';
import { runCli, tempWorkspace } from './helpers/run-cli.js';

/**
 * A check of many files reads them in a thread of its own (read-ahead.ts), ahead of the
 * thread that scans them: it must read, refuse and warn exactly as the check's own thread
 * does, and lose nothing when that thread cannot run.
 */

/** The bundled reading thread, as `minutes check` starts it (the tests' setup bundles dist/). */
const READ_WORKER = new URL('../dist/read-worker.js', import.meta.url);

const DIRECTORY = 'person @ttropina Tatiana Tropina\n  org: @MPI\n\norg @MPI Max Planck Institute\n  stakeholder: academia\n';

/** Forty meetings of one folder, with what reading must tell apart: marks, letters, an empty file, files larger than a batch. */
function meetings(count = 40): Record<string, string | Buffer> {
    const files: Record<string, string | Buffer> = { 'directory.minutes': DIRECTORY };
    for (let i = 0; i < count; i++) {
        const name = `call-${String(i).padStart(2, '0')}.minutes`;
        files[name] = `${i % 7 === 0 ? '\ufeff' : ''}meeting: Call ${i} on Fältström’s draft\ndate: 2018-03-19\n\n@ttropina: Hello ${'and welcome '.repeat(i === 5 || i === 6 ? 40_000 : 3)}.\n`;
    }
    if (count > 7) files['call-07.minutes'] = '';
    return files;
}

/** What reading gives: each source with its bytes, in order, and the warnings. */
async function readWith(folder: string, asked: string[], reader?: (files: readonly string[]) => ReadAhead) {
    const services = createCliServices({ checkOnly: true });
    const files = await collectFiles(asked.map(file => path.join(folder, file)), services.shared.workspace.MinutesConfigs);
    const warnings: string[] = [];
    const seen: WorkspaceSource[] = [];
    const read = await readWorkspaceSources(files, { services, warn: message => warnings.push(message), reader, onRead: source => seen.push(source) });
    expect(seen, 'each source is handed on once, as it is read, in order').toEqual(read.sources);
    return { sources: read.sources.map(({ file, bytes, reported }) => ({ file: path.relative(folder, file), bytes: Buffer.from(bytes).toString('hex'), reported })), warnings };
}

async function refusalOf(promise: Promise<unknown>): Promise<string> {
    return promise.then(() => 'read', (error: Error) => error.message);
}

describe('reading ahead in a thread of its own', () => {
    test('reads the same bytes of the same files in the same order, and warns of the same context, as reading in the check\'s thread', async () => {
        const folder = tempWorkspace({
            ...meetings(),
            'latin1.minutes': Buffer.from('meeting: F\xe4ltstr\xf6m\n', 'latin1'),
            'binary.minutes': Buffer.from([0x6d, 0x3a, 0x00, 0x01])
        });
        execFileSync('mkfifo', [path.join(folder, 'pipe.minutes')]);
        const asked = ['call-03.minutes', 'call-05.minutes', 'call-00.minutes'];
        const inThread = await readWith(folder, asked);
        const ahead = await readWith(folder, asked, files => new ReadAhead(READ_WORKER, files));
        expect(ahead).toEqual(inThread);
        expect(inThread.sources.map(source => [source.file, source.reported]).slice(0, 5))
            .toEqual([['call-03.minutes', true], ['call-05.minutes', true], ['call-00.minutes', true], ['call-01.minutes', false], ['call-02.minutes', false]]);
        expect(inThread.sources).toHaveLength(41);
        expect(inThread.warnings).toEqual([
            expect.stringMatching(/^skipping .*binary\.minutes: looks like a binary file/),
            expect.stringMatching(/^skipping .*latin1\.minutes: not valid UTF-8 \(first bad byte at offset 10\)/),
            expect.stringMatching(/^skipping .*pipe\.minutes: not a regular file \(a named pipe\)$/)
        ]);
    });

    test('refuses a file asked for with the same message, wherever it comes', async () => {
        const folder = tempWorkspace({ ...meetings(), 'latin1.minutes': Buffer.from('meeting: F\xe4ltstr\xf6m\n', 'latin1') });
        for (const asked of [['latin1.minutes'], ['call-01.minutes', 'call-02.minutes', 'latin1.minutes', 'call-03.minutes']]) {
            const inThread = await refusalOf(readWith(folder, asked));
            expect(inThread).toMatch(/latin1\.minutes: not valid UTF-8 \(first bad byte at offset 10\); save it as UTF-8$/);
            expect(await refusalOf(readWith(folder, asked, files => new ReadAhead(READ_WORKER, files)))).toBe(inThread);
        }
    });

    test('a thread that cannot run loses nothing: what it has not read is read in the check\'s thread', async () => {
        const folder = tempWorkspace({ ...meetings(), 'broken-worker.mjs': 'throw new Error("no thread today");\n' });
        const broken = new URL(`file://${path.join(folder, 'broken-worker.mjs')}`);
        const missing = new URL(`file://${path.join(folder, 'no-such-worker.mjs')}`);
        const inThread = await readWith(folder, ['call-01.minutes']);
        for (const worker of [broken, missing]) {
            expect(await readWith(folder, ['call-01.minutes'], files => new ReadAhead(worker, files))).toEqual(inThread);
        }
    });
});

/**
 * A preloaded module that says when a file is read in a thread other than the main one, and
 * plays a concurrent writer there: a file named in MINUTES_TEST_GROWS grows once read.
 */
const WATCHER = `
import fs, { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
import { isMainThread } from 'node:worker_threads';
const readFileSync = fs.readFileSync;
let said = false;
fs.readFileSync = function (file, ...rest) {
    const bytes = readFileSync.call(this, file, ...rest);
    if (!isMainThread && !said && String(file).endsWith('.minutes')) {
        said = true;
        process.stderr.write('read in a thread of its own\\n');
    }
    if (typeof file === 'string' && basename(file) === process.env.MINUTES_TEST_GROWS) appendFileSync(file, '\\nmore text, saved meanwhile\\n');
    return bytes;
};
syncBuiltinESMExports();
`;

describe('minutes check reads ahead', () => {
    const folder = tempWorkspace({ 'watcher.mjs': WATCHER });
    const preload = path.join(folder, 'watcher.mjs');

    test('the files of a large check, in the bundled thread; those of a small one, in its own thread', async () => {
        const large = tempWorkspace(meetings());
        const result = await runCli(['check', '.'], { cwd: large, preload });
        expect([result.code, result.stdout, result.stderr]).toEqual([0, 'checked 41 files: 0 errors, 0 warnings\n', 'read in a thread of its own\n']);
        const small = tempWorkspace(meetings(3));
        const alone = await runCli(['check', '.'], { cwd: small, preload });
        expect([alone.code, alone.stdout, alone.stderr]).toEqual([0, 'checked 4 files: 0 errors, 0 warnings\n', '']);
    });

    test('a file saved while the thread reads it is refused: exit 2, as when the check\'s thread reads it', async () => {
        const large = tempWorkspace(meetings());
        const result = await runCli(['check', '.'], { cwd: large, preload, env: { MINUTES_TEST_GROWS: 'call-21.minutes' } });
        expect(result.stderr).toMatch(/call-21\.minutes: changed while it was being read; run the command again once it is saved/);
        expect([result.code, result.stdout]).toEqual([2, '']);
        writeFileSync(path.join(large, 'call-21.minutes'), 'meeting: Call 21\n');
        expect((await runCli(['check', '.'], { cwd: large })).code).toBe(0);
    });
});
