import * as vscode from 'vscode';
import type { DocumentStats, MinutesRequests } from './minutes-requests.js';

const REFRESH_DELAY_MS = 500;

/** The status-bar item for the active Minutes file: attendees, interventions, open actions. */
export class StatsStatusBar implements vscode.Disposable {
    readonly item: vscode.StatusBarItem;
    private readonly subscriptions: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    private pending: vscode.CancellationTokenSource | undefined;

    constructor(private readonly requests: MinutesRequests) {
        this.item = vscode.window.createStatusBarItem('minutes.stats', vscode.StatusBarAlignment.Right, 100);
        this.item.name = 'Minutes: statistics of the file';
        this.item.command = 'workbench.actions.view.problems';
        this.subscriptions.push(
            vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document === vscode.window.activeTextEditor?.document) this.schedule(REFRESH_DELAY_MS);
            }),
            // Diagnostics arrive after the server has validated: the figures are ready then.
            vscode.languages.onDidChangeDiagnostics(event => {
                const active = vscode.window.activeTextEditor?.document.uri.toString();
                if (active && event.uris.some(uri => uri.toString() === active)) this.schedule(0);
            })
        );
        this.schedule(0);
    }

    private schedule(delay: number): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), delay);
    }

    async refresh(): Promise<void> {
        const document = vscode.window.activeTextEditor?.document;
        if (document?.languageId !== 'minutes') {
            this.item.hide();
            return;
        }
        this.pending?.cancel();
        const pending = this.pending = new vscode.CancellationTokenSource();
        try {
            const stats = await this.requests.stats(document, pending.token);
            if (pending.token.isCancellationRequested) return;
            if (!stats) {
                this.item.hide();
                return;
            }
            this.show(stats);
        } catch {
            // Cancelled, or the server is restarting: the next change asks again.
        }
    }

    private show(stats: DocumentStats): void {
        const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
        this.item.text = `$(organization) ${stats.attendees}  $(comment-discussion) ${stats.interventions}  $(checklist) ${stats.openActions}`;
        const tooltip = new vscode.MarkdownString(
            `**Minutes** — ${plural(stats.meetings, 'meeting', 'meetings')}\n\n`
            + `- ${plural(stats.attendees, 'attendee', 'attendees')}\n`
            + `- ${plural(stats.interventions, 'intervention', 'interventions')}\n`
            + `- ${plural(stats.openActions, 'open action', 'open actions')}\n\n`
            + `${plural(stats.errors, 'error', 'errors')}, ${plural(stats.warnings, 'warning', 'warnings')} — click for the Problems panel`
        );
        this.item.tooltip = tooltip;
        this.item.accessibilityInformation = {
            label: `${plural(stats.attendees, 'attendee', 'attendees')}, ${plural(stats.interventions, 'intervention', 'interventions')}, ${plural(stats.openActions, 'open action', 'open actions')}`
        };
        this.item.show();
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.pending?.cancel();
        this.subscriptions.forEach(s => s.dispose());
        this.item.dispose();
    }
}
