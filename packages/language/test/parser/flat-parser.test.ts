import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IToken } from 'chevrotain';
import fc from 'fast-check';
import { EmptyFileSystem, isAstNode, isReference, type AstNode, type CstNode, type GrammarAST, type LexerResult } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesCoreServices, type MinutesCoreServices } from '../../src/minutes-core-module.js';
import { createMinutesServices } from '../../src/minutes-module.js';
import { FlatParser } from '../../src/parser/flat-parser.js';
import { MinutesLexer } from '../../src/parser/minutes-lexer.js';
import { LazyRangeCstNodeBuilder } from '../../src/parser/minutes-parser.js';
import { generatedDocument, mutated } from '../fuzz/arbitraries.js';
import { readRegressions } from '../fuzz/fuzz-config.js';
import { EXAMPLES_FOLDER, exampleNames } from '../helpers/examples.js';

/**
 * The flat parser (parser/flat-parser.ts) builds what Langium's parser builds: every AST node
 * with the same properties in the same order (values, references and their CST nodes,
 * containers), every CST node of the same class in the same place, with the same offsets,
 * ranges, grammar element and AST node; and it declines (leaving the text to Langium's
 * parser) exactly where Langium's parser finds a syntax error. Langium's generated parser is
 * the reference, in services that are the check's, or the editor's, but for the parser.
 */
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** Documents per property: `npm test` runs a few hundred; FLAT_PARSER_RUNS=N runs N (a long run). */
const RUNS = Number(process.env.FLAT_PARSER_RUNS ?? 0) || 500;
/** A generous limit: the machine the tests run on is shared. */
const TIMEOUT = 300_000;
const flatServices = createMinutesCoreServices(EmptyFileSystem, { checkOnly: true }).Minutes;
const langiumServices = createMinutesCoreServices(EmptyFileSystem, { checkOnly: true, langiumParser: true }).Minutes;
/** The editor's services (leaves with their ranges made at once), with each parser. */
const editorFlatServices = createMinutesServices(EmptyFileSystem).Minutes;
const editorLangiumServices = createMinutesServices(EmptyFileSystem, { langiumParser: true }).Minutes;
// Token types are the services' own: the token-level tests lex, and parse both ways, with the reference's,
// once its parser exists (Chevrotain gives the token types their indexes, which a token copies).
const lexer = langiumServices.parser.Lexer as MinutesLexer;
void langiumServices.parser.LangiumParser;
void flatServices.parser.LangiumParser;
const flat = new FlatParser(langiumServices);

/**
 * Every AST and CST node of a parse, in order, each with what it holds; nodes are named by their place in that order.
 * `byName`: a node's properties are read by name, those without a value left out. A check's node has every property
 * of its type from its making, in its rule's order (flat-parser.ts's nodeClassOf), where Langium's parser adds a
 * property when met, and the defaults at the end.
 */
function describeParse(root: AstNode, byName = false): unknown[] {
    const entriesOf = (node: AstNode) => byName
        ? Object.entries(node).filter(([, item]) => item !== undefined).sort(([a], [b]) => a.localeCompare(b))
        : Object.entries(node);
    const astIds = new Map<AstNode, number>();
    const cstIds = new Map<CstNode, number>();
    const astNodes: AstNode[] = [];
    const visitAst = (node: AstNode) => {
        astIds.set(node, astIds.size);
        astNodes.push(node);
        for (const [key, value] of entriesOf(node)) {
            if (key.startsWith('$')) continue;
            if (isAstNode(value)) visitAst(value);
            else if (Array.isArray(value)) for (const item of value) if (isAstNode(item)) visitAst(item);
        }
    };
    visitAst(root);
    const cstNodes: CstNode[] = [];
    const visitCst = (node: CstNode) => {
        cstIds.set(node, cstIds.size);
        cstNodes.push(node);
        for (const child of (node as { content?: CstNode[] }).content ?? []) visitCst(child);
    };
    if (root.$cstNode) visitCst(root.$cstNode.root);
    const ast = (node: unknown) => node === undefined ? undefined : astIds.get(node as AstNode) ?? 'outside the tree';
    // A check's tree is made block by block when asked (parser/lazy-cst.ts), and made again once forgotten: a node
    // read from an AST node is then equal to the tree's node in its place (kind, offsets, grammar element, AST node), not the same.
    const place = (node: CstNode) => [node.constructor.name, node.offset, node.end, node.hidden, grammarPath(node.grammarSource),
        astIds.get((node as unknown as { _astNode?: AstNode })._astNode!)].join(' ');
    const places = new Map(cstNodes.map((node, i) => [place(node), i]));
    const cst = (node: unknown) => node === undefined ? undefined : cstIds.get(node as CstNode) ?? places.get(place(node as CstNode)) ?? 'outside the tree';
    const value = (item: unknown): unknown => {
        if (isAstNode(item)) return { ast: ast(item) };
        if (isReference(item)) return { keys: Object.keys(item), refText: item.$refText, refNode: cst(item.$refNode) };
        if (Array.isArray(item)) return item.map(value);
        return item;
    };
    // A check's AST node reads its CST node through a getter (parser/lazy-cst.ts): read here as a property of every node.
    return [
        ...astNodes.map(node => [...entriesOf(node).filter(([key]) => key !== '$cstNode').map(([key, item]) => [key,
            key === '$container' ? ast(item) : key === '$document' ? 'document' : value(item)]), ['$cstNode', cst(node.$cstNode)]]),
        ...cstNodes.map(node => {
            const own = node as unknown as { _astNode?: AstNode; content?: unknown[]; tokenType?: { name: string } };
            return {
                // A check's root makes its children when asked (LazyRootCstNode), an editor's holds them.
                class: node.constructor.name === 'LazyRootCstNode' ? 'RootCstNodeImpl' : node.constructor.name, container: cst(node.container), rootIsRoot: node.root === cstNodes[0],
                offset: node.offset, end: node.end, hidden: node.hidden, range: node.range, tokenType: own.tokenType?.name,
                grammar: grammarPath(node.grammarSource), hasOwnAstNode: Object.hasOwn(own, '_astNode'), ownAstNode: ast(own._astNode),
                astNode: ast(node.astNode), children: own.content?.length
            };
        })
    ];
}

