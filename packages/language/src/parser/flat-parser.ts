import type { IToken, TokenType } from 'chevrotain';
import {
    EMPTY_LIST, LAZY_REF_NODE, LazyAstNode, LazyCstTree, TokenTable, attachTree, lazyNodeClass, recordTextTokens,
    type BlockTree, type BlockTreeCache, type BlockTreeMaker, type LazyRootCstNode
} from './lazy-cst.js';
import { tablesOf } from './packed-lexing.js';
import {
    GrammarAST, GrammarUtils, type AstNode, type AstReflection, type CompositeCstNode, type CstNode, type CstNodeBuilder,
    type LangiumCoreServices, type LeafCstNode, type Linker, type LexerResult, type Reference, type ValueConverter
} from 'langium';

/**
 * A parser of its own for Minutes' flat grammar (minutes.langium): the services' LangiumParser
 * parses with it (minutes-parser.ts), in `minutes check` and in the editor.
 *
 * Every block of the grammar is one line decided by its first token or two, which the lexer
 * has already chosen, so the tokens can be turned into the syntax tree without Chevrotain's
 * machinery (a lookahead function per decision, a closure per alternative per call, the rule
 * stack, the recording phase, and Langium's generic assignment of each token to a feature).
 *
 * It builds what Langium's parser builds, call for call: the same CST builder is asked for
 * the same composite and leaf nodes, with the same grammar elements, in the same order (so
 * hidden tokens land where Langium puts them, and the CST is Langium's); the AST nodes get
 * the same properties in the same order, through the same value converter and the same
 * linker's references; an unassigned rule call (`Block`, `Party`) hands its node up as
 * Langium's does. test/parser/flat-parser.test.ts compares both, node by node.
 *
 * Tokens that do not follow the grammar (which the lexer does not produce, but for an error)
 * make `parse` return undefined: the caller then parses the text with Langium's parser, whose
 * error recovery and messages (minutes-parser-messages.ts) are the language's.
 */
export class FlatParser {
    readonly grammar: FlatGrammar;
    readonly converter: ValueConverter;
    readonly linker: Linker;
    private readonly reflection: AstReflection;
    private readonly defaults = new Map<string, Array<[string, unknown]>>();
    private readonly nodeClasses = new Map<string, typeof LazyAstNode>();
    /** Each type's properties in the order of its rule's assignments (propertyOrder). */
    private readonly propertyOrders: Map<string, string[]>;
    private readonly definition: Record<string, TokenType>;
    private typesByIndex: TokenType[] | undefined;
    private readonly nullBuilder = new NullCstBuilder() as unknown as CstNodeBuilder;

    constructor(services: LangiumCoreServices) {
        const definition = services.parser.Lexer.definition as Record<string, TokenType>;
        this.definition = definition;
        this.grammar = new FlatGrammar(services.Grammar, definition);
        this.propertyOrders = propertyOrder(services.Grammar);
        this.reflection = services.shared.AstReflection;
        this.converter = services.parser.ValueConverter;
        this.linker = services.references.Linker;
    }

    /**
     * The document's AST, its CST built by `builder` (whose root is made here from `text`); or
     * undefined when the tokens do not follow the grammar.
     */
    parse(text: string, lexed: LexerResult, builder: CstNodeBuilder): AstNode | undefined {
        builder.buildRootNode(text);
        const run = new FlatRun(this, lexed.tokens, lexed.hidden, builder, RunMode.Tree);
        return run.document();
    }

    /**
     * The document's AST alone, whose CST is made block by block when asked (`minutes check`:
     * lazy-cst.ts); or undefined when the tokens do not follow the grammar.
     */
    parseLazily(text: string, lexed: LexerResult, support: LazyCstSupport): AstNode | undefined {
        const run = new FlatRun(this, lexed.tokens, lexed.hidden, this.nullBuilder, RunMode.Lazy);
        const document = run.document();
        if (!document) return undefined;
        // Lexed in another thread, the tokens are already tables (packed-lexing.ts).
        const tables = tablesOf(lexed);
        const tree = new LazyCstTree(text, tables?.visible ?? TokenTable.of(lexed.tokens), tables?.hidden ?? TokenTable.of(lexed.hidden), run.starts(), this.tokenTypes,
            document, new BlockTrees(this, support), support.cache,
            { mention: this.grammar.tokens.ref.tokenTypeIdx!, link: this.grammar.tokens.url.tokenTypeIdx! });
        tree.root.leafMaker = support.hiddenLeaf;
        attachTree(document, tree);
        return document;
    }

    /** The parser's token types by their index (`tokenTypeIdx`). */
    private get tokenTypes(): TokenType[] {
        if (!this.typesByIndex) {
            this.typesByIndex = [];
            for (const type of Object.values(this.definition)) this.typesByIndex[type.tokenTypeIdx!] = type;
        }
        return this.typesByIndex;
    }

