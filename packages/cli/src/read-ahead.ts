import { Worker } from 'node:worker_threads';
import { readSourceFile, type FileRead } from './read-source.js';

/** Reads the files of a list, asked for in order: `read(at)` gives the bytes of `files[at]`, or why they cannot be read. */
export interface SourceReader {
    read(at: number): Promise<FileRead>;
    /** Stops reading: the files not asked for are not needed. */
    close(): Promise<void>;
}

/** Reads each file when it is asked for, in this thread. */
export class ReadInThread implements SourceReader {
    constructor(private readonly files: readonly string[]) {}

    async read(at: number): Promise<FileRead> {
        return readSourceFile(this.files[at]);
    }

    async close(): Promise<void> {}
}

/** What the reading thread posts: files it read, each with its place in the list. */
export interface ReadBatch {
    reads: Array<{ at: number; read: FileRead }>;
}

/** What the reading thread is given: the files, and the place of the first not yet claimed by either thread. */
export interface ReadAheadData {
    files: readonly string[];
    /** One Int32 over shared memory: each thread takes a file by moving it on (Atomics), so that no file is read twice. */
    nextUnclaimed: Int32Array;
}

/**
 * Reads the files of the list in a thread of its own (read-worker.ts), in order and without
 * waiting to be asked, while this thread works on the files already read: a check scans each
 * file's exports while the next ones are read (docs/performance.md, "Reading ahead"). Until
 * the thread has started (65 to 180 ms: sooner while this one waits), and whenever the file
 * asked for is not taken by it yet, this thread reads the file itself: the two take files
 * from one counter, so each file is read once, by whichever comes first. Both read and refuse alike
 * (read-source.ts), and the thread's bytes are moved here, not copied. Should the thread
 * fail, what it has not given is read here: what is read is the same either way.
 */
export class ReadAhead implements SourceReader {
    /** Read by the thread and not yet asked for (a file asked for is let go here: the caller keeps it). */
    private readonly reads: Array<FileRead | undefined> = [];
    private readonly nextUnclaimed = new Int32Array(new SharedArrayBuffer(4));
    private waiting?: { at: number; resolve: (read: FileRead) => void };
    private failed = false;
    private readonly worker: Worker;

    constructor(workerFile: URL, private readonly files: readonly string[]) {
        const data: ReadAheadData = { files, nextUnclaimed: this.nextUnclaimed };
        this.worker = new Worker(workerFile, { workerData: data });
        this.worker.on('message', ({ reads }: ReadBatch) => {
            for (const { at, read } of reads) this.reads[at] = read;
            this.wake();
        });
        // A thread that ends normally has posted every read before its exit is seen.
        this.worker.on('error', () => this.fail());
        this.worker.on('exit', () => this.fail());
        // It keeps the command running only while this thread waits for it (see read): what it
        // has not read when the command ends is not needed.
        this.worker.unref();
    }

    /** Asked in order: every file before `at` was asked for already, so each was taken by one thread or the other. */
    read(at: number): Promise<FileRead> {
        const read = this.take(at);
        if (read) return Promise.resolve(read);
        // Nothing else may be left to keep the command running while the thread reads the file.
        this.worker.ref();
        return new Promise(resolve => { this.waiting = { at, resolve }; });
    }

    /** Stops the thread without waiting for it: a thread still starting would hold the command until it had started. */
    async close(): Promise<void> {
        this.failed = true;
        void this.worker.terminate();
    }

    /**
     * The read of `files[at]`: the thread's if it has come; this thread's if the thread has not
     * taken the file (or failed); else undefined, the thread reading it.
     */
    private take(at: number): FileRead | undefined {
        const read = this.reads[at];
        if (read) {
            this.reads[at] = undefined;
            return read;
        }
        const mine = this.failed || Atomics.compareExchange(this.nextUnclaimed, 0, at, at + 1) === at;
        return mine ? readSourceFile(this.files[at]) : undefined;
    }

    private wake(): void {
        if (!this.waiting) return;
        const read = this.take(this.waiting.at);
        if (!read) return;
        const { resolve } = this.waiting;
        this.waiting = undefined;
        this.worker.unref();
        resolve(read);
    }

    private fail(): void {
        this.failed = true;
        this.wake();
    }
}
