import type { IToken, TokenType } from 'chevrotain';
import { RootCstNodeImpl, type AstNode, type CompositeCstNode, type CstNode, type DocumentSegment, type LeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { TOKEN_FIELDS, TokenNumbersWriter, type TokenNumbers } from './token-numbers.js';

/**
 * The syntax tree of `minutes check` (createMinutesServices's checkOnly), made when asked.
 *
 * A check keeps every document's tree to its end, and its readers (diagnostics' ranges, a key's
 * written spelling, the plain text of a line, the offsets of blocks) read a small part of it at
 * a time. So the flat parser builds the AST alone, and keeps the document's tokens as numbers
 * (five per token, in typed arrays) with where each block's tokens start. An AST node's
 * `$cstNode` is a getter: the first time a block's tree is asked for, the flat parser parses
 * the block's tokens again into the same CST nodes the editor's builder makes (the same
 * builder calls, with the AST nodes already made), and the last blocks' trees are kept
 * (minutes-parser.ts's KEPT_BLOCK_TREES), so that the readers of one block, one after the
 * other, find it made.
 *
 * A tree made again is equal to the one before, not the same object: no reader of a check
 * compares CST nodes by identity, and Langium's `findNodeForProperty` compares AST nodes.
 * test/parser/lazy-cst.test.ts compares these trees with the editor's, node by node.
 */

/** What makes a block's tree: the flat parser, in its mode that gives existing AST nodes their CST. */
export interface BlockTreeMaker {
    /** The CST node of each AST node of `block` (the `Block` composite for the block itself), and the hidden leaves before it. */
    makeBlockTree(tree: LazyCstTree, block: AstNode): BlockTree;
    /** The document's first tokens (the line breaks before its first block) as leaves of the root. */
    makeLeadingLeaves(tree: LazyCstTree): CstNode[];
}

export interface BlockTree {
    /** The block's AST nodes and, at the same index, their CST nodes (a handful: searched in order). */
    astNodes: AstNode[];
    cstNodes: CstNode[];
    /** Hidden leaves placed in the root before the block's composite node (comments on lines of their own). */
    before: CstNode[];
}

/** The tokens of a document as numbers (token-numbers.ts): offset, length, token type index, start line and column (1-based, as Chevrotain's). */
export class TokenTable {
    private static readonly WIDTH = TOKEN_FIELDS;
    private readonly numbers: Int32Array;
    /** The end line and column of the tokens that do not end on their start line (block comments), by index. */
    private readonly multiLine: Map<number, [number, number]> | undefined;

    /** The table of tokens the lexer made in this thread. */
    static of(tokens: readonly IToken[]): TokenTable {
        const writer = new TokenNumbersWriter(tokens.length);
        for (const token of tokens) {
            writer.add(token.startOffset, token.image.length, token.tokenTypeIdx!, token.startLine!, token.startColumn!, token.endLine!, token.endColumn!);
        }
        return new TokenTable(writer.finish());
    }

    constructor({ numbers, multiLine }: TokenNumbers) {
        this.numbers = numbers;
        if (multiLine.length > 0) {
            this.multiLine = new Map();
            for (let i = 0; i < multiLine.length; i += 3) this.multiLine.set(multiLine[i], [multiLine[i + 1], multiLine[i + 2]]);
        }
    }

    get length(): number {
        return this.numbers.length / TokenTable.WIDTH;
    }

    /** The offset of token `i`. */
    offset(i: number): number {
        return this.numbers[i * TokenTable.WIDTH];
    }

    /** The offset just past token `i`. */
    end(i: number): number {
        const at = i * TokenTable.WIDTH;
        return this.numbers[at] + this.numbers[at + 1];
    }

    /** Where token `i` starts, as a range's position (0-based line and character). */
    position(i: number): { line: number; character: number } {
        const at = i * TokenTable.WIDTH;
        return { line: this.numbers[at + 3] - 1, character: this.numbers[at + 4] - 1 };
    }

    /** The index of token `i`'s type (`tokenTypeIdx`). */
    typeIndex(i: number): number {
        return this.numbers[i * TokenTable.WIDTH + 2];
    }

    /** Tokens `[from, to)` as the lexer made them, valid until the next call (TableToken). */
    tokens(from: number, to: number, text: string, types: readonly TokenType[], poolStart = 0): IToken[] {
        const result: IToken[] = new Array(Math.max(0, to - from));
        const numbers = this.numbers;
        for (let i = from; i < to; i++) {
            const at = i * TokenTable.WIDTH;
            const offset = numbers[at];
            const length = numbers[at + 1];
            const line = numbers[at + 3];
            const column = numbers[at + 4];
            const end = this.multiLine?.get(i);
            const k = poolStart + i - from;
            const token = tokenPool[k] ??= new TableToken();
            result[i - from] = token.set(types[numbers[at + 2]], text, offset, offset + length - 1,
                line, end ? end[0] : line, column, end ? end[1] : column + length - 1);
        }
        return result;
    }
}

/**
 * A token of a TokenTable: the lexer's, but for its image, read from the text when asked (a tree
 * made again reads its length alone). Reused: a tree made again copies what it needs of its
 * tokens into its leaves, and no tree is made while another is.
 */
export class TableToken implements IToken {
    tokenType!: TokenType;
    tokenTypeIdx = 0;
    startOffset = 0;
    endOffset = 0;
    startLine = 0;
    endLine = 0;
    startColumn = 0;
    endColumn = 0;
    private text = '';

    get image(): string {
        return this.text.substring(this.startOffset, this.endOffset + 1);
    }

    set(type: TokenType, text: string, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): this {
        this.tokenType = type;
        this.tokenTypeIdx = type.tokenTypeIdx!;
        this.text = text;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.startLine = startLine;
        this.endLine = endLine;
        this.startColumn = startColumn;
        this.endColumn = endColumn;
        return this;
    }
}

/** The tokens TokenTable.tokens hands out, reused from one tree made to the next. */
const tokenPool: TableToken[] = [];

/** The length of a token's image, not read from a TableToken's text. */
export function tokenLength(token: IToken): number {
    return token instanceof TableToken ? token.endOffset + 1 - token.startOffset : token.image.length;
}

/**
 * A document's tokens and where each block's start, kept by the flat parser for its blocks'
 * trees. `starts` holds, for each block and once more for the end, the index of its first
 * token and of the first hidden token its parse reads (the hidden tokens before its first
 * token included).
 */
export class LazyCstTree {
    readonly root: LazyRootCstNode;
    /** The trees of the blocks BlockTreeCache keeps made, by the block's index. */
    readonly kept: Array<BlockTree | undefined> = [];

    constructor(
        readonly text: string,
        readonly visible: TokenTable,
        readonly hidden: TokenTable,
        readonly starts: Int32Array,
        readonly types: readonly TokenType[],
        readonly document: AstNode,
        readonly maker: BlockTreeMaker,
        readonly cache: BlockTreeCache,
        /** The type indexes of a Text's tokens that are a Mention's and a Link's. */
        readonly textKinds: { mention: number; link: number }
    ) {
        this.root = new LazyRootCstNode(this);
    }

    /** The offset of the first token of `block`, a child of the document. */
    blockOffset(block: AstNode): number {
        return this.visible.offset(this.starts[2 * block.$containerIndex!]);
    }

    get blockCount(): number {
        return this.starts.length / 2 - 1;
    }

    /** The tree of `block` (a child of the document), made again if it is not among those kept. */
    blockTree(block: AstNode): BlockTree {
        const index = block.$containerIndex!;
        let made = this.kept[index];
        if (!made) {
            made = this.maker.makeBlockTree(this, block);
            this.kept[index] = made;
            this.cache.keep(this, index);
        }
        return made;
    }

    /** The CST node of `node`, an AST node of `block`. */
    cstOf(node: AstNode, block: AstNode): CstNode | undefined {
        const made = this.blockTree(block);
        const index = made.astNodes.indexOf(node);
        return index < 0 ? undefined : made.cstNodes[index];
    }

    /** The root's children, all made again: Langium's placement of the leading tokens, the blocks and the hidden tokens between. */
    allChildren(): CstNode[] {
        const children: CstNode[] = this.maker.makeLeadingLeaves(this);
        const blocks = (this.document as AstNode & { blocks?: AstNode[] }).blocks ?? [];
        for (const block of blocks) {
            const made = this.blockTree(block);
            children.push(...made.before, made.cstNodes[made.astNodes.indexOf(block)]);
        }
        const last = this.starts[this.starts.length - 1];
        children.push(...this.trailingLeaves(last));
        return children;
    }

    private trailingLeaves(from: number): CstNode[] {
        return this.hiddenLeaves(this.hidden.tokens(from, this.hidden.length, this.text, this.types));
    }

    /** Leaves of hidden tokens, in the root. */
    hiddenLeaves(tokens: readonly IToken[]): CstNode[] {
        return tokens.map(token => {
            const leaf = this.root.leafMaker(token);
            (leaf as { container?: CompositeCstNode }).container = this.root as unknown as CompositeCstNode;
            return leaf;
        });
    }
}

/**
 * Which blocks' trees are kept: the last `size` made (LazyCstTree.kept holds them). Per set of
 * services: every document of a check shares it.
 */
export class BlockTreeCache {
    private readonly trees: Array<LazyCstTree | undefined>;
    private readonly blocks: Int32Array;
    private next = 0;
    /** How many trees were made: for the bench (bench/profile.mjs) and the tests. */
    made = 0;

    constructor(size: number) {
        this.trees = new Array<LazyCstTree | undefined>(size).fill(undefined);
        this.blocks = new Int32Array(size);
    }

    /** Forgets the blocks' trees of `tree`: each holds its document's tree, and the check has let go of it. */
    forget(tree: LazyCstTree): void {
        for (let i = 0; i < this.trees.length; i++) {
            if (this.trees[i] !== tree) continue;
            tree.kept[this.blocks[i]] = undefined;
            this.trees[i] = undefined;
        }
    }

    keep(tree: LazyCstTree, block: number): void {
        const forgotten = this.trees[this.next];
        if (forgotten) forgotten.kept[this.blocks[this.next]] = undefined;
        this.trees[this.next] = tree;
        this.blocks[this.next] = block;
        this.next = (this.next + 1) % this.trees.length;
        this.made++;
    }
}

const TREE = Symbol('LazyCstTree');

/**
 * Forgets the blocks' trees made for a document's diagnostics (BlockTreeCache keeps the last
 * ones made, of any document): a check that lets go of a document's tree calls this first, or
 * the cache would keep the trees of the last files with problems, 128 whole documents.
 */
export function forgetBlockTrees(document: AstNode): void {
    const tree = (document as unknown as LazyAstNode)[TREE];
    tree?.cache.forget(tree);
}

/**
 * An AST node of a check: Langium's plain AST node, but for its `$cstNode`, a getter on the
 * prototype that asks the document's LazyCstTree (assigning it throws: nothing may set it).
 */
export class LazyAstNode {
    declare [TREE]?: LazyCstTree;
    declare $container?: AstNode;

    constructor(readonly $type: string) {}

    get $cstNode(): CstNode | undefined {
        let parent = this.$container as unknown as LazyAstNode | undefined;
        if (!parent) return this[TREE]?.root as unknown as CstNode | undefined;
        // The block is the node whose container is the document.
        let block: LazyAstNode = this;
        while (parent.$container) {
            block = parent;
            parent = parent.$container as unknown as LazyAstNode;
        }
        return parent[TREE]?.cstOf(this as unknown as AstNode, block as unknown as AstNode);
    }
}

/**
 * A class of a check's AST nodes of `type` whose nodes are made with `properties` (name, first
 * value), in order: one class per type, so that V8 sizes each type's objects by its own
 * properties (one class for all gave every node the room of the largest: 104 bytes, where a
 * Mention needs about 36), and every node of the type has the same shape.
 *
 * Its constructor is written out for the type, one assignment per property: a loop over the
 * properties, shared by every type, stored through one lookup of every shape and took about
 * four times as long (docs/performance.md, "One shape per node type"). The names are quoted
 * with JSON.stringify, and the first values are `undefined`, a boolean or the empty list.
 */
export function lazyNodeClass(type: string, properties: ReadonlyArray<readonly [string, unknown]>): typeof LazyAstNode {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(type)) throw new Error(`Not a type name: ${type}`);
    const assignments = properties.map(([name, value]) => `this[${JSON.stringify(name)}] = ${firstValueSource(value)};`);
    try {
        // Named by the type, for heap snapshots (bench/heap-composition.mjs).
        const make = new Function('LazyAstNode', 'EMPTY_LIST',
            `return class ${type} extends LazyAstNode { constructor($type) { super($type); ${assignments.join(' ')} } };`);
        return make(LazyAstNode, EMPTY_LIST) as typeof LazyAstNode;
    } catch (error) {
        // Node run with --disallow-code-generation-from-strings: the same nodes, made by a loop.
        if (!(error instanceof EvalError)) throw error;
        return {
            [type]: class extends LazyAstNode {
                constructor($type: string) {
                    super($type);
                    for (const [name, value] of properties) (this as unknown as Record<string, unknown>)[name] = value;
                }
            }
        }[type];
    }
}

