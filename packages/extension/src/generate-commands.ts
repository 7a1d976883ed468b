import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GenerateFormat, GenerateResult, MinutesRequests } from './minutes-requests.js';

/** How each output is named in messages and saved. */
const OUTPUTS: Record<GenerateFormat, { label: string; extension: string; filter: string }> = {
    email: { label: 'the email', extension: 'txt', filter: 'Text' },
    eml: { label: 'the .eml file', extension: 'eml', filter: 'Email message' },
    html: { label: 'HTML', extension: 'html', filter: 'HTML' },
    json: { label: 'JSON', extension: 'json', filter: 'JSON' }
};

/** The Minutes file a command applies to: the argument (from a menu), else the active editor's. */
export async function minutesDocumentFor(resource?: unknown): Promise<vscode.TextDocument | undefined> {
    if (resource instanceof vscode.Uri) {
        return vscode.workspace.openTextDocument(resource);
    }
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === 'minutes') return document;
    void vscode.window.showWarningMessage('Open a .minutes file first: this command works on the file in the active editor.');
    return undefined;
}

/** Generation options from the settings of the document's folder. */
function optionsFor(document: vscode.TextDocument, format: GenerateFormat) {
    const settings = vscode.workspace.getConfiguration('minutes', document.uri);
    const wrapWidth = settings.get<number>('email.wrapWidth', 72);
    if (format === 'eml') {
        const from = settings.get<string>('eml.from', '').trim();
        const to = settings.get<string>('eml.to', '').trim();
        return { wrapWidth, from: from || undefined, to: to || undefined };
    }
    return { wrapWidth };
}

/**
 * Generates an output of a document through the language server, which sees the whole
 * workspace (the directory files included). A file with errors is refused, with a button
 * to the Problems panel: an email with an unknown speaker in it is not one to send.
 */
export async function generateOutput(requests: MinutesRequests, document: vscode.TextDocument, format: GenerateFormat): Promise<string | undefined> {
    const attribution = await attributionFor(document);
    if (attribution === null) return undefined;
    const result: GenerateResult = await requests.generate(document, format, { ...optionsFor(document, format), ...(attribution ? { attribution } : {}) });
    if (result.ok) return result.content;
    const name = path.basename(document.uri.path);
    if (result.reason === 'not-found' || result.reason === 'cannot-generate') {
        void vscode.window.showErrorMessage(`Cannot generate ${OUTPUTS[format].label}: ${result.message}`);
        return undefined;
    }
    const count = result.errors.length;
    const first = result.errors[0];
    const detail = first ? ` Line ${first.line + 1}: ${first.message}` : '';
    const choice = await vscode.window.showErrorMessage(
        `Cannot generate ${OUTPUTS[format].label}: ${name} has ${count} ${count === 1 ? 'error' : 'errors'}. Fix ${count === 1 ? 'it' : 'them'} first.${detail}`,
        'Show Problems'
    );
    if (choice === 'Show Problems') {
        await vscode.commands.executeCommand('workbench.actions.view.problems');
    }
    return undefined;
}

/** A `rule:` line naming the Chatham House Rule (as the language reads it: docs/actions-and-attribution.md). */
const CHATHAM_HOUSE_RULE = /^[ \t]*rule:[^\n]*\bchatham[\s_-]*house\b/im;

const ATTRIBUTION_CHOICES: Array<vscode.QuickPickItem & { attribution: 'full' | 'organisation' | 'none' }> = [
    { label: 'By organisation', description: '"a participant from ICANN": the Rule\'s default', attribution: 'organisation' },
    { label: 'By stakeholder group only', description: '"a participant from civil society"', attribution: 'none' },
    { label: 'Full names', description: 'names every speaker: sets the Rule aside', attribution: 'full' }
];

/**
 * For a file under the Chatham House Rule, asks how speakers are named (undefined for any
 * other file: the server's default, full names; null when the choice is dismissed).
 */
