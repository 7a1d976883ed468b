import { DocumentState, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import { buildActionLedger, type ActionLedger } from '../ledger/action-ledger.js';
import type { MinutesSharedServices } from '../minutes-module.js';
import type { ClosedDocumentTrees } from './closed-document-trees.js';
import type { MinutesIndexManager } from './minutes-index-manager.js';

/**
 * The action ledger of the workspace's documents, built once per change of the workspace
 * and shared by completion, the editor's requests and generation: building it reads every
 * meeting of every file.
 *
 * The ledger reads trees: asked for the whole workspace's, it parses again the trees of
 * closed documents (ClosedDocumentTrees), and from then on the server keeps every tree, so
 * that completing `update #` does not parse the workspace again after each keystroke.
 * What one document's actions have become (the status bar's open actions) is read from a
 * ledger of that document and of those that may report on it: see `ledgerFor`.
 */
export class ActionLedgerService {
    private readonly documents: LangiumDocuments;
    private readonly closedTrees: () => ClosedDocumentTrees;
    private readonly index: () => MinutesIndexManager;
    /**
     * Emptied when a build has linked the changed documents: the ledger follows `update #id`
     * references, so one built while a build is under way is dropped once it is done.
     */
    private readonly cache: WorkspaceCache<string, ActionLedger>;

    constructor(shared: MinutesSharedServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.closedTrees = () => shared.workspace.ClosedDocumentTrees;
        this.index = () => shared.workspace.IndexManager as MinutesIndexManager;
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    /** The ledger of every document of the workspace as it stands. */
    get ledger(): ActionLedger {
        return this.cache.get('ledger', () => {
            this.closedTrees().keepEveryTree();
            return buildActionLedger(this.documents.all);
        });
    }

    /**
     * A ledger in which the actions agreed in `document` stand as in the whole workspace's:
     * built from that document, the documents whose references point into it (an update
     * that names one of its actions), those with a reference that resolves to nothing (the
     * ledger may still match their `update #id` by its identifier), and the documents all
     * these point into. Only those trees are read, not the workspace's.
     */
    ledgerFor(document: LangiumDocument): ActionLedger {
        const uri = document.uri.toString();
        return this.cache.get(`ledger of ${uri}`, () => {
            const index = this.index();
            const reporting = this.documents.all.filter(other => other === document
                || index.targetsOf(other.uri.toString()).has(uri)
                || (!this.closedTrees().isReleased(other) && other.references.some(reference => reference.error !== undefined)));
            // And what their updates name elsewhere, so that none is taken for an action of this document with the same identifier.
            const uris = new Set(reporting.flatMap(other => [other.uri.toString(), ...index.targetsOf(other.uri.toString())]));
            return buildActionLedger(this.documents.all.filter(other => uris.has(other.uri.toString())));
        });
    }
}
