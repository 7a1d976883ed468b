// The entry of the thread that reads a check's files ahead (bundled as dist/read-worker.js; see
// ReadAhead in read-ahead.ts): it reads every file it is given, in order, and posts the bytes,
// moved rather than copied. It loads nothing of the language: it starts in a few milliseconds.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadBatch } from './read-ahead.js';
import { readSourceFile } from './read-source.js';

const port = parentPort;
if (!port) throw new Error('read-worker.js runs as a thread of minutes check');
const { files } = workerData as { files: string[] };

// Posted in batches: a message per file would wake the main thread a thousand times for a
// thousand files; small batches keep it no more than a few files behind the reading.
const BATCH_FILES = 8;
const BATCH_BYTES = 256 * 1024;

let batch: ReadBatch = { from: 0, reads: [] };
let moved: ArrayBuffer[] = [];
let bytes = 0;
for (let at = 0; at < files.length; at++) {
    const read = readSourceFile(files[at]);
    if ('bytes' in read) {
        read.bytes = ownBuffer(read.bytes);
        moved.push(read.bytes.buffer as ArrayBuffer);
        bytes += read.bytes.length;
    }
    batch.reads.push(read);
    if (batch.reads.length >= BATCH_FILES || bytes >= BATCH_BYTES || at === files.length - 1) {
        port.postMessage(batch, moved);
        batch = { from: at + 1, reads: [] };
        moved = [];
        bytes = 0;
    }
}

/**
 * Bytes over a buffer of their own, to be moved: a small buffer of Node's may be a view of a
 * pool shared with other buffers, which moving would take from them.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}
