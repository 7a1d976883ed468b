import { URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import { structureOf } from '../../src/model/structure.js';
import { editDocument } from '../helpers/lsp.js';
import { buildWorkspace } from '../helpers/workspace.js';

/*
 * Two meetings agree actions with the same identifier (an error, `duplicate-action-id`);
 * a third reports on it. Which of the two its `update #dup` names must not depend on the
 * order in which documents were loaded or last edited: the editor, after edits, names the
 * one `minutes check` (a workspace built afresh) names.
 */

type Workspace = Awaited<ReturnType<typeof buildWorkspace>>;

const FILES: Record<string, string> = {
    'b-first.minutes': 'meeting: First call\ndate: 2018-03-19\n\naction #dup: Circulate the report.\n',
    'a-second.minutes': 'meeting: Second call\ndate: 2018-04-16\n\naction #dup: Draft the letter.\n',
    'c-third.minutes': 'meeting: Third call\ndate: 2018-05-14\n\nupdate #dup done: Finished.\n'
};

function documentOf(workspace: Workspace, name: string): LangiumDocument<Document> {
    return workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.file(`/workspace/${name}`)) as LangiumDocument<Document>;
}

/** The file whose action the third meeting's `update #dup` is linked to. */
function namedBy(workspace: Workspace): string | undefined {
    const update = structureOf(documentOf(workspace, 'c-third.minutes').parseResult.value).meetings[0]!.updates[0]!;
    const target = update.update.action.ref;
    return target && (target.$container as Document & { $document?: LangiumDocument }).$document?.uri.path.replace('/workspace/', '');
}

/** The same files, loaded in the given order. */
function inOrder(names: string[]): Record<string, string> {
    return Object.fromEntries(names.map(name => [name, FILES[name]!]));
}

describe('an update naming a duplicate action identifier', () => {
    test('names the same action whatever the order the files were loaded in', async () => {
        const chosen = new Set<string | undefined>();
        for (const order of [['b-first.minutes', 'a-second.minutes', 'c-third.minutes'], ['a-second.minutes', 'b-first.minutes', 'c-third.minutes'], ['c-third.minutes', 'b-first.minutes', 'a-second.minutes']]) {
            chosen.add(namedBy(await buildWorkspace(inOrder(order))));
        }
        expect([...chosen]).toEqual(['a-second.minutes']);
    });

    test('in the editor, after edits of either meeting that agrees it, names the action a check names', async () => {
        const workspace = await buildWorkspace(FILES);
        const fresh = async () => namedBy(await buildWorkspace(Object.fromEntries(Object.keys(FILES).map(name => [name, documentOf(workspace, name).textDocument.getText()]))));
        expect(namedBy(workspace)).toBe(await fresh());
        for (const name of ['b-first.minutes', 'a-second.minutes', 'b-first.minutes']) {
            // The meeting that agrees it is retyped (its action indexed again), then the report on it.
            const agreeing = documentOf(workspace, name);
            await editDocument(workspace.services, agreeing.uri, `${agreeing.textDocument.getText()}\n@mcade: Noted.\n`);
            const third = documentOf(workspace, 'c-third.minutes');
            await editDocument(workspace.services, third.uri, `${third.textDocument.getText()}\nAnother line.\n`);
            expect(namedBy(workspace), `after editing ${name}`).toBe(await fresh());
        }
    });
});
