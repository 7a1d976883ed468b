import type { IToken, TokenType } from 'chevrotain';
import {
    CompositeCstNodeImpl, CstNodeBuilder, CstUtils, LangiumParser, LeafCstNodeImpl, createParser,
    type AstNode, type CompositeCstNode, type CstNode, type GrammarAST, type LangiumCoreServices, type LeafCstNode, type RootCstNode
} from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { recordLineStarts } from './incremental-reparser.js';
import { FlatParser, type BlockTreeBuilding, type LazyCstSupport } from './flat-parser.js';
import { BlockTreeCache, tokenLength, type BlockTree, type LazyRootCstNode } from './lazy-cst.js';
import { MinutesLexer } from './minutes-lexer.js';
import { tablesOf } from './packed-lexing.js';

export interface MinutesParserOptions {
    /** Leaves make their ranges when asked (LazyRangeCstNodeBuilder); where no editor moves leaves. */
    lazyLeafRanges?: boolean;
    /** Parse with the flat parser (flat-parser.ts), Langium's parser only for a syntax error. */
    flat?: boolean;
    /**
     * With `flat`: the flat parser's documents get their CST block by block when asked
     * (lazy-cst.ts), for `minutes check`, whose linker makes references that find their leaf
     * when asked (MinutesLinker's compactReferences).
     */
    lazyCst?: boolean;
}

/**
 * How many blocks' trees a check keeps made (lazy-cst.ts's BlockTreeCache). Few enough that they
 * die young: kept longer, they are promoted out of V8's young generation and die in the old,
 * which grows with them (docs/performance.md, "A syntax tree made when asked": the peak RSS of
 * the 1,000-file workspace's check 387 MB with 32 to 128, 570 MB with 256 to 2,048).
 */
const KEPT_BLOCK_TREES = 128;

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

    // Chevrotain's analysis of the grammar costs about a tenth of a second of CPU at start-up (in
    // each thread of a check): with the flat parser, Langium's parser is only needed for a syntax
    // error, so its rules are made when it first parses.
    let rulesMade = false;
    const makeRules = (): void => {
        if (rulesMade) return;
        rulesMade = true;
        createParser(services.Grammar, parser, services.parser.Lexer.definition);
        parser.finalize();
    };
    const langiumParse = parser.parse.bind(parser);
    const parse: typeof parser.parse = (input, options) => {
        makeRules();
        return langiumParse(input, options);
    };

    // The line starts of a whole text's lexing go with its AST, for parsing it again incrementally.
    const lexer = services.parser.Lexer;
    parser.parse = ((input, options) => {
        const result = parse(input, options);
        if (lexer instanceof MinutesLexer && lexer.lastLineStarts) recordLineStarts(result.value, lexer.lastLineStarts);
        return result;
    }) as typeof parser.parse;

    if (options.flat && lexer instanceof MinutesLexer) {
        // Tokens that follow the grammar are parsed by the flat parser; any other (a syntax
        // error) by Langium's, from the same tokens, for its recovery and messages.
        const flat = new FlatParser(services);
        const lazy: LazyCstSupport | undefined = options.lazyCst ? {
            cache: new BlockTreeCache(KEPT_BLOCK_TREES),
            builder: root => new BlockTreeBuilder(root),
            hiddenLeaf: token => makeLeaf(token, true, undefined)
        } : undefined;
        if (lazy) blockTreeCaches.set(parser, lazy.cache);
        const withLineStarts = parser.parse;
        parser.parse = ((input, parseOptions) => {
            if (parseOptions?.rule) return withLineStarts(input, parseOptions);
            const lexed = lexer.tokenize(input);
            const lineStarts = lexer.lastLineStarts;
            const value = lazy ? flat.parseLazily(input, lexed, lazy) : flat.parse(input, lexed, internals.nodeBuilder);
            if (!value) {
                // Tokens lexed in another thread are reused objects (packed-lexing.ts), which Langium's
                // parser may keep (in its errors): it lexes the text itself then.
                if (!tablesOf(lexed)) lexer.provideNext(lexed);
                const result = withLineStarts(input, parseOptions);
                if (lineStarts) recordLineStarts(result.value, lineStarts);
                return result;
            }
            if (lineStarts) recordLineStarts(value, lineStarts);
            return { value, lexerErrors: lexed.errors, lexerReport: lexed.report, parserErrors: [] };
        }) as typeof parser.parse;
    } else {
        makeRules();
    }
    return parser;
}

