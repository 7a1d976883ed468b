import { DocumentState, type AstNode, type LangiumDocument, type ParseResult, type Reference } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { Organisation, Person } from '../generated/ast.js';
import { documentSymbolsOf, type DocumentSymbols } from '../lsp/minutes-workspace-symbol-provider.js';
import type { MinutesSharedServices } from '../minutes-module.js';
import type { MinutesIndexManager } from './minutes-index-manager.js';
import { linkingErrorsOf } from '../scoping/minutes-linker.js';
import { parseAgainWhenRead } from './parse-again.js';

const PARTY_TYPES = [Person.$type, Organisation.$type];

/**
 * Releases the syntax trees of closed documents, and parses a released document again from
 * its text when something asks for its tree.
 *
 * A workspace of 10,000 meetings kept every tree, AST and CST, at about 25 times the size
 * of its source (docs/performance.md). What the editor reads of a closed document is
 * mostly kept elsewhere: its diagnostics on the document, what it exports in the index
 * (descriptions that carry their name, node name and ranges, see MinutesIndexManager.detach),
 * where its references point in the index (find references and rename read only those and
 * the text), and its workspace symbols (read before release, `symbolsOfReleased`). So once
 * a build has validated it, the tree of a document is dropped when the document is
 *
 * - not open in the editor,
 * - declares no person or organisation (the directory's trees stay: every reference
 *   resolves to them, and completion and hovers read their entries),
 * - has no unresolved reference (the builder re-links such a document when the name it
 *   lacks appears, which reads its tree: see SelectiveRelinkingDocumentBuilder),
 * - and no open document links into it (an `update #id` in the file being edited is
 *   linked again at each keystroke: its target stays, rather than being parsed each time).
 *
 * `document.parseResult` of a released document is a getter that parses the text again
 * (a full parse, as for a new file), so every reader of a tree still gets one: opening
 * the file, re-linking it after the directory changed, going to a definition in it. The
 * action ledger reads a summary taken before release (ActionLedgerService). The tree
 * parsed again is released after the next build if the document still qualifies. Its
 * references are resolved lazily by Langium's linker, from the same scopes, when read.
 *
 * Langium's first build of the workspace links without validating; the first update
 * validates every document. Trees are released after that: released before, each would be
 * parsed again for its validation (two thirds more CPU on that update, bench/closed-trees.mjs),
 * and the first build's peak is the same either way.
 *
 * A released tree must not be reachable from a tree that stays, or the old tree would
 * both stay in memory and differ by identity from the one parsed again. The only such
 * links are resolved references of kept documents into released ones: those are made
 * lazy again (their target description is kept; Langium loads the node from it when the
 * reference is next read, through the document's current tree).
 */
export class ClosedDocumentTrees {
    /** Off by default: the language server turns it on. The CLI and the generators read every tree. */
    enabled = false;
    /** How many trees were released and parsed again (tests and the bench read them). */
    readonly counts = { released: 0, parsedAgain: 0 };
    /** Each released document: its text, from which its tree is parsed again, and its workspace symbols. */
    private readonly releasedTrees = new WeakMap<LangiumDocument, { text: string; symbols: DocumentSymbols }>();

    constructor(private readonly shared: LangiumSharedServices) {}

    /** Whether the document's tree is released (reading `parseResult` would parse it again). */
    isReleased(document: LangiumDocument): boolean {
        return this.releasedTrees.has(document);
    }

    /** The workspace symbols of a released document, read from its tree before it was released; undefined when it is not released. */
    symbolsOfReleased(document: LangiumDocument): DocumentSymbols | undefined {
        return this.releasedTrees.get(document)?.symbols;
    }

    /** Releases the trees of the documents that qualify (see the class comment); called at the end of each build. */
    releaseClosedTrees(): void {
        if (!this.enabled) return;
        const { LangiumDocuments, TextDocuments } = this.shared.workspace;
        const index = this.index;
        // Asked of every document kept at each build (the directory, the documents with an
        // unknown name: half of a workspace's meetings may have one), so each question is
        // one lookup: the open documents' URIs once (TextDocuments.get parses the URI each
        // time), the linking errors found once per linking (linkingErrorsOf; reading a
        // released reference's `error` would resolve it again).
        const openUris = new Set(TextDocuments?.keys() ?? []);
        const isOpen = (document: LangiumDocument) => openUris.has(document.uri.toString());
        const kept: LangiumDocument[] = [];
        const candidates: LangiumDocument[] = [];
        for (const document of LangiumDocuments.all) {
            if (this.releasedTrees.has(document)) continue;
            const uri = document.uri.toString();
            const keeps = document.state < DocumentState.Validated || isOpen(document)
                || linkingErrorsOf(document).length > 0
                || index.declaresAny(uri, PARTY_TYPES)
                || document.parseResult.value.$cstNode?.root.fullText === undefined;
            (keeps ? kept : candidates).push(document);
        }
        const pinned = new Set<string>();
        for (const document of kept) {
            if (isOpen(document)) for (const target of index.targetsOf(document.uri.toString())) pinned.add(target);
        }
        const releasing = candidates.filter(document => !pinned.has(document.uri.toString()));
        if (releasing.length === 0) return;
        const releasingUris = new Set(releasing.map(document => document.uri.toString()));
        for (const document of [...kept, ...candidates.filter(document => pinned.has(document.uri.toString()))]) {
            this.unlinkFrom(document, releasingUris);
        }
        for (const document of releasing) this.release(document);
    }

    /** Makes the document's resolved references into the given documents lazy again (see the class comment). */
    private unlinkFrom(document: LangiumDocument, uris: ReadonlySet<string>): void {
        const targets = this.index.targetsOf(document.uri.toString());
        let pointsInto = false;
        for (const target of targets) pointsInto ||= uris.has(target);
        if (!pointsInto) return;
        for (const reference of document.references as Reference[]) {
            const description = reference.$nodeDescription;
            if (description && uris.has(description.documentUri.toString())) {
                (reference as Reference & { _ref?: unknown })._ref = undefined;
            }
        }
    }

    private release(document: LangiumDocument): void {
        const root = document.parseResult.value;
        const text = root.$cstNode!.root.fullText;
        const symbols = documentSymbolsOf(document, this.shared.ServiceRegistry);
        // What the action ledger reads of it, taken while the tree stands (ActionLedgerService).
        (this.shared as Partial<MinutesSharedServices>).workspace?.ActionLedger?.summaryOf(document);
        this.index.detach(document.uri.toString());
        document.references = [];
        this.releasedTrees.set(document, { text, symbols });
        parseAgainWhenRead(document, () => this.parseAgain(document), () => this.releasedTrees.delete(document));
        this.counts.released++;
    }

    private parseAgain(document: LangiumDocument): ParseResult<AstNode> {
        const { text } = this.releasedTrees.get(document)!;
        this.releasedTrees.delete(document);
        this.counts.parsedAgain++;
        return this.shared.ServiceRegistry.getServices(document.uri).parser.LangiumParser.parse(text);
    }

    private get index(): MinutesIndexManager {
        return this.shared.workspace.IndexManager as MinutesIndexManager;
    }
}
