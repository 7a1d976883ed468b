/**
 * The lexer alone, for a thread that lexes ahead of another's parsing (`minutes check`: the
 * CLI's read-worker.ts): it loads neither Langium nor the rest of the language.
 */
export { PackingLexer, type PackedLexing, type TokenTypeIndexes } from './parser/minutes-lexer.js';
