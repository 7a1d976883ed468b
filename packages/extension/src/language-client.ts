import * as vscode from 'vscode';
import {
    CloseAction, ErrorAction, LanguageClient, TransportKind,
    type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node.js';

/** A server that dies more often than this within RESTART_WINDOW_MS is left stopped. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a server that died, unless it keeps dying (a crash at start-up would otherwise
 * loop forever); then it says so once, with the way out. Errors on the connection are
 * survivable until three come in a row.
 */
export class RestartingErrorHandler implements ErrorHandler {
    private readonly closedAt: number[] = [];

    constructor(private readonly output: vscode.OutputChannel, private readonly now: () => number = Date.now) {}

    error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
        this.output.appendLine(`Connection to the Minutes language server failed: ${error.message}`);
        return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    }

    closed(): CloseHandlerResult {
        const now = this.now();
        this.closedAt.push(now);
        while (this.closedAt.length > 0 && this.closedAt[0] < now - RESTART_WINDOW_MS) this.closedAt.shift();
        if (this.closedAt.length <= MAX_RESTARTS) {
            this.output.appendLine(`The Minutes language server stopped; restarting it (${this.closedAt.length} of ${MAX_RESTARTS} in three minutes).`);
            return { action: CloseAction.Restart, handled: true };
        }
        return {
            action: CloseAction.DoNotRestart,
            message: `The Minutes language server stopped ${this.closedAt.length} times in three minutes and is not restarted. `
                + 'See the Minutes output for the cause, then run "Minutes: Restart Language Server".'
        };
    }
}

/** The client for the bundled server (out/server.cjs), over Node IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
    const module = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        // Launch configuration "Attach to Minutes Language Server" attaches here.
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'minutes' },
            { scheme: 'untitled', language: 'minutes' }
        ],
        synchronize: {
            // Files created, changed or deleted outside the editor reach the server's workspace; so do
            // changes to the configuration and to any .gitignore, which the server reads again.
            fileEvents: ['**/*.minutes', '**/.minutes.jsonc', '**/.gitignore'].map(glob => vscode.workspace.createFileSystemWatcher(glob))
        },
        outputChannel: output,
        traceOutputChannel: output,
        errorHandler: new RestartingErrorHandler(output)
    };
    return new LanguageClient('minutes', 'Minutes Language Server', serverOptions, clientOptions);
}
