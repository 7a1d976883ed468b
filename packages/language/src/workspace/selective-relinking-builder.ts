import {
    DefaultDocumentBuilder, DocumentState, isLinkingError, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices,
    type LinkingError, type URI, Cancellation
} from 'langium';
import { linkingErrorsOf } from '../scoping/minutes-linker.js';

/**
 * A document builder that re-links, after an edit, only the documents the edit can change.
 *
 * Langium re-links two kinds of documents after any change: those with a resolved
 * reference into a changed document (they must: the nodes they point to were replaced),
 * and every document with an unresolved reference anywhere in the workspace, in case the
 * change declared the missing name (`DefaultDocumentBuilder.shouldRelink`). A workspace of
 * a thousand meeting files always has a few misspelt names, so each keystroke in any file
 * would re-link and re-validate hundreds of files, and the edited file's diagnostics wait
 * for all of that linking (a build runs each phase over all its documents in turn).
 *
 * Here only the first kind is re-linked with the edited documents. The second kind is
 * handled after the update, when the changed documents are indexed again: a document
 * with unresolved references is re-linked when one of those references now finds a
 * candidate (asked of the linker itself, so with exactly the rules linking uses), which
 * is when declaring a missing person or action id resolves it. The check costs a lookup
 * per unresolved reference. It keeps no state, so an update cancelled by the next
 * keystroke loses nothing: the next update checks again.
 */
export class SelectiveRelinkingDocumentBuilder extends DefaultDocumentBuilder {
    /** The documents that had an unresolved reference when last linked: the only ones the check after an update looks at. */
    private readonly withUnresolved = new Set<LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Linked, document => {
            if (this.unresolvedReferencesOf(document).length > 0) this.withUnresolved.add(document);
            else this.withUnresolved.delete(document);
        });
        this.onUpdate((_changed, deleted) => {
            if (deleted.length === 0) return;
            for (const document of this.withUnresolved) {
                if (this.langiumDocuments.getDocument(document.uri) !== document) this.withUnresolved.delete(document);
            }
        });
    }

    /**
     * Langium's test, answered once per state of a document's build: after every change,
     * Langium asks it of every built document of the workspace (which validation categories
     * a build has not run), looking up the document's services and categories each time.
     * The answer changes only when the document's build state (its entry, or whether it
     * completed), the categories it ran or the options asked for do.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const state = this.buildState.get(document.uri.toString());
        if (!state) return super.resultsAreIncomplete(document, options);
        const checks = state.result?.validationChecks;
        const known = this.incomplete.get(state);
        if (known && known.options === options && known.checks === checks && known.completed === state.completed) return known.answer;
        const answer = super.resultsAreIncomplete(document, options);
        this.incomplete.set(state, { options, checks, completed: state.completed, answer });
        return answer;
    }

    private readonly incomplete = new WeakMap<object, { options: BuildOptions | undefined; checks: unknown; completed: boolean; answer: boolean }>();

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return this.indexManager.isAffected(document, changedUris);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await super.update(changed, deleted, cancelToken);
        const resolvable = [...this.withUnresolved]
            .filter(document => document.state >= DocumentState.Linked && this.langiumDocuments.getDocument(document.uri) === document
                && this.hasReferenceResolvableNow(document));
        if (resolvable.length === 0) return;
        for (const document of resolvable) this.resetToState(document, DocumentState.ComputedScopes);
        await this.buildDocuments(resolvable, this.updateBuildOptions, cancelToken);
    }

    /** Whether a reference of the document that failed to resolve would resolve now. */
    protected hasReferenceResolvableNow(document: LangiumDocument): boolean {
        const unresolved = this.unresolvedReferencesOf(document);
        if (unresolved.length === 0) return false;
        const linker = this.serviceRegistry.getServices(document.uri).references.Linker;
        return unresolved.some(error => !isLinkingError(linker.getCandidate(error.info)));
    }

    /** The linking errors of a linked document (found once per linking: see `linkingErrorsOf`). */
    private unresolvedReferencesOf(document: LangiumDocument): readonly LinkingError[] {
        return linkingErrorsOf(document);
    }
}
