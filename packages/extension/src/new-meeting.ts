import * as vscode from 'vscode';
import type { MinutesRequests, SeriesInfo } from './minutes-requests.js';

/** Today in the local time zone, as the date box offers it. */
function today(): string {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function pickSeries(series: readonly SeriesInfo[]): Promise<SeriesInfo | undefined> {
    if (series.length === 1) return series[0];
    const picked = await vscode.window.showQuickPick(series.map(info => ({
        label: info.name,
        description: `${info.meetings} meeting${info.meetings === 1 ? '' : 's'}, latest ${info.latest.date ?? 'undated'}`,
        detail: info.latest.title,
        info
    })), { title: 'New Meeting in Series', placeHolder: 'The series the new meeting belongs to' });
    return picked?.info;
}

/**
 * "Minutes: New Meeting in Series…": asks for the series, the date and the title, then
 * creates the next meeting's file beside the latest one (the server writes its text, as
 * `minutes new` does) and opens it. An existing file is never replaced.
 */
export async function newMeetingInSeries(requests: MinutesRequests): Promise<vscode.Uri | undefined> {
    const series = await requests.series();
    if (series.length === 0) {
        void vscode.window.showWarningMessage('Minutes: no meeting of the workspace names its series (group: or series:), so there is no series to continue.');
        return undefined;
    }
    const chosen = await pickSeries(series);
    if (!chosen) return undefined;
    const date = await vscode.window.showInputBox({
        title: `New meeting of ${chosen.name}`,
        prompt: 'The date of the meeting (YYYY-MM-DD)',
        value: today(),
        validateInput: value => /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? undefined : 'Write the date as YYYY-MM-DD.'
    });
    if (date === undefined) return undefined;
    const title = await vscode.window.showInputBox({
        title: `New meeting of ${chosen.name}`,
        prompt: 'The title of the meeting',
        value: chosen.latest.title,
        validateInput: value => value.trim() ? undefined : 'Give the meeting a title.'
    });
    if (title === undefined) return undefined;
    // An unchanged title is copied from the latest meeting's line as written.
    const result = await requests.nextMeeting({ series: chosen.key, date: date.trim(), title: title.trim() === chosen.latest.title ? undefined : title.trim() });
    if (!result.ok) {
        void vscode.window.showErrorMessage(`Minutes: cannot start the next meeting: ${result.message}`);
        return undefined;
    }
    const target = vscode.Uri.joinPath(vscode.Uri.parse(result.folderUri), result.fileName);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(result.text) });
    if (!await vscode.workspace.applyEdit(edit)) {
        void vscode.window.showErrorMessage(`Minutes: ${result.fileName} already exists; it is left as it is. Choose another date or title.`);
        return undefined;
    }
    await vscode.window.showTextDocument(target);
    const notes = [`${result.openActions} open action${result.openActions === 1 ? '' : 's'} to report on`];
    if (result.withoutIdentifier > 0) notes.push(`${result.withoutIdentifier} open without an identifier (listed in a comment)`);
    void vscode.window.showInformationMessage(`Minutes: ${result.fileName} created: confirm the attendees; ${notes.join('; ')}.`);
    return target;
}