    /**
     * The class of a check's AST nodes of `type` (lazy-cst.ts's lazyNodeClass), which gives a new
     * node every property of its type at once, in the order of the rule's assignments: so all nodes
     * of a type share one shape in V8, and a rule reading them is not slowed by a shape per way
     * the line was written (docs/performance.md, "One shape per node type").
     */
    nodeClassOf(type: string): typeof LazyAstNode {
        let nodeClass = this.nodeClasses.get(type);
        if (!nodeClass) {
            const defaults = new Map(this.defaultsOf(type));
            const order = this.propertyOrders.get(type) ?? [];
            const names = [...order, ...Object.keys(this.reflection.getTypeMetaData(type).properties).filter(name => !order.includes(name))];
            // Empty lists start as the one frozen list; `add` replaces it with the node's own.
            const initial = names.map((name): [string, unknown] => {
                const value = defaults.get(name);
                return [name, Array.isArray(value) && value.length === 0 ? EMPTY_LIST : value];
            });
            this.nodeClasses.set(type, nodeClass = lazyNodeClass(type, initial));
        }
        return nodeClass;
    }

    /** The properties of `type` that Langium gives a default (arrays, booleans), as `assignMandatoryProperties` does. */
    defaultsOf(type: string): Array<[string, unknown]> {
        let list = this.defaults.get(type);
        if (!list) {
            list = [];
            for (const property of Object.values(this.reflection.getTypeMetaData(type).properties)) {
                if (property.defaultValue !== undefined) list.push([property.name, property.defaultValue]);
            }
            this.defaults.set(type, list);
        }
        return list;
    }
}

/**
 * What a run makes: the AST and its CST (the editor's, and a check's document with a syntax
 * error), the AST alone with the tokens kept for a tree made when asked (a check: lazy-cst.ts),
 * or the CST of a block whose AST was made so.
 */
const enum RunMode { Tree, Lazy, Materialize }

/** The builder of a block's tree made again (minutes-parser.ts's BlockTreeBuilder): it gives AST nodes made before their CST nodes. */
export interface BlockTreeBuilding extends CstNodeBuilder {
    /** An unassigned rule call hands `node` up to `caller` (see `FlatRun.handUp`). */
    handUp(node: AstNode, caller: CompositeCstNode): void;
    /** The tree made: the CST node of each AST node, and the hidden leaves before the block (or the leading leaves), set in `root`. */
    finish(): BlockTree;
}

/** What the flat parser needs to keep a check's trees for later (minutes-parser.ts provides it). */
export interface LazyCstSupport {
    cache: BlockTreeCache;
    /** A builder of a block's tree, whose nodes' root is `root`. */
    builder(root: LazyRootCstNode): BlockTreeBuilding;
    /** A leaf of a hidden token in `root`. */
    hiddenLeaf(token: IToken): LeafCstNode;
}

/** The trees of a check's blocks, made again from their tokens (lazy-cst.ts's BlockTreeMaker). */
class BlockTrees implements BlockTreeMaker {
    constructor(private readonly parser: FlatParser, private readonly support: LazyCstSupport) {}

    makeBlockTree(tree: LazyCstTree, block: AstNode): BlockTree {
        const i = block.$containerIndex!;
        const starts = tree.starts;
        const input = tree.visible.tokens(starts[2 * i], starts[2 * i + 2], tree.text, tree.types);
        const hidden = tree.hidden.tokens(starts[2 * i + 1], starts[2 * i + 3], tree.text, tree.types, input.length);
        const builder = this.support.builder(tree.root);
        new FlatRun(this.parser, input, hidden, builder, RunMode.Materialize).materialize(block as unknown as MutableNode);
        return builder.finish();
    }

    makeLeadingLeaves(tree: LazyCstTree): CstNode[] {
        const input = tree.visible.tokens(0, tree.starts[0], tree.text, tree.types);
        const hidden = tree.hidden.tokens(0, tree.starts[1], tree.text, tree.types, input.length);
        const builder = this.support.builder(tree.root);
        new FlatRun(this.parser, input, hidden, builder, RunMode.Materialize).leading();
        return builder.finish().before;
    }
}

/**
 * The CST builder of a run that makes the AST alone: a node stands for its grammar element
 * (the value converter reads it), and nothing is kept.
 */
class NullCstBuilder {
    private readonly stubs = new Map<GrammarAST.AbstractElement | undefined, CstNode>();

    buildRootNode(): void {}
    buildCompositeNode(feature: GrammarAST.AbstractElement): CstNode {
        return this.stub(feature);
    }
    buildLeafNode(_token: IToken, feature?: GrammarAST.AbstractElement): CstNode {
        return this.stub(feature);
    }
    addHiddenNodes(): void {}
    construct(): void {}

    private stub(feature: GrammarAST.AbstractElement | undefined): CstNode {
        let stub = this.stubs.get(feature);
        if (!stub) this.stubs.set(feature, stub = { grammarSource: feature } as CstNode);
        return stub;
    }
}

/** Thrown when the tokens leave the grammar; caught in `FlatRun.document`. */
class OffGrammar extends Error {}

/** An AST node while it is built: Langium's `AstNode` with its `$` properties writable. */
interface MutableNode {
    $type: string;
    $cstNode?: CstNode;
    $container?: AstNode;
    $containerProperty?: string;
    $containerIndex?: number;
    [property: string]: unknown;
}
type ConstructItem = Parameters<CstNodeBuilder['construct']>[0];
/** What a data type rule (`FieldKey`) hands the CST builder: no AST node of its own. */
const DATATYPE_ITEM = (): ConstructItem => ({}) as ConstructItem;

