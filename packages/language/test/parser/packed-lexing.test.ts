import fc from 'fast-check';
import { AstUtils, EmptyFileSystem, isReference, URI, type AstNode, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesCoreServices } from '../../src/minutes-core-module.js';
import { TokenTable } from '../../src/parser/lazy-cst.js';
import { MAX_DOCUMENT_LENGTH, MinutesLexer, PackingLexer } from '../../src/parser/minutes-lexer.js';
import { lexingTypeIndexes, parseNextFrom } from '../../src/parser/packed-lexing.js';
import { generatedDocument, mutated } from '../fuzz/arbitraries.js';
import { examplesCorpusAndRegressions } from '../helpers/sample-texts.js';

/**
 * `minutes check` lexes its files in another thread than its parsing (the CLI's read-ahead.ts):
 * a PackingLexer there, made from the check's token types, writes the tokens as numbers, and
 * the check's parser reads them (parseNextFrom). The tokens must be those of the check's own
 * lexer, and the document parsed from them the document parsed from the text alone.
 */
const check = createMinutesCoreServices(EmptyFileSystem, { checkOnly: true }).Minutes;
const lexer = check.parser.Lexer as MinutesLexer;
// As the other thread gets them: through structured cloning.
const packing = new PackingLexer(structuredClone(lexingTypeIndexes(check)!));

/** Each token of a table as its fields, as the parser reads them. */
function tokensOf(table: TokenTable, text: string): string[] {
    return table.tokens(0, table.length, text, lexer.typesByIndex).map(token =>
        `${token.tokenType.name} ${token.startOffset}-${token.endOffset} ${token.startLine}:${token.startColumn}-${token.endLine}:${token.endColumn} ${JSON.stringify(token.image)}`);
}

function parse(text: string): LangiumDocument {
    return check.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/packed.minutes'));
}

/** What a check reads of a document: its nodes with their values and syntax trees, and its parse's errors. */
function describeDocument(document: LangiumDocument): unknown {
    const nodes = AstUtils.streamAst(document.parseResult.value).toArray().map((node: AstNode) => {
        const values: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$') || value === undefined || (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object')) continue;
            values[key] = isReference(value) ? `→ ${value.$refText}` : typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AstNode).$type : value;
        }
        const cst = node.$cstNode;
        return { type: node.$type, values, cst: cst && [cst.offset, cst.end, cst.text, cst.range] };
    });
    const { lexerErrors, parserErrors } = document.parseResult;
    return { nodes, lexerErrors, parserErrors: parserErrors.map(error => [error.message, error.token.startOffset, error.token.image]) };
}

function expectSameLexingAndDocument(text: string): void {
    const lexed = lexer.tokenize(text);
    const packed = packing.lex(text);
    if (!packed) {
        // Declined: the check's thread lexes these itself, for the lexer's message.
        expect(lexed.errors.length > 0 || text.length > MAX_DOCUMENT_LENGTH).toBe(true);
        return;
    }
    expect(lexed.errors).toEqual([]);
    expect(tokensOf(new TokenTable(packed.visible), text)).toEqual(tokensOf(TokenTable.of(lexed.tokens), text));
    expect(tokensOf(new TokenTable(packed.hidden), text)).toEqual(tokensOf(TokenTable.of(lexed.hidden), text));
    const direct = describeDocument(parse(text));
    expect(parseNextFrom(check, packed, text)).toBe(true);
    const fromPacked = parse(text);
    // Read after another document is parsed from its packed tokens: they reuse the same token objects.
    const other = 'meeting: Another\n\n@alice: something else entirely, [at length]\n';
    parseNextFrom(check, packing.lex(other)!, other);
    parse(other);
    expect(describeDocument(fromPacked)).toEqual(direct);
}

describe('lexing in another thread', () => {
    test.each(examplesCorpusAndRegressions())('%s: the same tokens, and the same document parsed from them', (_name, text) => {
        expectSameLexingAndDocument(text);
    });

    test('generated and mutated documents: the same tokens and documents', () => {
        fc.assert(fc.property(mutated(generatedDocument), text => expectSameLexingAndDocument(text)), { numRuns: 300 });
    });

    test('a block comment over lines, a bracket not closed, and a comment not closed (declined: the parser\'s lexer says why)', () => {
        expectSameLexingAndDocument('meeting: A\n/* a comment\nover lines */\n@alice: hello\n');
        expectSameLexingAndDocument('meeting: A\n\n@alice [as chair: hello\n');
        expect(packing.lex('meeting: A\n/* not closed\n')).toBeUndefined();
    });

    test('a lexing is not taken for a text of another length', () => {
        const packed = packing.lex('meeting: A\n')!;
        expect(parseNextFrom(check, packed, 'meeting: AB\n')).toBe(false);
        expect(describeDocument(parse('meeting: AB\n'))).toEqual(describeDocument(parse('meeting: AB\n')));
    });

    test('the token types have their indexes once the parser is made, each set of services its own: the other thread is given them', () => {
        const fresh = createMinutesCoreServices(EmptyFileSystem, { checkOnly: true }).Minutes;
        expect(() => (fresh.parser.Lexer as MinutesLexer).typeIndexes()).toThrow(/has no index yet: make the parser first/);
        const indexes = lexingTypeIndexes(fresh)!;
        expect(indexes.map(([name]) => name)).toEqual(lexingTypeIndexes(check)!.map(([name]) => name));
        expect(indexes).not.toEqual(lexingTypeIndexes(check));
        const text = 'meeting: A\n\n@alice: hello @bob\n';
        const packed = new PackingLexer(indexes).lex(text)!;
        const table = new TokenTable(packed.visible);
        const types = (fresh.parser.Lexer as MinutesLexer).typesByIndex;
        expect(table.tokens(0, table.length, text, types).map(token => token.tokenType)).toEqual(fresh.parser.Lexer.tokenize(text).tokens.map(token => token.tokenType));
    });
});
