import { URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document } from '../../src/generated/ast.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { buildWorkspace } from '../helpers/workspace.js';

type Workspace = Awaited<ReturnType<typeof buildWorkspace>>;

const uriOf = (name: string) => URI.file(`/workspace/${name}`);

function documentOf(workspace: Workspace, name: string): LangiumDocument<Document> {
    return workspace.services.shared.workspace.LangiumDocuments.getDocument(uriOf(name)) as LangiumDocument<Document>;
}

function codesOf(workspace: Workspace, name: string): string[] {
    return (documentOf(workspace, name).diagnostics ?? []).map(d => String(d.code));
}

let version = 1;

/** Changes or adds a file as the editor would (an open text document), and rebuilds. */
async function write(workspace: Workspace, name: string, text: string): Promise<void> {
    const uri = uriOf(name).toString();
    setTextDocument(workspace.services.shared, TextDocument.create(uri, 'minutes', ++version, text));
    await workspace.services.shared.workspace.DocumentBuilder.update([uriOf(name)], []);
}

async function remove(workspace: Workspace, name: string): Promise<void> {
    workspace.services.shared.workspace.TextDocuments?.delete(uriOf(name).toString());
    await workspace.services.shared.workspace.DocumentBuilder.update([], [uriOf(name)]);
}

const MEETING = 'meeting: M\ndate: 2018-03-19\n\nattendees:\n- @mcade\n\n@mcade: Opened.\n';
const DIRECTORY = 'person @mcade Marilyn Cade\n  alias: Marilyn\n';

describe('validation follows the directory across files', () => {
    test('adding and removing the directory file re-validates the meeting that uses it', async () => {
        const workspace = await buildWorkspace({ 'meeting.minutes': MEETING });
        expect(codesOf(workspace, 'meeting.minutes')).toEqual([IssueCodes.UnknownAttendee, IssueCodes.UnknownSpeaker]);

        await write(workspace, 'directory.minutes', DIRECTORY);
        expect(codesOf(workspace, 'meeting.minutes')).toEqual([]);

        await remove(workspace, 'directory.minutes');
        expect(codesOf(workspace, 'meeting.minutes')).toEqual([IssueCodes.UnknownAttendee, IssueCodes.UnknownSpeaker]);
    });

    test('a directory split over several files resolves from all of them', async () => {
        const workspace = await buildWorkspace({
            'meeting.minutes': 'meeting: M\ndate: 2018-03-19\n\n@mcade: One.\n@ttropina: Two.\n',
            'people-a.minutes': DIRECTORY,
            'people-b.minutes': 'person @ttropina Tatiana Tropina\n'
        });
        expect(codesOf(workspace, 'meeting.minutes')).toEqual([]);
        await remove(workspace, 'people-b.minutes');
        expect(codesOf(workspace, 'meeting.minutes')).toEqual([IssueCodes.UnknownSpeaker]);
    });

    test('a handle declared in two files is an error in both, and clears in both when one goes', async () => {
        const workspace = await buildWorkspace({ 'people-a.minutes': DIRECTORY, 'people-b.minutes': 'person @ttropina Tatiana Tropina\n' });
        expect(codesOf(workspace, 'people-a.minutes')).toEqual([]);

        // Declaring @MCade in the other file makes both declarations errors: people-a was not edited.
        await write(workspace, 'people-b.minutes', 'person @ttropina Tatiana Tropina\nperson @MCade Marie Cadet\n');
        expect(codesOf(workspace, 'people-a.minutes')).toEqual([IssueCodes.DuplicateHandle]);
        expect(codesOf(workspace, 'people-b.minutes')).toEqual([IssueCodes.DuplicateHandle]);

        // Renaming it clears the error in the file that was not edited.
        await write(workspace, 'people-b.minutes', 'person @ttropina Tatiana Tropina\nperson @mcadet Marie Cadet\n');
        expect(codesOf(workspace, 'people-a.minutes')).toEqual([]);

        // So does deleting the file that holds the duplicate.
        await write(workspace, 'people-c.minutes', 'person @mcade Marilyn Cade\n');
        expect(codesOf(workspace, 'people-a.minutes')).toEqual([IssueCodes.DuplicateHandle, IssueCodes.DuplicatePerson]);
        await remove(workspace, 'people-c.minutes');
        expect(codesOf(workspace, 'people-a.minutes')).toEqual([]);
    });

    test('deleting a folder that held the duplicate clears the error', async () => {
        const workspace = await buildWorkspace({ 'people-a.minutes': DIRECTORY, 'more/people-b.minutes': 'person @MCade Marie Cadet\n' });
        expect(codesOf(workspace, 'people-a.minutes')).toEqual([IssueCodes.DuplicateHandle]);
        await workspace.services.shared.workspace.DocumentBuilder.update([], [uriOf('more')]);
        expect(codesOf(workspace, 'people-a.minutes')).toEqual([]);
    });

    test('an alias shared across files is ambiguous in both', async () => {
        const workspace = await buildWorkspace({
            'people-a.minutes': 'person @agengo Anja Gengo\n  alias: Anja\n',
            'people-b.minutes': 'person @akovacs Anja Kovacs\n'
        });
        await write(workspace, 'people-b.minutes', 'person @akovacs Anja Kovacs\n  alias: Anja\n');
        expect(codesOf(workspace, 'people-a.minutes')).toEqual([IssueCodes.AmbiguousName]);
        expect(documentOf(workspace, 'people-a.minutes').diagnostics![0].message)
            .toBe("Alias 'Anja' is shared by Anja Gengo and Anja Kovacs: '@Anja' cannot tell them apart.");
    });
});

