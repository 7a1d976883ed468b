import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SMOKE = path.join(BENCH, 'workload', 'smoke');

/**
 * `npm run bench -- --smoke`: the whole benchmark on 20 meeting files, one round, so that
 * it cannot rot. It asserts the structure of what it measures and the workload it makes,
 * never a timing (a test machine's speed is nobody's business here).
 */
describe('npm run bench --smoke', () => {
    test('measures every step and writes results.json and RESULTS.md', async () => {
        const { stdout } = await promisify(execFile)(process.execPath, [path.join(BENCH, 'run.mjs'), '--smoke'], { maxBuffer: 16 * 1024 * 1024 });
        const results = JSON.parse(await readFile(path.join(SMOKE, 'results.json'), 'utf8'));
        const table = await readFile(path.join(SMOKE, 'RESULTS.md'), 'utf8');
        expect(stdout).toContain(table.trim().split('\n')[0]);

        expect(results.mode).toBe('smoke');
        expect(results.machine).toMatchObject({ cores: expect.any(Number), memoryBytes: expect.any(Number), node: process.version });
        expect(results.machine.cpu).toEqual(expect.any(String));

        // The workload: both variants, the same content as Markdown, 1% of the speakers misspelt.
        const [resolved, unresolved] = results.workload.workspaces;
        expect(resolved).toMatchObject({ name: 'ws-20', files: 21, unresolvedRefs: 0 });
        expect(unresolved).toMatchObject({ name: 'ws-20-unresolved', files: 21 });
        expect(unresolved.unresolvedRefs).toBe(Math.floor(unresolved.speakerRefs / 100) + (unresolved.speakerRefs % 100 > 50 ? 1 : 0));
        expect(resolved.minutesBytes).toBeGreaterThan(20 * 25_000);
        expect(resolved.markdownBytes / resolved.minutesBytes).toBeGreaterThan(0.8);
        expect(resolved.markdownBytes / resolved.minutesBytes).toBeLessThan(1.25);

        // minutes check finds no problem in the resolved workspace; markdown-it renders it all.
        expect(results.check['ws-20'].summary).toBe('checked 21 files: 0 errors, 0 warnings');
        expect(results.check['ws-20'].exitCode).toBe(0);
        expect(results.check['ws-20'].peakRssBytes).toBeGreaterThan(0);
        expect(results.markdown['ws-20']).toMatchObject({ files: 21 });
        expect(results.checkVsMarkdown['ws-20']).toBeGreaterThan(0);
        // CPU time of every thread, and the load each figure was taken under (the machine is shared).
        expect(results.checkVsMarkdownCpu['ws-20']).toBeGreaterThan(0);
        expect(results.check['ws-20'].loadAverage).toEqual(expect.any(Number));
        expect(results.checkOneThread['ws-20'].summary).toBe(results.check['ws-20'].summary);

        for (const name of ['ws-20', 'ws-20-unresolved']) {
            const lsp = results.lsp[name];
            expect(lsp.documents).toBe(21);
            expect(lsp.heapCollected).toBe(true);
            expect(lsp.heapUsedBytes).toBeGreaterThan(resolved.minutesBytes);
            // Each edit's diagnostics were those of the version just sent.
            expect(lsp.edit.diagnosticsOfNewVersion).toBe(true);
            expect(lsp.edit.count).toBeGreaterThan(0);
            expect(lsp.edit.p95).toBeGreaterThanOrEqual(lsp.edit.p50);
            expect(lsp.completion.itemsMin).toBeGreaterThan(0);
        }
        // An edit re-validates the file that reports on the edited file's actions at most,
        // not the files with unknown names.
        expect(results.lsp['ws-20-unresolved'].edit.otherDocumentsRevalidated.max).toBeLessThanOrEqual(1);
        expect(results.lsp['ws-20'].largeOpen.errors).toBe(0);

        // The archive: many short meetings, in the language server.
        expect(results.workload.archive.files).toBe(41);
        expect(results.archive.documents).toBe(41);
        expect(results.archive.heapCollected).toBe(true);
        expect(results.archive.validatedHeapUsedBytes).toBeGreaterThan(0);
        expect(results.archive.edit.diagnosticsOfNewVersion).toBe(true);
        expect(results.archive.completion.itemsMin).toBeGreaterThan(0);
        // The whole action ledger (completion after `update #`, New Meeting in Series) from the documents' summaries:
        // it offers actions and drafts a meeting; completing parses no released tree again (the draft reads its
        // series' latest meetings).
        expect(results.archive.ledger.items).toBeGreaterThan(0);
        expect(results.archive.ledger.series).toBeGreaterThan(0);
        expect(results.archive.ledger.nextMeetingOk).toBe(true);
        expect(results.archive.ledger.releasedBefore).toBeGreaterThan(0);
        expect(results.archive.ledger.releasedAfterCompletion).toBe(results.archive.ledger.releasedBefore);
        expect(results.archive.ledger.parsedAgainByCompletion).toBe(0);

        // Edits in one long file: every kind measured, the diagnostics of each version, the incremental parse taken.
        for (const name of ['report', 'transcript']) {
            const edits = results.edits[name];
            expect(edits.diagnosticsOfNewVersion).toBe(true);
            for (const kind of ['prose', 'name', 'newLine', 'deletedLine', 'paste']) expect(edits.kinds[kind].count).toBeGreaterThan(0);
            expect(edits.reparses).toEqual({ incremental: edits.count, full: 0 });
        }
        // The same edits of the report, each parsed in full: the "before", in the same round.
        expect(results.edits['report-in-full'].diagnosticsOfNewVersion).toBe(true);
        expect(results.edits['report-in-full'].reparses.incremental).toBe(0);

        expect(results.generation.available).toBe(true);
        for (const format of ['email', 'html', 'json']) expect(results.generation[format].outputBytes).toBeGreaterThan(0);

        // Twelve targets of the language server and the check, three of the archive, three of start-up.
        const targets = results.targets.map((t: { name: string }) => t.name);
        expect(targets).toHaveLength(18);
        expect(targets.slice(-3)).toEqual(['minutes --version', 'minutes --help', 'minutes check of one small file']);
        for (const heading of ['`minutes check`', 'one thread', 'One-character edit', 'Completion', 'Heap after loading', 'didOpen', 'load the archive', 'The whole action ledger', 'Edit → diagnostics in the', 'Generation: email']) {
            expect(table).toContain(heading);
        }
    }, 600_000);
});

