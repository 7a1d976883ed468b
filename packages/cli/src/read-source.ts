import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { sourceProblem } from './utf8.js';

/**
 * Reading one file, with nothing else loaded: the main thread reads through it, and so does
 * the thread that reads a check's files ahead (read-worker.ts), which must not load the
 * language. So it says why a file cannot be read without naming the file, and says that a
 * file is too large with its size alone: the caller words it (workspace.ts, refusalOf).
 */

/**
 * The most bytes a file may have to be read: V8's longest string, in UTF-16 code units
 * (2^29 - 24); a UTF-8 file has at least as many bytes as its text has code units, so no
 * longer file could be decoded. Far beyond MAX_DOCUMENT_LENGTH, which the parser enforces
 * with a diagnostic: this only spares reading what could never be held.
 */
const MAX_READABLE_BYTES = 2 ** 29 - 24;

/** A file's bytes, or why they cannot be had: `reason` does not name the file; `tooLarge` is its size in bytes. */
export type FileRead = { bytes: Uint8Array } | { reason: string } | { tooLarge: number };

/**
 * The bytes of a regular file that did not change while it was read: its size and
 * modification time before and after, and the number of bytes read, agree. An editor or a
 * sync client saving at that moment would otherwise give half the old file and half the
 * new, which would be checked, generated or imported as if it were whole. A pipe, a socket
 * or a device is refused before it is opened (reading a pipe waits for a writer), and so is
 * a file too large for any string.
 *
 * The calls are synchronous: a check reads its files one after another, and `fs.promises`
 * took four to five times the CPU of these (docs/performance.md, "Start-up").
 */
export function readFileUnchanged(file: string, options: ReadOptions = {}): FileRead {
    try {
        const before = statSync(file);
        if (before.isDirectory()) return { reason: 'cannot read: is a folder' };
        if (!before.isFile()) return { reason: `not a regular file (${before.isFIFO() ? 'a named pipe' : before.isSocket() ? 'a socket' : 'a device'})` };
        if (before.size > MAX_READABLE_BYTES) return { tooLarge: before.size };
        const bytes = options.shared ? readIntoSharedMemory(file, before.size) : readFileSync(file);
        const after = statSync(file);
        if (bytes.length !== after.size || before.size !== after.size || before.mtimeMs !== after.mtimeMs) {
            return { reason: 'changed while it was being read; run the command again once it is saved' };
        }
        return { bytes };
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
        return { reason: `cannot read: ${reason}` };
    }
}

export interface ReadOptions {
    /**
     * The bytes in shared memory (a SharedArrayBuffer), which another thread can be given
     * without copying them: a check's thread and the thread that lexes ahead of it read the
     * same bytes (read-ahead.ts).
     */
    shared?: boolean;
}

/**
 * A file's bytes read into shared memory, `size` of them as its size said: a file grown
 * since gives one byte more, and one shrunk fewer, which readFileUnchanged refuses as changed.
 */
function readIntoSharedMemory(file: string, size: number): Uint8Array {
    const bytes = new Uint8Array(new SharedArrayBuffer(size + 1));
    const fd = openSync(file, 'r');
    try {
        let length = 0;
        for (let read = 1; read > 0 && length < bytes.length; length += read) read = readSync(fd, bytes, length, bytes.length - length, null);
        return bytes.subarray(0, length);
    } finally {
        closeSync(fd);
    }
}

/** The bytes of a source file, found to be Minutes text (see sourceProblem) but not decoded, or why they cannot be read. */
export function readSourceFile(file: string, options: ReadOptions = {}): FileRead {
    const read = readFileUnchanged(file, options);
    if (!('bytes' in read)) return read;
    const problem = sourceProblem(read.bytes);
    return problem === undefined ? read : { reason: problem };
}
