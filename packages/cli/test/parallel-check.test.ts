import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generatedDocument, mutated } from '../../language/test/fuzz/arbitraries.js';
import { readRegressions } from '../../language/test/fuzz/fuzz-config.js';
import { checkInParallel, CORES_PER_THREAD, splitBySize, threadCount } from '../src/parallel-check.js';
import { problemsOf, type Problem } from '../src/problems.js';
import { checkReleasingTrees } from '../src/releasing-check.js';
import { buildWorkspace, collectFiles, createCliServices, readWorkspaceSources } from '../src/workspace.js';
import { NodeFileSystem } from 'langium/node';
import { createMinutesServices } from 'minutes-language/editor';
import { dozenMeetings } from './dozen-meetings.js';
import { InThreadRunner } from './helpers/in-thread-runner.js';
import { REPO, runCli, tempWorkspace } from './helpers/run-cli.js';

/**
 * `minutes check` gives what the editor gives: the services of a check (which leave out
 * what only the editor reads), in one thread (keeping every tree, or releasing them) or split over several, find the same
 * problems in the same order as the editor's services, so the same exit code. The shards
 * run here in this thread, each with services of its own as a worker has (the worker
 * threads themselves are run through the CLI below).
 */
async function sourcesOf(paths: string[], services = createCliServices({ checkOnly: true })) {
    const files = await collectFiles(paths, services.shared.workspace.MinutesConfigs);
    return readWorkspaceSources(files, { services, warn: () => undefined });
}

/** With the services the language server runs on. */
async function inEditor(paths: string[]): Promise<Problem[]> {
    return problemsOf((await buildWorkspace(await sourcesOf(paths, createMinutesServices(NodeFileSystem)))).documents);
}

async function inOneThread(paths: string[]): Promise<Problem[]> {
    return problemsOf((await buildWorkspace(await sourcesOf(paths))).documents);
}

async function inThreads(paths: string[], threads: number): Promise<Problem[]> {
    const { sources } = await sourcesOf(paths);
    // The later shards finish first: the diagnostics are still merged in the files' order.
    const runners = Array.from({ length: threads }, (_, i) => new InThreadRunner({ delay: (threads - i) * 5 }));
    return problemsOf((await checkInParallel(sources, runners)).checked);
}

/** In one thread, each tree released once no later file reads it (the default in one thread). */
async function releasingTrees(paths: string[]): Promise<Problem[]> {
    return problemsOf((await checkReleasingTrees(await sourcesOf(paths))).checked);
}

async function expectSameInThreads(paths: string[], threads: number[] = [2, 3, 5]): Promise<Problem[]> {
    const expected = await inEditor(paths);
    expect(await inOneThread(paths), 'one thread').toEqual(expected);
    expect(await releasingTrees(paths), 'one thread, releasing trees').toEqual(expected);
    for (const count of threads) expect(await inThreads(paths, count), `${count} threads`).toEqual(expected);
    return expected;
}

/** Errors that only the whole workspace can find, spread so that every split separates their parts. */
const CROSS_FILE: Record<string, string> = {
    'a-directory.minutes': 'person @achen Ana Chen\n  org: @ISOC\n\norg @ISOC Internet Society\n\nperson @bokafor Bola Okafor\n  aliases: Ana Chen\n',
    'b-meeting.minutes': 'meeting: First call\ngroup: Drafting team\ndate: 2018-03-19\n\n@achen: Opened the call.\n\naction #charter @achen: Circulate the draft charter.\naction #rooms @bokafor: Ask for a room.\naction #slides @achen: Prepare the slides.\n',
    'c-meeting.minutes': 'meeting: Second call\ngroup: Drafting team\ndate: 2018-04-02\n\n@achenn: Late again.\n@bokafor: Reported.\n\nupdate #charter done: Circulated.\nupdate #nowhere done: No such action.\naction #rooms @achen: A second action with the same identifier.\n',
    'd-more-people.minutes': 'person @achen Ana Chen the second\n\nperson @cmuller Claudia Müller\n',
    'e-meeting.minutes': 'meeting: An earlier call\ngroup: Drafting team\ndate: 2018-01-05\n\n@cmuller: Spoke.\n\nupdate #slides done: Reported before it was agreed.\nupdate #Charter: Case differs.\n',
    'f-meeting.minutes': 'meeting: Third call\ndate: 2018-05-01\n\n@ISOC: A word from the organisation.\n@dsingh: Unknown.\n\naction #charter: A third.\nupdate #rooms moved 2018-06-01: Still looking.\n',
    'g-meeting.minutes': 'meeting: Fourth call\ndate: 2018-05-15\n\n@bokafor: Closed.\n\nupdate #rooms done: Found.\n'
};

