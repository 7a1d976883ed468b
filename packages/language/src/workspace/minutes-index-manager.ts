import { DefaultIndexManager, EMPTY_STREAM, stream, URI, type AstNodeDescription, type LangiumDocument, type Stream, Cancellation } from 'langium';
import { detachDescription, plainReferenceDescription } from './portable-descriptions.js';

const NO_TARGETS: ReadonlySet<string> = new Set();

/** How many changes of the index are remembered for bringing scopes up to date. */
const CHANGES_KEPT = 10_000;

/**
 * Langium's index, keeping a log of which documents' descriptions of which node type
 * changed, so that the scopes built from them are brought up to date with those documents
 * only, and only when they changed. Typing in a meeting file re-indexes that file's
 * actions, never the 5,000 people of the directory: the scope of parties (and its name
 * keys) then stays as it was, and the scope of actions swaps that one file's actions,
 * instead of both being rebuilt from the whole index after every keystroke.
 */
export class MinutesIndexManager extends DefaultIndexManager {
    /** Sequence number of the last change. */
    private changes = 0;
    private readonly lastChange = new Map<string, number>();
    /** Recent changes, oldest first. */
    private log: Array<{ change: number; type: string; uri: string }> = [];
    /** Changes up to this number are no longer in the log. */
    private forgottenUpTo = 0;

    /** The number of the last change to a description of one of the types (0: none yet). */
    lastChangeOf(types: string[]): number {
        let last = 0;
        for (const type of types) last = Math.max(last, this.lastChange.get(type) ?? 0);
        return last;
    }

    /** The documents whose descriptions of the types changed after change `since`, or undefined when that is no longer known. */
    documentsChangedSince(types: string[], since: number): Set<string> | undefined {
        if (since < this.forgottenUpTo) return undefined;
        const uris = new Set<string>();
        for (let i = this.log.length - 1; i >= 0 && this.log[i].change > since; i--) {
            if (types.includes(this.log[i].type)) uris.add(this.log[i].uri);
        }
        return uris;
    }

    /**
     * A number that grows each time a document other than `uri` changed its descriptions of the
     * types since the last call for `uri` (the kept checks of a document hold while it stays;
     * validation/kept-checks.ts). The document's own changes are not counted: what they change
     * is seen through its references, which then resolve to other nodes.
     */
    changesByOthers(uri: string, types: string[]): number {
        const now = this.lastChangeOf(types);
        const seen = this.seenBy.get(uri);
        if (!seen) {
            this.seenBy.set(uri, { change: now, count: 0 });
            return 0;
        }
        if (seen.change !== now) {
            const changed = this.documentsChangedSince(types, seen.change);
            if (!changed || [...changed].some(other => other !== uri)) seen.count++;
            seen.change = now;
        }
        return seen.count;
    }

    private readonly seenBy = new Map<string, { change: number; count: number }>();