function firstValueSource(value: unknown): string {
    if (value === undefined) return 'void 0';
    if (typeof value === 'boolean') return String(value);
    if (value === EMPTY_LIST) return 'EMPTY_LIST';
    throw new Error(`A check's node cannot start with ${String(value)}.`);
}

/** A check's empty lists (`mentions`, `links`, `fields` of a node that has none): one, frozen. */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** On a check's Text node: the index of its first visible token, and of the token after its last. */
const TEXT_TOKENS = Symbol('TextTokens');

/** Records the tokens of a check's Text node (the flat parser, as it makes the node). */
export function recordTextTokens(text: AstNode, from: number, to: number): void {
    (text as unknown as { [TEXT_TOKENS]: [number, number] })[TEXT_TOKENS] = [from, to];
}

/**
 * A visible token of a check's Text node, read from the token table: what the readers of a
 * Text read of its leaves (model/text.ts's `textTokens`), without making the block's tree.
 */
export class TextTableToken {
    constructor(readonly offset: number, readonly end: number, readonly astNode: AstNode, private readonly source: string) {}

    get text(): string {
        return this.source.substring(this.offset, this.end);
    }
}

/**
 * The tree of the document a check's node is in; undefined for the editor's nodes. The readers
 * below make no object on the way to their answer: asked for every text a check reads, the
 * `{ tree, block }` and `{ tree, from, to }` they went through were 25 MB of a check's
 * allocations (docs/performance.md, "Fewer objects per token and per block").
 */
