import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { buildWorkspace } from '../helpers/workspace.js';
import { DIRECTORY, importInto } from '../helpers/import.js';

const TRANSCRIPT = `Review test

>> KUO WU: Welcome.
>> SANDRA HOFERICHTR: Thank you, Kuo.

More from Sandra.
>> SANJA KELLY: And me.
`;

/** The imported file, with the directory and a later meeting that mentions one of the new people. */
async function reviewWorkspace(directory: string) {
    const { result } = await importInto(TRANSCRIPT, { date: '2018-11-12' });
    return {
        'directory.minutes': directory,
        'imported.minutes': result.text,
        'later.minutes': 'meeting: Later\ndate: 2018-11-13\n\n@kwu: As @shoferichtr said, we agree.\n'
    };
}

async function actionsFor(files: Record<string, string>, handle: string) {
    const { services, documents } = await buildWorkspace(files);
    const document = documents['imported.minutes'];
    const diagnostic = (document.diagnostics ?? []).find(d => d.code === IssueCodes.UnreviewedEntry && (d.data as { handle?: string }).handle === handle);
    expect(diagnostic, `an unreviewed-entry warning on @${handle}`).toBeDefined();
    const actions = (await services.Minutes.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic!.range, context: { diagnostics: [diagnostic!] }
    }) ?? []) as CodeAction[];
    const apply = (action: CodeAction) => {
        const after = { ...files };
        for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
            const name = Object.keys(documents).find(n => documents[n].uri.toString() === uri)!;
            after[name] = TextDocument.applyEdits(TextDocument.create(uri, 'minutes', 1, files[name]), edits);
        }
        return after;
    };
    return { actions, apply };
}

async function problems(files: Record<string, string>): Promise<Record<string, string[]>> {
    const { documents } = await buildWorkspace(files);
    return Object.fromEntries(Object.entries(documents).map(([name, d]) => [name, (d.diagnostics ?? []).map(x => `${x.code}${(x.data as { handle?: string })?.handle ? ` @${(x.data as { handle: string }).handle}` : ''}`)]));
}

describe('reviewing the entries an import adds', () => {
    test('each new entry is reported until reviewed', async () => {
        const files = await reviewWorkspace(DIRECTORY);
        expect(await problems(files)).toEqual({
            'directory.minutes': [],
            'imported.minutes': ['unreviewed-entry @shoferichtr', 'unreviewed-entry @skelly'],
            'later.minutes': []
        });
    });

    test('confirm: the review line goes, the entry stays', async () => {
        const files = await reviewWorkspace(DIRECTORY);
        const { actions, apply } = await actionsFor(files, 'skelly');
        expect(actions.map(a => a.title)).toEqual(['Confirm \'Sanja Kelly\' (@skelly): remove the review line']);
        const after = apply(actions[0]);
        expect(after['imported.minutes']).toContain('person @skelly Sanja Kelly\n\n');
        expect(after['imported.minutes']).not.toMatch(/person @skelly Sanja Kelly\n {2}review:/);
        expect((await problems(after))['imported.minutes']).toEqual(['unreviewed-entry @shoferichtr']);
    });

    test('link: references in every file name the existing person, and the entry goes', async () => {
        // Sandra Hoferichter joined the directory after the import.
        const files = await reviewWorkspace(`${DIRECTORY}\nperson @shoferichter Sandra Hoferichter\n  org: @ISOC\n`);
        const { actions, apply } = await actionsFor(files, 'shoferichtr');
        expect(actions.map(a => a.title)).toEqual([
            'Confirm \'Sandra Hoferichtr\' (@shoferichtr): remove the review line',
            'Link to Sandra Hoferichter (@shoferichter): replace the references to \'Sandra Hoferichtr\' and delete its entry'
        ]);
        const after = apply(actions[1]);
        expect(after['imported.minutes']).not.toContain('shoferichtr');
        expect(after['imported.minutes']).toContain('@shoferichter: Thank you, Kuo.\n\nMore from Sandra.');
        expect(after['later.minutes']).toContain('As @shoferichter said');
        expect(await problems(after)).toEqual({
            'directory.minutes': [],
            'imported.minutes': ['unreviewed-entry @skelly'],
            'later.minutes': []
        });
    });
});