async function attributionFor(document: vscode.TextDocument): Promise<'full' | 'organisation' | 'none' | undefined | null> {
    if (!CHATHAM_HOUSE_RULE.test(document.getText())) return undefined;
    const choice = await vscode.window.showQuickPick(ATTRIBUTION_CHOICES, {
        title: `${path.basename(document.uri.path)} is under the Chatham House Rule`,
        placeHolder: 'How should speakers be named?'
    });
    return choice ? choice.attribution : null;
}

/** The untitled editors holding generated emails, for the Copy to Clipboard action. */
export class EmailEditors implements vscode.Disposable {
    private readonly emails = new Set<string>();
    private readonly subscriptions: vscode.Disposable[] = [];

    constructor() {
        this.subscriptions.push(
            vscode.window.onDidChangeActiveTextEditor(editor => this.updateContext(editor)),
            vscode.workspace.onDidCloseTextDocument(document => this.emails.delete(document.uri.toString()))
        );
    }

    async open(content: string): Promise<vscode.TextEditor> {
        const document = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
        this.emails.add(document.uri.toString());
        const editor = await vscode.window.showTextDocument(document, { preview: false });
        this.updateContext(editor);
        return editor;
    }

    isEmail(document: vscode.TextDocument): boolean {
        return this.emails.has(document.uri.toString());
    }

    private updateContext(editor: vscode.TextEditor | undefined): void {
        void vscode.commands.executeCommand('setContext', 'minutes.emailEditor', editor !== undefined && this.isEmail(editor.document));
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
    }
}

/** Minutes: Generate Email — the email in a new untitled editor, offered for copying. */
export async function generateEmail(requests: MinutesRequests, emails: EmailEditors, resource?: unknown): Promise<vscode.TextEditor | undefined> {
    const document = await minutesDocumentFor(resource);
    if (!document) return undefined;
    const email = await generateOutput(requests, document, 'email');
    if (email === undefined) return undefined;
    const editor = await emails.open(email);
    void vscode.window.showInformationMessage(`Email generated from ${path.basename(document.uri.path)}.`, 'Copy to Clipboard').then(async choice => {
        if (choice === 'Copy to Clipboard') await copyToClipboard(email);
    });
    return editor;
}

/** Minutes: Copy to Clipboard — the email of the active email editor. */
export async function copyEmail(emails: EmailEditors): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !emails.isEmail(document)) {
        void vscode.window.showWarningMessage('Generate an email first (Minutes: Generate Email).');
        return;
    }
    await copyToClipboard(document.getText());
}

async function copyToClipboard(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage('Email copied to the clipboard.');
}

/**
 * Minutes: Generate .eml…, HTML…, JSON… — asks where to save (beside the source by
 * default); `target` skips the dialog (for tests and keybindings). Returns where it saved.
 */
export async function generateFile(requests: MinutesRequests, format: Exclude<GenerateFormat, 'email'>, resource?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
    const document = await minutesDocumentFor(resource);
    if (!document) return undefined;
    const content = await generateOutput(requests, document, format);
    if (content === undefined) return undefined;
    const output = OUTPUTS[format];
    let destination = target instanceof vscode.Uri ? target : undefined;
    if (!destination) {
        const source = document.uri.scheme === 'file' ? document.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
        const base = path.basename(document.uri.path).replace(/\.minutes$/, '') || 'minutes';
        destination = await vscode.window.showSaveDialog({
            defaultUri: source ? vscode.Uri.joinPath(source, document.uri.scheme === 'file' ? '..' : '.', `${base}.${output.extension}`) : undefined,
            filters: { [output.filter]: [output.extension] },
            saveLabel: `Save ${output.filter}`,
            title: `Generate ${output.filter} from ${path.basename(document.uri.path)}`
        });
        if (!destination) return undefined;
    }
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(content));
    if (!(target instanceof vscode.Uri)) {
        void vscode.window.showInformationMessage(`Saved ${path.basename(destination.path)}.`, 'Open').then(async choice => {
            if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', destination);
        });
    }
    return destination;
}