const blockTreeCaches = new WeakMap<LangiumParser, BlockTreeCache>();

/** The trees a check's parser keeps made (lazy-cst.ts), if it makes them when asked: for the bench and the tests. */
export function blockTreeCacheOf(parser: LangiumParser): BlockTreeCache | undefined {
    return blockTreeCaches.get(parser);
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
        const leaf = new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, true);
        leaf.root = this.current.root;
        return leaf;
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        let current: CompositeCstNode = this.current;
        const nodes = tokens.map(token => this.hiddenLeaf(token));
        // Within a node that has content, the hidden nodes go at its end.
        if (current.content.length > 0) {
            insertAll(current, current.content.length, nodes);
            return;
        }
        // A node just opened: they go before it, in the first ancestor where it is not the first child.
        // The node being built is its parent's last child, so search from the end.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                insertAll(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        // They come before anything else in the document.
        insertAll(current, 0, nodes);
    }
}

/** Puts `items` into `parent`'s children at `index`, their container set (a check's nodes hold plain arrays, not Langium's CstNodeContainer). */
function insertAll(parent: CompositeCstNode, index: number, items: readonly CstNode[]): void {
    const target = parent.content;
    // Langium's node arrays override splice(start, count, ...items): the count must be given.
    const tail = target.splice(index, target.length - index);
    for (const item of items) append(parent, item);
    for (const item of tail) Array.prototype.push.call(target, item);
}

/**
 * The CST builder of `minutes check` (createMinutesServices's checkOnly): the same tree, with
 * the same readers (Langium's node classes are their prototypes), in less memory, since a
 * check keeps every tree to its end (docs/performance.md, "Smaller trees for a check"):
 *
 * - a leaf keeps its token's line and column and makes its range when asked, instead of
 *   three objects per token made at once (a range and two positions) that a check mostly
 *   never reads; the range is computed as Langium's `tokenToRange` computes it. Only where no
 *   editor moves leaves (the incremental reparser shifts ranges it holds);
 * - a composite node holds its children in a plain array, instead of an Array subclass
 *   (CstNodeContainer) that sets each child's container on `push`, and once complete its only
 *   child alone, or a copy of the array at its length; its fields are all made in the
 *   constructor, so that none is added later (an object with properties added after its
 *   creation keeps them in a separate array); it reads its root from its container, and
 *   does not keep its range once asked for it.
 */
export class LazyRangeCstNodeBuilder extends LinearCstNodeBuilder {
    protected override hiddenLeaf(token: IToken): LeafCstNodeImpl {
        return makeLeaf(token, true, undefined);
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const leaf = makeLeaf(token, !feature, feature);
        append(this.current, leaf);
        return leaf;
    }

    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const state = this.builderState;
        const parent = this.current;
        const node = new CheckCompositeCstNode(feature, parent) as unknown as CompositeCstNode;
        addChild(parent, node);
        state.nodeStack.push(node);
        return node;
    }

    override construct(item: { $type: string | symbol | undefined; $cstNode: CstNode }): void {
        const node: unknown = this.current;
        super.construct(item);
        if (node instanceof CheckCompositeCstNode) node.complete();
    }

    /** The fields CstNodeBuilder declares private. */
    private get builderState(): { rootNode: RootCstNode; nodeStack: CompositeCstNode[] } {
        return this as unknown as { rootNode: RootCstNode; nodeStack: CompositeCstNode[] };
    }
}

/**
 * The builder of one block's tree in a check (lazy-cst.ts): the nodes of LazyRangeCstNodeBuilder,
 * built under a parent of its own (so that hidden tokens before the block, placed by Langium before
 * it in the root, are kept apart, and the root's children are not made), and given to the AST
 * nodes made before without setting their `$cstNode` (a getter).
 */
