import type { IToken } from 'chevrotain';
import {
    CompositeCstNodeImpl, CstNodeBuilder, CstUtils, LangiumParser, LeafCstNodeImpl, createParser,
    type CompositeCstNode, type CstNode, type GrammarAST, type LangiumCoreServices, type LeafCstNode, type RootCstNode
} from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { recordLineStarts } from './incremental-reparser.js';
import { FlatParser } from './flat-parser.js';
import { MinutesLexer } from './minutes-lexer.js';

export interface MinutesParserOptions {
    /** Leaves make their ranges when asked (LazyRangeCstNodeBuilder); where no editor moves leaves. */
    lazyLeafRanges?: boolean;
    /** Parse with the flat parser (flat-parser.ts), Langium's parser only for a syntax error. */
    flat?: boolean;
}

/**
 * The Langium parser, made linear on Minutes documents.
 *
 * A Minutes document is one flat list of line blocks, so the root of its CST has as many
 * children as the file has lines. Two places of Langium 4.2.1's parser were quadratic in
 * that, and one overflowed the stack (see test/pathological/):
 *
 * - CstNodeBuilder.addHiddenNodes runs for every token the parser consumes; when the token
 *   starts a new node it finds that node among its parent's children with `indexOf`, from
 *   the first child — even when there is no hidden token (comment, escape) to add. 4 MB
 *   took 11 s to parse instead of 2 s. It also spread all hidden tokens into one `push`
 *   call, which overflows the stack beyond about 125,000 comment lines in a row.
 * - LangiumParser.extractHiddenTokens takes the hidden tokens before each token off the
 *   front of the array of all of them (`splice(0, i)`), moving all the others each time:
 *   100,000 commented lines took 8 s.
 *
 * The second is private to LangiumParser, so it is replaced on the instance (Langium is
 * pinned exactly in package.json; assertLangiumInternals fails loudly, at start-up, should
 * another version be installed).
 */
export function createMinutesParser(services: LangiumCoreServices, options: MinutesParserOptions = {}): LangiumParser {
    const parser = new LangiumParser(services);
    const internals = parser as unknown as ParserInternals;
    assertLangiumInternals(internals, LeafCstNodeImpl);
    internals.nodeBuilder = options.lazyLeafRanges ? new LazyRangeCstNodeBuilder() : new LinearCstNodeBuilder();

    // Hidden tokens are handed out from a cursor; the ones handed out leave the array once,
    // when parsing ends, so that Langium's final addHiddenNodes gets only those left over.
    let handedOut = 0;
    const doParse = internals.doParse.bind(parser);
    internals.doParse = rule => {
        handedOut = 0;
        try {
            return doParse(rule);
        } finally {
            internals.lexerResult?.hidden.splice(0, handedOut);
            handedOut = 0;
        }
    };
    internals.extractHiddenTokens = token => {
        const hidden = internals.lexerResult?.hidden ?? [];
        let end = handedOut;
        while (end < hidden.length && hidden[end].startOffset <= token.startOffset) end++;
        const before = hidden.slice(handedOut, end);
        handedOut = end;
        return before;
    };

    // The line starts of a whole text's lexing go with its AST, for parsing it again incrementally.
    const lexer = services.parser.Lexer;
    const parse = parser.parse.bind(parser);
    parser.parse = ((input, options) => {
        const result = parse(input, options);
        if (lexer instanceof MinutesLexer && lexer.lastLineStarts) recordLineStarts(result.value, lexer.lastLineStarts);
        return result;
    }) as typeof parser.parse;

    if (options.flat && lexer instanceof MinutesLexer) {
        // Tokens that follow the grammar are parsed by the flat parser; any other (a syntax
        // error) by Langium's, from the same tokens, for its recovery and messages.
        const flat = new FlatParser(services);
        const langiumParse = parser.parse;
        parser.parse = ((input, parseOptions) => {
            if (parseOptions?.rule) return langiumParse(input, parseOptions);
            const lexed = lexer.tokenize(input);
            const lineStarts = lexer.lastLineStarts;
            const value = flat.parse(input, lexed, internals.nodeBuilder);
            if (!value) {
                lexer.provideNext(lexed);
                const result = langiumParse(input, parseOptions);
                if (lineStarts) recordLineStarts(result.value, lineStarts);
                return result;
            }
            if (lineStarts) recordLineStarts(value, lineStarts);
            return { value, lexerErrors: lexed.errors, lexerReport: lexed.report, parserErrors: [] };
        }) as typeof parser.parse;
    }

    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/**
 * Fails at start-up, before any document is parsed, when the installed Langium is not shaped as
 * the replacements below expect. A Langium other than the pinned 4.2.1 (4.4 makes a CST node's
 * `root` a getter) would otherwise fail inside Langium on the first document, or build a wrong CST.
 */
export function assertLangiumInternals(internals: Partial<ParserInternals>, leafNodeClass: abstract new (...args: never[]) => unknown): void {
    const missing: string[] = [];
    if (typeof internals.doParse !== 'function') missing.push('LangiumParser.doParse');
    if (typeof internals.extractHiddenTokens !== 'function') missing.push('LangiumParser.extractHiddenTokens');
    if (!(internals.nodeBuilder instanceof CstNodeBuilder)) missing.push('LangiumParser.nodeBuilder (a CstNodeBuilder)');
    if (typeof CstNodeBuilder.prototype.addHiddenNodes !== 'function') missing.push('CstNodeBuilder.addHiddenNodes');
    if (!isAssignable(leafNodeClass.prototype, 'root')) missing.push('a writable LeafCstNodeImpl.root');
    if (missing.length > 0) {
        throw new Error(`minutes-language needs Langium 4.2.1 exactly (with chevrotain 11.1.2); the installed Langium lacks ${missing.join(', ')}. `
            + 'Install minutes-language with its pinned dependencies (no overrides of langium or chevrotain), or revisit packages/language/src/parser/minutes-parser.ts.');
    }
}

/** Whether `object.key = value` can be done on an instance: no accessor without a setter, no read-only field, up the prototype chain. */
function isAssignable(prototype: object | null, key: string): boolean {
    for (let current = prototype; current; current = Object.getPrototypeOf(current) as object | null) {
        const descriptor = Object.getOwnPropertyDescriptor(current, key);
        if (descriptor) return descriptor.set !== undefined || descriptor.writable === true;
    }
    return true;
}

/** What createMinutesParser replaces: members that LangiumParser declares private. */
export interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexerResult?: { hidden: IToken[] };
    doParse(rule: unknown): unknown;
    extractHiddenTokens(token: IToken): IToken[];
}

