import { DocumentState, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Document } from '../generated/ast.js';
import { ledgerOfSummaries, type ActionLedger, type SummarisedDocument } from '../ledger/action-ledger.js';
import { summariseDocument, type LedgerSummary } from '../ledger/ledger-summary.js';
import type { MinutesSharedCoreServices } from '../minutes-core-module.js';
import type { ClosedDocumentTrees } from './closed-document-trees.js';
import type { MinutesIndexManager } from './minutes-index-manager.js';

/**
 * The action ledger of the workspace's documents, built again only when what it reads of
 * a document changes, and shared by completion, the editor's requests and generation.
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
    private readonly closedTrees: () => ClosedDocumentTrees | undefined;
    private readonly index: () => MinutesIndexManager;
    /**
     * For `ledgerFor`: emptied when a build has linked the changed documents (the ledger follows
     * `update #id` references, so one built while a build is under way is dropped once it is done).
     */
    private readonly cache: WorkspaceCache<string, ActionLedger>;
    /** Each document's summary, for as long as its tree and links stand (see `forget`). */
    private readonly summaries = new WeakMap<LangiumDocument, LedgerSummary>();
    /** A forgotten summary, kept to compare with the next: when they are equal, the old one stands (and so does the ledger). */
    private readonly forgotten = new WeakMap<LangiumDocument, LedgerSummary>();
    /** The last whole ledger and the summaries it was built of, in the order of the workspace's documents. */
    private lastLedger?: { summaries: LedgerSummary[]; ledger: ActionLedger };

    constructor(shared: MinutesSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.closedTrees = () => shared.workspace.ClosedDocumentTrees;
        this.index = () => shared.workspace.IndexManager as MinutesIndexManager;
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    /**
     * The ledger of every document of the workspace as it stands: the last one built while
     * every document's summary is the same (an edit that changes none of the document's
     * meetings, actions or updates keeps its summary: see `summaryOf`), else built again.
     * Completion after `update #` asks for it after every keystroke; building it for the
     * bench's 10,000-file archive takes a quarter of a second.
     */
    get ledger(): ActionLedger {
        const documents = this.documents.all.toArray();
        const summaries = documents.map(document => this.summaryOf(document));
        const last = this.lastLedger;
        if (last && last.summaries.length === summaries.length && last.summaries.every((summary, i) => summary === summaries[i])) return last.ledger;
        const ledger = ledgerOfSummaries(documents.map((document, i) => ({ summary: summaries[i], tree: () => document.parseResult.value as Document })));
        // A summary taken before its document is linked is not kept: nor is a ledger built of one.
        this.lastLedger = documents.every(document => this.summaries.get(document) !== undefined) ? { summaries, ledger } : undefined;
        return ledger;
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
                || (!this.closedTrees()?.isReleased(other) && other.references.some(reference => reference.error !== undefined)));
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
            if (document.state >= DocumentState.Linked) {
                const forgotten = this.forgotten.get(document);
                if (forgotten && sameSummary(forgotten, summary)) summary = forgotten;
                this.forgotten.delete(document);
                this.summaries.set(document, summary);
            }
        }
        return summary;
    }

    /** Drops the document's summary: its tree or its links are about to change (DocumentBuilder.resetToState). */
    forget(document: LangiumDocument): void {
        const summary = this.summaries.get(document);
        if (summary) this.forgotten.set(document, summary);
        this.summaries.delete(document);
    }

    private summarised(document: LangiumDocument): SummarisedDocument {
        return { summary: this.summaryOf(document), tree: () => document.parseResult.value as Document };
    }
}

/** Whether two summaries of a document say the same: plain data (strings, numbers, arrays, dates as plain objects), made by one function. */
function sameSummary(a: LedgerSummary, b: LedgerSummary): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}
