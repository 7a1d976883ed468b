import type { LangiumDocument } from 'langium';
import { expectFindReferences, expectGoToDefinition, expectHighlight, expectHover } from 'langium/test';
import { ResponseError, type Location, type LocationLink, type MarkupContent, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import { buildWorkspace } from '../helpers/workspace.js';
import { DIRECTORY, directoryWorkspace, offsetOf } from '../helpers/lsp.js';

const MEETING = `meeting: WSIS Forum session
date: 2018-03-19
chair: @mcade
attendees:
- @ttropina (remote)
- @pfaltstrom

@Marilyn: Opening. She thanked @ttropina.

@ttropina: A remark about @{Marilyn Cade}.

@mcade: Closing.

action #report @mcade due 2018-04-15: Circulate the report.
`;

const OTHER = `@{Patrik Faltstrom} noted that @mcade had left.

update #report done: Circulated.
`;

async function workspace() {
    const built = await buildWorkspace({ 'directory.minutes': DIRECTORY, 'meeting.minutes': MEETING, 'other.minutes': OTHER });
    const { documents, services } = built;
    const lsp = services.Minutes.lsp;
    const at = (name: string, needle: string, delta = 1, occurrence = 0) => {
        const document = documents[name];
        return { document, params: { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offsetOf(document, needle, delta, occurrence)) } };
    };
    return { ...built, lsp, at };
}

function textAt(documents: Record<string, LangiumDocument<Document>>, location: { uri: string; range: Range }): string {
    const document = Object.values(documents).find(d => d.textDocument.uri === location.uri)!;
    return document.textDocument.getText(location.range);
}

function fileOf(uri: string): string {
    return uri.slice(uri.lastIndexOf('/') + 1);
}

describe('hover', () => {
    it('shows who a speaker is and what they did in this meeting, whatever name is written', async () => {
        const { lsp, at } = await workspace();
        const { document, params } = at('meeting.minutes', '@Marilyn:');
        const hover = await lsp.HoverProvider!.getHoverContent(document, params);
        const value = (hover!.contents as MarkupContent).value;
        expect(value).toContain('**Ms Marilyn Cade** `@mcade`');
        expect(value).toContain('Chair, CCWG-IG');
        expect(value).toContain('Organisation: ICANN-BC');
        expect(value).toContain('Also written: Marilyn');
        expect(value).toContain('In *WSIS Forum session*: chair · not in the attendance list · 2 interventions');
        expect(document.textDocument.getText(hover!.range!)).toBe('@Marilyn');
    });

    it('shows attendance from the roster and counts interventions', async () => {
        const { lsp, at } = await workspace();
        const { document, params } = at('meeting.minutes', 'thanked @ttropina', 9);
        const value = ((await lsp.HoverProvider!.getHoverContent(document, params))!.contents as MarkupContent).value;
        expect(value).toContain('**Tatiana Tropina** `@ttropina`');
        expect(value).toContain('In *WSIS Forum session*: remote · 1 intervention');
    });

    it('shows an organisation with its full name and stakeholder group', async () => {
        const { lsp, at } = await workspace();
        const { document, params } = at('directory.minutes', 'org: @CoE', 6);
        const value = ((await lsp.HoverProvider!.getHoverContent(document, params))!.contents as MarkupContent).value;
        expect(value).toContain('**Council of Europe** `@CoE`');
        expect(value).toContain('organisation · intergovernmental');
        expect(value).not.toContain('In ');
    });

    it('shows an action from an update in another file', async () => {
        const { lsp, at } = await workspace();
        const { document, params } = at('other.minutes', '#report');
        const value = ((await lsp.HoverProvider!.getHoverContent(document, params))!.contents as MarkupContent).value;
        expect(value).toContain('**Action `#report`** (open)');
        expect(value).toContain('Circulate the report.');
        expect(value).toContain('Owner: Marilyn Cade · Due: 2018-04-15');
        expect(value).toContain('Agreed in *WSIS Forum session*');
    });

    it('shows nothing on prose or on an unknown name', async () => {
        const { lsp, at } = await workspace();
        const prose = at('meeting.minutes', 'Opening');
        expect(await lsp.HoverProvider!.getHoverContent(prose.document, prose.params)).toBeUndefined();
        const { services } = await directoryWorkspace();
        await expectHover(services.Minutes)({ text: '@nob<|>ody: Hello.', index: 0, hover: undefined, disposeAfterCheck: true });
    });

    it('works with the langium test helper', async () => {
        const { services } = await directoryWorkspace();
        await expectHover(services.Minutes)({
            text: 'attendees:\n- @pfaltstrom\n\n@pfa<|>ltstrom: Hello.',
            index: 0,
            hover: /\*\*Patrik Fältström\*\* `@pfaltstrom`[\s\S]*Head of Research and Development[\s\S]*In \*Meeting\*: present · 1 intervention/,
            disposeAfterCheck: true
        });
    });
});

