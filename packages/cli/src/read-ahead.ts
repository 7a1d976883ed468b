import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort, type Transferable } from 'node:worker_threads';
import type { PackedLexing, TokenTypeIndexes } from 'minutes-language/core';
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
    /** Given when the thread lexes the files once it has read them (LexingAhead). */
    lexing?: LexingAheadData;
}

/** What the thread that lexes ahead is given (lex-ahead.ts). */
export interface LexingAheadData {
    /** The token types' indexes of the check's lexer, from which the thread's lexer is made. */
    typeIndexes: TokenTypeIndexes;
    /** Who lexes each file (LEX_STATE), one Int32 a file over shared memory: each is lexed once, by one thread. */
    states: Int32Array;
    /** One Int32 over shared memory: the place of the last file the check's thread has asked for, plus one. */
    asked: Int32Array;
    /** The files the check's thread read, as `{ at, bytes }`: the bytes are in shared memory, not copied. */
    reads: MessagePort;
    /** The lexings, as `{ at, packed }`: the check's thread takes them as it needs them (receiveMessageOnPort). */
    lexings: MessagePort;
}

/** Who lexes a file: nobody yet; the other thread (it is lexing it); the check's thread; the other thread, done and posted; nobody there (the check's thread lexes it). */
export const LEX_STATE = { free: 0, lexingAhead: 1, lexingHere: 2, lexedAhead: 3, declined: 4 } as const;

/**
 * How many files past the last the check's thread asked for the other thread lexes before it
 * waits: the lexings it has posted are held until their files' turns, and a workspace of ten
 * thousand files lexed to its end at once held 50 MB more (docs/performance.md, "Lexing ahead").
 */
export const LEXED_AHEAD_MAX = 256;

/**
 * How long the check's thread waits for a file the other thread is lexing before lexing it
 * itself: a thread that stopped in the middle of a file would otherwise hold the check
 * forever. The lexer takes about 13 ms for a megabyte once compiled (the first file it lexes,
 * 280 ms a megabyte), and no file has more than ten.
 */