describe('minutes check, in one thread and in several, against the editor', () => {
    test('cross-file problems: name clashes, unknown names and actions, duplicate identifiers, updates before their action', async () => {
        const folder = tempWorkspace(CROSS_FILE);
        const problems = await expectSameInThreads([folder], [2, 3, 4, 7]);
        const codes = new Set(problems.map(p => p.code));
        for (const code of ['duplicate-action-id', 'unknown-action', 'unknown-speaker', 'update-before-action']) expect(codes).toContain(code);
        expect(problems.some(p => p.file.endsWith('d-more-people.minutes') && p.severity === 'error')).toBe(true);
    });

    test('a series of a dozen meetings, and only some of its files asked for', async () => {
        const folder = tempWorkspace(dozenMeetings().files);
        await expectSameInThreads([folder]);
        const some = readdirSync(folder).filter(name => name.endsWith('.minutes')).slice(3, 7).map(name => path.join(folder, name));
        await expectSameInThreads(some, [2, 4]);
    });

    test('the examples, and the corpus as one workspace', async () => {
        await expectSameInThreads([path.join(REPO, 'examples')]);
        await expectSameInThreads([path.join(REPO, 'corpus')], [2, 4]);
    });

    const records = readdirSync(path.join(REPO, 'corpus'), { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => entry.name);
    test.each(records)('corpus record %s on its own', async record => {
        await expectSameInThreads([path.join(REPO, 'corpus', record)], [2]);
    });

    test('the fuzzing regressions and generated documents, in one workspace', async () => {
        const files: Record<string, string> = {};
        for (const { name, text } of readRegressions()) files[`regression-${name}.minutes`] = text;
        fc.sample(mutated(generatedDocument), { seed: 16, numRuns: 60 }).forEach((text, i) => { files[`generated-${String(i).padStart(2, '0')}.minutes`] = text; });
        // A file with NUL bytes is refused before it is parsed, by either way of checking.
        for (const [name, text] of Object.entries(files)) if (text.includes('\0')) delete files[name];
        await expectSameInThreads([tempWorkspace(files)], [2, 3]);
    });

    test('the shards: contiguous runs of about equal size that cover every file, none empty while there are files enough', () => {
        const sized = (...lengths: number[]) => lengths.map((length, i) => ({ file: `f${i}`, bytes: new Uint8Array(length), reported: true }));
        expect(splitBySize(sized(10, 10, 10, 10), 2)).toEqual([{ from: 0, to: 2 }, { from: 2, to: 4 }]);
        expect(splitBySize(sized(10, 10, 10, 10), 1)).toEqual([{ from: 0, to: 4 }]);
        // A file larger than a share: the shards after it still get a file each.
        expect(splitBySize(sized(1, 100, 1, 1), 3)).toEqual([{ from: 0, to: 2 }, { from: 2, to: 3 }, { from: 3, to: 4 }]);
        expect(splitBySize(sized(0, 0, 0), 3)).toEqual([{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }]);
        fc.assert(fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (lengths, wanted) => {
            const count = Math.min(wanted, lengths.length);
            const shards = splitBySize(sized(...lengths), count);
            expect(shards).toHaveLength(count);
            expect(shards[0].from).toBe(0);
            expect(shards[count - 1].to).toBe(lengths.length);
            shards.forEach((shard, i) => {
                expect(shard.to).toBeGreaterThan(shard.from);
                if (i > 0) expect(shard.from).toBe(shards[i - 1].to);
            });
        }));
    });

    test('the number of threads: asked for, or one per core and a half with enough to check', () => {
        expect(threadCount('1', () => 20, 2)).toBe(1);
        expect(threadCount('4', () => 20, 2)).toBe(2);
        expect(threadCount(undefined, () => 1000, 1)).toBe(1);
        expect(threadCount(undefined, () => 100_000_000, 1)).toBe(1);
        expect(threadCount(undefined, () => 100_000_000, 1000)).toBe(Math.max(1, Math.min(Math.floor(availableParallelism() / CORES_PER_THREAD), 50)));
        expect(() => threadCount('two', () => 1, 1)).toThrow(/whole number/);
        expect(() => threadCount('0', () => 1, 1)).toThrow(/whole number/);
        // The files' sizes are measured only when they decide.
        const unmeasured = () => { throw new Error('measured'); };
        expect(threadCount('3', unmeasured, 5)).toBe(3);
        expect(threadCount(undefined, unmeasured, 1)).toBe(1);
    });
});

describe('minutes check --threads, as a process', () => {
    const folder = tempWorkspace(CROSS_FILE);
    test.each(['text', 'json'])('the worker threads report what one thread reports (%s)', async format => {
        const one = await runCli(['check', folder, '--format', format, '--threads', '1']);
        expect(one.code).toBe(1);
        for (const threads of ['2', '3']) {
            const many = await runCli(['check', folder, '--format', format, '--threads', threads]);
            expect(many.stdout).toBe(one.stdout);
            expect(many.code).toBe(one.code);
        }
        const fromEnvironment = await runCli(['check', folder, '--format', format], { env: { MINUTES_THREADS: '2' } });
        expect(fromEnvironment.stdout).toBe(one.stdout);
    });

    test('a clean workspace exits 0 in threads too', async () => {
        const result = await runCli(['check', path.join(REPO, 'examples'), '--threads', '2']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
    });

    test('--threads that is not a number is a usage error', async () => {
        const result = await runCli(['check', folder, '--threads', 'many']);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/--threads .* whole number/);
    });
});
