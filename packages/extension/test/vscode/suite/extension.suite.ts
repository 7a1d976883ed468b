// Integration tests in VS Code's extension host, on a copy of test/vscode/fixtures/ (mocha, tdd;
// named .suite.ts so that vitest, which runs every *.test.ts, leaves them to VS Code).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CloseAction } from 'vscode-languageclient/node.js';
import type { MinutesExtensionApi } from '../../../src/extension.js';
import { RestartingErrorHandler } from '../../../src/language-client.js';

const EXTENSION_ID = 'minutes-lang.minutes';

function workspaceFile(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the fixtures folder open');
    return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves with the first value `probe` returns, polling on events of `event` (or a timer). */
async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, event?: vscode.Event<unknown>, timeout = 30_000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error('timed out');
        await new Promise<void>(resolve => {
            const timer = setTimeout(resolve, 200);
            const subscription = event?.(() => {
                clearTimeout(timer);
                subscription?.dispose();
                resolve();
            });
        });
    }
}

async function openMeeting(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(workspaceFile('meeting.minutes'));
    return vscode.window.showTextDocument(document);
}

suite('Minutes extension', () => {
    let api: MinutesExtensionApi;

    suiteSetup(async () => {
        await openMeeting();
        const extension = vscode.extensions.getExtension<MinutesExtensionApi>(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is not installed`);
        api = await extension.activate();
    });

    teardown(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('activates on a .minutes file and starts the language server', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        assert.equal(extension.isActive, true);
        assert.equal(api.client.isRunning(), true);
        const editor = await openMeeting();
        assert.equal(editor.document.languageId, 'minutes');
    });

    test('reports an unknown speaker as an error', async () => {
        const editor = await openMeeting();
        const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
        await editor.edit(edit => edit.insert(end, '\n@mcdae: A misspelt speaker.\n'));
        const line = editor.document.lineCount - 2;
        const diagnostic = await eventually(
            () => vscode.languages.getDiagnostics(editor.document.uri).find(d => d.range.start.line === line),
            vscode.languages.onDidChangeDiagnostics
        );
        assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
        assert.match(diagnostic.message, /mcdae/);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('completes a name with the organisation', async () => {
        const editor = await openMeeting();
        const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
        await editor.edit(edit => edit.insert(end, '\n@Mari'));
        const position = editor.document.lineAt(editor.document.lineCount - 1).range.end;
        const list = await eventually(async () => {
            const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '@');
            return result.items.some(item => JSON.stringify(item.label).includes('Marilyn Cade')) ? result : undefined;
        });
        const item = list.items.find(i => JSON.stringify(i.label).includes('Marilyn Cade'))!;
        const shown = [JSON.stringify(item.label), item.detail ?? '', typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? ''].join(' ');
        assert.match(shown, /ICANN Business Constituency|ICANN-BC/);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('Generate Email opens the email in a new editor', async () => {
        await openMeeting();
        const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('minutes.generateEmail');
        assert.ok(editor, 'no email editor');
        assert.equal(editor.document.isUntitled, true);
        const email = editor.document.getText();
        assert.match(email, /^Subject: CCWG-IG session at the WSIS Forum 2018/);
        assert.match(email, /Marilyn Cade/);
        assert.doesNotMatch(email, /@mcade/);
    });

    for (const [command, extension, check] of [
        ['minutes.generateEml', 'eml', /^From: .*nigel@example\.org/m],
        ['minutes.generateHtml', 'html', /^<!DOCTYPE html>/],
        ['minutes.generateJson', 'json', /"CCWG-IG session at the WSIS Forum 2018"/]
    ] as const) {
        test(`${command} writes the ${extension} file`, async () => {
            const editor = await openMeeting();
            const target = workspaceFile(`out/meeting.${extension}`);
            const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, editor.document.uri, target);
            assert.equal(written?.toString(), target.toString());
            const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
            assert.match(content, check);
        });
    }

    test('Open Preview to the Side shows the HTML under a no-script policy', async () => {
        await openMeeting();
        const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('minutes.openPreviewToSide');
        assert.ok(panel, 'no preview');
        assert.equal(panel.viewColumn, vscode.ViewColumn.Two);
        assert.equal(panel.webview.options.enableScripts, false);
        const html = await eventually(() => (panel.webview.html.includes('WSIS Forum 2018') ? panel.webview.html : undefined));
        assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    });

    test('Check Workspace reports on every file', async () => {
        const result = await vscode.commands.executeCommand<{ files: number; errors: number }>('minutes.checkWorkspace');
        assert.equal(result.files, 2);
        assert.equal(result.errors, 0);
    });

    test('the status bar shows the active file\'s figures', async () => {
        await openMeeting();
        const text = await eventually(() => (api.statusBar.item.text.includes('$(organization) 2') ? api.statusBar.item.text : undefined));
        assert.match(text, /\$\(comment-discussion\) 2/);
        assert.match(text, /\$\(checklist\) 1/);
    });
});

suite('RestartingErrorHandler', () => {
    test('restarts a server that dies, but not one that keeps dying', () => {
        const output = vscode.window.createOutputChannel('Minutes test');
        let now = 0;
        const handler = new RestartingErrorHandler(output, () => now);
        for (let i = 0; i < 5; i++) {
            now += 1000;
            assert.equal(handler.closed().action, CloseAction.Restart);
        }
        now += 1000;
        const sixth = handler.closed();
        assert.equal(sixth.action, CloseAction.DoNotRestart);
        assert.match(sixth.message ?? '', /Restart Language Server/);
        // Three minutes later the earlier crashes no longer count.
        now += 3 * 60 * 1000;
        assert.equal(handler.closed().action, CloseAction.Restart);
        output.dispose();
    });
});
