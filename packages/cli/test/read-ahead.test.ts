import { execFileSync } from 'node:child_process';
import fs, { writeFileSync, type PathOrFileDescriptor } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { lexingTypeIndexes } from 'minutes-language/core';
import { ReadAhead } from '../src/read-ahead.js';
import { checkReleasingTrees } from '../src/releasing-check.js';
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

/** Meetings of one folder (forty unless asked), with what reading must tell apart: marks, letters, an empty file, files larger than a batch. */
function meetings(count = 40): Record<string, string | Buffer> {
    const files: Record<string, string | Buffer> = { 'directory.minutes': DIRECTORY };
    for (let i = 0; i < count; i++) {
        const name = `call-${String(i).padStart(3, '0')}.minutes`;
        files[name] = `${i % 7 === 0 ? '\ufeff' : ''}meeting: Call ${i} on Fältström’s draft\ndate: 2018-03-19\n\n@ttropina: Hello ${'and welcome '.repeat(i === 5 || i === 6 ? 40_000 : 3)}.\n`;
    }
    if (count > 7) files['call-007.minutes'] = '';
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

/**
 * Reads of `.minutes` files in this thread made slow (20 ms each) and counted, while `during`
 * runs: the reading thread has started (65 to 180 ms; a few hundred on a loaded machine) long
 * before this one has read every file itself (860 ms for 43), and reads some of them.
 */
async function withSlowReadsHere<T>(during: () => Promise<T>): Promise<{ result: T; readHere: number }> {
    const original = fs.readFileSync;
    let readHere = 0;
    fs.readFileSync = ((file: PathOrFileDescriptor, ...rest: unknown[]) => {
        if (String(file).endsWith('.minutes')) {
            readHere++;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        }
        return (original as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync;
    syncBuiltinESMExports();
    try {
        return { result: await during(), readHere };
    } finally {
        fs.readFileSync = original;
        syncBuiltinESMExports();
    }
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
        const asked = ['call-003.minutes', 'call-005.minutes', 'call-000.minutes'];
        const inThread = await readWith(folder, asked);
        const ahead = await withSlowReadsHere(() => readWith(folder, asked, files => new ReadAhead(READ_WORKER, files)));
        expect(ahead.result).toEqual(inThread);
        // Both threads read: this one while the other starts, the other some of the rest (how
        // many depends on the machine's load: 11 or 12 of the 43 were read here when quiet).
        expect(ahead.readHere, 'files read by this thread, of 43').toBeGreaterThan(0);
        expect(ahead.readHere, 'files read by this thread, of 43').toBeLessThan(43);
        expect(inThread.sources.map(source => [source.file, source.reported]).slice(0, 5))
            .toEqual([['call-003.minutes', true], ['call-005.minutes', true], ['call-000.minutes', true], ['call-001.minutes', false], ['call-002.minutes', false]]);
        expect(inThread.sources).toHaveLength(41);
        expect(inThread.warnings).toEqual([
            expect.stringMatching(/^skipping .*binary\.minutes: looks like a binary file/),
            expect.stringMatching(/^skipping .*latin1\.minutes: not valid UTF-8 \(first bad byte at offset 10\)/),
            expect.stringMatching(/^skipping .*pipe\.minutes: not a regular file \(a named pipe\)$/)
        ]);
    });

    test('refuses a file asked for with the same message, wherever it comes', async () => {
        const folder = tempWorkspace({ ...meetings(), 'latin1.minutes': Buffer.from('meeting: F\xe4ltstr\xf6m\n', 'latin1') });
        for (const asked of [['latin1.minutes'], ['call-001.minutes', 'call-002.minutes', 'latin1.minutes', 'call-003.minutes']]) {
            const inThread = await refusalOf(readWith(folder, asked));
            expect(inThread).toMatch(/latin1\.minutes: not valid UTF-8 \(first bad byte at offset 10\); save it as UTF-8$/);
            expect((await withSlowReadsHere(() => refusalOf(readWith(folder, asked, files => new ReadAhead(READ_WORKER, files))))).result).toBe(inThread);
        }
    });

    test('a thread that cannot run loses nothing: what it has not read is read in the check\'s thread', async () => {
        const folder = tempWorkspace({ ...meetings(), 'broken-worker.mjs': 'throw new Error("no thread today");\n' });
        const broken = new URL(`file://${path.join(folder, 'broken-worker.mjs')}`);
        const missing = new URL(`file://${path.join(folder, 'no-such-worker.mjs')}`);
        const inThread = await readWith(folder, ['call-001.minutes']);
        for (const worker of [broken, missing]) {
            expect(await readWith(folder, ['call-001.minutes'], files => new ReadAhead(worker, files))).toEqual(inThread);
        }
    });
});

describe('lexing ahead in the thread that reads', () => {
    const EXAMPLES = new URL('../../../examples/', import.meta.url);

    /** A workspace of meetings and the examples, a file whose comment is not closed, and a name nobody declared. */
    function workspace(): string {
        const files: Record<string, string | Buffer> = {
            ...meetings(),
            'unclosed.minutes': 'meeting: Unclosed\n\n@ttropina: Hello.\n/* not closed\n',
            'unknown.minutes': 'meeting: Unknown\n\n@nobody: Hello.\n'
        };
        for (const name of fs.readdirSync(EXAMPLES).filter(file => file.endsWith('.minutes'))) files[`example-${name}`] = fs.readFileSync(new URL(name, EXAMPLES));
        return tempWorkspace(files);
    }

    /**
     * The releasing check of every file of `folder`, its files lexed by the thread that read them
     * if `ahead`; started once that thread has lexed all it can if `waiting`, else at once.
     */
    async function checkAll(folder: string, ahead: boolean, { worker = READ_WORKER, waiting = true } = {}) {
        const services = createCliServices({ checkOnly: true });
        const files = await collectFiles([folder], services.shared.workspace.MinutesConfigs);
        let reader: ReadAhead | undefined;
        const read = await readWorkspaceSources(files, {
            services,
            reader: ahead ? all => (reader = new ReadAhead(worker, all, { lexWith: lexingTypeIndexes(services.Minutes) })) : undefined
        });
        const lexing = reader?.lexing;
        if (waiting) await lexing?.stopped;
        try {
            const { checked } = await checkReleasingTrees(read, undefined, lexing && (bytes => lexing.take(bytes)));
            return { checked: checked.map(({ uri, diagnostics }) => ({ file: path.relative(folder, uri.fsPath), diagnostics })), counts: lexing?.counts };
        } finally {
            lexing?.close();
        }
    }

    test('gives the diagnostics of a check that lexes every file itself; what the other thread declines (a comment not closed) is lexed here', async () => {
        const folder = workspace();
        const here = await checkAll(folder, false);
        const ahead = await checkAll(folder, true);
        expect(ahead.checked).toEqual(here.checked);
        expect(here.checked.find(({ file }) => file === 'unclosed.minutes')?.diagnostics.map(d => d.message)).toContain('This comment is not closed: add */ where it should end.');
        expect(here.checked.find(({ file }) => file === 'unknown.minutes')?.diagnostics.length).toBeGreaterThan(0);
        // The files the check's thread read last may reach the other thread after it has passed them.
        const files = here.checked.length;
        expect(ahead.counts!.ahead, `files lexed ahead, of ${files}`).toBeGreaterThan(files / 2);
        expect(ahead.counts!.here, 'the file whose comment is not closed, at least').toBeGreaterThanOrEqual(1);
        expect(ahead.counts!.ahead + ahead.counts!.here).toBeGreaterThanOrEqual(files);
        // Started at once, the check lexes the files the other thread has not taken, and waits for those it is lexing.
        expect((await checkAll(folder, true, { waiting: false })).checked).toEqual(here.checked);
    });

    test('the other thread lexes no more than 256 files past the last the check asked for', async () => {
        const folder = tempWorkspace(meetings(300));
        const services = createCliServices({ checkOnly: true });
        const files = await collectFiles([folder], services.shared.workspace.MinutesConfigs);
        let reader: ReadAhead | undefined;
        const read = await readWorkspaceSources(files, { services, reader: all => (reader = new ReadAhead(READ_WORKER, all, { lexWith: lexingTypeIndexes(services.Minutes) })) });
        const lexing = reader!.lexing!;
        try {
            // Until the other thread has lexed what it may (its count unchanged for 300 ms), the check asking for nothing.
            for (let last = -1, since = Date.now(); Date.now() - since < 300 || lexing.doneAhead !== last;) {
                if (lexing.doneAhead !== last) [last, since] = [lexing.doneAhead, Date.now()];
                await new Promise(resolve => setTimeout(resolve, 20));
            }
            // The file the check's thread read last may have reached the other thread too late.
            expect(lexing.doneAhead).toBeGreaterThanOrEqual(255);
            expect(lexing.doneAhead).toBeLessThanOrEqual(256);
            const { checked } = await checkReleasingTrees(read, undefined, bytes => lexing.take(bytes));
            expect(checked).toHaveLength(301);
            expect(lexing.counts.ahead).toBeGreaterThan(256);
        } finally {
            lexing.close();
        }
    });

    test('a thread that cannot run loses nothing: the check lexes every file itself', async () => {
        const folder = workspace();
        const broken = new URL(`file://${path.join(tempWorkspace({ 'broken-worker.mjs': 'throw new Error("no thread today");\n' }), 'broken-worker.mjs')}`);
        const here = await checkAll(folder, false);
        const ahead = await checkAll(folder, true, { worker: broken });
        expect(ahead.checked).toEqual(here.checked);
        expect(ahead.counts).toEqual({ ahead: 0, here: here.checked.length });
    });
});

/**
 * A preloaded module that says when a file is read in a thread other than the main one, and
 * plays a concurrent writer: a file named in MINUTES_TEST_GROWS grows once read. With
 * MINUTES_TEST_SLOW_READS, each read takes 10 ms in the main thread and 20 ms in another:
 * the reading thread has started long before the check's has read every file itself, and the
 * check's thread waits for the files the other is reading. A file is read whole by
 * `readFileSync`, or (when the other thread lexes it too) into shared memory between
 * `openSync` and `closeSync`: what is done once a file is read is done at either end.
 */
const WATCHER = `
import fs, { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
import { isMainThread } from 'node:worker_threads';
const { readFileSync, openSync, closeSync } = fs;
const opened = new Map();
let said = false;
function read(file) {
    if (!isMainThread && !said && String(file).endsWith('.minutes')) {
        said = true;
        process.stderr.write('read in a thread of its own\\n');
    }
    if (process.env.MINUTES_TEST_SLOW_READS) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, isMainThread ? 10 : 20);
    if (typeof file === 'string' && basename(file) === process.env.MINUTES_TEST_GROWS) appendFileSync(file, '\\nmore text, saved meanwhile\\n');
}
fs.readFileSync = function (file, ...rest) {
    const bytes = readFileSync.call(this, file, ...rest);
    read(file);
    return bytes;
};
fs.openSync = function (file, ...rest) {
    const fd = openSync.call(this, file, ...rest);
    opened.set(fd, file);
    return fd;
};
fs.closeSync = function (fd) {
    const file = opened.get(fd);
    opened.delete(fd);
    closeSync.call(this, fd);
    if (file !== undefined) read(file);
};
syncBuiltinESMExports();
`;

describe('minutes check reads ahead', () => {
    const folder = tempWorkspace({ 'watcher.mjs': WATCHER });
    const preload = path.join(folder, 'watcher.mjs');

    test('the files of a large check, in the bundled thread; those of a small one, in its own thread', async () => {
        const large = tempWorkspace(meetings(120));
        const result = await runCli(['check', '.'], { cwd: large, preload, env: { MINUTES_TEST_SLOW_READS: '1' } });
        expect([result.code, result.stdout, result.stderr]).toEqual([0, 'checked 121 files: 0 errors, 0 warnings\n', 'read in a thread of its own\n']);
        const small = tempWorkspace(meetings(60));
        const alone = await runCli(['check', '.'], { cwd: small, preload, env: { MINUTES_TEST_SLOW_READS: '1' } });
        expect([alone.code, alone.stdout, alone.stderr]).toEqual([0, 'checked 61 files: 0 errors, 0 warnings\n', '']);
    });

    test('the check waits for the file the other thread is reading, however slow (nothing else keeps the command running meanwhile)', async () => {
        const large = tempWorkspace(meetings(120));
        const result = await runCli(['check', '.'], { cwd: large, preload, env: { MINUTES_TEST_SLOW_READS: '1' } });
        expect([result.code, result.stdout, result.stderr]).toEqual([0, 'checked 121 files: 0 errors, 0 warnings\n', 'read in a thread of its own\n']);
    });

    test('a file saved while the threads read it is refused: exit 2, as when the check\'s thread alone reads it', async () => {
        const large = tempWorkspace(meetings(120));
        const result = await runCli(['check', '.'], { cwd: large, preload, env: { MINUTES_TEST_GROWS: 'call-021.minutes', MINUTES_TEST_SLOW_READS: '1' } });
        expect(result.stderr).toMatch(/call-021\.minutes: changed while it was being read; run the command again once it is saved/);
        expect([result.code, result.stdout]).toEqual([2, '']);
        writeFileSync(path.join(large, 'call-021.minutes'), 'meeting: Call 21\n');
        expect((await runCli(['check', '.'], { cwd: large })).code).toBe(0);
    });
});