export class BlockTreeBuilder extends LazyRangeCstNodeBuilder implements BlockTreeBuilding {
    private readonly astNodes: AstNode[] = [];
    private readonly cstNodes: CstNode[] = [];
    private readonly parent: BuildingParent;

    constructor(private readonly root: LazyRootCstNode) {
        super();
        this.parent = new BuildingParent(root);
        const state = this as unknown as { rootNode: unknown; nodeStack: unknown[] };
        state.rootNode = this.parent;
        state.nodeStack = [this.parent];
    }

    /** Langium's `construct`, but for the AST node's `$cstNode`, which the map holds. */
    override construct(item: { $type: string | symbol | undefined; $cstNode: CstNode }): void {
        const current = this.current as unknown as CheckCompositeCstNode;
        if (typeof item.$type === 'string') {
            current._astNode = item;
            this.astNodes.push(item as unknown as AstNode);
            this.cstNodes.push(current as unknown as CstNode);
        }
        (this as unknown as { nodeStack: unknown[] }).nodeStack.pop();
        if (current.isEmpty()) this.removeNode(current as unknown as CstNode);
        // Its children's array is kept as it grew: the tree lives a short while (KEPT_BLOCK_TREES).
        current.complete(false);
    }

    handUp(node: AstNode, caller: CompositeCstNode): void {
        // The callee's node, made last, lets go of it; the caller's takes it.
        const last = this.astNodes.length - 1;
        if (this.astNodes[last] !== node) throw new Error('The flat parser closed a node out of order.');
        (this.cstNodes[last] as unknown as CheckCompositeCstNode)._astNode = undefined;
        this.astNodes.pop();
        this.cstNodes.pop();
        this.construct(node as unknown as { $type: string; $cstNode: CstNode });
        if (this.cstNodes[last] !== caller) throw new Error('The flat parser closed a node out of order.');
    }

    finish(): BlockTree {
        const made = this.parent.content;
        for (const node of made) (node as { container?: unknown }).container = this.root;
        const last = made[made.length - 1];
        const block = last && !last.hidden && this.astNodes.length > 0 ? made.length - 1 : made.length;
        return { astNodes: this.astNodes, cstNodes: this.cstNodes, before: made.slice(0, block) };
    }
}

/** The parent of a block's nodes while they are built: the root's text, but none of its children. */
class BuildingParent {
    readonly content: CstNode[] = [];
    readonly container = undefined;
    constructor(readonly root: LazyRootCstNode) {}
}

/**
 * What a node list's `push` does (Langium's CstNodeContainer: the parent, then the node), without
 * the array its rest parameter makes on each call: a parse appends a node per token.
 */
function append(parent: CompositeCstNode, node: CstNode): void {
    (node as { container?: CompositeCstNode }).container = parent;
    addChild(parent, node);
}

/** `parent.content.push(node)`, on a check's node without asking for its `content`. */
function addChild(parent: CompositeCstNode, node: CstNode): void {
    if (parent instanceof CheckCompositeCstNode) parent.add(node);
    else Array.prototype.push.call(parent.content, node);
}

/**
 * A composite node of a check: Langium's CompositeCstNodeImpl (its prototype, hence its
 * getters: offset, range, astNode, text…) with its fields declared here, all made at once,
 * and a plain array of children. Langium's constructor is not run (it makes a CstNodeContainer).
 */
class CheckCompositeCstNode {
    /** Its children while it is built; once complete, its only child, or its children in an array of their number. */
    private children: CstNode[] | CstNode = [];
    _astNode: unknown = undefined;
    _rangeCache: Range | undefined = undefined;

    constructor(readonly grammarSource: GrammarAST.AbstractElement, readonly container: CompositeCstNode) {}

    /** Its container's: a field less per node. */
    get root(): RootCstNode {
        return this.container.root;
    }

    /** Its children: those of a node with one child (two in three) in an array made when asked. */
    get content(): CstNode[] {
        const children = this.children;
        return Array.isArray(children) ? children : [children];
    }

    /**
     * The node is complete: its children's array, grown by push with room to spare (an array
     * and at least 17 places), gives way to its only child, or to a copy at its length.
     */
    complete(copy = true): void {
        const children = this.children as CstNode[];
        if (children.length === 1) this.children = children[0];
        else if (copy && children.length > 1) this.children = children.slice();
    }