function treeOf(node: AstNode): LazyCstTree | undefined {
    if (!(node instanceof LazyAstNode)) return undefined;
    let root = node.$container;
    if (!root) return undefined;
    while (root.$container) root = root.$container;
    return (root as unknown as LazyAstNode)[TREE];
}

/** Whether a node is a block of its document (its container is the document). */
function isBlockNode(node: AstNode): boolean {
    return node.$container !== undefined && node.$container.$container === undefined;
}

/** The block a node is in: the node itself, or the ancestor whose container is the document. */
function blockOf(node: AstNode): AstNode {
    let block = node;
    while (block.$container?.$container) block = block.$container;
    return block;
}

/** A check's Text node's tokens, `[from, to)` in the visible token table. */
function textTokenRange(text: AstNode): [number, number] | undefined {
    return (text as unknown as { [TEXT_TOKENS]?: [number, number] })[TEXT_TOKENS];
}

/**
 * The visible tokens of a check's Text node, in order (the first `limit`), each with the AST
 * node its leaf belongs to (the Text, one of its mentions, one of its links), and the text of its
 * document; undefined for the editor's.
 */
export function lazyTextTokens(text: AstNode & { mentions?: readonly AstNode[]; links?: readonly AstNode[] }, limit = Infinity): { tokens: TextTableToken[]; source: string } | undefined {
    const range = textTokenRange(text);
    const tree = range && treeOf(text);
    if (!tree) return undefined;
    const from = range[0];
    const to = Math.min(range[1], from + limit);
    const { mention, link } = tree.textKinds;
    const tokens: TextTableToken[] = new Array(to - from);
    let mentions = 0;
    let links = 0;
    for (let i = from; i < to; i++) {
        const kind = tree.visible.typeIndex(i);
        const owner = kind === mention ? text.mentions![mentions++] : kind === link ? text.links![links++] : text;
        tokens[i - from] = new TextTableToken(tree.visible.offset(i), tree.visible.end(i), owner, tree.text);
    }
    return { tokens, source: tree.text };
}

