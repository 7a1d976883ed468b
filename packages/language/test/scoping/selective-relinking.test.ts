import { URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { buildWorkspace } from '../helpers/workspace.js';

type Workspace = Awaited<ReturnType<typeof buildWorkspace>>;

const uriOf = (name: string) => URI.file(`/workspace/${name}`);
let version = 1;

/** Changes or adds a file as the editor does, rebuilds, and returns the files linked meanwhile. */
async function write(workspace: Workspace, name: string, text: string): Promise<string[]> {
    const linked: string[] = [];
    const linker = workspace.services.Minutes.references.Linker;
    const link = linker.link.bind(linker);
    linker.link = (document: LangiumDocument, token) => {
        linked.push(document.uri.path.replace('/workspace/', ''));
        return link(document, token);
    };
    try {
        setTextDocument(workspace.services.shared, TextDocument.create(uriOf(name).toString(), 'minutes', ++version, text));
        await workspace.services.shared.workspace.DocumentBuilder.update([uriOf(name)], []);
    } finally {
        linker.link = link;
    }
    return linked.sort();
}

function codesOf(workspace: Workspace, name: string): string[] {
    const document = workspace.services.shared.workspace.LangiumDocuments.getDocument(uriOf(name));
    return (document?.diagnostics ?? []).map(d => String(d.code));
}

const DIRECTORY = 'person @mcade Marilyn Cade\n';
const MISSPELT = 'meeting: A\ndate: 2018-03-19\n\n@mcade: Opened.\n@ttropina: Spoke.\n';
const OTHER = 'meeting: B\ndate: 2018-03-20\n\n@mcade: Opened.\n';

describe('an edit re-links only the documents it can change', () => {
    test('typing in one meeting does not re-link another meeting with an unknown name', async () => {
        const workspace = await buildWorkspace({ 'directory.minutes': DIRECTORY, 'a.minutes': MISSPELT, 'b.minutes': OTHER });
        expect(codesOf(workspace, 'a.minutes')).toEqual([IssueCodes.UnknownSpeaker]);

        const linked = await write(workspace, 'b.minutes', OTHER + 'More prose.\n');
        expect(linked).toEqual(['b.minutes']);
        expect(codesOf(workspace, 'a.minutes')).toEqual([IssueCodes.UnknownSpeaker]);
    });

    test('declaring the missing person re-links the meetings that name them', async () => {
        const workspace = await buildWorkspace({ 'directory.minutes': DIRECTORY, 'a.minutes': MISSPELT, 'b.minutes': OTHER });

        const linked = await write(workspace, 'directory.minutes', DIRECTORY + 'person @ttropina Tatiana Tropina\n');
        // Both meetings point into the directory, whose nodes were replaced: both are re-linked.
        expect(linked).toEqual(['a.minutes', 'b.minutes', 'directory.minutes']);
        expect(codesOf(workspace, 'a.minutes')).toEqual([]);
    });

    test('a new file that declares the missing person resolves it in a file that does not point to it', async () => {
        const workspace = await buildWorkspace({ 'directory.minutes': DIRECTORY, 'a.minutes': MISSPELT, 'b.minutes': OTHER });

        const linked = await write(workspace, 'more-people.minutes', 'person @ttropina Tatiana Tropina\n');
        expect(linked).toEqual(['a.minutes', 'more-people.minutes']);
        expect(codesOf(workspace, 'a.minutes')).toEqual([]);
    });

    test('declaring an action resolves the update that reported on it from another meeting', async () => {
        const reporting = 'meeting: C\ndate: 2018-04-01\n\nupdate #paper done: Circulated.\n';
        const workspace = await buildWorkspace({ 'directory.minutes': DIRECTORY, 'b.minutes': OTHER, 'c.minutes': reporting });
        expect(codesOf(workspace, 'c.minutes')).toContain(IssueCodes.UnknownAction);

        const linked = await write(workspace, 'b.minutes', OTHER + 'action #paper @mcade: Write the paper.\n');
        expect(linked).toEqual(['b.minutes', 'c.minutes']);
        expect(codesOf(workspace, 'c.minutes')).not.toContain(IssueCodes.UnknownAction);
    });
});