    /**
     * With one document's URI, that document's descriptions, without going through every
     * document of the index as Langium does: the builder asks for each document's people and
     * organisations after a build (MinutesDocumentBuilder), a thousand times in a thousand
     * files. The same descriptions in the same order.
     */
    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        if (uris?.size !== 1) return super.allElements(nodeType, uris);
        const [uri] = uris;
        return this.symbolIndex.has(uri) ? stream(this.getFileDescriptions(uri, nodeType)) : EMPTY_STREAM;
    }

    /** A document's current descriptions of the types. */
    descriptionsOf(uri: string, types: string[]): AstNodeDescription[] {
        return (this.symbolIndex.get(uri) ?? []).filter(this.isOfType(types));
    }

    /** Whether the document exports a symbol of one of the types (`descriptionsOf(…).length > 0`, without the list). */
    declaresAny(uri: string, types: string[]): boolean {
        return (this.symbolIndex.get(uri) ?? []).some(this.isOfType(types));
    }

    private isOfType(types: string[]): (description: AstNodeDescription) => boolean {
        return description => types.some(type => this.astReflection.isSubtype(description.type, type));
    }

    /**
     * Places documents in the index in this order before any of them is indexed: the order
     * of the index is the order of scopes (which of two same-named entries comes first), so
     * a worker of `minutes check` that parses only some of the files keeps the order a
     * single thread would have.
     */
    reserveOrder(uris: Iterable<string>): void {
        for (const uri of uris) {
            if (!this.symbolIndex.has(uri)) this.symbolIndex.set(uri, []);
        }
    }

    /** Indexes the descriptions of a document parsed elsewhere (another worker of `minutes check`), as updateContent would. */
    setForeignContent(uri: string, descriptions: AstNodeDescription[]): void {
        this.changed(uri, this.symbolIndex.get(uri));
        this.symbolIndex.set(uri, descriptions);
        this.symbolByTypeIndex.clear(uri);
        this.changed(uri, descriptions);
    }

    override async updateContent(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        this.changed(uri, this.symbolIndex.get(uri));
        await super.updateContent(document, cancelToken);
        this.changed(uri, this.symbolIndex.get(uri));
    }

    /**
     * The documents each document's resolved references point into (other than itself).
     * Langium asks after every edit, for every document, whether one of its references
     * points into a changed document, and answers by looking at each of its references:
     * 90,000 of them in a workspace of a thousand meetings.
     */
    private readonly targets = new Map<string, Set<string>>();

    override async updateReferences(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        const targets = new Set<string>();
        for (const reference of this.referenceIndex.get(uri) ?? []) {
            if (!reference.local) targets.add(reference.targetUri.toString());
        }
        this.targets.set(uri, targets);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.targets.delete(uri.toString());
    }

    /** The documents a document's resolved references point into (other than itself), as of its last reference indexing. */
    targetsOf(uri: string): ReadonlySet<string> {
        return this.targets.get(uri) ?? NO_TARGETS;
    }

    /**
     * Makes a document's descriptions independent of its tree, for a document whose tree is
     * released (ClosedDocumentTrees): what it exports in place (see detachDescription), so
     * that scopes holding them stay as they are; where its references point as plain data
     * (the provider's descriptions read their path and segment from the tree when asked).
     */
    detach(uri: string): void {
        const documentUri = URI.parse(uri);
        const locator = this.serviceRegistry.getServices(documentUri).workspace.AstNodeLocator;
        for (const description of this.symbolIndex.get(uri) ?? []) {
            detachDescription(description, () => {
                const root = this.documents.getDocument(description.documentUri)?.parseResult.value;
                return root && locator.getAstNode(root, description.path);
            });
        }
        const references = this.referenceIndex.get(uri);
        if (references) this.referenceIndex.set(uri, references.map(plainReferenceDescription));
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targets.get(document.uri.toString());
        if (!targets || targets.size === 0) return false;
        for (const changed of changedUris) {
            if (targets.has(changed)) return true;
        }
        return false;
    }

    override removeContent(uri: URI): void {
        this.seenBy.delete(uri.toString());
        this.changed(uri.toString(), this.symbolIndex.get(uri.toString()));
        super.removeContent(uri);
    }

    private changed(uri: string, descriptions: AstNodeDescription[] | undefined): void {
        if (!descriptions || descriptions.length === 0) return;
        for (const type of new Set(descriptions.map(description => description.type))) {
            const change = ++this.changes;
            this.lastChange.set(type, change);
            this.log.push({ change, type, uri });
        }
        if (this.log.length > 2 * CHANGES_KEPT) {
            this.forgottenUpTo = this.log[this.log.length - CHANGES_KEPT - 1].change;
            this.log = this.log.slice(-CHANGES_KEPT);
        }
    }
}

/**
 * The index of `minutes check`: no descriptions of where each reference points. Only
 * find-references, rename, document highlights and the editor's re-linking read them, and
 * a check does none of these; building them was 4% of a check's CPU and a description
 * with a range per reference (docs/performance.md).
 */
export class CheckOnlyIndexManager extends MinutesIndexManager {
    override async updateReferences(): Promise<void> {}
}