/** One parse: a cursor over the tokens and the hidden tokens, and the CST builder. */
class FlatRun {
    private index = 0;
    private hiddenIndex = 0;
    private readonly types: FlatTokenTypes;
    private readonly g: FlatGrammar;
    private readonly converter: ValueConverter;
    private readonly linker: Linker;
    /** Whether the run makes AST nodes (it does but when it makes the tree of those made before). */
    private readonly buildsAst: boolean;
    /** RunMode.Lazy: the index of each block's first token and first hidden token, in pairs. */
    private readonly blockStarts: number[] | undefined;
    /** RunMode.Materialize: the block whose tree is made. */
    private target: MutableNode | undefined = undefined;

    constructor(
        private readonly parser: FlatParser,
        private readonly input: IToken[],
        private readonly hidden: IToken[],
        private readonly builder: CstNodeBuilder,
        private readonly mode: RunMode
    ) {
        this.g = parser.grammar;
        this.types = parser.grammar.tokens;
        this.converter = parser.converter;
        this.linker = parser.linker;
        this.buildsAst = mode !== RunMode.Materialize;
        this.blockStarts = mode === RunMode.Lazy ? [] : undefined;
    }

    document(): AstNode | undefined {
        const document = this.make('Document', undefined);
        try {
            this.leading();
            while (this.index < this.input.length) {
                // A block starts a line. The grammar would let one follow a block that did not end
                // its line; the lexer never makes such tokens, and Langium's parser reads them
                // unevenly (an error, or a key dropped without one), so it is left to decide.
                if ((document.blocks as unknown[] | undefined)?.length && !this.lineEnded()) throw new OffGrammar();
                this.blockStarts?.push(this.index, this.hiddenIndex);
                this.add(document, 'blocks', this.block());
            }
            this.blockStarts?.push(this.index, this.hiddenIndex);
        } catch (error) {
            if (error instanceof OffGrammar) return undefined;
            throw error;
        }
        this.close(document);
        // What is left of the hidden tokens goes at the end, as Langium's parse adds them.
        if (this.hiddenIndex < this.hidden.length) this.builder.addHiddenNodes(this.hidden.slice(this.hiddenIndex));
        return document as unknown as AstNode;
    }

    /** `(NL | BLANK)?`: the line breaks before the first block. */
    leading(): void {
        const types = this.types;
        const first = this.peek();
        if (first && (first.tokenType === types.newline || first.tokenType === types.blank)) {
            this.leaf(this.next(), first.tokenType === types.newline ? this.g.documentNewline : this.g.documentBlank);
        }
    }

    /** The tree of `target`, a block already parsed, from its tokens alone (RunMode.Materialize). */
    materialize(target: MutableNode): void {
        this.target = target;
        if (this.block() !== target) throw new Error('The flat parser made the tree of another block.');
    }

    /** Where each block's tokens and hidden tokens start, and where the last ends (RunMode.Lazy). */
    starts(): Int32Array {
        return Int32Array.from(this.blockStarts ?? []);
    }

    // ---- Blocks ---------------------------------------------------------------

    private block(): MutableNode {
        const g = this.g;
        const types = this.types;
        const token = this.input[this.index];
        const type = token.tokenType;
        const blockCst = this.builder.buildCompositeNode(g.documentBlock);
        let node: MutableNode;
        const keyed = g.keyed.get(type);
        if (keyed && keyed.rule.blockCall) {
            node = this.keyedBlock(keyed, keyed.rule.blockCall, this.target);
        } else if (type === types.heading) {
            node = this.heading(true);
        } else if (type === types.speakerRef) {
            node = this.speakerLine();
        } else if (type === types.bullet || type === types.label) {
            node = this.input[this.index + 1]?.tokenType === types.speakerRef ? this.speakerLine() : this.markedLine();
        } else if (type === types.quote) {
            node = this.markedLine();
        } else if (this.startsText(type)) {
            node = this.textStartedBlock();
        } else if (type === types.fieldLabel) {
            node = this.customField();
        } else if (type === types.person || g.entryKinds.has(type)) {
            node = this.party();
        } else if (type === types.action) {
            node = this.action();
        } else if (type === types.update) {
            node = this.actionUpdate();
        } else if (type === types.rule) {
            node = this.breakBlock();
        } else {
            throw new OffGrammar();
        }
        return this.handUp(node, blockCst);
    }

    /** `key=XKey value=Text? End`: a field, a roster, an agenda, a segment, an outcome, an entry's field. */
    private keyedBlock(keyed: KeyedKeyword, call: GrammarAST.RuleCall, existing: MutableNode | undefined): MutableNode {
        const rule = keyed.rule;
        this.builder.buildCompositeNode(call);
        const node = this.make(rule.type, existing);
        const keyCst = this.builder.buildCompositeNode(rule.keyCall);
        this.leaf(this.next(), keyed.keyword);
        this.builder.construct(DATATYPE_ITEM());
        if (this.buildsAst) this.assign(node, 'key', this.converter.convert(this.input[this.index - 1].image, keyCst));
        this.optionalText(node, rule.valueProperty, rule.valueCall);
        this.end(node);
        return this.close(node);
    }

