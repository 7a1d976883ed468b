import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { URI } from 'langium';
import { nameKey } from 'minutes-language';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { MinutesServices, MinutesSharedServices } from 'minutes-language';
import { ShardChecker, type CheckedFile, type CheckRequest, type ParsedFile, type ParseRequest, type ShardFile } from './check-shard.js';
import { startProgress } from './progress.js';
import { UsageError } from './usage-error.js';
import type { WorkspaceSource } from './workspace.js';

/**
 * Below this much source per thread, a check runs in one thread: starting a worker (loading
 * the language into it) costs about as much CPU as checking this much, and the files must
 * then be parsed where they are needed besides (docs/performance.md, "A check on every core").
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
 * How many threads check `files` files of `bytes` bytes: as asked (`--threads`, else
 * MINUTES_THREADS), or one per CORES_PER_THREAD cores while each has at least MIN_BYTES_PER_THREAD to check.
 * Never more than files.
 */
export function threadCount(asked: string | undefined, bytes: number, files: number): number {
    const given = asked ?? process.env[THREADS_VARIABLE];
    if (given !== undefined && given !== '') {
        if (!/^[1-9]\d*$/.test(given.trim())) throw new UsageError(`--threads (or ${THREADS_VARIABLE}) must be a whole number of threads, 1 or more; got '${given}'`);
        return Math.max(1, Math.min(Number(given), files));
    }
    return Math.max(1, Math.min(Math.floor(availableParallelism() / CORES_PER_THREAD), Math.floor(bytes / MIN_BYTES_PER_THREAD), files));
}

/** One thread's side of a parallel check: ShardChecker in a worker, or in this thread (tests). */
export interface ShardRunner {
    parse(request: ParseRequest): Promise<ParsedFile[]>;
    check(request: CheckRequest, onValidated: () => void): Promise<CheckedFile[]>;
    close(): Promise<void>;
}

/**
 * Checks the sources split over the runners: each parses a contiguous shard (the files of
 * one folder, a series, tend to refer to each other), then each links and validates its
 * shard against the descriptions of all the others, having parsed beside its own the files
 * that declare parties and those holding an action its updates may name. Returns the
 * diagnostics of the files asked for, in their order: those a single thread would give.
 */
export async function checkInParallel(sources: readonly WorkspaceSource[], runners: readonly ShardRunner[]): Promise<Array<{ uri: URI; diagnostics: Diagnostic[] }>> {
    const uris = sources.map(source => URI.file(source.file));
    const order = uris.map(uri => uri.toString());
    const shards = splitBySize(sources, runners.length);
    const parsed = await Promise.all(runners.map((runner, i) => runner.parse({
        order,
        shard: shards[i].map((index): ShardFile => ({ uri: order[index], text: sources[index].text, reported: sources[index].reported }))
    })));
    const byUri = new Map<string, ParsedFile>(parsed.flat().map(file => [file.uri, file]));
    const actionKeys = new Map<string, Set<string>>();
    for (const file of byUri.values()) {
        actionKeys.set(file.uri, new Set(file.descriptions.filter(d => d.type === 'Action').map(d => nameKey(d.name))));
    }

    let validated = 0;
    const total = sources.filter(source => source.reported).length;
    const progress = startProgress(process.stderr, () => `${validated} of ${total} files checked`);
    try {
        const checked = await Promise.all(runners.map((runner, i) => {
            const own = new Set(shards[i]);
            const updateKeys = new Set(shards[i].flatMap(index => byUri.get(order[index])!.updateKeys));
            const request: CheckRequest = { foreign: [], load: [] };
            for (let index = 0; index < order.length; index++) {
                if (own.has(index)) continue;
                const file = byUri.get(order[index])!;
                const needed = file.declaresParties || [...actionKeys.get(file.uri)!].some(key => updateKeys.has(key));
                if (needed) request.load.push({ uri: file.uri, text: sources[index].text });
                else if (file.descriptions.length > 0) request.foreign.push({ uri: file.uri, descriptions: file.descriptions });
            }
            return runner.check(request, () => { validated++; progress.update(); });
        }));
        const diagnostics = new Map<string, Diagnostic[]>(checked.flat().map(file => [file.uri, file.diagnostics]));
        return sources.flatMap((source, index) => source.reported ? [{ uri: uris[index], diagnostics: diagnostics.get(order[index]) ?? [] }] : []);
    } finally {
        progress.stop();
        await Promise.all(runners.map(runner => runner.close()));
    }
}

/** Indexes of the sources in `count` contiguous runs of about equal size. */
function splitBySize(sources: readonly WorkspaceSource[], count: number): number[][] {
    let total = 0;
    for (const source of sources) total += source.text.length;
    const shards: number[][] = Array.from({ length: count }, () => []);
    let done = 0;
    for (let index = 0; index < sources.length; index++) {
        // The shard whose share of the bytes this file starts in; every shard gets at least one file.
        const byBytes = Math.min(count - 1, Math.floor(done / total * count));
        const shard = Math.max(byBytes, count - (sources.length - index));
        shards[Math.min(shard, count - 1)].push(index);
        done += sources[index].text.length;
    }
    return shards;
}

type Reply = { id: number; result?: unknown; error?: string } | { validated: true };

/**
 * A ShardChecker in this thread, with the services the command already made: the main
 * thread checks a shard too, so that N threads start N - 1 workers (each costs the loading
 * of the language, about half a second of CPU).
 */
export class InThreadShardRunner implements ShardRunner {
    private readonly checker: ShardChecker;

    constructor(services: { shared: MinutesSharedServices; Minutes: MinutesServices }) {
        this.checker = new ShardChecker(services);
    }

    parse(request: ParseRequest): Promise<ParsedFile[]> {
        return this.checker.parse(request);
    }

    check(request: CheckRequest, onValidated: () => void): Promise<CheckedFile[]> {
        return this.checker.check(request, onValidated);
    }

    async close(): Promise<void> {}
}

/** A ShardChecker in a worker thread (dist/check-worker.js, beside this bundle's chunks). */
export class WorkerShardRunner implements ShardRunner {
    private readonly worker: Worker;
    private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    private nextId = 0;
    private onValidated: () => void = () => undefined;
    private failure?: Error;

    constructor(workerFile: URL) {
        this.worker = new Worker(workerFile);
        this.worker.on('message', (reply: Reply) => {
            if ('validated' in reply) return this.onValidated();
            const waiting = this.pending.get(reply.id);
            this.pending.delete(reply.id);
            if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
            else waiting?.resolve(reply.result);
        });
        this.worker.on('error', error => this.fail(error));
        this.worker.on('exit', code => this.fail(new Error(`a check thread stopped (exit code ${code})`)));
    }

    parse(request: ParseRequest): Promise<ParsedFile[]> {
        return this.request('parse', request) as Promise<ParsedFile[]>;
    }

    check(request: CheckRequest, onValidated: () => void): Promise<CheckedFile[]> {
        this.onValidated = onValidated;
        return this.request('check', request) as Promise<CheckedFile[]>;
    }

    async close(): Promise<void> {
        this.failure ??= new Error('closed');
        await this.worker.terminate();
    }

    private request(step: 'parse' | 'check', request: unknown): Promise<unknown> {
        if (this.failure) return Promise.reject(this.failure);
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.worker.postMessage({ id, step, request });
        });
    }

    private fail(error: Error): void {
        if (this.failure) return;
        this.failure = error;
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
    }
}
