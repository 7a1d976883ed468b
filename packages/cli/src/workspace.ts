import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMinutesServices, type MinutesServices } from 'minutes-language';
import type { LangiumSharedServices } from 'langium/lsp';

/** A problem with the command line or the files: exit code 2, nothing written. */
export class UsageError extends Error {}

export const EXTENSION = '.minutes';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist']);

/** Expands files and folders into `.minutes` files (folders recursively), in a stable order. */
export async function collectFiles(paths: string[]): Promise<string[]> {
    const files: string[] = [];
    for (const given of paths) {
        const stat = await fs.stat(given).catch(() => undefined);
        if (!stat) throw new UsageError(`${given}: no such file or folder`);
        if (stat.isDirectory()) {
            const found = await walk(given);
            if (found.length === 0) throw new UsageError(`${given}: no ${EXTENSION} files in this folder`);
            files.push(...found);
        } else if (!given.endsWith(EXTENSION)) {
            throw new UsageError(`${given}: not a ${EXTENSION} file`);
        } else {
            files.push(given);
        }
    }
    return [...new Set(files.map(f => path.resolve(f)))];
}

async function walk(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    const files: string[] = [];
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) files.push(...await walk(full));
        } else if (entry.isFile() && entry.name.endsWith(EXTENSION)) {
            files.push(path.resolve(full));
        }
    }
    return files;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The bytes of a file that did not change while it was read: its size and modification
 * time before and after, and the number of bytes read, agree. An editor or a sync client
 * saving at that moment would otherwise give half the old file and half the new, which
 * would be checked, generated or imported as if it were whole.
 */
export async function readUnchanged(file: string): Promise<Buffer> {
    const before = await fs.stat(file);
    const bytes = await fs.readFile(file);
    const after = await fs.stat(file);
    if (before.isFile() && (bytes.length !== after.size || before.size !== after.size || before.mtimeMs !== after.mtimeMs)) {
        throw new UsageError(`${displayPath(file)}: changed while it was being read; run the command again once it is saved`);
    }
    return bytes;
}

/** Reads a source file as UTF-8, refusing binary files and invalid UTF-8 with a clear message. */
export async function readSource(file: string): Promise<string> {
    let bytes: Buffer;
    try {
        bytes = await readUnchanged(file);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
        throw new UsageError(`${displayPath(file)}: cannot read: ${reason}`);
    }
    if (bytes.includes(0)) {
        throw new UsageError(`${displayPath(file)}: looks like a binary file (it contains NUL bytes), not Minutes text`);
    }
    try {
        return decoder.decode(bytes);
    } catch {
        const offset = firstInvalidUtf8(bytes);
        throw new UsageError(`${displayPath(file)}: not valid UTF-8 (first bad byte at offset ${offset}); save it as UTF-8`);
    }
}

function firstInvalidUtf8(bytes: Buffer): number {
    for (let end = 1; end <= bytes.length; end++) {
        try {
            decoder.decode(bytes.subarray(0, end));
        } catch {
            // A truncated sequence at the end is fine until the sequence is complete.
            try {
                decoder.decode(bytes.subarray(0, Math.min(bytes.length, end + 3)));
            } catch {
                return end - 1;
            }
        }
    }
    return bytes.length;
}

/** A path as the user reads it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export interface LoadedWorkspace {
    shared: LangiumSharedServices;
    services: MinutesServices;
    /** The documents asked for, in order. */
    documents: LangiumDocument[];
    /** All documents loaded, including the context (directory files) that is not reported on. */
    all: LangiumDocument[];
}

/**
 * Loads the given files and their context — the other `.minutes` files in the same
 * folders and any `--directory` paths — so that references to the shared directory
 * resolve, then parses, links and validates them all.
 */
export async function loadWorkspace(files: string[], options: { context?: string[]; stdin?: { text: string; name: string } } = {}): Promise<LoadedWorkspace> {
    const { shared, Minutes } = createMinutesServices(NodeFileSystem);
    const contextFiles = new Set<string>();
    // Each folder once: a thousand files of one folder would otherwise list it a thousand times.
    for (const folder of new Set(files.map(file => path.dirname(file)))) {
        for (const sibling of await siblings(folder)) contextFiles.add(sibling);
    }
    for (const extra of options.context ?? []) {
        for (const file of await collectFiles([extra])) contextFiles.add(file);
    }
    for (const file of files) contextFiles.delete(file);

    const factory = shared.workspace.LangiumDocumentFactory;
    const registry = shared.workspace.LangiumDocuments;
    const documents: LangiumDocument[] = [];
    for (const file of files) {
        const document = factory.fromString(await readSource(file), URI.file(file));
        registry.addDocument(document);
        documents.push(document);
    }
    if (options.stdin) {
        const document = factory.fromString(options.stdin.text, URI.file(path.resolve(options.stdin.name)));
        registry.addDocument(document);
        documents.push(document);
    }
    const all = [...documents];
    for (const file of [...contextFiles].sort()) {
        const text = await readSource(file).catch(() => undefined);
        if (text === undefined) continue; // context that cannot be read is not the user's question
        const document = factory.fromString(text, URI.file(file));
        registry.addDocument(document);
        all.push(document);
    }
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return { shared, services: Minutes, documents, all };
}

async function siblings(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    return entries.filter(e => e.isFile() && e.name.endsWith(EXTENSION)).map(e => path.resolve(folder, e.name));
}
