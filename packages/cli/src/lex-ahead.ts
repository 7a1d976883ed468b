// The lexing ahead of a check's parsing, in the thread that read its files (read-worker.ts; see
// LexingAhead in read-ahead.ts), loaded once they are read: the lexer alone, not the language.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { receiveMessageOnPort } from 'node:worker_threads';
import { PackingLexer, type PackedLexing } from 'minutes-language/lexing';
import { LEX_STATE, LEXED_AHEAD_MAX, type LexingAheadData } from './read-ahead.js';
import { decodeWellFormed } from './utf8.js';

/**
 * Lexes the files in their order, each that the check's thread has not taken, and posts each
 * lexing as it is made, no more than LEXED_AHEAD_MAX files past the last the check has asked
 * for. `bytesOf` holds the files this thread read; those the check's thread read come through
 * `reads`. A file whose bytes are not here yet is left to the check's thread.
 */
export function lexAhead({ typeIndexes, states, asked, reads, lexings }: LexingAheadData, bytesOf: Array<Uint8Array | undefined>): void {
    yieldToOtherThreads();
    const lexer = new PackingLexer(typeIndexes);
    const receive = () => {
        for (let message = receiveMessageOnPort(reads); message; message = receiveMessageOnPort(reads)) {
            const { at, bytes } = message.message as { at: number; bytes: Uint8Array };
            bytesOf[at] = bytes;
        }
    };
    for (let at = 0; at < states.length; at++) {
        // No further ahead than LEXED_AHEAD_MAX files: the thread ends when the check ends, waiting or not.
        for (let seen = Atomics.load(asked, 0); at >= seen + LEXED_AHEAD_MAX; seen = Atomics.load(asked, 0)) Atomics.wait(asked, 0, seen);
        if (bytesOf[at] === undefined) receive();
        const bytes = bytesOf[at];
        bytesOf[at] = undefined;
        if (bytes === undefined || Atomics.compareExchange(states, at, LEX_STATE.free, LEX_STATE.lexingAhead) !== LEX_STATE.free) continue;
        let packed: PackedLexing | undefined;
        try {
            packed = lexer.lex(decodeWellFormed(bytes));
        } catch {
            packed = undefined;
        }
        // Posted before the state says so: the check's thread reads the state, then the message.
        if (packed) {
            const { visible, hidden } = packed;
            lexings.postMessage({ at, packed }, [visible.numbers, visible.multiLine, hidden.numbers, hidden.multiLine].map(table => table.buffer as ArrayBuffer));
        }
        Atomics.store(states, at, packed ? LEX_STATE.lexedAhead : LEX_STATE.declined);
        Atomics.notify(states, at);
    }
}

/**
 * Lowers this thread's priority (Linux; elsewhere it keeps its own): the lexing is worth doing
 * only on time the check's thread and V8's own threads leave, and a file the check reaches first
 * it lexes itself.
 */
function yieldToOtherThreads(): void {
    try {
        const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
        if (Number.isInteger(thread)) setPriority(thread, 19);
    } catch {
        // No /proc, or no right to change it: the thread runs as it is.
    }
}