    private heading(withLevel: boolean): MutableNode {
        const g = this.g.heading;
        this.builder.buildCompositeNode(this.g.blockCalls.Heading);
        const node = this.make('Heading', this.target);
        if (withLevel) {
            this.terminal(node, 'level', this.next(), g.level);
            this.optionalText(node, 'text', g.text1);
            if (this.at(this.types.underline)) this.terminal(node, 'underline', this.next(), g.underline1);
        } else {
            this.text(node, 'text', g.text2);
            this.terminal(node, 'underline', this.expect(this.types.underline), g.underline2);
        }
        this.end(node);
        return this.close(node);
    }

    /** A line that starts with text: a setext heading when an underline follows the text, else prose. */
    private textStartedBlock(): MutableNode {
        let after = this.index;
        while (after < this.input.length && this.startsText(this.input[after].tokenType)) after++;
        if (after < this.input.length && this.input[after].tokenType === this.types.underline) return this.heading(false);
        this.builder.buildCompositeNode(this.g.blockCalls.Line);
        const node = this.make('Line', this.target);
        this.text(node, 'text', this.g.line.text2);
        this.end(node);
        return this.close(node);
    }

    private markedLine(): MutableNode {
        const g = this.g.line;
        this.builder.buildCompositeNode(this.g.blockCalls.Line);
        const node = this.make('Line', this.target);
        const marker = this.next();
        const type = marker.tokenType;
        this.terminal(node, 'marker', marker, type === this.types.bullet ? g.bullet : type === this.types.label ? g.label : g.quote);
        this.optionalText(node, 'text', g.text1);
        this.end(node);
        return this.close(node);
    }

    private speakerLine(): MutableNode {
        const g = this.g.speaker;
        const types = this.types;
        this.builder.buildCompositeNode(this.g.blockCalls.SpeakerLine);
        const node = this.make('SpeakerLine', this.target);
        if (this.at(types.bullet)) this.terminal(node, 'bullet', this.next(), g.bullet);
        else if (this.at(types.label)) this.terminal(node, 'number', this.next(), g.number);
        this.reference(node, 'speaker', this.expect(types.speakerRef), g.speaker);
        if (this.at(types.openBracket)) {
            this.leaf(this.next(), g.open);
            this.assign(node, 'qualified', true);
            this.optionalText(node, 'qualifiers', g.qualifiers);
            this.leaf(this.expect(types.closeBracket), g.close);
        }
        if (this.at(types.colon)) {
            this.leaf(this.next(), g.colon);
            this.assign(node, 'colon', true);
        }
        this.optionalText(node, 'text', g.text);
        this.end(node);
        return this.close(node);
    }

    private customField(): MutableNode {
        const g = this.g.customField;
        this.builder.buildCompositeNode(this.g.blockCalls.CustomField);
        const node = this.make('CustomField', this.target);
        this.terminal(node, 'label', this.next(), g.label);
        this.optionalText(node, 'value', g.value);
        this.end(node);
        return this.close(node);
    }

    /** `Party: Person | Organisation`, each followed by its fields. */
    private party(): MutableNode {
        const g = this.g;
        const partyCst = this.builder.buildCompositeNode(g.blockCalls.Party);
        const token = this.next();
        let node: MutableNode;
        if (token.tokenType === this.types.person) {
            this.builder.buildCompositeNode(g.person.call);
            node = this.make('Person', this.target);
            this.leaf(token, g.person.keyword);
        } else {
            this.builder.buildCompositeNode(g.organisation.call);
            node = this.make('Organisation', this.target);
            const kindCst = this.builder.buildCompositeNode(g.organisation.kindCall);
            this.leaf(token, g.entryKinds.get(token.tokenType)!);
            this.builder.construct(DATATYPE_ITEM());
            if (this.buildsAst) this.assign(node, 'kind', this.converter.convert(token.image, kindCst));
        }
        const entry = node.$type === 'Person' ? g.person : g.organisation;
        this.terminal(node, 'name', this.expect(this.types.ref), entry.name);
        this.optionalText(node, 'displayName', entry.displayName);
        this.end(node);
        for (let keyed = this.entryKey(), count = 0; keyed; keyed = this.entryKey(), count++) {
            const field = this.keyedBlock(keyed, entry.fieldCall, (node.fields as MutableNode[] | undefined)?.[count]);
            this.add(node, 'fields', field);
        }
        return this.handUp(this.close(node), partyCst);
    }

    private entryKey(): KeyedKeyword | undefined {
        const token = this.peek();
        const keyed = token && this.g.keyed.get(token.tokenType);
        return keyed && !keyed.rule.blockCall ? keyed : undefined;
    }

    private action(): MutableNode {
        const g = this.g.action;
        this.builder.buildCompositeNode(this.g.blockCalls.Action);
        const node = this.make('Action', this.target);
        this.leaf(this.next(), g.keyword);
        if (this.at(this.types.actionId)) this.terminal(node, 'name', this.next(), g.name);
        this.optionalText(node, 'text', g.text);
        this.end(node);
        return this.close(node);
    }