const LEXING_WAIT_LIMIT_MS = 10_000;

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
    /** The lexing ahead, when asked for: the thread lexes the files once they are read. */
    readonly lexing: LexingAhead | undefined;

    constructor(workerFile: URL, private readonly files: readonly string[], options: { lexWith?: TokenTypeIndexes } = {}) {
        const data: ReadAheadData = { files, nextUnclaimed: this.nextUnclaimed };
        const moved: Transferable[] = [];
        let lexing: { states: Int32Array; asked: Int32Array; reads: MessageChannel; lexings: MessageChannel } | undefined;
        if (options.lexWith) {
            lexing = {
                states: new Int32Array(new SharedArrayBuffer(4 * files.length)), asked: new Int32Array(new SharedArrayBuffer(4)),
                reads: new MessageChannel(), lexings: new MessageChannel()
            };
            data.lexing = { typeIndexes: options.lexWith, states: lexing.states, asked: lexing.asked, reads: lexing.reads.port2, lexings: lexing.lexings.port2 };
            moved.push(lexing.reads.port2, lexing.lexings.port2);
        }
        this.worker = new Worker(workerFile, { workerData: data, transferList: moved });
        this.lexing = lexing && new LexingAhead(this.worker, lexing.states, lexing.asked, lexing.reads.port1, lexing.lexings.port1);
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

    /**
     * Stops the thread without waiting for it (a thread still starting would hold the command
     * until it had started), unless it lexes ahead: then `lexing.close()` stops it.
     */
    async close(): Promise<void> {
        this.failed = true;
        if (!this.lexing) void this.worker.terminate();
    }

    /**
     * The read of `files[at]`: the thread's if it has come; this thread's if the thread has not
     * taken the file (or failed); else undefined, the thread reading it.
     */
    private take(at: number): FileRead | undefined {
        let read = this.reads[at];
        if (read) {
            this.reads[at] = undefined;
        } else if (this.failed || Atomics.compareExchange(this.nextUnclaimed, 0, at, at + 1) === at) {
            read = readSourceFile(this.files[at], { shared: this.lexing !== undefined });
            if ('bytes' in read) this.lexing?.share(at, read.bytes);
        } else {
            return undefined;
        }
        if ('bytes' in read) this.lexing?.handedOut(at, read.bytes);
        return read;
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

/**
 * The lexing of a check's files ahead of its parsing, by the thread that read them (read-worker.ts,
 * then lex-ahead.ts): the check's thread spends about a sixth of its time lexing, which the other
 * thread does meanwhile on another core (docs/performance.md, "Lexing ahead"). The files are
 * lexed in their order, each once, by whichever thread comes first (LEX_STATE): the check's
 * thread lexes a file itself when the other has not taken it, waits for one the other is
 * lexing, and takes the tokens of one it has lexed, as numbers moved from its memory
 * (parseNextFrom). The other thread's lexer is this thread's (the same scanner, made from the
 * same token types) and reads the same bytes (in shared memory), so the tokens are the same
 * whichever thread lexed them; should it fail, the check's thread lexes what it has not.
 */
export class LexingAhead {
    /** The place in the list of each file handed out, by its bytes: what the check parses is known by its bytes. */
    private readonly places = new WeakMap<Uint8Array, number>();
    private readonly received = new Map<number, PackedLexing>();
    /** How many files the other thread lexed for this one, and how many this one lexed itself (for the tests). */
    readonly counts = { ahead: 0, here: 0 };
    /** Settled when the other thread has stopped: it has lexed every file it could, or failed. */
    readonly stopped: Promise<void>;

    constructor(
        private readonly worker: Worker, private readonly states: Int32Array, private readonly asked: Int32Array,
        private readonly reads: MessagePort, private readonly lexings: MessagePort
    ) {
        this.stopped = new Promise(resolve => worker.once('exit', () => resolve()));
    }

    /** A file this thread read: the other thread lexes it too. */
    share(at: number, bytes: Uint8Array): void {
        this.reads.postMessage({ at, bytes });
    }

    handedOut(at: number, bytes: Uint8Array): void {
        this.places.set(bytes, at);
    }

    /**
     * The lexing of the file whose bytes these are, made by the other thread, or undefined: this
     * thread lexes it (the other has not taken it, could not lex it, or this file was asked for
     * before: a file parsed again is lexed again here).
     */
    take(bytes: Uint8Array): PackedLexing | undefined {
        const at = this.places.get(bytes);
        if (at === undefined) return undefined;
        this.places.delete(bytes);
        if (at >= this.asked[0]) {
            Atomics.store(this.asked, 0, at + 1);
            Atomics.notify(this.asked, 0);
        }
        const before = Atomics.compareExchange(this.states, at, LEX_STATE.free, LEX_STATE.lexingHere);
        if (before === LEX_STATE.lexingAhead) Atomics.wait(this.states, at, LEX_STATE.lexingAhead, LEXING_WAIT_LIMIT_MS);
        if (before !== LEX_STATE.free) this.receiveUntil(at);
        const packed = this.received.get(at);
        this.received.delete(at);
        this.counts[packed ? 'ahead' : 'here']++;
        return packed;
    }

    /** How many files the other thread has lexed or declined so far (for the tests). */
    get doneAhead(): number {
        let done = 0;
        for (let at = 0; at < this.states.length; at++) {
            const state = Atomics.load(this.states, at);
            if (state === LEX_STATE.lexedAhead || state === LEX_STATE.declined) done++;
        }
        return done;
    }

    /** Stops the other thread, without waiting for it. */
    close(): void {
        this.received.clear();
        this.reads.close();
        this.lexings.close();
        void this.worker.terminate();
    }

    /**
     * Takes the lexings posted, up to that of `files[at]` if it is there: they come in the files'
     * order, and one taken long before its file's turn would outlive young collections for nothing.
     */
    private receiveUntil(at: number): void {
        if (this.received.has(at)) return;
        for (let message = receiveMessageOnPort(this.lexings); message; message = receiveMessageOnPort(this.lexings)) {
            const lexed = message.message as { at: number; packed: PackedLexing };
            this.received.set(lexed.at, lexed.packed);
            if (lexed.at === at) return;
        }
    }
}