describe('a large directory does not slow down typing in a meeting', () => {
    const PEOPLE = 5000;
    const directory = Array.from({ length: PEOPLE }, (_, i) =>
        `person @p${i} Person Number${i} Surname${i}\n  alias: Number${i}\n  org: @org${i % 50}\n  role: Member ${i}\n`).join('\n')
        + Array.from({ length: 50 }, (_, i) => `\norg @org${i} Organisation ${i}\n  acronym: ORG${i}\n`).join('');
    const meeting = (extra: string) => [
        'meeting: A meeting', 'date: 2018-03-19', '', 'attendees:',
        ...Array.from({ length: 20 }, (_, i) => `- @p${i}`), '',
        ...Array.from({ length: 20 }, (_, i) => `@p${i}: Said something about @org${i % 50} and @{Person Number${i + 20} Surname${i + 20}}.${extra}`), ''
    ].join('\n');

    test(`a keystroke in a meeting file re-validates that file only (${PEOPLE} people)`, async () => {
        const started = performance.now();
        const workspace = await buildWorkspace({ 'directory.minutes': directory, 'meeting.minutes': meeting('') });
        const initial = performance.now() - started;
        expect(codesOf(workspace, 'meeting.minutes')).toEqual([]);
        expect(codesOf(workspace, 'directory.minutes')).toEqual([]);

        const validated: string[] = [];
        const validator = workspace.services.Minutes.validation.DocumentValidator;
        const validate = validator.validateDocument.bind(validator);
        validator.validateDocument = (document, ...rest) => {
            validated.push(document.uri.path.split('/').pop()!);
            return validate(document, ...rest);
        };

        const timings: number[] = [];
        for (let keystroke = 0; keystroke < 5; keystroke++) {
            const start = performance.now();
            await write(workspace, 'meeting.minutes', meeting(' x'.repeat(keystroke + 1)));
            timings.push(performance.now() - start);
        }
        expect(validated).toEqual(Array(5).fill('meeting.minutes'));
        expect(codesOf(workspace, 'meeting.minutes')).toEqual([]);

        // Editing the directory re-validates it (and the meeting that references it), once per edit.
        validated.length = 0;
        const start = performance.now();
        await write(workspace, 'directory.minutes', directory + '\nperson @p0 A Duplicate\n');
        const directoryEdit = performance.now() - start;
        expect(codesOf(workspace, 'directory.minutes').filter(c => c === IssueCodes.DuplicateHandle)).toHaveLength(2);
        expect(validated.sort()).toEqual(['directory.minutes', 'meeting.minutes']);

        const median = [...timings].sort((a, b) => a - b)[2];
        console.log(`${PEOPLE} people: initial build ${initial.toFixed(0)} ms; keystroke in a meeting file (median of 5) `
            + `${median.toFixed(1)} ms; edit of the directory ${directoryEdit.toFixed(0)} ms`);
        // What a keystroke costs is the bench's (edit p95); this test, that it validates only what it must.
    });
});
