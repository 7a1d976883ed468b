/**
 * A document that an output cannot be made from as asked — a message without a sender or
 * a date, an address that is not one. The message says what to add or pass; shells show
 * it as a usage problem.
 */
export class GenerationError extends Error {
    override readonly name = 'GenerationError';
}