/** Where a check's Text node starts and ends, and its document's text, read from the token table; undefined for the editor's. */
export function lazyTextSpan(text: AstNode): { offset: number; end: number; source: string } | undefined {
    const range = textTokenRange(text);
    const tree = range && treeOf(text);
    return tree && { offset: tree.visible.offset(range[0]), end: tree.visible.end(range[1] - 1), source: tree.text };
}

/** The line (0-based) a check's block starts on, read from the token table; undefined for the editor's nodes and for a node that is not a block. */
export function lazyBlockLine(block: AstNode): number | undefined {
    const tree = treeOf(block);
    return tree && isBlockNode(block) ? tree.visible.position(tree.starts[2 * block.$containerIndex!]).line : undefined;
}

/** Where the block of a check's node starts (its first token), and its document's text; undefined for the editor's nodes. */
export function lazyBlockStart(node: AstNode): { offset: number; source: string } | undefined {
    const tree = treeOf(node);
    return tree && { offset: tree.blockOffset(blockOf(node)), source: tree.text };
}

/**
 * The segment of a check's named block's name (`person @ann`, `org @icann`, `action #a1`: the
 * token after the keyword), read from the token table without making the block's tree;
 * undefined for the editor's nodes and for a node that is not a named block.
 */
export function lazyNameSegment(node: AstNode): DocumentSegment | undefined {
    if (typeof (node as { name?: unknown }).name !== 'string') return undefined;
    const tree = treeOf(node);
    if (!tree || !isBlockNode(node)) return undefined;
    const { visible, starts } = tree;
    const token = starts[2 * node.$containerIndex!] + 1;
    const offset = visible.offset(token);
    const end = visible.end(token);
    const start = visible.position(token);
    return { offset, end, length: end - offset, range: { start, end: { line: start.line, character: start.character + end - offset } } };
}

