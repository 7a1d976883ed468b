// The entry of the thread that reads a check's files ahead (bundled as dist/read-worker.js; see
// ReadAhead in read-ahead.ts): it takes the files one after another from the counter it shares
// with the check's thread, reads them, and posts the bytes, moved rather than copied (shared,
// when it lexes them next: LexingAhead). It loads nothing of the language, so that it starts as
// soon as Node's start-up of a thread allows; the lexer alone comes after the reading.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadAheadData, ReadBatch } from './read-ahead.js';
import { readSourceFile } from './read-source.js';

const port = parentPort;
if (!port) throw new Error('read-worker.js runs as a thread of minutes check');
const { files, nextUnclaimed, lexing } = workerData as ReadAheadData;
/** When the thread lexes ahead: the bytes it read, in shared memory, kept to be lexed. */
const kept: Array<Uint8Array | undefined> = [];

// Posted in batches: a message per file would wake the check's thread a thousand times for a
// thousand files; small batches keep it no more than a few files behind the reading.
const BATCH_FILES = 8;
const BATCH_BYTES = 256 * 1024;

let batch: ReadBatch = { reads: [] };
let moved: ArrayBuffer[] = [];
let bytes = 0;
const post = () => {
    port.postMessage(batch, moved);
    batch = { reads: [] };
    moved = [];
    bytes = 0;
};
for (let at = Atomics.add(nextUnclaimed, 0, 1); at < files.length; at = Atomics.add(nextUnclaimed, 0, 1)) {
    const read = readSourceFile(files[at], { shared: lexing !== undefined });
    if ('bytes' in read) {
        bytes += read.bytes.length;
        if (lexing) {
            kept[at] = read.bytes;
        } else {
            read.bytes = ownBuffer(read.bytes);
            moved.push(read.bytes.buffer as ArrayBuffer);
        }
    }
    batch.reads.push({ at, read });
    if (batch.reads.length >= BATCH_FILES || bytes >= BATCH_BYTES) post();
}
if (batch.reads.length > 0) post();
// The lexer is loaded once the files are read: reading them first is what the check waits for.
if (lexing) (await import('./lex-ahead.js')).lexAhead(lexing, kept);

/**
 * Bytes over a buffer of their own, to be moved: a small buffer of Node's may be a view of a
 * pool shared with other buffers, which moving would take from them.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}