describe('go to definition', () => {
    it.each([
        ['an alias', 'meeting.minutes', '@Marilyn', 'directory.minutes', '@mcade'],
        ['a display name in braces, across files, without accents', 'other.minutes', '@{Patrik', 'directory.minutes', '@pfaltstrom'],
        ['a handle in an attendee line', 'meeting.minutes', '- @ttropina', 'directory.minutes', '@ttropina'],
        ['an organisation', 'directory.minutes', 'org: @CoE', 'directory.minutes', '@CoE']
    ])('goes from %s to the directory entry', async (_what, file, needle, targetFile, targetName) => {
        const { lsp, at, documents } = await workspace();
        const { document, params } = at(file, needle, needle.indexOf('@') + 1);
        const links = await lsp.DefinitionProvider!.getDefinition(document, params) as LocationLink[];
        expect(links).toHaveLength(1);
        expect(fileOf(links[0].targetUri)).toBe(targetFile);
        expect(textAt(documents, { uri: links[0].targetUri, range: links[0].targetSelectionRange })).toBe(targetName);
        expect(textAt(documents, { uri: links[0].targetUri, range: links[0].targetRange })).toMatch(new RegExp(`^(person|org) ${targetName}`));
    });

    it('goes from an update to its action', async () => {
        const { lsp, at, documents } = await workspace();
        const { document, params } = at('other.minutes', '#report');
        const links = await lsp.DefinitionProvider!.getDefinition(document, params) as LocationLink[];
        expect(fileOf(links[0].targetUri)).toBe('meeting.minutes');
        expect(textAt(documents, { uri: links[0].targetUri, range: links[0].targetRange })).toBe('action #report @mcade due 2018-04-15: Circulate the report.');
    });

    it('works with the langium test helper in one file, with the cursor right after the name', async () => {
        const { services } = await buildWorkspace({});
        await expectGoToDefinition(services.Minutes)({
            text: 'person <|@solo|> Solo Person\n\n@solo<|>: Hello.',
            index: 0,
            rangeIndex: 0,
            disposeAfterCheck: true
        });
    });
});

describe('references and highlights', () => {
    it('finds every reference across the workspace, however the name is written', async () => {
        const { lsp, at, documents } = await workspace();
        const { document, params } = at('directory.minutes', '@mcade');
        const locations = await lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: true } }) as Location[];
        const found = locations.map(location => `${fileOf(location.uri)} ${textAt(documents, location)}`).sort();
        expect(found).toEqual([
            'directory.minutes @mcade',
            'meeting.minutes @Marilyn',
            'meeting.minutes @mcade', // chair
            'meeting.minutes @mcade', // speaker
            'meeting.minutes @mcade', // action owner
            'meeting.minutes @{Marilyn Cade}',
            'other.minutes @mcade'
        ]);
        const withoutDeclaration = await lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: false } });
        expect(withoutDeclaration).toHaveLength(6);
    });

    it('finds the updates of an action', async () => {
        const { lsp, at } = await workspace();
        const { document, params } = at('meeting.minutes', '#report');
        const locations = await lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: false } }) as Location[];
        expect(locations.map(location => fileOf(location.uri))).toEqual(['other.minutes']);
    });

    it('highlights every occurrence of the person in the file', async () => {
        const { lsp, at, documents } = await workspace();
        const { document, params } = at('meeting.minutes', '@{Marilyn Cade}', 3);
        const highlights = await lsp.DocumentHighlightProvider!.getDocumentHighlight(document, params);
        expect(highlights!.map(h => document.textDocument.getText(h.range))).toEqual(['@mcade', '@Marilyn', '@{Marilyn Cade}', '@mcade', '@mcade']);
        // In the directory, the declaration is highlighted as the place the handle is written.
        const inDirectory = at('directory.minutes', '@mcade');
        const there = await lsp.DocumentHighlightProvider!.getDocumentHighlight(inDirectory.document, inDirectory.params);
        expect(there!.map(h => [documents['directory.minutes'].textDocument.getText(h.range), h.kind])).toEqual([['@mcade', 3]]);
    });

    it('works with the langium test helpers', async () => {
        const { services } = await buildWorkspace({});
        await expectFindReferences(services.Minutes)({
            text: 'person <|@solo|> Solo Person\n  alias: Solo\n\n<|@So<|>lo|>: Hello <|@{Solo Person}|>.',
            includeDeclaration: true,
            disposeAfterCheck: true
        });
        await expectHighlight(services.Minutes)({
            text: 'person <|@solo|> Solo Person\n\n<|@solo|>: Hello <|@s<|>olo|>.',
            index: 0,
            disposeAfterCheck: true
        });
    });
});