    /** A child more, while the node is built. */
    add(node: CstNode): void {
        (this.children as CstNode[]).push(node);
    }

    isEmpty(): boolean {
        const children = this.children;
        return Array.isArray(children) && children.length === 0;
    }

    /** Langium's, without making an array for a node's only child (every `offset`, `end` and `text` asks). */
    get firstNonHiddenNode(): CstNode | undefined {
        return Array.isArray(this.children) ? firstNonHiddenNode.call(this) : this.children;
    }

    get lastNonHiddenNode(): CstNode | undefined {
        return Array.isArray(this.children) ? lastNonHiddenNode.call(this) : this.children;
    }

    /** Langium's range, not cached: a check reads a node's range once or twice, and the cache (three objects) would live as long as the tree. */
    get range(): Range {
        const range = compositeRange.call(this);
        this._rangeCache = undefined;
        return range;
    }
}
Object.setPrototypeOf(CheckCompositeCstNode.prototype, CompositeCstNodeImpl.prototype);
const compositeRange = langiumGetter<Range>('range');
const firstNonHiddenNode = langiumGetter<CstNode | undefined>('firstNonHiddenNode');
const lastNonHiddenNode = langiumGetter<CstNode | undefined>('lastNonHiddenNode');

function langiumGetter<T>(name: 'range' | 'firstNonHiddenNode' | 'lastNonHiddenNode'): (this: unknown) => T {
    return Object.getOwnPropertyDescriptor(CompositeCstNodeImpl.prototype, name)!.get! as (this: unknown) => T;
}

/**
 * A leaf of a check: Langium's LeafCstNodeImpl (its prototype and getters) with its fields made
 * at once, and no range: its token's start line and column (0-based, as a range's), from which
 * `range` is made when asked, as Langium's `tokenToRange` makes it. A token ends on the line it
 * starts on (the lexer's block comments aside: MultiLineCheckLeaf).
 */
class CheckLeaf {
    container: CompositeCstNode | undefined = undefined;
    readonly _offset: number;
    readonly _length: number;
    readonly _tokenType: TokenType;
    protected readonly startLine: number;
    protected readonly startCharacter: number;

    constructor(token: IToken, length: number, readonly _hidden: boolean, readonly grammarSource: GrammarAST.AbstractElement | undefined) {
        this._offset = token.startOffset;
        this._length = length;
        this._tokenType = token.tokenType;
        // Chevrotain's lines and columns are 1-based; a range's, 0-based (as in tokenToRange).
        this.startLine = token.startLine! - 1;
        this.startCharacter = token.startColumn! - 1;
    }

    /** Its container's (a leaf is in its container as soon as it is made): a field less per leaf. */
    get root(): RootCstNode {
        return this.container!.root;
    }

    get range(): Range {
        // tokenToRange's end is (endLine - 1, endColumn): on the same line, the column after the last character.
        return { start: { character: this.startCharacter, line: this.startLine }, end: { character: this.startCharacter + this._length, line: this.startLine } };
    }
}

class MultiLineCheckLeaf extends CheckLeaf {
    private readonly endLine: number;
    private readonly endCharacter: number;

    constructor(token: IToken, length: number, hidden: boolean, grammarSource: GrammarAST.AbstractElement | undefined) {
        super(token, length, hidden, grammarSource);
        this.endLine = token.endLine! - 1;
        this.endCharacter = token.endColumn!;
    }

    override get range(): Range {
        return { start: { character: this.startCharacter, line: this.startLine }, end: { character: this.endCharacter, line: this.endLine } };
    }
}
Object.setPrototypeOf(CheckLeaf.prototype, LeafCstNodeImpl.prototype);

function makeLeaf(token: IToken, hidden: boolean, feature: GrammarAST.AbstractElement | undefined): LeafCstNodeImpl {
    const length = tokenLength(token);
    const leaf = token.endLine === token.startLine && token.endColumn === token.startColumn! + length - 1
        ? new CheckLeaf(token, length, hidden, feature)
        : new MultiLineCheckLeaf(token, length, hidden, feature);
    return leaf as unknown as LeafCstNodeImpl;
}