/** A grammar element by its rule and its place in the rule's definition: the two services may not share one grammar. */
function grammarPath(element: GrammarAST.AbstractElement | undefined): string | undefined {
    if (!element) return undefined;
    const steps: string[] = [];
    let current: AstNode | undefined = element;
    while (current && current.$type !== 'ParserRule') {
        steps.push(`${current.$containerProperty}${current.$containerIndex ?? ''}`);
        current = current.$container;
    }
    return `${(current as { name?: string } | undefined)?.name}/${steps.reverse().join('/')}`;
}

function parseWith(services: MinutesCoreServices, text: string) {
    return services.parser.LangiumParser.parse(text);
}

function expectSameParse(text: string): void {
    // Whatever the lexer makes, the flat parser parses, but for a syntax error.
    const lexed = lexer.tokenize(text);
    const { expected: reference, actual: flatOnly } = parseTokens(text, lexed);
    expect(flatOnly === undefined, 'declined').toBe(reference.parserErrors.length > 0);
    // And the services of a check, and the editor's, parse as Langium's parser does.
    for (const [flatOnes, reference, byName] of [[flatServices, langiumServices, true], [editorFlatServices, editorLangiumServices, false]] as const) {
        const expected = parseWith(reference, text);
        const actual = parseWith(flatOnes, text);
        expect(actual.parserErrors.map(e => e.message)).toEqual(expected.parserErrors.map(e => e.message));
        expect(actual.lexerErrors).toEqual(expected.lexerErrors);
        expect(describeParse(actual.value, byName)).toEqual(describeParse(expected.value, byName));
    }
}

/** Langium's parse of these tokens, and the flat parser's (undefined when it declines). */
function parseTokens(text: string, lexed: LexerResult) {
    lexer.provideNext({ ...lexed, hidden: [...lexed.hidden] });
    const expected = langiumServices.parser.LangiumParser.parse(text);
    const actual = flat.parse(text, lexed, new LazyRangeCstNodeBuilder());
    return { expected, actual };
}

/** Lets vitest's worker answer its runner during a long loop (it gives up after a while without). */
function breather(): Promise<void> {
    return new Promise(resolve => setImmediate(resolve));
}