    private actionUpdate(): MutableNode {
        const g = this.g.update;
        this.builder.buildCompositeNode(this.g.blockCalls.ActionUpdate);
        const node = this.make('ActionUpdate', this.target);
        this.leaf(this.next(), g.keyword);
        this.reference(node, 'action', this.expect(this.types.actionId), g.action);
        this.optionalText(node, 'text', g.text);
        this.end(node);
        return this.close(node);
    }

    private breakBlock(): MutableNode {
        this.builder.buildCompositeNode(this.g.blockCalls.Break);
        const node = this.make('Break', this.target);
        this.leaf(this.next(), this.g.breakRule);
        this.end(node);
        return this.close(node);
    }

    // ---- Text and the end of a line ---------------------------------------------

    private startsText(type: TokenType): boolean {
        return type === this.types.prose || type === this.types.ref || type === this.types.url;
    }

    private optionalText(node: MutableNode, property: string, call: GrammarAST.RuleCall): void {
        const token = this.peek();
        if (token && this.startsText(token.tokenType)) this.text(node, property, call);
    }

    /** `Text: {infer Text} (PROSE | mentions+=Mention | links+=Link)+`. */
    private text(node: MutableNode, property: string, call: GrammarAST.RuleCall): void {
        const g = this.g.text;
        const types = this.types;
        const input = this.input;
        this.builder.buildCompositeNode(call);
        const text = this.make('Text', node[property] as MutableNode | undefined);
        const first = this.index;
        let count = 0;
        let mentions = 0;
        let links = 0;
        for (let token = input[this.index]; token; token = input[++this.index], count++) {
            const type = token.tokenType;
            if (type === types.prose) {
                this.leaf(token, g.prose);
            } else if (type === types.ref) {
                this.builder.buildCompositeNode(g.mentionCall);
                const mention = this.make('Mention', (text.mentions as MutableNode[] | undefined)?.[mentions++]);
                this.reference(mention, 'party', token, g.mentionRef);
                this.close(mention);
                this.add(text, 'mentions', mention);
            } else if (type === types.url) {
                this.builder.buildCompositeNode(g.linkCall);
                const link = this.make('Link', (text.links as MutableNode[] | undefined)?.[links++]);
                this.terminal(link, 'url', token, g.url);
                this.close(link);
                this.add(text, 'links', link);
            } else {
                break;
            }
        }
        if (count === 0) throw new OffGrammar();
        if (this.mode === RunMode.Lazy) recordTextTokens(text as unknown as AstNode, first, this.index);
        this.close(text);
        this.assign(node, property, text);
        if (this.buildsAst) this.contain(node, property, text);
    }

    /** `End: (NL | blankAfter?=BLANK)?`. */
    private end(node: MutableNode): void {
        const token = this.peek();
        if (!token) return;
        if (token.tokenType === this.types.newline) {
            this.leaf(this.next(), this.g.endNewline);
        } else if (token.tokenType === this.types.blank) {
            this.leaf(this.next(), this.g.endBlank);
            this.assign(node, 'blankAfter', true);
        }
    }

    // ---- Tokens, nodes and properties ---------------------------------------------

    private lineEnded(): boolean {
        const type = this.input[this.index - 1]?.tokenType;
        return type === this.types.newline || type === this.types.blank;
    }

    private peek(): IToken | undefined {
        return this.input[this.index];
    }

    private at(type: TokenType): boolean {
        return this.input[this.index]?.tokenType === type;
    }

    private next(): IToken {
        return this.input[this.index++];
    }

    private expect(type: TokenType): IToken {
        if (!this.at(type)) throw new OffGrammar();
        return this.input[this.index++];
    }

    /** A token's leaf, after the hidden tokens before it (as Langium's `consume`); the cursor is the caller's to move. */
    private leaf(token: IToken, feature: GrammarAST.AbstractElement): LeafCstNode {
        const hidden = this.hidden;
        if (this.hiddenIndex < hidden.length && hidden[this.hiddenIndex].startOffset <= token.startOffset) {
            const from = this.hiddenIndex;
            let to = from;
            while (to < hidden.length && hidden[to].startOffset <= token.startOffset) to++;
            this.hiddenIndex = to;
            this.builder.addHiddenNodes(hidden.slice(from, to));
        }
        return this.builder.buildLeafNode(token, feature);
    }

    /** `property=TERMINAL`: the token's value through the value converter. */
    private terminal(node: MutableNode, property: string, token: IToken, feature: GrammarAST.AbstractElement): void {
        const leaf = this.leaf(token, feature);
        if (this.buildsAst) this.assign(node, property, this.converter.convert(token.image, leaf));
    }

    /** `property=[Type:TERMINAL]`: a reference whose text is the token's converted value. */
    private reference(node: MutableNode, property: string, token: IToken, feature: GrammarAST.CrossReference): void {
        const leaf = this.leaf(token, feature);
        if (!this.buildsAst) return;
        const text = this.converter.convert(token.image, leaf);
        // A check's tree is made when asked: its reference finds its leaf then (lazy-cst.ts).
        const reference: Reference = this.linker.buildReference(node, property, this.mode === RunMode.Lazy ? LAZY_REF_NODE : leaf, text as string);
        this.assign(node, property, reference);
    }