describe('node bench/pathological.mjs --growth --count', () => {
    test('measures a row of the sweep in blocks of JavaScript executed, at n, 2n and 4n', async () => {
        const json = path.join(os.tmpdir(), `growth-count-${process.pid}.json`);
        const { stdout } = await promisify(execFile)(process.execPath,
            [path.join(BENCH, 'pathological.mjs'), '--growth', '--count', '--scale', '0.01', '--stages', '^(parse|validate|email:none)$', '--json', json, 'meetings'],
            { maxBuffer: 16 * 1024 * 1024 });
        const figures = JSON.parse(await readFile(json, 'utf8'));
        await rm(json, { force: true });
        expect(figures).toMatchObject({ counted: true, runs: 1, floor: 20_000 });
        const [row] = figures.results;
        expect(row).toMatchObject({ name: 'meetings', unit: 'blocks', failures: {} });
        for (const stage of ['parse', 'validate', 'email:none']) {
            const [n, , fourN] = row.stages[stage].ms;
            expect(Number.isInteger(n) && n > 0, stage).toBe(true);
            expect(fourN / n, stage).toBeGreaterThan(2);
        }
        expect(stdout).toMatch(/^meetings \(\d+\/\d+\/\d+\): .*k blocks/m);
    }, 120_000);
});

describe('bench/lib/thread-times.cjs', () => {
    test('prints the CPU of the main thread and of the others as the process exits', async () => {
        // A worker spins until its own thread has had 0.3 s of CPU (30 clock ticks, read as the
        // preload reads the main thread's), however busy the machine, and ends: that time is
        // another thread's, not the main one's.
        const preload = path.join(BENCH, 'lib', 'thread-times.cjs');
        const worker = `const { ticksOf } = require(${JSON.stringify(preload)}); while (ticksOf('/proc/thread-self/stat') < 30);`;
        const spin = `const { Worker } = require('node:worker_threads'); new Worker(${JSON.stringify(worker)}, { eval: true });`;
        const { stderr } = await promisify(execFile)(process.execPath, ['--require', preload, '-e', spin]);
        const [, main, others] = /^thread CPU: main (\d+\.\d\d) s, other threads (\d+\.\d\d) s\n$/.exec(stderr) ?? [];
        expect(Number(others)).toBeGreaterThanOrEqual(0.3);
        expect(Number(main)).toBeLessThan(Number(others));
    });
});
