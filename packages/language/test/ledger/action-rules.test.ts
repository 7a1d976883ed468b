import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { buildWorkspace } from '../helpers/workspace.js';
import { buildFixture } from '../helpers/fixtures.js';

const directory = 'person @ann Ann Example\n';
const ACTION_CODES = new Set<string>([IssueCodes.UnknownAction, IssueCodes.DuplicateActionId, IssueCodes.UpdateBeforeAction, IssueCodes.ActionWithoutId]);

function actionDiagnostics(diagnostics: Diagnostic[] | undefined): Array<[string, number, string, string]> {
    return (diagnostics ?? [])
        .filter(d => ACTION_CODES.has(String(d.code)))
        .map(d => [String(d.code), d.range.start.line + 1, ['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1], d.message]);
}

describe('action ledger rules', () => {
    test('the meeting series fixture is clean but for the hint on its action without identifier', async () => {
        const { documents } = await buildFixture('series');
        const all = Object.entries(documents).flatMap(([name, doc]) => actionDiagnostics(doc.diagnostics).map(d => [name, ...d]));
        expect(all).toEqual([[
            '2018-03-19-wsis-session.minutes', IssueCodes.ActionWithoutId, 19, 'hint',
            "This action has no identifier: with '#2018-03-19-share-slides-cybercrime', later meetings can report on it ('update #2018-03-19-share-slides-cybercrime done: …')."
        ]]);
    });

    test('an unknown identifier after update is an error', async () => {
        const { documents } = await buildWorkspace({
            'directory.minutes': directory,
            'a.minutes': 'meeting: A\ndate: 2018-01-10\n\nupdate #nowhere done: Done.\n'
        });
        expect(actionDiagnostics(documents['a.minutes'].diagnostics)).toEqual([
            [IssueCodes.UnknownAction, 4, 'error', "Unknown action '#nowhere': no action of the workspace has this identifier."]
        ]);
    });

    test('an identifier used twice in the workspace is an error at both', async () => {
        const { documents } = await buildWorkspace({
            'directory.minutes': directory,
            'a.minutes': 'meeting: A\ndate: 2018-01-10\n\naction #plan @ann: Plan it.\n',
            'b.minutes': 'meeting: B\ndate: 2018-02-10\n\n\naction #Plan @ann: Plan it again.\n'
        });
        expect(actionDiagnostics(documents['a.minutes'].diagnostics)).toEqual([[IssueCodes.DuplicateActionId, 4, 'error',
            "Action identifier '#plan' is also used in b.minutes line 5: an identifier must name one action in the workspace, so that updates know which one they report on."]]);
        const [b] = (documents['b.minutes'].diagnostics ?? []).filter(d => d.code === IssueCodes.DuplicateActionId);
        expect(b.message).toContain("'#Plan' is also used in a.minutes line 4");
        // The identifier is underlined, not the whole line.
        expect([b.range.start.character, b.range.end.character]).toEqual([7, 12]);
    });

    test('an update in a meeting dated before the action is a warning; on the same day or later it is fine', async () => {
        const { documents } = await buildWorkspace({
            'directory.minutes': directory,
            'early.minutes': 'meeting: Early\ndate: 2018-01-01\n\nupdate #later done: Too early.\n',
            'same.minutes': 'meeting: Same day\ndate: 1 February 2018\n\nupdate #later: Started.\n',
            'later.minutes': 'meeting: Later\ndate: 2018-02-01\n\naction #later @ann: Do it.\n'
        });
        expect(actionDiagnostics(documents['early.minutes'].diagnostics)).toEqual([[IssueCodes.UpdateBeforeAction, 4, 'warning',
            'This meeting (1 January 2018) is before the meeting that agreed #later (Later, 1 February 2018): an update reports on an earlier action.']]);
        expect(actionDiagnostics(documents['same.minutes'].diagnostics)).toEqual([]);
    });

    test('the quick fix writes a derived identifier, unique in the workspace and in the document', async () => {
        const { services, documents } = await buildWorkspace({
            'directory.minutes': directory,
            'other.minutes': 'meeting: Other\ndate: 2018-03-19\n\naction #2018-03-19-circulate-report @ann: Circulate it.\n',
            'a.minutes': 'meeting: A\ndate: 2018-03-19\n\naction @ann: Circulate the report.\naction @ann: Circulate the report!\n'
        });
        const document = documents['a.minutes'];
        const hints = (document.diagnostics ?? []).filter(d => d.code === IssueCodes.ActionWithoutId);
        expect(hints.map(h => (h.data as { id: string }).id)).toEqual(['2018-03-19-circulate-report-2', '2018-03-19-circulate-report-3']);
        const actions = await services.Minutes.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: hints[0].range, context: { diagnostics: [hints[0]] }
        }) as CodeAction[];
        const fix = actions.find(a => a.title === 'Give this action the identifier #2018-03-19-circulate-report-2')!;
        expect(fix.isPreferred).toBe(true);
        const edits = fix.edit!.changes![document.uri.toString()];
        const fixed = TextDocument.applyEdits(document.textDocument, edits);
        expect(fixed.split('\n')[3]).toBe('action #2018-03-19-circulate-report-2 @ann: Circulate the report.');
    });
});
