import {
    AstUtils, DefaultLinker, GrammarUtils, DocumentState, interruptAndCheck, isAstNode, isAstNodeDescription, isLinkingError, type AstNode, type AstNodeDescription,
    type CstNode, type LangiumDocument, type LangiumDocuments, type LinkingError, type Reference, type ReferenceInfo, type TextDocumentProvider, type URI, Cancellation
} from 'langium';
import { isDocument, Organisation, Person, type Document } from '../generated/ast.js';
import { isPartyNode } from '../model/directory.js';
import { blockEditOf, blocksWhere, indicesAfterEdit } from '../parser/incremental-reparser.js';
import type { MinutesCoreServices } from '../minutes-core-module.js';
import { forEachAstNode, forEachReference } from '../util/ast-walk.js';
import type { MinutesIndexManager } from '../workspace/minutes-index-manager.js';
import { LAZY_REF_NODE } from '../parser/lazy-cst.js';
import { resolvePhrase } from './phrase-references.js';
import { NameKeyScope } from './minutes-scope-provider.js';
import { ObjectFacts } from '../util/object-facts.js';

/** How many blocks are linked between two checks for cancellation. */
const BLOCKS_PER_CHECK = 64;
const NO_REFERENCES: readonly Reference[] = [];
const PARTY_TYPES = [Person.$type, Organisation.$type];

/** A reference's resolution to a party of another document, kept from before an edit. */
interface KeptLink {
    readonly target: AstNode;
    readonly description: AstNodeDescription;
    /** The root of the target's document when it was resolved: the link holds while that document is not parsed again. */
    readonly targetRoot: AstNode;
}

/**
 * Langium's linker, walking the AST with plain loops instead of streams and checking for
 * cancellation every few hundred nodes instead of awaiting at every node. Resolution is
 * Langium's (`doLink`, the scope provider). With Langium's profiler active it defers to
 * the default, which times each reference.
 *
 * An edit parsed incrementally keeps the nodes, and so the references, of the lines it did
 * not touch (parser/incremental-reparser.ts). A kept reference keeps what it resolved to
 * when nothing it could resolve to has changed: it named a party of another document, that
 * document has not been parsed again, no document's parties have changed since this one
 * was linked, this document declares no party (before or after the edit), and the name was
 * found as written (not as a phrase, which reads the meeting around it).
 */
export interface MinutesLinkerOptions {
    /**
     * References are CompactReference objects (`minutes check`) instead of Langium's object
     * literals, whose three getters make three closures and a dictionary of properties per reference.
     */
    compactReferences?: boolean;
}

export class MinutesLinker extends DefaultLinker {
    /** Looked up when first needed: the linker is created while the workspace services are. */
    private readonly documents: () => LangiumDocuments;
    private readonly index: () => MinutesIndexManager;
    private readonly textDocuments: () => TextDocumentProvider | undefined;
    /** Per document, the change of the index's parties when it was last linked. */
    private readonly linkedAt = new WeakMap<LangiumDocument, number>();
    /** Per document being linked again, the links its kept references may keep. */
    private readonly keptLinks = new WeakMap<LangiumDocument, Map<Reference, KeptLink>>();
    private readonly resolvedAsPhrase = new WeakSet<Reference>();
    /** The references of each block of an open document, in the order linking meets them. */
    private readonly referencesOfBlock = new WeakMap<AstNode, readonly Reference[]>();
    /** How many references kept their resolution (tests read it). */
    linksKept = 0;

    private readonly compactReferences: boolean;