/** Gives a check's Document node its tree. */
export function attachTree(document: AstNode, tree: LazyCstTree): void {
    (document as unknown as LazyAstNode)[TREE] = tree;
}

/** The tree of a check's Document node, if it has one. */
export function lazyTreeOf(document: AstNode): LazyCstTree | undefined {
    return document instanceof LazyAstNode ? document[TREE] : undefined;
}

/**
 * The root of a check's lazy tree: Langium's RootCstNodeImpl (its prototype, hence `text`,
 * `fullText`, `offset`, `end`, `range`), whose children are made when asked; its first and
 * last visible nodes are found without making them all.
 */
export class LazyRootCstNode {
    readonly container = undefined;
    readonly grammarSource = undefined;
    readonly _text: string;
    _astNode: AstNode;
    _rangeCache: Range | undefined = undefined;
    /** Makes a leaf of a hidden token: the check's leaf class, set by the flat parser. */
    leafMaker: (token: IToken) => LeafCstNode = () => {
        throw new Error('LazyRootCstNode.leafMaker is not set');
    };

    constructor(private readonly tree: LazyCstTree) {
        this._text = tree.text;
        this._astNode = tree.document;
    }

    get root(): LazyRootCstNode {
        return this;
    }

    get content(): CstNode[] {
        return this.tree.allChildren();
    }

    get firstNonHiddenNode(): CstNode | undefined {
        const tree = this.tree;
        if (tree.starts[0] > 0) {
            const leading = tree.maker.makeLeadingLeaves(tree).find(node => !node.hidden);
            if (leading) return leading;
        }
        const first = (tree.document as AstNode & { blocks?: AstNode[] }).blocks?.[0];
        return first ? tree.cstOf(first, first) : this.content[0];
    }

    get lastNonHiddenNode(): CstNode | undefined {
        const tree = this.tree;
        const blocks = (tree.document as AstNode & { blocks?: AstNode[] }).blocks;
        if (blocks && blocks.length > 0) return tree.cstOf(blocks[blocks.length - 1], blocks[blocks.length - 1]);
        const content = this.content;
        for (let i = content.length - 1; i >= 0; i--) {
            if (!content[i].hidden) return content[i];
        }
        return content[content.length - 1];
    }

    /** Langium's range, not cached (as CheckCompositeCstNode's). */
    get range(): Range {
        const range = rootRange.call(this);
        this._rangeCache = undefined;
        return range;
    }
}
Object.setPrototypeOf(LazyRootCstNode.prototype, RootCstNodeImpl.prototype);
const rootRange = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(RootCstNodeImpl.prototype) as object, 'range')!.get! as (this: unknown) => Range;

/** A reference's leaf in a check's tree made when asked: the reference finds it in its node's tree (scoping/minutes-linker.ts). */
export const LAZY_REF_NODE = Object.freeze({ lazy: true }) as unknown as CstNode;