    private assign(node: MutableNode, property: string, value: unknown): void {
        if (this.buildsAst) node[property] = value;
    }

    /**
     * A new AST node of `type`; when the run makes the tree of AST nodes already made, `existing`,
     * the node the parse has reached (the block, or its child in the same place).
     */
    private make(type: string, existing: MutableNode | undefined): MutableNode {
        if (this.mode === RunMode.Tree) return { $type: type } as MutableNode;
        if (this.mode === RunMode.Lazy) return new (this.parser.nodeClassOf(type))(type) as unknown as MutableNode;
        if (existing?.$type !== type) throw new Error(`The flat parser made a tree for a ${type} where the AST holds ${existing?.$type ?? 'nothing'}.`);
        return existing;
    }

    /**
     * `container.property += child`: the list made with its first child. Made by `Array.of`, not
     * a literal: V8 makes a literal's arrays old from the start once most of them outlived a
     * collection (the directory's lists, kept to the end, do), and an old list holding young
     * nodes kept every file's tree past its turn (docs/performance.md, "The collector").
     */
    private add(container: MutableNode, property: string, child: MutableNode): void {
        if (!this.buildsAst) return;
        let list = container[property] as MutableNode[] | undefined;
        if (!list || list === (EMPTY_LIST as unknown)) container[property] = list = Array.of<MutableNode>();
        this.contain(container, property, child, list.length);
        list.push(child);
    }

    /** What Langium's `linkContentToContainer` sets on a child once the tree is built. */
    private contain(container: MutableNode, property: string, node: MutableNode, index?: number): void {
        node.$container = container as unknown as AstNode;
        node.$containerProperty = property;
        if (index !== undefined) node.$containerIndex = index;
    }

    /** The end of a rule: the node gets its CST node, then the defaults of its type (Langium's `construct`). */
    private close(node: MutableNode): MutableNode {
        this.builder.construct(node as unknown as ConstructItem);
        // A check's node got its defaults when made (nodeClassOf).
        if (this.mode !== RunMode.Tree) return node;
        for (const [name, value] of this.parser.defaultsOf(node.$type)) {
            if (node[name] === undefined) node[name] = Array.isArray(value) ? [...value] : value;
        }
        return node;
    }

    /**
     * An unassigned rule call (`Block: Heading | …`, `Party: Person | Organisation`) makes its
     * callee's node its own: the callee's CST node lets go of it, and the caller's CST node,
     * closed now, takes it (Langium's `assignWithoutOverride`, then `construct`).
     */
    private handUp(node: MutableNode, callerCst: CompositeCstNode): MutableNode {
        if (this.mode === RunMode.Lazy) return node;
        if (this.mode === RunMode.Materialize) {
            (this.builder as BlockTreeBuilding).handUp(node as unknown as AstNode, callerCst);
            return node;
        }
        (node.$cstNode as unknown as { astNode: AstNode | undefined }).astNode = undefined;
        node.$cstNode = undefined;
        this.builder.construct(node as unknown as ConstructItem);
        if (node.$cstNode !== callerCst) throw new Error('The flat parser closed a node out of order.');
        return node;
    }
}

/**
 * Each type's properties in the order its rule assigns them, a fragment's where it is called
 * (`Heading`: level, text, underline, blankAfter). Langium's parser adds them in the order met,
 * so a walk of a check's node meets its children in the same order as in the editor's, but for
 * a Text's mentions and links, which Langium orders by the first met.
 */
function propertyOrder(grammar: GrammarAST.Grammar): Map<string, string[]> {
    const orders = new Map<string, string[]>();
    const collect = (element: AstNode | undefined, into: string[]): void => {
        if (!element) return;
        if (GrammarAST.isAssignment(element)) {
            if (!into.includes(element.feature)) into.push(element.feature);
        } else if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) && element.rule.ref.fragment) {
            collect(element.rule.ref.definition, into);
        } else if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
            for (const child of element.elements) collect(child, into);
        } else if (GrammarAST.isAction(element) && element.feature) {
            throw new Error('The flat parser does not know the order of a rule with an assigning action.');
        }
    };
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || rule.fragment || rule.dataType || GrammarUtils.isDataTypeRule(rule)) continue;
        const order: string[] = [];
        collect(rule.definition, order);
        if (order.length > 0) orders.set(GrammarUtils.getRuleTypeName(rule), order);
    }
    return orders;
}

/** The token types the parser tells apart. */
interface FlatTokenTypes {
    newline: TokenType; blank: TokenType; heading: TokenType; underline: TokenType; rule: TokenType;
    fieldLabel: TokenType; bullet: TokenType; label: TokenType; quote: TokenType; speakerRef: TokenType;
    ref: TokenType; actionId: TokenType; url: TokenType; prose: TokenType; colon: TokenType;
    openBracket: TokenType; closeBracket: TokenType; person: TokenType; action: TokenType; update: TokenType;
}

/** A rule `key=XKey value=Text? End`. */
interface KeyedRule {
    type: string;
    /** Its call in `Block`; none for an entry's field (`EntryField`), called by `Person` and `Organisation`. */
    blockCall?: GrammarAST.RuleCall;
    keyCall: GrammarAST.RuleCall;
    valueProperty: string;
    valueCall: GrammarAST.RuleCall;
}