    constructor(services: MinutesCoreServices, options: MinutesLinkerOptions = {}) {
        super(services);
        this.compactReferences = options.compactReferences ?? false;
        this.documents = () => services.shared.workspace.LangiumDocuments;
        this.index = () => services.shared.workspace.IndexManager as MinutesIndexManager;
        this.textDocuments = () => services.shared.workspace.TextDocuments;
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const kept = this.keepableLinks(document);
        const rootOf = this.rootLookup();
        const root = document.parseResult.value;
        const blocks = isDocument(root) ? root.blocks : [root];
        // Kept blocks are linked from the list of their references, without walking them, in an open document.
        const listed = this.textDocuments()?.get(document.uri.toString()) !== undefined;
        const holds = (reference: Reference) => {
            const link = kept?.get(reference);
            return link !== undefined && rootOf(link.description.documentUri) === link.targetRoot;
        };
        // The linking errors, in the order of `document.references`, while each link adds its own reference there and nothing else does.
        const errors: LinkingError[] = [];
        let linked = 0;
        let inOrder = true;
        const linkOne = (info: ReferenceInfo) => {
            const reference = info.reference as Reference;
            linked++;
            if (holds(reference)) {
                this.keep(reference, kept!.get(reference)!, document);
                return;
            }
            const before = document.references.length;
            this.doLink(info, document);
            if (document.references.length !== before + 1 || document.references[before] !== reference) inOrder = false;
            else if (reference.error) errors.push(reference.error);
        };
        // The blocks to visit: after an incremental parse, those that had references and those the parse made (see blocksWithReferences).
        const visited = listed && isDocument(root) ? blocksToVisit(root) : undefined;
        const count = visited ? visited.length : blocks.length;
        const withReferences: number[] = [];
        // The references of the block being walked, when it is to be listed; the visitors are made once per document, not per block.
        let references: Reference[] | undefined;
        const linkListing = (info: ReferenceInfo) => {
            references?.push(info.reference as Reference);
            linkOne(info);
        };
        const linkNode = (node: AstNode) => forEachReference(node, linkListing);
        for (let k = 0; k < count; k++) {
            if (k % BLOCKS_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            const i = visited ? visited[k] : k;
            const block = blocks[i];
            const known = listed ? this.referencesOfBlock.get(block) : undefined;
            if (known && known.length > 0) withReferences.push(i);
            if (known && kept && known.every(holds)) {
                for (const reference of known) this.keep(reference, kept.get(reference)!, document);
                linked += known.length;
                continue;
            }
            references = listed && !known ? [] : undefined;
            forEachAstNode(block, linkNode);
            if (references) {
                this.referencesOfBlock.set(block, references.length > 0 ? references : NO_REFERENCES);
                if (references.length > 0) withReferences.push(i);
            }
        }
        if (listed && isDocument(root)) referencingBlocks.set(root, withReferences);
        this.linkedAt.set(document, this.index().lastChangeOf(PARTY_TYPES));
        if (inOrder && document.references.length === linked) linkingErrors.set(document.references, errors);
    }

    override unlink(document: LangiumDocument): void {
        this.keptLinks.delete(document);
        const linkedAt = this.linkedAt.get(document);
        if (linkedAt !== undefined && !declaresParties(document)) {
            const links = new Map<Reference, KeptLink>();
            const rootOf = this.rootLookup();
            const uri = document.uri.toString();
            for (const reference of document.references) {
                // The fields the getters of Langium's references (and CompactReference's) read, read directly: this runs over every reference.
                const target = (reference as { _ref?: unknown })._ref;
                const description = (reference as { _nodeDescription?: AstNodeDescription })._nodeDescription;
                if (!isAstNode(target) || !isPartyNode(target) || !description || this.resolvedAsPhrase.has(reference as Reference)) continue;
                if (description.documentUri.toString() === uri) continue;
                const targetRoot = rootOf(description.documentUri);
                if (targetRoot) links.set(reference as Reference, { target, description, targetRoot });
            }
            this.keptLinks.set(document, links);
            this.linkedAtBefore.set(links, linkedAt);
        }
        this.linkedAt.delete(document);
        this.forgetReferences(document);
    }

    /**
     * Unlinks a document whose tree is being let go (a check's released file), without keeping
     * its links for the editor's relinking as `unlink` does: its references stop holding the
     * trees they resolved to, and resolve again if read. Its resolved references kept every
     * tree they led to alive, and through those trees' own references the trees before them: in
     * a series of meetings, each `update` names an action of the meeting before.
     */
    unlinkReleased(document: LangiumDocument): void {
        this.keptLinks.delete(document);
        this.linkedAt.delete(document);
        this.forgetReferences(document);
    }

    /**
     * Langium's unlink, the references' fields set to undefined rather than deleted: the
     * getters read both alike, and a deleted field turns each reference into a slow dictionary
     * object (30 ms of the releases of a check of 1,000 files).
     */
    private forgetReferences(document: LangiumDocument): void {
        for (const reference of document.references as Array<Partial<Record<'_ref' | '_nodeDescription' | '_items' | '_linkingError', unknown>>>) {
            if ('_ref' in reference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            } else if ('_items' in reference) {
                reference._items = undefined;
                reference._linkingError = undefined;
            }
        }
        document.references = [];
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        if (!this.compactReferences) {
            if (refNode === LAZY_REF_NODE) throw new Error('A tree made when asked (parser/lazy-cst.ts) needs the linker\'s compact references.');
            return super.buildReference(node, property, refNode, refText);
        }
        return new CompactReference(this.resolution, node, property, refNode, refText);
    }

    /** What a CompactReference asks of its linker: the protected steps Langium's references call. */
    private readonly resolution: ReferenceResolution = {
        loadAstNode: description => this.loadAstNode(description),
        createLinkingError: (info, description) => this.createLinkingError(info, description),
        getLinkedNode: info => this.getLinkedNode(info),
        throwCyclicReferenceError: (node, property, refText) => this.throwCyclicReferenceError(node, property, refText)
    };

    /** A name the directory lacks may be a speaker phrase: an office's holder, a delegation's country (phrase-references.ts). */
    override getCandidate(refInfo: ReferenceInfo): AstNodeDescription | LinkingError {
        const scope = this.scopeProvider.getScope(refInfo);
        const written = refInfo.reference.$refText;
        let description = scope.getElement(written);
        if (!description && scope instanceof NameKeyScope && refInfo.property !== 'action') {
            description = resolvePhrase(written, refInfo.container, scope);
            if (description) this.resolvedAsPhrase.add(refInfo.reference as Reference);
        }
        return description ?? this.createLinkingError(refInfo);
    }

    /** The links kept from before the edit, when no party of the workspace has changed since; undefined otherwise. */
    private keepableLinks(document: LangiumDocument): Map<Reference, KeptLink> | undefined {
        const links = this.keptLinks.get(document);
        this.keptLinks.delete(document);
        const since = links && this.linkedAtBefore.get(links);
        if (!links || since === undefined || declaresParties(document)) return undefined;
        const changed = this.index().documentsChangedSince(PARTY_TYPES, since);
        return changed && changed.size === 0 ? links : undefined;
    }

    /** The current root of a document by its URI, looked up once per URI object (a document's descriptions share theirs). */
    private rootLookup(): (uri: URI) => AstNode | undefined {
        const roots = new Map<URI, AstNode | undefined>();
        return uri => {
            if (!roots.has(uri)) roots.set(uri, this.documents().getDocument(uri)?.parseResult.value);
            return roots.get(uri);
        };
    }

    private keep(reference: Reference, link: KeptLink, document: LangiumDocument): void {
        const resolved = reference as unknown as { _ref?: unknown; _nodeDescription?: AstNodeDescription };
        resolved._ref = link.target;
        resolved._nodeDescription = link.description;
        document.references.push(reference);
        this.linksKept++;
    }

    private readonly linkedAtBefore = new WeakMap<Map<Reference, KeptLink>, number>();
}

/**
 * The linking errors of a linked document, in the order of its references, found once per
 * linking (by the linker as it links, when it can tell their order): unlinking gives a
 * document a new `references` array, which is the key. The builder
 * asks after every update which unresolved references now resolve, and validation reports
 * them: each reads this short list instead of every reference of the document.
 */
export function linkingErrorsOf(document: LangiumDocument): readonly LinkingError[] {
    let errors = linkingErrors.get(document.references);
    if (!errors) {
        errors = document.references.map(reference => reference.error).filter((error): error is LinkingError => error !== undefined);
        linkingErrors.set(document.references, errors);
    }
    return errors;
}

const linkingErrors = new ObjectFacts<object, LinkingError[]>('linking errors');

/** Per document linked whole as an open document, the indices of its blocks that hold a reference, in order. */
const referencingBlocks = new ObjectFacts<AstNode, readonly number[]>('referencing blocks');

/**
 * The indices of the blocks of a linked open document that hold a reference, in order;
 * undefined when not known (a document linked elsewhere, or whose linking was cancelled).
 * Linking and reference indexing visit only these: in a long report most blocks are prose.
 */
export function blocksWithReferences(root: AstNode): readonly number[] | undefined {
    return referencingBlocks.get(root);
}

/**
 * The blocks an open document's linking must visit: after an incremental parse of a document
 * whose blocks with references are known, those of the blocks it kept (at their new indices)
 * and every block the parse made; otherwise undefined (every block).
 */
function blocksToVisit(root: Document): number[] | undefined {
    const edit = blockEditOf(root);
    const before = edit && referencingBlocks.get(edit.previous);
    return edit && before ? indicesAfterEdit(before, edit, () => true) : undefined;
}

/** Whether the document has a directory entry: asked before and after each edit. */
function declaresParties(document: LangiumDocument): boolean {
    const root = document.parseResult.value;
    return isDocument(root) ? blocksWhere(root, isPartyNode).length > 0 : true;
}

interface ReferenceResolution {
    loadAstNode(description: AstNodeDescription): AstNode | undefined;
    createLinkingError(info: ReferenceInfo, description?: AstNodeDescription): LinkingError;
    getLinkedNode(info: ReferenceInfo): { node?: AstNode; descr?: AstNodeDescription; error?: LinkingError };
    throwCyclicReferenceError(node: AstNode, property: string, refText: string): never;
}

/**
 * The marker Langium's linker puts in a reference's `_ref` while resolving it (its `doLink`),
 * which Langium does not export: read once, from `doLink` itself, so that a reference that
 * meets it while resolving reports the cycle as Langium's do.
 */
const REF_RESOLVING: unknown = (() => {
    const probe: { _ref?: unknown } = { _ref: undefined };
    let seen: unknown;
    const linker = { getCandidate: () => { seen = probe._ref; return { info: {}, message: '' }; } };
    (DefaultLinker.prototype as unknown as { doLink(this: unknown, info: unknown, document: unknown): void })
        .doLink.call(linker, { reference: probe }, { references: [] });
    if (typeof seen !== 'symbol') throw new Error('minutes-language needs Langium 4.2.1 exactly: its linker no longer marks a reference being resolved with a symbol (scoping/minutes-linker.ts)');
    return seen;
})();

/**
 * A reference as Langium's `DefaultLinker.buildReference` makes it, the same steps in its
 * `ref` getter, as a class: its getters live once on the prototype, where Langium's object
 * literal makes three closures, their accessor pairs and a dictionary of properties for each
 * reference (about 700 bytes: 2 bytes per byte of a meeting's source; docs/performance.md).
 * The linker's `doLink` sets `_ref` and `_nodeDescription` as on Langium's.
 */
class CompactReference implements Reference {
    _ref: unknown = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;

