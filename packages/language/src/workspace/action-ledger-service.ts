import { DocumentState, WorkspaceCache, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { buildActionLedger, type ActionLedger } from '../ledger/action-ledger.js';

/**
 * The action ledger of the workspace's documents, built once per change of the workspace
 * and shared by completion, the editor's requests and generation: building it reads every
 * meeting of every file.
 */
export class ActionLedgerService {
    private readonly documents: LangiumDocuments;
    /**
     * Emptied when a build has linked the changed documents: the ledger follows `update #id`
     * references, so one built while a build is under way is dropped once it is done.
     */
    private readonly cache: WorkspaceCache<'ledger', ActionLedger>;

    constructor(shared: LangiumSharedServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    /** The ledger of every document of the workspace as it stands. */
    get ledger(): ActionLedger {
        return this.cache.get('ledger', () => buildActionLedger(this.documents.all));
    }
}
