import type { IToken, TokenType } from 'chevrotain';

/**
 * A token as chevrotain's `createTokenInstance` makes it, but of a class of its own.
 *
 * Chevrotain creates its EOF token with NaN positions through the same object literal,
 * so every token made by `createTokenInstance` shares a hidden class whose number fields
 * V8 stores as boxed doubles. That representation then spreads to the ranges and CST
 * nodes Langium computes from tokens: about six extra heap objects per token, kept for
 * the life of the document (docs/performance.md measures it). Tokens of this class only
 * ever hold integers, so their fields, and what is computed from them, stay small integers.
 */
export class MinutesToken implements IToken {
    readonly tokenTypeIdx: number;

    constructor(
        readonly tokenType: TokenType,
        readonly image: string,
        readonly startOffset: number,
        readonly endOffset: number,
        readonly startLine: number,
        readonly endLine: number,
        readonly startColumn: number,
        readonly endColumn: number
    ) {
        this.tokenTypeIdx = tokenType.tokenTypeIdx!;
    }
}
