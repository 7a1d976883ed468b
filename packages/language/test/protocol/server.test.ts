import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node.js';
import {
    CodeActionRequest, CompletionRequest, ConfigurationRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, PrepareRenameRequest, PublishDiagnosticsNotification,
    RegistrationRequest, RenameRequest, ShutdownRequest,
    type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type MarkupContent, type TextEdit
} from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';

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

/** A language client over stdio, as an editor is: a child process and a JSON-RPC connection. */
class Client {
    readonly connection: ProtocolConnection;
    readonly exited: Promise<number | null>;
    readonly stderr: string[] = [];
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly waiting: Array<() => void> = [];

    constructor(readonly process: ChildProcessWithoutNullStreams) {
        this.exited = new Promise(resolve => process.on('exit', code => resolve(code)));
        process.stderr.on('data', chunk => this.stderr.push(String(chunk)));
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.waiting.splice(0).forEach(wake => wake());
        });
        // The server asks for the `minutes` settings and registers for their changes.
        this.connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => (item.section === 'minutes' ? { inlayHints: { enabled: true } } : null)));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.listen();
    }

    /** Waits until the diagnostics published for a document satisfy a condition. */
    async diagnosticsFor(uri: string, condition: (diagnostics: Diagnostic[]) => boolean, timeout = 30_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeout;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && condition(current)) return current;
            if (this.process.exitCode !== null || Date.now() > deadline) {
                const why = this.process.exitCode !== null ? `the server exited with code ${this.process.exitCode}` : 'timed out';
                throw new Error(`No matching diagnostics for ${uri} (${why}); last: ${JSON.stringify(current)}; server stderr: ${this.stderr.join('')}`);
            }
            await new Promise<void>(resolve => {
                this.waiting.push(resolve);
                setTimeout(resolve, 500);
            });
        }
    }
}

let running: Client | undefined;

afterEach(() => {
    if (running && running.process.exitCode === null) running.process.kill();
    running = undefined;
});

function startServer(command: string[]): Client {
    const child = spawn(process.execPath, [...command, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    running = new Client(child);
    return running;
}

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
            const folderUri = pathToFileURL(folder).toString();
            const directoryUri = pathToFileURL(join(folder, 'directory.minutes')).toString();
            const meetingUri = pathToFileURL(join(folder, 'meeting.minutes')).toString();
            const client = startServer([server]);
            const { connection } = client;

            const initialized = await connection.sendRequest(InitializeRequest.type, {
                processId: process.pid,
                rootUri: folderUri,
                workspaceFolders: [{ uri: folderUri, name: 'minutes' }],
                capabilities: {
                    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
                    textDocument: {
                        completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
                        hover: { contentFormat: ['markdown', 'plaintext'] },
                        rename: { prepareSupport: true },
                        publishDiagnostics: {},
                        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
                    }
                }
            });
            const capabilities = initialized.capabilities;
            expect(capabilities.completionProvider?.triggerCharacters).toContain('@');
            expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
            expect(capabilities.hoverProvider).toBe(true);
            expect(capabilities.documentFormattingProvider).toBe(true);
            expect(capabilities.foldingRangeProvider).toBe(true);
            expect(capabilities.semanticTokensProvider).toBeDefined();
            expect(capabilities.inlayHintProvider).toBeDefined();
            expect(capabilities.workspaceSymbolProvider).toBeDefined();
            await connection.sendNotification(InitializedNotification.type, {});

            await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: directoryUri, languageId: 'minutes', version: 1, text: DIRECTORY } });
            await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: meetingUri, languageId: 'minutes', version: 1, text: MEETING } });

            // The unknown speaker is reported, with the closest name as a suggestion.
            const diagnostics = await client.diagnosticsFor(meetingUri, ds => ds.some(d => d.code === 'unknown-speaker'));
            const unknown = diagnostics.find(d => d.code === 'unknown-speaker')!;
            expect(unknown.message).toBe("Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'?");
            expect(unknown.range.start).toEqual({ line: 5, character: 0 });
            expect((await client.diagnosticsFor(directoryUri, () => true)).filter(d => d.severity === 1)).toEqual([]);

            // A quick fix replaces the name with the suggestion.
            const actions = await connection.sendRequest(CodeActionRequest.type, {
                textDocument: { uri: meetingUri }, range: unknown.range, context: { diagnostics: [unknown], only: ['quickfix'] }
            }) as CodeAction[];
            expect(Array.isArray(actions)).toBe(true);
            const fix = actions.find(action => action.title.includes('Tatiana Tropina'));
            expect(fix?.edit?.changes?.[meetingUri]?.[0].newText).toMatch(/^@(ttropina|\{Tatiana Tropina\})$/);

            // Typing a new turn: completion inside the half-typed `@trop` inserts the handle.
            const typed = `${MEETING}\n@trop`;
            await connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri: meetingUri, version: 2 }, contentChanges: [{ text: typed }]
            });
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

            await connection.sendRequest(ShutdownRequest.type);
            await connection.sendNotification(ExitNotification.type);
            expect(await client.exited, client.stderr.join('')).toBe(0);
            connection.dispose();
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
