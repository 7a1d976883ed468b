import type { LangiumCoreServices, LexerResult } from 'langium';
import { TokenTable } from './lazy-cst.js';
import { MinutesLexer, type PackedLexing, type TokenTypeIndexes } from './minutes-lexer.js';

/**
 * A lexing made in another thread (PackingLexer), handed to the parser: its tokens are read
 * from the tables (TableTokens, reused from one parse to the next: the flat parser keeps none,
 * and a check's tree keeps the tables), which the flat parser keeps as they are.
 */
export interface TabledLexerResult extends LexerResult {
    tables: { visible: TokenTable; hidden: TokenTable };
}

/** The tables of a lexing made in another thread, if it was. */
export function tablesOf(lexed: LexerResult): TabledLexerResult['tables'] | undefined {
    return (lexed as Partial<TabledLexerResult>).tables;
}

/**
 * Makes the services' next parse of `text` read the tokens of `packed`, lexed from the same
 * text in another thread, instead of lexing it: `minutes check` lexes ahead of its parsing
 * (cli/src/read-ahead.ts). Returns false, and leaves the parser to lex, if the lexing is not
 * of a text of that length or the services do not lex with MinutesLexer.
 */
export function parseNextFrom(services: LangiumCoreServices, packed: PackedLexing, text: string): boolean {
    const lexer = services.parser.Lexer;
    if (!(lexer instanceof MinutesLexer) || packed.textLength !== text.length) return false;
    const types = lexer.typesByIndex;
    const visible = new TokenTable(packed.visible);
    const hidden = new TokenTable(packed.hidden);
    const result: TabledLexerResult = {
        tokens: visible.tokens(0, visible.length, text, types),
        // After the visible ones in the reused tokens, so that the two lists share none.
        hidden: hidden.tokens(0, hidden.length, text, types, visible.length),
        errors: [],
        tables: { visible, hidden }
    };
    lexer.provideNext(result);
    return true;
}

/**
 * The token types' indexes of the services' lexer, from which a PackingLexer is made in another
 * thread; undefined if the services do not lex with MinutesLexer. Makes the parser first:
 * Chevrotain numbers the token types then.
 */
export function lexingTypeIndexes(services: LangiumCoreServices): TokenTypeIndexes | undefined {
    void services.parser.LangiumParser;
    const lexer = services.parser.Lexer;
    return lexer instanceof MinutesLexer ? lexer.typeIndexes() : undefined;
}
