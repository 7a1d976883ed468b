import type { CompletionList } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { buildWorkspace } from '../helpers/workspace.js';
import { fixtureFiles } from '../helpers/fixtures.js';

/** Completion at the `<|>` of `name`, in the series fixture plus the given files. */
async function completeAt(name: string, files: Record<string, string>): Promise<CompletionList> {
    const withCursor = files[name];
    const offset = withCursor.indexOf('<|>');
    const { services, documents } = await buildWorkspace({ ...fixtureFiles('series'), ...files, [name]: withCursor.replace('<|>', '') });
    const document = documents[name];
    return (await services.Minutes.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.textDocument.uri },
        position: document.textDocument.positionAt(offset)
    }))!;
}

const labels = (list: CompletionList) => [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(item => item.label);

describe('completion after update #', () => {
    test('offers the actions of earlier meetings still open at this meeting, with a written identifier', async () => {
        // At 2018-05-10 (between the second and third meetings of the series): wsis-report is done;
        // ig-paper is open (moved to 2018-05-31), outreach-plan open (due 2018-05-15); the slides action
        // has no identifier; mag-letter is agreed later.
        const list = await completeAt('next.minutes', { 'next.minutes': 'meeting: Interim call\ngroup: @CCWG-IG\ndate: 2018-05-10\n\nupdate #<|>\n' });
        expect(labels(list)).toEqual(['#outreach-plan', '#ig-paper']);
        const paper = list.items.find(item => item.label === '#ig-paper')!;
        expect(paper.detail).toBe('Draft a paper on the gaps between cybernorms and Internet governance. · due 2018-05-31');
        expect(paper.labelDetails?.description).toBe('@mcade');
        expect(paper.documentation).toEqual({
            kind: 'markdown',
            value: 'Agreed at CCWG-IG session at the WSIS Forum 2018, 2018-03-19; open, last reported at CCWG-IG teleconference, 2018-04-23.'
        });
    });

    test('after the last meeting: only what is still open; the series comes first', async () => {
        const list = await completeAt('late.minutes', {
            'other.minutes': 'meeting: Another group\ngroup: Someone else\ndate: 2018-06-01\n\naction #other @mcade due 2018-06-02: Something else.\n',
            'late.minutes': 'meeting: Later call\ngroup: @CCWG-IG\ndate: 2018-09-01\n\nupdate #m<|>\n'
        });
        expect(labels(list)).toEqual(['#mag-letter', '#other']);
        expect(list.items[0].textEdit).toMatchObject({ newText: '#mag-letter', range: { start: { line: 4, character: 7 }, end: { line: 4, character: 9 } } });
    });
});
