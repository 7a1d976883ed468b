import { UriUtils, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../config/minutes-config.js';
import type { MinutesSharedServices } from '../minutes-module.js';
import { MinutesWorkspaceManager } from '../workspace/minutes-workspace-manager.js';

/**
 * When a configuration file or a .gitignore changes on disk, the configurations are read
 * again, files newly in a directory are loaded and every document is checked again: the
 * editor's diagnostics follow the file the CLI reads. Its mistakes go to the client's log.
 */
export function registerConfigChanges(connection: Connection, shared: MinutesSharedServices): void {
    const { MinutesConfigs, WorkspaceManager, WorkspaceLock, LangiumDocuments, DocumentBuilder } = shared.workspace;
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        const configChanged = params.changes.some(change => [CONFIG_FILE_NAME, '.gitignore'].includes(UriUtils.basename(URI.parse(change.uri))));
        if (!configChanged) return;
        MinutesConfigs.clear();
        void WorkspaceManager.ready.then(() => WorkspaceLock.write(async token => {
            if (WorkspaceManager instanceof MinutesWorkspaceManager) await WorkspaceManager.loadNewFiles();
            const all = LangiumDocuments.all.toArray();
            reportConfigProblems(connection, shared, all.map(document => document.uri));
            await DocumentBuilder.update(all.map(document => document.uri), [], token);
        }));
    });
    void WorkspaceManager.ready.then(() => reportConfigProblems(connection, shared, LangiumDocuments.all.map(document => document.uri).toArray()));
}

/** Each configuration's mistakes once, as `file:line:col: message` in the client's log. */
function reportConfigProblems(connection: Connection, shared: MinutesSharedServices, uris: URI[]): void {
    const roots = new Set(uris.map(uri => shared.workspace.MinutesConfigs.rootOf(uri)));
    for (const root of roots) {
        for (const problem of root?.problems ?? []) {
            connection.console.error(`${root!.configFile!.fsPath}:${problem.line}:${problem.column}: ${problem.message}`);
        }
    }
}