function texts(): Array<[string, string]> {
    const minutesFiles = (folder: string) => readdirSync(path.join(REPO, folder), { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.minutes'))
        .map((name): [string, string] => [`${folder}/${name}`, readFileSync(path.join(REPO, folder, name), 'utf8')]);
    return [
        ...exampleNames().map((name): [string, string] => [`examples/${name}`, readFileSync(path.join(EXAMPLES_FOLDER, name), 'utf8')]),
        ...minutesFiles('corpus'),
        ...minutesFiles('packages/language/test/fixtures'),
        ...minutesFiles('packages/cli/test'),
        ...readRegressions().map(({ name, text }): [string, string] => [`regression ${name}`, text])
    ];
}

/** Lines and pieces that stress a line's first tokens: every key, half-written names and brackets, line ends, a BOM. */
const hostileLine = fc.oneof(
    fc.constantFrom(
        ...flatServices.Grammar.rules.flatMap(rule => rule.name.endsWith('Key') || rule.name === 'OrganisationKind'
            ? allKeywords(rule) : []),
        'person @x', 'org @y Y', 'action', 'action #a', 'action #a @x due 2025-01-01:', 'update #a', 'update #a done:', 'update',
        '@{', '@{Unclosed', '@{A} [', '@{A} [remote', '@{A} [remote]', '@{A} [remote]:', '@a:', '@a [x] [y]: z', '- @a:', '1. @{B} said',
        '# ', '#', '####### x', 'Title', '===', '---', '- ', '> ', '1.', 'a)', 'iv.', '[', ']', ':', '/* open', '*/', '// c',
        '\\# escaped', '\\@x', 'Custom Label: value', 'Label:', 'https://example.org/x', 'mailto:a@b.c', '\uFEFF', '\uFEFFdate: 2020-01-01'
    ),
    fc.string({ maxLength: 12 })
);

function allKeywords(rule: GrammarAST.AbstractRule): string[] {
    const words: string[] = [];
    const visit = (node: unknown) => {
        if (!node || typeof node !== 'object') return;
        const element = node as { $type?: string; value?: string; elements?: unknown[]; terminal?: unknown };
        if (element.$type === 'Keyword' && element.value) words.push(element.value);
        for (const child of element.elements ?? []) visit(child);
        visit(element.terminal);
    };
    visit((rule as GrammarAST.ParserRule).definition);
    return words;
}

const hostileDocument = fc.tuple(
    fc.array(fc.tuple(hostileLine, fc.option(hostileLine), fc.constantFrom('\n', '\r\n', '\n\n', '\r\n  \r\n', '', ' ')), { maxLength: 30 }),
    fc.boolean()
).map(([lines, bom]) => (bom ? '\uFEFF' : '') + lines.map(([a, b, end]) => a + (b === null ? '' : ' ' + b) + end).join(''));

describe('the flat parser builds Langium\'s trees', () => {
    test.each(texts())('%s', (_name, text) => expectSameParse(text));

    test('generated and mutated documents', async () => {
        for (const [i, text] of fc.sample(mutated(generatedDocument), { seed: 16, numRuns: RUNS }).entries()) {
            expectSameParse(text);
            if (i % 50 === 0) await breather();
        }
    }, TIMEOUT);

    test('hostile documents: every key, half-written names and brackets, comments, CRLF, a BOM', async () => {
        for (const [i, text] of fc.sample(mutated(hostileDocument), { seed: 61, numRuns: RUNS }).entries()) {
            expectSameParse(text);
            if (i % 50 === 0) await breather();
        }
    }, TIMEOUT);
});

describe('the flat parser declines exactly where Langium\'s parser finds a syntax error', () => {
    // The lexer makes no token stream that leaves the grammar; dropping tokens of real ones
    // does. (Repeating or swapping them makes offsets go backwards, which no lexer does and on
    // which Langium's parser sometimes drops tokens without an error.)
    const tokenDrops = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });

    function edited(tokens: IToken[], drops: number[]): IToken[] {
        const result = [...tokens];
        for (const at of drops) if (result.length > 0) result.splice(at % result.length, 1);
        return result;
    }

    // Where it parses, it builds what Langium's parser builds; where Langium's parser finds a syntax
    // error, it declines. It also declines a block that does not start a line (the lexer makes none).
    test('token streams of generated documents, edited', async () => {
        let declined = 0;
        let parsed = 0;
        const samples = fc.sample(fc.tuple(mutated(generatedDocument, 2), tokenDrops), { seed: 7, numRuns: RUNS });
        for (const [i, [text, drops]] of samples.entries()) {
            if (i % 50 === 0) await breather();
            const lexed = lexer.tokenize(text);
            const { expected, actual } = parseTokens(text, { ...lexed, tokens: edited(lexed.tokens, drops) });
            if (expected.parserErrors.length > 0 || !actual) {
                if (expected.parserErrors.length > 0) expect(actual, text).toBeUndefined();
                declined++;
            } else {
                expect(describeParse(actual), text).toEqual(describeParse(expected.value));
                parsed++;
            }
        }
        // Both paths are exercised.
        expect(declined).toBeGreaterThan(RUNS / 10);
        expect(parsed).toBeGreaterThan(RUNS / 10);
    }, TIMEOUT);

    test('a declined text is parsed by Langium\'s parser, with its messages', () => {
        const text = '@a [remote]: Hello\n';
        const flatLexer = flatServices.parser.Lexer as MinutesLexer;
        const lexed = flatLexer.tokenize(text);
        // `[remote]: Hello` without its speaker.
        const tokens = lexed.tokens.slice(1);
        flatLexer.provideNext({ ...lexed, tokens });
        const result = flatServices.parser.LangiumParser.parse(text);
        expect(result.parserErrors.map(e => e.message)).toEqual([
            'This line has \'[\' where Minutes expected the end of the file. To keep the line as prose, write a backslash before its first character (`\\Note: …`).',
            'This line has \']\' where Minutes expected the end of the file. To keep the line as prose, write a backslash before its first character (`\\Note: …`).'
        ]);
    });
});
