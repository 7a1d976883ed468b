import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { MinutesSharedServices } from '../minutes-module.js';
import { MinutesDocumentFactory } from '../workspace/minutes-document-factory.js';

/** Answers the heap in use after garbage collection, once the workspace is built. */
export const HeapUsedRequest = 'minutes/heapUsed';
/** Answers how often edited documents were parsed again incrementally and in full (see MinutesDocumentFactory). */
export const ReparseCountsRequest = 'minutes/reparseCounts';
/** Answers how many documents' trees are released, and how often trees were released and parsed again (see ClosedDocumentTrees). */
export const ClosedTreesRequest = 'minutes/closedTrees';
/** Answers once every pending build has finished, with the state of the workspace. */
export const SettledRequest = 'minutes/settled';

export interface WorkspaceSettled {
    documents: number;
    validated: number;
}

/**
 * Requests that only the benchmark uses, enabled by `MINUTES_BENCH=1` and never in normal
 * operation (with `MINUTES_REPARSE=full` too, edited documents are parsed in full). Each waits for the workspace lock's read side, which runs only after every
 * queued build (the initial workspace build, the rebuild after an edit) has finished.
 *
 * - `minutes/settled`: how many documents there are and how many are validated.
 * - `minutes/reparseCounts`: incremental and full reparses of edited documents so far.
 * - `minutes/closedTrees`: documents whose trees are released now, trees released and parsed again so far.
 * - `minutes/heapUsed`: collects garbage (when the server runs with --expose-gc) and answers
 *   `process.memoryUsage().heapUsed`, to compare the heap of a workspace with its source size.
 */
export function registerBenchmarkRequests(connection: Connection, shared: LangiumSharedServices, environment: NodeJS.ProcessEnv = process.env): void {
    if (environment.MINUTES_BENCH !== '1') return;
    // The bench's "before": every edit parsed in full, as Langium does, in the same run as the incremental path.
    if (environment.MINUTES_REPARSE === 'full' && shared.workspace.LangiumDocumentFactory instanceof MinutesDocumentFactory) {
        shared.workspace.LangiumDocumentFactory.reparseIncrementally = false;
    }
    const { WorkspaceManager, WorkspaceLock, LangiumDocuments } = shared.workspace;
    const settled = async (): Promise<WorkspaceSettled> => {
        // `ready` resolves inside the initial build's write action, so the read below queues after it.
        await WorkspaceManager.ready;
        return WorkspaceLock.read(() => {
            const all = LangiumDocuments.all.toArray();
            return { documents: all.length, validated: all.filter(d => d.state >= DocumentState.Validated).length };
        });
    };
    connection.onRequest(SettledRequest, settled);
    connection.onRequest(ReparseCountsRequest, async () => {
        await settled();
        const factory = shared.workspace.LangiumDocumentFactory;
        return factory instanceof MinutesDocumentFactory ? factory.reparseCounts : { incremental: 0, full: 0, lastFullParseReason: 'no incremental reparsing' };
    });
    connection.onRequest(ClosedTreesRequest, async () => {
        await settled();
        const trees = (shared as MinutesSharedServices).workspace.ClosedDocumentTrees;
        return { releasedNow: LangiumDocuments.all.filter(document => trees.isReleased(document)).count(), ...trees.counts };
    });
    connection.onRequest(HeapUsedRequest, async () => {
        const state = await settled();
        const gc = (globalThis as { gc?: () => void }).gc;
        if (gc) {
            gc();
            gc(); // a second pass frees what the first pass's finalisers released
        }
        return { ...state, heapUsed: process.memoryUsage().heapUsed, collected: gc !== undefined };
    });
}