/** CstNodeBuilder.addHiddenNodes, the same placement, in constant time per token and without spreading arrays. */
export class LinearCstNodeBuilder extends CstNodeBuilder {
    protected hiddenLeaf(token: IToken): LeafCstNodeImpl {
        return new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, true);
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        let current: CompositeCstNode = this.current;
        const nodes = tokens.map(token => {
            const leaf = this.hiddenLeaf(token);
            leaf.root = current.root;
            return leaf;
        });
        // Within a node that has content, the hidden nodes go at its end.
        if (current.content.length > 0) {
            appendAll(current.content, nodes);
            return;
        }
        // A node just opened: they go before it, in the first ancestor where it is not the first child.
        // The node being built is its parent's last child, so search from the end.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                insertAll(current.container.content, index, nodes);
                return;
            }
            current = current.container;
        }
        // They come before anything else in the document.
        insertAll(current.content, 0, nodes);
    }
}

function appendAll(target: CstNode[], items: readonly CstNode[]): void {
    for (const item of items) target.push(item);
}

function insertAll(target: CstNode[], index: number, items: readonly CstNode[]): void {
    // Langium's node arrays override splice(start, count, ...items): the count must be given.
    const tail = target.splice(index, target.length - index);
    appendAll(target, items);
    appendAll(target, tail);
}

/**
 * The CST builder of `minutes check` (createMinutesServices's checkOnly): the same tree, but a
 * leaf keeps its token's line and column numbers and makes its range when asked, instead of
 * three objects per token made at once (a range and two positions) that a check mostly never
 * reads. The range is computed as Langium's `tokenToRange` computes it, so it is the same.
 * Only where no editor moves leaves (the incremental reparser shifts ranges it holds).
 */
export class LazyRangeCstNodeBuilder extends LinearCstNodeBuilder {
    protected override hiddenLeaf(token: IToken): LeafCstNodeImpl {
        return new LazyRangeLeafCstNode(token, true);
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const leaf = new LazyRangeLeafCstNode(token, !feature);
        leaf.grammarSource = feature;
        leaf.root = this.builderState.rootNode;
        append(this.current, leaf);
        return leaf;
    }

    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const state = this.builderState;
        const node = new CompositeCstNodeImpl();
        node.grammarSource = feature;
        node.root = state.rootNode;
        append(this.current, node);
        state.nodeStack.push(node);
        return node;
    }

    /** The fields CstNodeBuilder declares private. */
    private get builderState(): { rootNode: RootCstNode; nodeStack: CompositeCstNode[] } {
        return this as unknown as { rootNode: RootCstNode; nodeStack: CompositeCstNode[] };
    }
}

/**
 * What a node list's `push` does (Langium's CstNodeContainer: the parent, then the node), without
 * the array its rest parameter makes on each call: a parse appends a node per token.
 */
function append(parent: CompositeCstNode, node: CstNode): void {
    (node as { container?: CompositeCstNode }).container = parent;
    Array.prototype.push.call(parent.content, node);
}

class LazyRangeLeafCstNode extends LeafCstNodeImpl {
    // Chevrotain's lines and columns are 1-based; a range's, 0-based (as in tokenToRange).
    private readonly startLine: number;
    private readonly startCharacter: number;
    private readonly endLine: number;
    private readonly endCharacter: number;

    constructor(token: IToken, hidden: boolean) {
        super(token.startOffset, token.image.length, undefined as unknown as Range, token.tokenType, hidden);
        this.startLine = token.startLine! - 1;
        this.startCharacter = token.startColumn! - 1;
        this.endLine = token.endLine! - 1;
        this.endCharacter = token.endColumn!;
    }

    override get range(): Range {
        return { start: { character: this.startCharacter, line: this.startLine }, end: { character: this.endCharacter, line: this.endLine } };
    }
}
