import { DocumentState, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Document } from '../generated/ast.js';
import { ledgerOfSummaries, type ActionLedger, type SummarisedDocument } from '../ledger/action-ledger.js';
import { summariseDocument, type LedgerSummary } from '../ledger/ledger-summary.js';
import type { MinutesSharedServices } from '../minutes-module.js';
import type { ClosedDocumentTrees } from './closed-document-trees.js';
import type { MinutesIndexManager } from './minutes-index-manager.js';

/**
 * The action ledger of the workspace's documents, built once per change of the workspace
 * and shared by completion, the editor's requests and generation.
 *
 * It is built from a summary of each document (ledger-summary.ts: its meetings, actions
 * and updates as plain data), kept here until the document is parsed or linked again:
 * the summary of a closed document is taken before its tree is released
 * (ClosedDocumentTrees), so building the ledger parses no released tree again. Only a
 * caller that reads nodes through the ledger (`place.meeting`, `action.item`: generation,
 * New Meeting in Series for the latest meetings of its series) reads those documents' trees.
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
    /** Each document's summary, for as long as its tree and links stand (see `forget`). */
    private readonly summaries = new WeakMap<LangiumDocument, LedgerSummary>();

    constructor(shared: MinutesSharedServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.closedTrees = () => shared.workspace.ClosedDocumentTrees;
        this.index = () => shared.workspace.IndexManager as MinutesIndexManager;
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    /** The ledger of every document of the workspace as it stands. */
    get ledger(): ActionLedger {
        return this.cache.get('ledger', () => ledgerOfSummaries(this.documents.all.map(document => this.summarised(document))));
    }

    /**
     * A ledger in which the actions agreed in `document` stand as in the whole workspace's:
     * built from that document, the documents whose references point into it (an update
     * that names one of its actions), those with a reference that resolves to nothing (the
     * ledger may still match their `update #id` by its identifier), and the documents all
     * these point into. Cheaper than the whole ledger, which the status bar would otherwise
     * rebuild after every keystroke.
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
            return ledgerOfSummaries(this.documents.all.filter(other => uris.has(other.uri.toString())).map(other => this.summarised(other)));
        });
    }

    /**
     * The document's summary: kept from when it was taken (a closed document's, before its
     * tree was released), else taken from its tree now and kept once the document is linked.
     */
    summaryOf(document: LangiumDocument): LedgerSummary {
        let summary = this.summaries.get(document);
        if (!summary) {
            summary = summariseDocument(document);
            if (document.state >= DocumentState.Linked) this.summaries.set(document, summary);
        }
        return summary;
    }

    /** Drops the document's summary: its tree or its links are about to change (DocumentBuilder.resetToState). */
    forget(document: LangiumDocument): void {
        this.summaries.delete(document);
    }

    private summarised(document: LangiumDocument): SummarisedDocument {
        return { summary: this.summaryOf(document), tree: () => document.parseResult.value as Document };
    }
}