interface KeyedKeyword {
    rule: KeyedRule;
    keyword: GrammarAST.Keyword;
}

/** The grammar elements Langium's parser hands the CST builder, looked up once in the grammar. */
class FlatGrammar {
    readonly tokens: FlatTokenTypes;
    readonly documentNewline: GrammarAST.RuleCall;
    readonly documentBlank: GrammarAST.RuleCall;
    readonly documentBlock: GrammarAST.RuleCall;
    readonly blockCalls: Record<'Heading' | 'CustomField' | 'Party' | 'SpeakerLine' | 'Line' | 'Action' | 'ActionUpdate' | 'Break', GrammarAST.RuleCall>;
    readonly endNewline: GrammarAST.RuleCall;
    readonly endBlank: GrammarAST.RuleCall;
    /** The key keywords of every keyed rule, by token type. */
    readonly keyed = new Map<TokenType, KeyedKeyword>();
    /** `org`, `country`, … by token type. */
    readonly entryKinds = new Map<TokenType, GrammarAST.Keyword>();
    readonly heading: { level: GrammarAST.RuleCall; text1: GrammarAST.RuleCall; underline1: GrammarAST.RuleCall; text2: GrammarAST.RuleCall; underline2: GrammarAST.RuleCall };
    readonly line: { bullet: GrammarAST.RuleCall; label: GrammarAST.RuleCall; quote: GrammarAST.RuleCall; text1: GrammarAST.RuleCall; text2: GrammarAST.RuleCall };
    readonly speaker: {
        bullet: GrammarAST.RuleCall; number: GrammarAST.RuleCall; speaker: GrammarAST.CrossReference; open: GrammarAST.Keyword;
        qualifiers: GrammarAST.RuleCall; close: GrammarAST.Keyword; colon: GrammarAST.Keyword; text: GrammarAST.RuleCall;
    };
    readonly customField: { label: GrammarAST.RuleCall; value: GrammarAST.RuleCall };
    readonly person: EntryElements & { keyword: GrammarAST.Keyword };
    readonly organisation: EntryElements & { kindCall: GrammarAST.RuleCall };
    readonly action: { keyword: GrammarAST.Keyword; name: GrammarAST.RuleCall; text: GrammarAST.RuleCall };
    readonly update: { keyword: GrammarAST.Keyword; action: GrammarAST.CrossReference; text: GrammarAST.RuleCall };
    readonly breakRule: GrammarAST.RuleCall;
    readonly text: { prose: GrammarAST.RuleCall; mentionCall: GrammarAST.RuleCall; mentionRef: GrammarAST.CrossReference; linkCall: GrammarAST.RuleCall; url: GrammarAST.RuleCall };

