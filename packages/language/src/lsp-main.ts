import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { registerBenchmarkRequests } from './requests/benchmark-requests.js';
import { registerConfigChanges } from './lsp/config-changes.js';
import { registerGenerateRequest } from './requests/generate-request.js';
import { registerWorkspaceRequests } from './requests/workspace-requests.js';
import { createMinutesServices } from './minutes-module.js';

/**
 * Starts the Minutes language server on the connection given by the process arguments
 * (`--stdio`, `--node-ipc` or `--socket=N`), as language clients start servers.
 */
export function startMinutesLanguageServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared } = createMinutesServices({ connection, ...NodeFileSystem });
    // Closed documents keep what the editor reads of them, not their trees (docs/performance.md).
    shared.workspace.ClosedDocumentTrees.enabled = true;
    startLanguageServer(shared);
    // The extension's commands and status bar: see requests/protocol.ts.
    registerGenerateRequest(connection, shared);
    registerWorkspaceRequests(connection, shared);
    registerConfigChanges(connection, shared);
    // Inert unless MINUTES_BENCH=1 (npm run bench): see requests/benchmark-requests.ts.
    registerBenchmarkRequests(connection, shared);
}
