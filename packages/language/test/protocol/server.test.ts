import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    CodeActionRequest, CompletionRequest, HoverRequest, PrepareRenameRequest, RenameRequest,
    type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type MarkupContent, type TextEdit
} from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { LspClient } from '../helpers/lsp-client.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = join(ROOT, 'packages/language/bin/minutes-language-server.js');
const BUNDLE = join(ROOT, 'packages/extension/out/server.cjs');
const COMPILED = join(ROOT, 'packages/language/out/minutes-module.js');

const DIRECTORY = `person @ttropina Tatiana Tropina
  alias: Tatiana
  org: @CoE

person @mcade Ms Marilyn Cade
  alias: Marilyn
  role: Chair, CCWG-IG

org @CoE Council of Europe
  acronym: CoE
`;

const MEETING = `meeting: Protocol test
attendees:
- @ttropina
- @mcade

@{Tatiana Tropnia}: A typo in the name.

@Marilyn: Thanks to @mcade's team.
`;

/** The newest modification time of the files under a folder. */
function newestFile(folder: string): number {
    let newest = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestFile(path) : statSync(path).mtimeMs);
    }
    return newest;
}

/** The bundle (built from the language's TypeScript sources) is tested when it is at least as new as they are. */
const bundleIsCurrent = existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestFile(join(ROOT, 'packages/language/src'));

let running: LspClient | undefined;

afterEach(() => {
    if (running && running.process.exitCode === null) running.process.kill();
    running = undefined;
});

const servers: Array<[string, string, boolean]> = [
    ['the language server of packages/language', BIN, true],
    ['the bundled server of the extension', BUNDLE, bundleIsCurrent]
];

describe('the language server over stdio', () => {
    it.each(servers)('serves %s to a client, from initialize to exit', async (_what, server, available) => {
        if (!available) {
            console.warn(`Skipped: ${server} is missing or older than packages/language/src (run npm run build).`);
            return;
        }
        expect(existsSync(COMPILED), 'packages/language/out is built (npm run build)').toBe(true);
        const folder = mkdtempSync(join(tmpdir(), 'minutes-lsp-'));
        try {
            writeFileSync(join(folder, 'directory.minutes'), DIRECTORY);
            writeFileSync(join(folder, 'meeting.minutes'), MEETING);
            // An editor that completes with snippets, hovers in Markdown, prepares renames, offers quick fixes and shows inlay hints.
            const client = running = await LspClient.start(folder, server, {
                textDocument: {
                    completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    rename: { prepareSupport: true },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
                },
                settings: { minutes: { inlayHints: { enabled: true } } }
            });
            const { connection } = client;
            const directoryUri = client.uriOf(join(folder, 'directory.minutes'));
            const meetingUri = client.uriOf(join(folder, 'meeting.minutes'));

            const capabilities = client.initializeResult!.capabilities;
            expect(capabilities.completionProvider?.triggerCharacters).toContain('@');
            expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
            expect(capabilities.hoverProvider).toBe(true);
            expect(capabilities.documentFormattingProvider).toBe(true);
            expect(capabilities.foldingRangeProvider).toBe(true);
            expect(capabilities.semanticTokensProvider).toBeDefined();
            expect(capabilities.inlayHintProvider).toBeDefined();
            expect(capabilities.workspaceSymbolProvider).toBeDefined();

            await client.open(directoryUri, DIRECTORY);
            await client.open(meetingUri, MEETING);

            // The unknown speaker is reported, with the closest name as a suggestion.
            const { diagnostics } = await client.published(meetingUri, ds => ds.some(d => d.code === 'unknown-speaker'));
            const unknown = diagnostics.find(d => d.code === 'unknown-speaker')!;
            expect(unknown.message).toBe("Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'?");
            expect(unknown.range.start).toEqual({ line: 5, character: 0 });
            await client.published(directoryUri, () => true);
            expect(client.publicationsFor(directoryUri).at(-1)!.diagnostics.filter((d: Diagnostic) => d.severity === 1)).toEqual([]);

            // A quick fix replaces the name with the suggestion.
            const actions = await connection.sendRequest(CodeActionRequest.type, {
                textDocument: { uri: meetingUri }, range: unknown.range, context: { diagnostics: [unknown], only: ['quickfix'] }
            }) as CodeAction[];
            expect(Array.isArray(actions)).toBe(true);
            const fix = actions.find(action => action.title.includes('Tatiana Tropina'));
            expect(fix?.edit?.changes?.[meetingUri]?.[0].newText).toMatch(/^@(ttropina|\{Tatiana Tropina\})$/);

            // Typing a new turn: completion inside the half-typed `@trop` inserts the handle.
            const typed = `${MEETING}\n@trop`;
            expect(await client.change(meetingUri, typed)).toBe(2);
            const completion = await connection.sendRequest(CompletionRequest.type, {
                textDocument: { uri: meetingUri }, position: { line: 9, character: 5 }, context: { triggerKind: 1 }
            }) as CompletionList;
            const item = completion.items.find((i: CompletionItem) => i.label === 'Tatiana Tropina');
            expect(item?.textEdit).toEqual({ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 5 } }, newText: '@ttropina' });
            expect(item?.detail).toContain('CoE');

            // Hover on a name written by alias.
            const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: meetingUri }, position: { line: 7, character: 3 } });
            expect((hover?.contents as MarkupContent).value).toContain('**Ms Marilyn Cade** `@mcade`');

            // Rename the handle from the directory: both files change, the alias stays.
            const prepared = await connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: directoryUri }, position: { line: 4, character: 9 } });
            expect(prepared).toEqual({ range: { start: { line: 4, character: 7 }, end: { line: 4, character: 13 } }, placeholder: 'mcade' });
            const rename = await connection.sendRequest(RenameRequest.type, { textDocument: { uri: directoryUri }, position: { line: 4, character: 9 }, newName: 'mcade2' });
            const edits = (uri: string) => (rename?.changes?.[uri] ?? []).map((edit: TextEdit) => `${edit.range.start.line}:${edit.range.start.character} ${edit.newText}`).sort();
            expect(edits(directoryUri)).toEqual(['4:7 @mcade2']);
            expect(edits(meetingUri)).toEqual(['3:2 @mcade2', '7:20 @mcade2']);
            // A taken handle is refused with a message.
            await expect(connection.sendRequest(RenameRequest.type, { textDocument: { uri: directoryUri }, position: { line: 4, character: 9 }, newName: 'ttropina' }))
                .rejects.toThrow("'@ttropina' is the handle of Tatiana Tropina (@ttropina): choose another handle.");

            expect(await client.stop(), client.stderr.join('')).toBe(0);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});

describe('one LSP test client', () => {
    it('every test that speaks to the server over stdio uses test/helpers/lsp-client.ts, the only JSON-RPC connection of the tests', () => {
        const packages = join(ROOT, 'packages');
        const connecting = readdirSync(packages).flatMap(name => existsSync(join(packages, name, 'test')) ? testFiles(join(packages, name, 'test')) : [])
            .filter(file => /\bcreate(Protocol|Message)Connection\b/.test(readFileSync(file, 'utf8')))
            .map(file => file.slice(ROOT.length));
        expect(connecting).toEqual(['packages/language/test/helpers/lsp-client.ts']);
    });
});

function testFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        return entry.isDirectory() ? (entry.name === 'node_modules' ? [] : testFiles(path)) : /\.m?[jt]s$/.test(entry.name) ? [path] : [];
    });
}