describe('rename', () => {
    function apply(documents: Record<string, LangiumDocument<Document>>, edit: WorkspaceEdit): Record<string, string> {
        const result: Record<string, string> = {};
        for (const [name, document] of Object.entries(documents)) {
            const edits = edit.changes?.[document.textDocument.uri] ?? [];
            result[name] = TextDocument.applyEdits(document.textDocument, edits);
        }
        return result;
    }

    it('renames a handle across files, leaving names written by alias or display name as they are', async () => {
        const { lsp, at, documents } = await workspace();
        const { document, params } = at('meeting.minutes', '@Marilyn:');
        const edit = await lsp.RenameProvider!.rename(document, { ...params, newName: 'mcade2' });
        const renamed = apply(documents, edit!);
        expect(renamed['directory.minutes']).toContain('person @mcade2 Ms Marilyn Cade');
        expect(renamed['meeting.minutes']).toBe(MEETING
            .replace('chair: @mcade', 'chair: @mcade2')
            .replace('@mcade: Closing.', '@mcade2: Closing.')
            .replace('#report @mcade due', '#report @mcade2 due'));
        expect(renamed['other.minutes']).toBe(OTHER.replace('@mcade had', '@mcade2 had'));

        // Every name still resolves, to the same person.
        const after = await buildWorkspace(renamed);
        for (const renamedDocument of Object.values(after.documents)) {
            expect(renamedDocument.diagnostics?.filter(d => d.severity === 1) ?? []).toEqual([]);
        }
    });

    it('accepts the new handle with its @', async () => {
        const { lsp, at } = await workspace();
        const { document, params } = at('directory.minutes', '@ttropina');
        const edit = await lsp.RenameProvider!.rename(document, { ...params, newName: '@tatiana.tropina' });
        const newTexts = Object.values(edit!.changes!).flat().map(change => change.newText);
        expect(newTexts).toEqual(['@tatiana.tropina', '@tatiana.tropina', '@tatiana.tropina', '@tatiana.tropina']);
    });

    it('renames an action identifier and its updates', async () => {
        const { lsp, at, documents } = await workspace();
        const { document, params } = at('other.minutes', '#report');
        const renamed = apply(documents, (await lsp.RenameProvider!.rename(document, { ...params, newName: 'wsis-report' }))!);
        expect(renamed['meeting.minutes']).toContain('action #wsis-report @mcade');
        expect(renamed['other.minutes']).toContain('update #wsis-report done');
    });

    it.each([
        ['an invalid handle', 'Marilyn Cade!', /'Marilyn Cade!' is not a valid handle\. A handle starts with a letter or digit/],
        ['a handle ending in a full stop', 'mcade.', /is not a valid handle/],
        ['another person\'s handle', 'ttropina', /'@ttropina' is the handle of Tatiana Tropina \(@ttropina\): choose another handle\./],
        ['another person\'s alias', 'Tatiana', /'@Tatiana' already names Tatiana Tropina \(@ttropina\)/],
        ['another person\'s name, written differently', '@tatiana_TROPINA', /already names Tatiana Tropina/]
    ])('refuses %s with a message that says why', async (_what, newName, message) => {
        const { lsp, at } = await workspace();
        const { document, params } = at('meeting.minutes', '@Marilyn:');
        let error: unknown;
        try {
            await lsp.RenameProvider!.rename(document, { ...params, newName });
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(ResponseError);
        expect((error as ResponseError<unknown>).message).toMatch(message);
    });

    it('prepares a rename with the handle to edit, wherever the cursor is on the name', async () => {
        const { lsp, at } = await workspace();
        const { document, params } = at('meeting.minutes', '@{Marilyn Cade}', 4);
        const prepared = await lsp.RenameProvider!.prepareRename(document, params) as unknown as { range: Range; placeholder: string };
        expect(document.textDocument.getText(prepared.range)).toBe('@{Marilyn Cade}');
        expect(prepared.placeholder).toBe('mcade');
        const prose = at('meeting.minutes', 'Closing');
        expect(await lsp.RenameProvider!.prepareRename(prose.document, prose.params)).toBeUndefined();
    });

    it('refuses to prepare a rename of a name that resolves to no one', async () => {
        const { services, documents } = await directoryWorkspace({ 'm.minutes': '@nobody: Hello.' });
        const document = documents['m.minutes'];
        const params = { textDocument: { uri: document.textDocument.uri }, position: { line: 0, character: 2 } };
        expect(() => services.Minutes.lsp.RenameProvider!.prepareRename(document, params))
            .toThrow("'nobody' names no one in the directory, so there is no handle to rename.");
    });
});
