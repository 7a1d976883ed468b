import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MinutesRequests } from './minutes-requests.js';

/** No script, no fetch: the generated HTML is shown, never run. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
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
    private problems: string[] = [];
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
            this.problems = [];
        } else if (result.reason === 'errors') {
            this.problems = result.errors.map(e => `Line ${e.line + 1}: ${e.message}`);
        } else {
            this.problems = [result.message];
        }
        this.render();
    }

    private render(): void {
        if (this.disposed) return;
        const banner = this.problems.length > 0 ? problemsBanner(this.problems, this.html !== undefined) : '';
        const body = this.html ?? '<!DOCTYPE html><html><head></head><body></body></html>';
        this.panel.webview.html = previewHtml(body, {
            banner,
            topLine: this.topLine,
            lineCount: this.document.lineCount
        });
    }
}

/**
 * The generated HTML made fit for the preview: the Content-Security-Policy first in its
 * head, an optional banner, and the element for the editor's top line brought into view.
 *
 * The preview runs no script, so it cannot be told to scroll. Instead that element is
 * made the only scroll-snap target of a mandatory snap container: the page lands on it
 * when it loads, and an animation lifts the snapping half a second later so that the
 * preview can be scrolled freely. The element is the last one whose `data-line` (1-based
 * source line) is at or before the top line; when the HTML has no `data-line`, the block
 * (heading, paragraph, list item, ...) at the same proportion of the page.
 */
export function previewHtml(html: string, options: { banner?: string; topLine: number; lineCount: number }): string {
    const marked = markScrollTarget(html, options.topLine, options.lineCount);
    const head = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`
        + `<style>${marked === html ? '' : SCROLL_STYLE}${BANNER_STYLE}</style>`;
    let result = /<head[^>]*>/i.test(marked)
        ? marked.replace(/<head[^>]*>/i, match => match + head)
        : /<html[^>]*>/i.test(marked)
            ? marked.replace(/<html[^>]*>/i, match => `${match}<head>${head}</head>`)
            : `<!DOCTYPE html><html><head>${head}</head><body>${marked}</body></html>`;
    if (options.banner) {
        result = /<body[^>]*>/i.test(result) ? result.replace(/<body[^>]*>/i, match => match + options.banner) : result + options.banner;
    }
    return result;
}

const SCROLL_MARK = 'data-minutes-scroll-target';
const SCROLL_STYLE = 'html{scroll-snap-type:none;animation:minutes-follow .5s forwards}'
    + '@keyframes minutes-follow{0%,99%{scroll-snap-type:y mandatory}100%{scroll-snap-type:none}}'
    + `[${SCROLL_MARK}]{scroll-snap-align:start;scroll-margin-top:.5em}`;

/** Block elements a reader sees as the lines of the page. */
const BLOCK_OPENING = /<(?:h[1-6]|p|li|dt|dd|blockquote|tr|pre|figure)(?=[\s>])/gi;

/** The HTML with the scroll target for `topLine` (0-based) marked, or unchanged at the top. */
export function markScrollTarget(html: string, topLine: number, lineCount: number): string {
    if (topLine <= 0) return html;
    const withLines = [...html.matchAll(/<[a-zA-Z][^>]*\sdata-line="(\d+)"/g)];
    let target: number | undefined;
    if (withLines.length > 0) {
        const line = topLine + 1;
        const before = withLines.filter(match => Number(match[1]) <= line);
        target = before.length > 0 ? before[before.length - 1].index : undefined;
    } else {
        const bodyStart = html.search(/<body[^>]*>/i);
        const blocks = [...html.matchAll(BLOCK_OPENING)].filter(match => (match.index ?? 0) > bodyStart);
        if (blocks.length > 1 && lineCount > 1) {
            target = blocks[Math.min(blocks.length - 1, Math.floor((topLine / lineCount) * blocks.length))].index;
        }
    }
    if (target === undefined) return html;
    const nameEnd = html.slice(target + 1).search(/[\s>/]/) + target + 1;
    return `${html.slice(0, nameEnd)} ${SCROLL_MARK}${html.slice(nameEnd)}`;
}

// The page's own stylesheet picks light or dark by the browser's preference and sets no
// background for light; VS Code's would show through. Canvas is the page's scheme's own.
const BANNER_STYLE = 'html{background:Canvas}.minutes-preview-problems{position:sticky;top:0;z-index:1;margin:0 0 1em;padding:.6em 1em;'
    + 'background:#fff4ce;color:#3b2e00;border-bottom:1px solid #e0c060;font:13px/1.4 system-ui,sans-serif}'
    + '.minutes-preview-problems ul{margin:.3em 0 0;padding-left:1.2em}';

function problemsBanner(problems: string[], stale: boolean): string {
    const shown = problems.slice(0, 5).map(p => `<li>${escapeHtml(p)}</li>`).join('');
    const more = problems.length > 5 ? `<li>… and ${problems.length - 5} more</li>` : '';
    const what = stale ? 'The preview shows the last version without errors.' : 'Fix them to see the preview.';
    return `<div class="minutes-preview-problems" role="alert"><strong>This file has ${problems.length} ${problems.length === 1 ? 'error' : 'errors'}.</strong> ${what}<ul>${shown}${more}</ul></div>`;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] ?? c);
}
