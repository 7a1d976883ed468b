import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { URI } from 'langium';
import { nameKey, type MinutesCoreServices, type MinutesSharedCoreServices } from 'minutes-language/core';
import { checkKeepingEveryTree, checkShard, scanOf, type FileToCheck, type ReleasingCheckResult, type ShardOfCheck, type ShardOutcome } from './releasing-check.js';
import { UsageError } from './usage-error.js';
import type { WorkspaceSource } from './workspace.js';

/**
 * Below this much source per thread, a check runs in one thread: starting a worker (loading
 * the language into it) costs about as much CPU as checking this much, and every thread
 * parses and links the files that declare parties besides (docs/performance.md, "A check on every core").
 */
export const MIN_BYTES_PER_THREAD = 2_000_000;

/**
 * The cores a thread of a check keeps busy: its own, and about half of another, where V8's
 * garbage collector and compiler run (a third of a one-thread check's CPU is on those helper
 * threads). On two cores a second thread only takes the first one's helpers' core: the same
 * wall time for a third more CPU (docs/performance.md, "A check on every core").
 */
export const CORES_PER_THREAD = 1.5;

/** The environment variable that sets the number of threads of `minutes check` (1: no workers), as --threads does. */
export const THREADS_VARIABLE = 'MINUTES_THREADS';

/**
 * How many threads check `files` files of `bytes()` bytes: as asked (`--threads`, else
 * MINUTES_THREADS), or one per CORES_PER_THREAD cores while each has at least MIN_BYTES_PER_THREAD to check.
 * Never more than files. The bytes are measured only when the cores allow more than one thread
 * (a thousand files' sizes took 55 ms, on two cores for nothing).
 */
export function threadCount(asked: string | undefined, bytes: () => number, files: number): number {
    const given = asked ?? process.env[THREADS_VARIABLE];
    if (given !== undefined && given !== '') {
        if (!/^[1-9]\d*$/.test(given.trim())) throw new UsageError(`--threads (or ${THREADS_VARIABLE}) must be a whole number of threads, 1 or more; got '${given}'`);
        return Math.max(1, Math.min(Number(given), files));
    }
    const byCores = Math.min(Math.floor(availableParallelism() / CORES_PER_THREAD), files);
    return byCores <= 1 ? 1 : Math.max(1, Math.min(byCores, Math.floor(bytes() / MIN_BYTES_PER_THREAD)));
}

/** One thread's side of a parallel check: the releasing check of a shard, in a worker or in this thread. */
export interface ShardRunner {
    check(shard: ShardOfCheck, onChecked: () => void): Promise<ShardOutcome>;
    close(): Promise<void>;
}

/**
 * Checks the sources split over the runners, each running the releasing check
 * (releasing-check.ts) over a contiguous shard (the files of one folder, a series, tend to
 * refer to each other) of about equal size. Every thread indexes every file's exports (the
 * scans, made once here, and the files that may declare parties, which each thread parses),
 * and is sent the bytes of its shard, of those files, and of the files holding an action
 * its shard's updates may name. Returns the diagnostics of the files asked for, in their
 * order: those a single thread gives. A thread that must keep every tree (a wrong scan)
 * makes the whole check keep every tree, in this thread, as one thread would.
 */
export async function checkInParallel(sources: readonly WorkspaceSource[], runners: readonly ShardRunner[], onChecked: () => void = () => undefined): Promise<ReleasingCheckResult> {
    const files: FileToCheck[] = sources.map(source => ({ file: source.file, bytes: source.bytes, reported: source.reported, scan: scanOf(source) }));
    const holders = actionHolders(files);
    let outcomes: ShardOutcome[];
    try {
        const shards = splitBySize(sources, runners.length);
        const checks: Array<Promise<ShardOutcome>> = [];
        // The workers' shards are sent first: this thread's runs until its first pause.
        for (let i = runners.length - 1; i >= 0; i--) {
            const { from, to } = shards[i];
            checks[i] = runners[i].check({ files: bytesFor(files, from, to, holders), from, to }, onChecked);
        }
        outcomes = await Promise.all(checks);
    } finally {
        await Promise.all(runners.map(runner => runner.close()));
    }
    const checked: ReleasingCheckResult['checked'] = [];
    const counts = { released: 0, parsedAgain: 0 };
    for (const outcome of outcomes) {
        if ('keepEveryTree' in outcome) return checkKeepingEveryTree(sources, outcome.keepEveryTree);
        for (const file of outcome.checked) checked.push({ uri: URI.file(file.file), diagnostics: file.diagnostics });
        counts.released += outcome.counts.released;
        counts.parsedAgain += outcome.counts.parsedAgain;
    }
    return { checked, counts };
}