    constructor(grammar: GrammarAST.Grammar, definition: Record<string, TokenType>) {
        const token = (name: string): TokenType => {
            const type = definition[name];
            if (!type) throw new Error(`The Minutes grammar has no token '${name}'.`);
            return type;
        };
        this.tokens = {
            newline: token('NL'), blank: token('BLANK'), heading: token('HEADING'), underline: token('UNDERLINE'), rule: token('RULE'),
            fieldLabel: token('FIELD_LABEL'), bullet: token('BULLET'), label: token('LABEL'), quote: token('QUOTE'),
            speakerRef: token('SPEAKER_REF'), ref: token('REF'), actionId: token('ACTION_ID'), url: token('URL'), prose: token('PROSE'),
            colon: token(':'), openBracket: token('['), closeBracket: token(']'), person: token('person'), action: token('action'), update: token('update')
        };
        const rules = new Map(grammar.rules.map(rule => [rule.name, rule]));
        const rule = (name: string): GrammarAST.ParserRule => {
            const found = rules.get(name);
            if (!found || !GrammarAST.isParserRule(found)) throw new Error(`The Minutes grammar has no parser rule '${name}'.`);
            return found;
        };
        const elements = (name: string): GrammarAST.AbstractElement[] => allElements(rule(name).definition);
        const callsTo = (name: string, callee: string): GrammarAST.RuleCall[] =>
            elements(name).filter((e): e is GrammarAST.RuleCall => GrammarAST.isRuleCall(e) && e.rule.ref?.name === callee);
        const callTo = (name: string, callee: string, nth = 0): GrammarAST.RuleCall => {
            const found = callsTo(name, callee)[nth];
            if (!found) throw new Error(`The Minutes rule '${name}' has no call ${nth + 1} to '${callee}'.`);
            return found;
        };
        const keyword = (name: string, value: string): GrammarAST.Keyword => {
            const found = elements(name).find((e): e is GrammarAST.Keyword => GrammarAST.isKeyword(e) && e.value === value);
            if (!found) throw new Error(`The Minutes rule '${name}' has no keyword '${value}'.`);
            return found;
        };
        const crossReference = (name: string): GrammarAST.CrossReference => {
            const found = elements(name).find(GrammarAST.isCrossReference);
            if (!found) throw new Error(`The Minutes rule '${name}' has no cross-reference.`);
            return found;
        };

        this.documentNewline = callTo('Document', 'NL');
        this.documentBlank = callTo('Document', 'BLANK');
        this.documentBlock = callTo('Document', 'Block');
        this.endNewline = callTo('End', 'NL');
        this.endBlank = callTo('End', 'BLANK');
        this.blockCalls = {
            Heading: callTo('Block', 'Heading'), CustomField: callTo('Block', 'CustomField'), Party: callTo('Block', 'Party'),
            SpeakerLine: callTo('Block', 'SpeakerLine'), Line: callTo('Block', 'Line'), Action: callTo('Block', 'Action'),
            ActionUpdate: callTo('Block', 'ActionUpdate'), Break: callTo('Block', 'Break')
        };
        // Block's alternatives are the rules below and nothing else: a new one must be parsed here too.
        const known = new Set([...Object.keys(this.blockCalls), 'Field', 'Roster', 'Agenda', 'Segment', 'Outcome']);
        for (const call of elements('Block').filter(GrammarAST.isRuleCall)) {
            if (!known.has(call.rule.ref?.name ?? '')) throw new Error(`The flat parser does not parse the Minutes rule '${call.rule.ref?.name}'.`);
        }

        const keyedRules: Array<[string, string, string, string | undefined]> = [
            ['Field', 'FieldKey', 'value', 'Block'], ['Roster', 'RosterKey', 'title', 'Block'], ['Agenda', 'AgendaKey', 'title', 'Block'],
            ['Segment', 'SegmentKey', 'title', 'Block'], ['Outcome', 'OutcomeKey', 'text', 'Block'], ['EntryField', 'EntryKey', 'value', undefined]
        ];
        for (const [type, keyRule, valueProperty, caller] of keyedRules) {
            const keyed: KeyedRule = {
                type, blockCall: caller ? callTo(caller, type) : undefined, keyCall: callTo(type, keyRule),
                valueProperty, valueCall: callTo(type, 'Text')
            };
            for (const element of elements(keyRule)) {
                if (!GrammarAST.isKeyword(element)) continue;
                if (this.keyed.has(token(element.value))) throw new Error(`The key '${element.value}' belongs to two Minutes rules: the flat parser cannot tell which.`);
                this.keyed.set(token(element.value), { rule: keyed, keyword: element });
            }
        }
        for (const element of elements('OrganisationKind')) {
            if (GrammarAST.isKeyword(element)) this.entryKinds.set(token(element.value), element);
        }

        this.heading = {
            level: callTo('Heading', 'HEADING'), text1: callTo('Heading', 'Text', 0), underline1: callTo('Heading', 'UNDERLINE', 0),
            text2: callTo('Heading', 'Text', 1), underline2: callTo('Heading', 'UNDERLINE', 1)
        };
        this.line = {
            bullet: callTo('Line', 'BULLET'), label: callTo('Line', 'LABEL'), quote: callTo('Line', 'QUOTE'),
            text1: callTo('Line', 'Text', 0), text2: callTo('Line', 'Text', 1)
        };
        this.speaker = {
            bullet: callTo('SpeakerLine', 'BULLET'), number: callTo('SpeakerLine', 'LABEL'), speaker: crossReference('SpeakerLine'),
            open: keyword('SpeakerLine', '['), qualifiers: callTo('SpeakerLine', 'Text', 0), close: keyword('SpeakerLine', ']'),
            colon: keyword('SpeakerLine', ':'), text: callTo('SpeakerLine', 'Text', 1)
        };
        this.customField = { label: callTo('CustomField', 'FIELD_LABEL'), value: callTo('CustomField', 'Text') };
        const entry = (name: string): EntryElements => ({
            call: callTo('Party', name), name: callTo(name, 'REF'), displayName: callTo(name, 'Text'), fieldCall: callTo(name, 'EntryField')
        });
        this.person = { ...entry('Person'), keyword: keyword('Person', 'person') };
        this.organisation = { ...entry('Organisation'), kindCall: callTo('Organisation', 'OrganisationKind') };
        this.action = { keyword: keyword('Action', 'action'), name: callTo('Action', 'ACTION_ID'), text: callTo('Action', 'Text') };
        this.update = { keyword: keyword('ActionUpdate', 'update'), action: crossReference('ActionUpdate'), text: callTo('ActionUpdate', 'Text') };
        this.breakRule = callTo('Break', 'RULE');
        this.text = {
            prose: callTo('Text', 'PROSE'), mentionCall: callTo('Text', 'Mention'), mentionRef: crossReference('Mention'),
            linkCall: callTo('Text', 'Link'), url: callTo('Link', 'URL')
        };
    }
}

interface EntryElements {
    call: GrammarAST.RuleCall;
    name: GrammarAST.RuleCall;
    displayName: GrammarAST.RuleCall;
    fieldCall: GrammarAST.RuleCall;
}

/** The elements of a rule's definition, in document order (the definition first). */
function allElements(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement[] {
    const result: GrammarAST.AbstractElement[] = [element];
    if (GrammarAST.isAssignment(element)) result.push(...allElements(element.terminal));
    else if (GrammarAST.isCrossReference(element) && element.terminal) result.push(...allElements(element.terminal));
    else if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        for (const child of element.elements) result.push(...allElements(child));
    }
    return result;
}
