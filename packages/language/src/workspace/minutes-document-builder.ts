import {
    DocumentState, URI, type AstNode, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, Cancellation
} from 'langium';
import type { ActionLedgerService } from './action-ledger-service.js';
import type { ClosedDocumentTrees } from './closed-document-trees.js';
import { isDocument, Organisation, Person } from '../generated/ast.js';
import { forgetStructure } from '../model/structure.js';
import type { MinutesSharedCoreServices } from '../minutes-core-module.js';
import { SelectiveRelinkingDocumentBuilder } from './selective-relinking-builder.js';

/**
 * Re-validates the other directory files when the people or organisations a file declares
 * change.
 *
 * Langium re-links a document when a document it references changes, which keeps meeting
 * files right. But a name clash (the same handle in two directory files) ties files that do
 * not reference each other: removing the duplicate from one file must clear the error in
 * the other. So after each update this builder compares what the changed files declare
 * with what they declared before, and when that differs it re-validates (without
 * re-parsing or re-linking) the other files that declare parties. Typing in a meeting file
 * declares nothing and costs nothing extra.
 *
 * At the end of each build and update, the trees of closed documents are released
 * (ClosedDocumentTrees, when the language server turns it on).
 */
// Extends the builder that re-links only what an edit can change (see its comment).
export class MinutesDocumentBuilder extends SelectiveRelinkingDocumentBuilder {
    /** What each document declared when last compared: a signature of its exported party names. */
    private readonly declared = new Map<string, string>();
    /** Documents changed by updates whose declarations have not been compared yet (an update may be cancelled). */
    private readonly pending = new Set<string>();

    private readonly closedTrees: () => ClosedDocumentTrees | undefined;
    private readonly actionLedger: () => ActionLedgerService | undefined;

    /**
     * @param comparesDeclarations false for `minutes check`, which builds each file once and
     * never updates one: what a file declares is then not kept after each build (the
     * directory's 12,000 names joined twice, 30 ms of a check of the bench's 1,000 files).
     */
    constructor(services: LangiumSharedCoreServices, private readonly comparesDeclarations = true) {
        super(services);
        this.closedTrees = () => (services as Partial<MinutesSharedCoreServices>).workspace?.ClosedDocumentTrees;
        this.actionLedger = () => (services as Partial<MinutesSharedCoreServices>).workspace?.ActionLedger;
    }

    override async build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options: BuildOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await super.build(documents, options, cancelToken);
        if (this.comparesDeclarations) {
            for (const document of documents) {
                const uri = document.uri.toString();
                const signature = this.declarationSignature(uri);
                if (signature) this.declared.set(uri, signature);
            }
        }
        this.closedTrees()?.releaseClosedTrees();
    }

    /**
     * A document about to be parsed or linked again loses its action ledger summary
     * (ActionLedgerService); one linked again without being parsed again, its structure,
     * which holds what its references resolved to (an action's owners).
     */
    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state < DocumentState.Linked) {
            this.actionLedger()?.forget(document);
            if (state > DocumentState.Changed && document.state >= DocumentState.Linked && !this.closedTrees()?.isReleased(document)) {
                const root: AstNode = document.parseResult.value;
                if (isDocument(root)) forgetStructure(root);
            }
        }
        super.resetToState(document, state);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await this.updateAndRevalidate(changed, deleted, cancelToken);
        this.closedTrees()?.releaseClosedTrees();
    }

    private async updateAndRevalidate(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (const uri of [...changed, ...deleted]) this.pending.add(uri.toString());
        await super.update(changed, deleted, cancelToken);

        const differing = new Set<string>();
        // A changed or deleted folder stands for the documents in it. Only a URI that names no
        // document can be a folder: typing in a file skips scanning the whole workspace.
        const folders = [...this.pending].filter(uri => !this.declared.has(uri) && !this.langiumDocuments.hasDocument(URI.parse(uri)));
        const known = folders.length === 0 ? [] : [...this.declared.keys(), ...this.langiumDocuments.all.map(document => document.uri.toString())];
        const inFolders = known.filter(uri => folders.some(folder => uri.startsWith(`${folder}/`)));
        for (const uri of new Set([...this.pending, ...inFolders])) {
            const now = this.declarationSignature(uri);
            if (now !== (this.declared.get(uri) ?? '')) differing.add(uri);
            if (now) this.declared.set(uri, now);
            else this.declared.delete(uri);
        }
        this.pending.clear();
        if (differing.size === 0) return;

        const others = this.langiumDocuments.all
            .filter(document => !differing.has(document.uri.toString())
                && document.state >= DocumentState.IndexedReferences
                && this.declared.has(document.uri.toString()))
            .toArray();
        if (others.length === 0) return;
        for (const document of others) this.resetToState(document, DocumentState.IndexedReferences);
        await this.buildDocuments(others, this.updateBuildOptions, cancelToken);
    }

    /** The names (handles, display names, aliases) a document exports for people and organisations. */
    private declarationSignature(uri: string): string {
        const names: string[] = [];
        const uris = new Set([uri]);
        for (const type of [Person.$type, Organisation.$type]) {
            for (const description of this.indexManager.allElements(type, uris)) {
                names.push(`${type}:${description.name}`);
            }
        }
        return names.join('\n');
    }
}
