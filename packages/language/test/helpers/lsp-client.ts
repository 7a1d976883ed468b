import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node.js';
import {
    ConfigurationRequest, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest, LogMessageNotification,
    MessageType, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest,
    type ClientCapabilities, type Diagnostic, type FileChangeType, type InitializeResult
} from 'vscode-languageserver-protocol';

export const SERVER = fileURLToPath(new URL('../../bin/minutes-language-server.js', import.meta.url));

/** What a test's editor says of itself: capabilities beyond diagnostics and file watching, and its settings. */
export interface ClientOptions {
    /** The client's text document capabilities (completion, hover, rename…), beside publishDiagnostics and synchronization. */
    readonly textDocument?: ClientCapabilities['textDocument'];
    /** The answer to the server's `workspace/configuration` request, by section (`minutes`); null for any other. */
    readonly settings?: Readonly<Record<string, unknown>>;
}

export interface Publication {
    readonly uri: string;
    readonly diagnostics: Diagnostic[];
    /** When it arrived, in order. */
    readonly sequence: number;
}

/**
 * A language client over stdio, as an editor is, that records every diagnostics
 * publication (not only the last per file) and every error the server logs.
 */
export class LspClient {
    readonly connection: ProtocolConnection;
    readonly publications: Publication[] = [];
    readonly loggedErrors: string[] = [];
    readonly stderr: string[] = [];
    private readonly waiting: Array<() => void> = [];
    private readonly versions = new Map<string, number>();
    /** The server's answer to initialize: its capabilities. */
    initializeResult: InitializeResult | undefined;

    private constructor(readonly process: ChildProcessWithoutNullStreams, settings: Readonly<Record<string, unknown>>) {
        process.stderr.on('data', chunk => this.stderr.push(String(chunk)));
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.publications.push({ uri: params.uri, diagnostics: params.diagnostics, sequence: this.publications.length });
            this.waiting.splice(0).forEach(wake => wake());
        });
        this.connection.onNotification(LogMessageNotification.type, params => {
            if (params.type === MessageType.Error) this.loggedErrors.push(params.message);
        });
        this.connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => (item.section && settings[item.section]) ?? null));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.listen();
    }

    /** Starts the server (this repository's, or another script, e.g. an installed package's) on a workspace folder and initializes it. */
    static async start(folder: string, server = SERVER, options: ClientOptions = {}): Promise<LspClient> {
        const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const client = new LspClient(child, options.settings ?? {});
        const rootUri = pathToFileURL(folder).toString();
        client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
            capabilities: {
                workspace: {
                    configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true },
                    didChangeConfiguration: { dynamicRegistration: true }
                },
                textDocument: { ...options.textDocument, publishDiagnostics: {}, synchronization: { dynamicRegistration: false } }
            }
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    uriOf(path: string): string {
        return pathToFileURL(path).toString();
    }

    async open(uri: string, text: string): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'minutes', version: 1, text } });
    }

    /** Replaces the whole text, as a new version; returns the version. */
    async change(uri: string, text: string): Promise<number> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
        return version;
    }

    async close(uri: string): Promise<void> {
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    async filesChanged(...changes: Array<{ uri: string; type: FileChangeType }>): Promise<void> {
        await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    }

    /** The publications for a document, in order. */
    publicationsFor(uri: string): Publication[] {
        return this.publications.filter(publication => publication.uri === uri);
    }

    /** Waits for a publication for the document, after the given one, that satisfies a condition. */
    async published(uri: string, condition: (diagnostics: Diagnostic[]) => boolean, after = -1, timeout = 30_000): Promise<Publication> {
        const deadline = Date.now() + timeout;
        for (;;) {
            const found = this.publications.find(p => p.uri === uri && p.sequence > after && condition(p.diagnostics));
            if (found) return found;
            if (this.process.exitCode !== null || Date.now() > deadline) {
                const last = this.publicationsFor(uri).pop();
                throw new Error(`no such diagnostics for ${uri} (${this.process.exitCode !== null ? `the server exited: ${this.process.exitCode}` : 'timed out'}); `
                    + `last: ${JSON.stringify(last?.diagnostics.map(d => d.message))}; stderr: ${this.stderr.join('')}`);
            }
            await new Promise<void>(resolve => {
                this.waiting.push(resolve);
                setTimeout(resolve, 250);
            });
        }
    }

    async stop(): Promise<number | null> {
        if (this.process.exitCode !== null) return this.process.exitCode;
        const exited = new Promise<number | null>(resolve => this.process.on('exit', code => resolve(code)));
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
        const code = await Promise.race([exited, new Promise<null>(resolve => setTimeout(() => resolve(null), 5_000))]);
        if (this.process.exitCode === null) this.process.kill();
        this.connection.dispose();
        return code;
    }
}
