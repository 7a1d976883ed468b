import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MinutesRequests } from './minutes-requests.js';
import { previewHtml, problemsBanner } from './preview-html.js';

const UPDATE_DELAY_MS = 300;
const SCROLL_DELAY_MS = 150;

/** Opens and keeps up to date one preview per Minutes document. */
export class PreviewManager implements vscode.Disposable {
    private readonly previews = new Map<string, Preview>();

    constructor(private readonly requests: MinutesRequests) {}

    /** Minutes: Open Preview to the Side. */
    async open(document: vscode.TextDocument): Promise<vscode.WebviewPanel> {
        const key = document.uri.toString();
        const existing = this.previews.get(key);
        if (existing) {
            existing.panel.reveal(vscode.ViewColumn.Beside, true);
            return existing.panel;
        }
        const preview = new Preview(document, this.requests, () => this.previews.delete(key));
        this.previews.set(key, preview);
        await preview.update();
        return preview.panel;
    }

    /** The preview of a document, if open (for tests). */
    panelOf(document: vscode.TextDocument): vscode.WebviewPanel | undefined {
        return this.previews.get(document.uri.toString())?.panel;
    }

    dispose(): void {
        for (const preview of [...this.previews.values()]) preview.panel.dispose();
    }
}

class Preview {
    readonly panel: vscode.WebviewPanel;
    private readonly subscriptions: vscode.Disposable[] = [];
    private updateTimer: ReturnType<typeof setTimeout> | undefined;
    private scrollTimer: ReturnType<typeof setTimeout> | undefined;
    /** The last HTML the generator produced without errors. */
    private html: string | undefined;
    /** Why the preview is not up to date, if it is not. */
    private problems: { title: string; items: string[] } | undefined;
    private topLine = 0;
    private disposed = false;

    constructor(private readonly document: vscode.TextDocument, private readonly requests: MinutesRequests, onDispose: () => void) {
        this.panel = vscode.window.createWebviewPanel(
            'minutes.preview',
            `Preview ${path.basename(document.uri.path)}`,
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: false, enableForms: false, enableCommandUris: false, localResourceRoots: [] }
        );
        const editor = vscode.window.visibleTextEditors.find(e => e.document === document);
        this.topLine = editor?.visibleRanges[0]?.start.line ?? 0;
        this.subscriptions.push(
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document === document) this.scheduleUpdate();
            }),
            vscode.window.onDidChangeTextEditorVisibleRanges(event => {
                if (event.textEditor.document !== document) return;
                const line = event.visibleRanges[0]?.start.line ?? 0;
                if (line !== this.topLine) {
                    this.topLine = line;
                    this.scheduleScroll();
                }
            }),
            vscode.workspace.onDidCloseTextDocument(closed => {
                if (closed === document) this.panel.dispose();
            })
        );
        this.panel.onDidDispose(() => {
            this.disposed = true;
            clearTimeout(this.updateTimer);
            clearTimeout(this.scrollTimer);
            this.subscriptions.forEach(s => s.dispose());
            onDispose();
        });
    }

    /** Typing is debounced: the preview follows a pause, not every key. */
    private scheduleUpdate(): void {
        clearTimeout(this.updateTimer);
        this.updateTimer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
    }

    private scheduleScroll(): void {
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.render(), SCROLL_DELAY_MS);
    }

    async update(): Promise<void> {
        const result = await this.requests.generate(this.document, 'html');
        if (this.disposed) return;
        if (result.ok) {
            this.html = result.content;
            this.problems = undefined;
        } else if (result.reason === 'errors') {
            const count = result.errors.length;
            this.problems = {
                title: `This file has ${count} ${count === 1 ? 'error' : 'errors'}.`,
                items: result.errors.map(e => `Line ${e.line + 1}: ${e.message}`)
            };
        } else {
            this.problems = { title: result.message, items: [] };
        }
        this.render();
    }

    private render(): void {
        if (this.disposed) return;
        const banner = this.problems ? problemsBanner(this.problems.title, this.problems.items, this.html !== undefined) : '';
        const body = this.html ?? '<!DOCTYPE html><html><head></head><body></body></html>';
        this.panel.webview.html = previewHtml(body, {
            banner,
            topLine: this.topLine,
            source: this.document.getText()
        });
    }
}

