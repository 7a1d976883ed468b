import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { copyEmail, EmailEditors, generateEmail, generateFile, minutesDocumentFor } from './generate-commands.js';
import { createLanguageClient } from './language-client.js';
import { MinutesRequests } from './minutes-requests.js';
import { newMeetingInSeries } from './new-meeting.js';
import { PreviewManager } from './preview.js';
import { StatsStatusBar } from './status-bar.js';

let client: LanguageClient | undefined;

/** What activation returns: the pieces the integration tests look at. */
export interface MinutesExtensionApi {
    client: LanguageClient;
    requests: MinutesRequests;
    previews: PreviewManager;
    statusBar: StatsStatusBar;
}

export async function activate(context: vscode.ExtensionContext): Promise<MinutesExtensionApi> {
    const output = vscode.window.createOutputChannel('Minutes');
    context.subscriptions.push(output);
    const languageClient = client = createLanguageClient(context, output);
    const requests = new MinutesRequests(languageClient);
    const emails = new EmailEditors();
    const previews = new PreviewManager(requests);
    const statusBar = new StatsStatusBar(requests);
    context.subscriptions.push(emails, previews, statusBar);

    const register = (command: string, run: (...args: unknown[]) => unknown) =>
        context.subscriptions.push(vscode.commands.registerCommand(command, run));
    register('minutes.generateEmail', resource => generateEmail(requests, emails, resource));
    register('minutes.copyEmail', () => copyEmail(emails));
    register('minutes.generateEml', (resource, target) => generateFile(requests, 'eml', resource, target));
    register('minutes.generateHtml', (resource, target) => generateFile(requests, 'html', resource, target));
    register('minutes.generateJson', (resource, target) => generateFile(requests, 'json', resource, target));
    register('minutes.openPreviewToSide', async resource => {
        const document = await minutesDocumentFor(resource);
        return document ? previews.open(document) : undefined;
    });
    register('minutes.checkWorkspace', async () => {
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: 'Minutes: checking the workspace' },
            () => requests.checkWorkspace()
        );
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        void vscode.window.showInformationMessage(result.errors + result.warnings === 0
            ? `Minutes: ${plural(result.files, 'file')} checked, no problems.`
            : `Minutes: ${plural(result.files, 'file')} checked: ${plural(result.errors, 'error')} and ${plural(result.warnings, 'warning')} in ${plural(result.filesWithProblems, 'file')}.`);
        return result;
    });
    register('minutes.newMeeting', () => newMeetingInSeries(requests));
    register('minutes.restartServer', async () => {
        output.appendLine('Restarting the Minutes language server.');
        await languageClient.restart();
    });

    // The server reads the directory globs when it loads the workspace: reload it when they change.
    context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async event => {
        if (event.affectsConfiguration('minutes.directory.globs') && languageClient.isRunning()) {
            output.appendLine('minutes.directory.globs changed: restarting the language server to reload the workspace.');
            await languageClient.restart();
        }
    }));

    await languageClient.start();
    return { client: languageClient, requests, previews, statusBar };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
