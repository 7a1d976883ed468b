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

/** What the reading thread posts: the reads of consecutive files, the first of them `files[from]`. */
export interface ReadBatch {
    from: number;
    reads: FileRead[];
}

/**
 * Reads every file of the list in a thread of its own (read-worker.ts), in order and without
 * waiting to be asked, while this thread works on the files already read: a check scans each
 * file's exports while the next ones are read (docs/performance.md, "Reading ahead"). The
 * thread reads and refuses exactly as this one does (read-source.ts), and its bytes are
 * moved here, not copied. Should it fail (it cannot start, say), the files it has not given
 * are read in this thread: what is read is the same either way.
 */
export class ReadAhead implements SourceReader {
    /** Read and not yet asked for (a file asked for is let go here: the caller keeps it). */
    private readonly reads: Array<FileRead | undefined> = [];
    private waiting?: { at: number; resolve: (read: FileRead) => void };
    private failed = false;
    private readonly worker: Worker;

    constructor(workerFile: URL, private readonly files: readonly string[]) {
        this.worker = new Worker(workerFile, { workerData: { files } });
        this.worker.on('message', ({ from, reads }: ReadBatch) => {
            reads.forEach((read, i) => { this.reads[from + i] = read; });
            this.wake();
        });
        // A thread that ends normally has posted every read before its exit is seen.
        this.worker.on('error', () => this.fail());
        this.worker.on('exit', () => this.fail());
    }

    read(at: number): Promise<FileRead> {
        const read = this.take(at);
        return read ? Promise.resolve(read) : new Promise(resolve => { this.waiting = { at, resolve }; });
    }

    async close(): Promise<void> {
        this.failed = true;
        await this.worker.terminate();
    }

    /** The read of `files[at]`: the thread's if it has come, this thread's if the thread failed, else undefined (yet to come). */
    private take(at: number): FileRead | undefined {
        const read = this.reads[at];
        if (read) {
            this.reads[at] = undefined;
            return read;
        }
        return this.failed ? readSourceFile(this.files[at]) : undefined;
    }

    private wake(): void {
        if (!this.waiting) return;
        const read = this.take(this.waiting.at);
        if (!read) return;
        const { resolve } = this.waiting;
        this.waiting = undefined;
        resolve(read);
    }

    private fail(): void {
        this.failed = true;
        this.wake();
    }
}
