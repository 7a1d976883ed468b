/**
 * Tokens as numbers: what a TokenTable keeps of each token (lazy-cst.ts), and what the lexer
 * writes when it lexes in another thread than the parser's (PackingLexer in minutes-lexer.ts):
 * five 32-bit integers a token, in the lexer's order. Nothing here loads Langium, so that the
 * thread that lexes ahead of a check loads no more than the lexer.
 */

/** The integers of a token: its offset, its length, its type's index (`tokenTypeIdx`), its 1-based start line and column. */
export const TOKEN_FIELDS = 5;

/**
 * Tokens as numbers, and the ends of those that do not end on their start line (block
 * comments): for each, its index, end line and end column, in a row.
 */
export interface TokenNumbers {
    numbers: Int32Array;
    multiLine: Int32Array;
}

/** Writes tokens as numbers, growing its table as it goes. */
export class TokenNumbersWriter {
    private numbers: Int32Array;
    private count = 0;
    private readonly multiLine: number[] = [];

    constructor(expectedTokens: number) {
        this.numbers = new Int32Array(Math.max(16, expectedTokens) * TOKEN_FIELDS);
    }

    add(offset: number, length: number, typeIndex: number, line: number, column: number, endLine: number, endColumn: number): void {
        let at = this.count * TOKEN_FIELDS;
        if (at === this.numbers.length) {
            const grown = new Int32Array(this.numbers.length * 2);
            grown.set(this.numbers);
            this.numbers = grown;
        }
        const numbers = this.numbers;
        numbers[at++] = offset;
        numbers[at++] = length;
        numbers[at++] = typeIndex;
        numbers[at++] = line;
        numbers[at] = column;
        if (endLine !== line || endColumn !== column + length - 1) this.multiLine.push(this.count, endLine, endColumn);
        this.count++;
    }

    /** The tokens written, in tables of their own length (to be moved to another thread whole). */
    finish(): TokenNumbers {
        const length = this.count * TOKEN_FIELDS;
        const numbers = length === this.numbers.length ? this.numbers : this.numbers.slice(0, length);
        return { numbers, multiLine: Int32Array.from(this.multiLine) };
    }
}
