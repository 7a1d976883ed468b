/**
 * Drives the Minutes language server over stdio as an editor does: initialize with a
 * workspace folder, wait until every file of the workspace has its diagnostics, then
 * open, edit and complete, timing each request from the moment it is sent to the
 * moment its answer (or the diagnostics it causes) arrives.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    CompletionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification,
    InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest
} from 'vscode-languageserver-protocol';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

const SERVER = fileURLToPath(new URL('../../packages/language/bin/minutes-language-server.js', import.meta.url));

export const uriOf = file => pathToFileURL(file).toString();

export class LanguageServerSession {
    /** @param {{ workspace: string, timeoutMs?: number, nodeArgs?: string[], env?: Record<string, string> }} options */
    constructor(options) {
        this.options = options;
        this.timeoutMs = options.timeoutMs ?? 600_000;
        /** uri → diagnostics of the last publication */
        this.diagnostics = new Map();
        /** uri → resolvers waiting for the next publication */
        this.waiters = new Map();
        this.versions = new Map();
        /** How many diagnostics publications arrived, for any document. */
        this.publications = 0;
        this.stderr = '';
    }

    async start() {
        const args = ['--expose-gc', ...(this.options.nodeArgs ?? []), SERVER, '--stdio'];
        this.process = spawn(process.execPath, args, {
            env: { ...process.env, ...this.options.env, MINUTES_BENCH: '1' },
            stdio: ['pipe', 'pipe', 'pipe']
        });
        this.process.stderr.on('data', chunk => { this.stderr = (this.stderr + chunk).slice(-20_000); });
        this.exited = new Promise(resolve => this.process.on('exit', code => resolve(code)));
        this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.publications++;
            const waiting = this.waiters.get(params.uri);
            if (waiting) {
                this.waiters.delete(params.uri);
                for (const resolve of waiting) resolve(params.diagnostics);
            }
        });
        // A server may ask for configuration or register capabilities: answer as an editor would.
        this.connection.onRequest('workspace/configuration', params => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onNotification(() => undefined);
        this.connection.listen();

        const workspaceUri = uriOf(this.options.workspace);
        const started = performance.now();
        await this.withTimeout(this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: workspaceUri,
            workspaceFolders: [{ uri: workspaceUri, name: path.basename(this.options.workspace) }],
            capabilities: {
                workspace: { workspaceFolders: true, configuration: false, didChangeWatchedFiles: { dynamicRegistration: false } },
                textDocument: {
                    synchronization: { didSave: true, dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: true },
                    completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } }
                }
            }
        }), 'initialize');
        this.connection.sendNotification(InitializedNotification.type, {});
        this.loaded = await this.settled();
        this.loadMs = performance.now() - started;
        return this;
    }

    /** Resolves once the server has finished every build it has queued: `{ documents, validated }`. */
    async settled() {
        return this.withTimeout(this.connection.sendRequest('minutes/settled'), 'minutes/settled');
    }

    /** The next diagnostics published for the URI. */
    nextDiagnostics(uri) {
        return new Promise(resolve => {
            const list = this.waiters.get(uri) ?? [];
            list.push(resolve);
            this.waiters.set(uri, list);
        });
    }

    /** How often the server parsed an edited document again incrementally, and in full. */
    async reparseCounts() {
        return this.withTimeout(this.connection.sendRequest('minutes/reparseCounts'), 'minutes/reparseCounts');
    }

    /** Trees of closed documents released now, and how many were released and parsed again since start-up. */
    async closedTrees() {
        return this.withTimeout(this.connection.sendRequest('minutes/closedTrees'), 'minutes/closedTrees');
    }

    /** Sends a request and returns its answer with the milliseconds until it came. */
    async timed(method, params) {
        const started = performance.now();
        const answer = await this.withTimeout(this.connection.sendRequest(method, params), method);
        return { ms: performance.now() - started, answer };
    }

    async heapUsed() {
        return this.withTimeout(this.connection.sendRequest('minutes/heapUsed'), 'minutes/heapUsed');
    }

    /** Opens a file and returns the milliseconds until its diagnostics arrive. */
    async open(file, text) {
        text ??= await fs.readFile(file, 'utf8');
        const uri = uriOf(file);
        this.versions.set(uri, 1);
        const diagnostics = this.nextDiagnostics(uri);
        const started = performance.now();
        this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'minutes', version: 1, text }
        });
        const result = await this.withTimeout(diagnostics, `diagnostics of ${path.basename(file)}`);
        return { ms: performance.now() - started, diagnostics: result };
    }

    /**
     * Applies one incremental change and returns the milliseconds until the diagnostics
     * of the new version arrive. Edits are sent one at a time, each after the previous
     * one's diagnostics, so the next publication for the URI is the new version's.
     */
    async edit(file, range, text) {
        const uri = uriOf(file);
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        const diagnostics = this.nextDiagnostics(uri);
        const started = performance.now();
        this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ range, text }]
        });
        const result = await this.withTimeout(diagnostics, `diagnostics of ${path.basename(file)} v${version}`);
        return { ms: performance.now() - started, diagnostics: result };
    }

    /** Requests completion and returns the milliseconds until the answer and its items. */
    async complete(file, position) {
        const started = performance.now();
        const result = await this.withTimeout(this.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: uriOf(file) },
            position,
            context: { triggerKind: 1 }
        }), 'completion');
        const items = Array.isArray(result) ? result : result?.items ?? [];
        return { ms: performance.now() - started, items };
    }

    async stop() {
        if (!this.process) return;
        try {
            await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(5_000)]);
            this.connection.sendNotification(ExitNotification.type);
        } catch {
            // The server may already be gone; it is killed below in any case.
        }
        const exited = await Promise.race([this.exited.then(() => true), delay(5_000).then(() => false)]);
        if (!exited) this.process.kill('SIGKILL');
        this.connection.dispose();
        this.process = undefined;
    }

    withTimeout(promise, what) {
        let timer;
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`language server: no ${what} within ${this.timeoutMs} ms\n${this.stderr}`)), this.timeoutMs);
        });
        return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
    }
}

const delay = ms => new Promise(resolve => setTimeout(resolve, ms));