/** For each action's name key (as the scope looks it up), the indexes of the files whose scan found an action of that name. */
function actionHolders(files: readonly FileToCheck[]): Map<string, number[]> {
    const holders = new Map<string, number[]>();
    files.forEach(({ scan }, index) => {
        for (const key of new Set(scan.actions.map(action => nameKey(action.name)))) holders.set(key, [...holders.get(key) ?? [], index]);
    });
    return holders;
}

/**
 * The files as the thread checking `from` to `to` needs them: with their bytes if it
 * validates them, if they may declare parties (every thread parses and links those), or if
 * they hold an action that the updates of its shard or of a file that may declare parties
 * may name (by the scans). Of the others, only the scan: structured cloning copies
 * everything sent.
 */
function bytesFor(files: readonly FileToCheck[], from: number, to: number, holders: ReadonlyMap<string, number[]>): FileToCheck[] {
    const read = new Set<number>();
    files.forEach((file, index) => {
        if (!(index >= from && index < to || file.scan.mayDeclareParties)) return;
        for (const key of file.scan.updateKeys) for (const holder of holders.get(key) ?? []) read.add(holder);
    });
    return files.map((file, index) => index >= from && index < to || file.scan.mayDeclareParties || read.has(index) ? file : { ...file, bytes: undefined });
}

/**
 * The sources in `count` contiguous runs of about equal size, `from` to `to` (excluded); none
 * empty while there are as many files as runs.
 */
export function splitBySize(sources: readonly WorkspaceSource[], count: number): Array<{ from: number; to: number }> {
    let total = 0;
    for (const source of sources) total += source.bytes.length;
    const shards = Array.from({ length: count }, () => ({ from: 0, to: 0 }));
    let shard = 0;
    let done = 0;
    for (let index = 0; index < sources.length; index++) {
        // The shard whose share of the bytes this file starts in, or a later one if the files left are
        // only enough for one each; the next one at most, so that none is skipped.
        const byBytes = total === 0 ? 0 : Math.floor(done / total * count);
        const next = Math.min(count - 1, shard + 1, Math.max(shard, byBytes, count - (sources.length - index)));
        if (next !== shard) shards[next].from = index;
        shard = next;
        shards[shard].to = index + 1;
        done += sources[index].bytes.length;
    }
    return shards;
}

/** The main thread checks a shard too, so that N threads start N - 1 workers (each costs the loading of the language). */
export class InThreadShardRunner implements ShardRunner {
    constructor(private readonly services: { shared: MinutesSharedCoreServices; Minutes: MinutesCoreServices }) {}

    check(shard: ShardOfCheck, onChecked: () => void): Promise<ShardOutcome> {
        return checkShard(this.services, shard, onChecked);
    }

    async close(): Promise<void> {}
}

/** What a check worker posts back: one message per file checked, then the outcome or the error that stopped it. */
export type WorkerReply = { checked: true } | { outcome: ShardOutcome } | { error: string };

/** The releasing check of a shard in a worker thread (dist/check-worker.js, beside this bundle's chunks). */
export class WorkerShardRunner implements ShardRunner {
    private readonly worker: Worker;
    private waiting?: { resolve: (outcome: ShardOutcome) => void; reject: (error: Error) => void };
    private onChecked: () => void = () => undefined;
    private failure?: Error;

    constructor(workerFile: URL) {
        this.worker = new Worker(workerFile);
        this.worker.on('message', (reply: WorkerReply) => {
            if ('checked' in reply) return this.onChecked();
            const waiting = this.waiting;
            this.waiting = undefined;
            if ('error' in reply) waiting?.reject(new Error(reply.error));
            else waiting?.resolve(reply.outcome);
        });
        this.worker.on('error', error => this.fail(error));
        this.worker.on('exit', code => this.fail(new Error(`a check thread stopped (exit code ${code})`)));
    }

    check(shard: ShardOfCheck, onChecked: () => void): Promise<ShardOutcome> {
        if (this.failure) return Promise.reject(this.failure);
        this.onChecked = onChecked;
        return new Promise((resolve, reject) => {
            this.waiting = { resolve, reject };
            this.worker.postMessage(shard);
        });
    }

    async close(): Promise<void> {
        this.failure ??= new Error('closed');
        await this.worker.terminate();
    }

    private fail(error: Error): void {
        if (this.failure) return;
        this.failure = error;
        this.waiting?.reject(error);
        this.waiting = undefined;
    }
}