    constructor(
        private readonly resolution: ReferenceResolution,
        private readonly node: AstNode,
        private readonly property: string,
        private readonly refNode: CstNode | undefined,
        readonly $refText: string
    ) {}

    /** Its leaf: in a check's tree made when asked (parser/lazy-cst.ts), found in its node's tree, as Langium's `findNodeForProperty` finds it. */
    get $refNode(): CstNode | undefined {
        return this.refNode === LAZY_REF_NODE ? GrammarUtils.findNodeForProperty(this.node.$cstNode, this.property) : this.refNode;
    }

    get ref(): AstNode | undefined {
        if (isAstNode(this._ref)) return this._ref;
        if (isAstNodeDescription(this._nodeDescription)) {
            // A candidate has been found before, but it is not loaded yet.
            const linkedNode = this.resolution.loadAstNode(this._nodeDescription);
            this._ref = linkedNode ?? this.resolution.createLinkingError(this.info(), this._nodeDescription);
        } else if (this._ref === undefined) {
            // Not linked yet: link it now.
            this._ref = REF_RESOLVING;
            const document = AstUtils.findRootNode(this.node).$document;
            const refData = this.resolution.getLinkedNode(this.info());
            if (refData.error && document && document.state < DocumentState.ComputedScopes) {
                // The document's scopes are not ready: the linker tries again later.
                this._ref = undefined;
                return undefined;
            }
            this._ref = refData.node ?? refData.error;
            this._nodeDescription = refData.descr;
            document?.references.push(this);
        } else if (this._ref === REF_RESOLVING) {
            this.resolution.throwCyclicReferenceError(this.node, this.property, this.$refText);
        }
        return isAstNode(this._ref) ? this._ref : undefined;
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }

    private info(): ReferenceInfo {
        return { reference: this, container: this.node, property: this.property };
    }
}
