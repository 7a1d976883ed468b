import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    createMinutesCoreServices, tooLargeMessage, type MinutesConfigs, type MinutesCoreServices, type MinutesServicesOptions, type MinutesSharedCoreServices, type NotesRoot
} from 'minutes-language/core';
import { glob } from 'tinyglobby';
import { startProgress } from './progress.js';
import { ReadInThread, type SourceReader } from './read-ahead.js';
import { readFileUnchanged, readSourceFile, type FileRead } from './read-source.js';
import { decodeWellFormed } from './utf8.js';

import { UsageError } from './usage-error.js';

export { UsageError };

export const EXTENSION = '.minutes';
const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * The services of one CLI run: the configuration files are read through them, as the server
 * reads them. `checkOnly` leaves out what only the editor reads (see MinutesServicesOptions).
 */
export function createCliServices(options: MinutesServicesOptions = {}): { shared: MinutesSharedCoreServices; Minutes: MinutesCoreServices } {
    return createMinutesCoreServices(NodeFileSystem, options);
}

/**
 * Expands files, folders and globs (`'notes/**\/*.minutes'`, quoted so that the shell leaves
 * them alone) into `.minutes` files, in a stable order. Folders and globs skip what the
 * language server skips: dot names, node_modules, out, dist, and what the repository's
 * .gitignore or configuration ignores. A file named on the command line that the
 * configuration ignores is left out too: pre-commit and lint-staged name every changed file.
 */
export async function collectFiles(paths: string[], configs: MinutesConfigs): Promise<string[]> {
    const files: string[] = [];
    for (const given of paths) {
        const stat = await fs.stat(given).catch(() => undefined);
        if (!stat && GLOB_CHARACTERS.test(given)) {
            const found = (await glob(given, { absolute: true, onlyFiles: true, expandDirectories: false, ignore: ['**/node_modules/**'] }))
                .filter(file => file.endsWith(EXTENSION))
                .sort();
            if (found.length === 0) throw new UsageError(`${given}: no ${EXTENSION} files match`);
            files.push(...found.filter(file => !isIgnored(file, configs)));
        } else if (!stat) {
            throw new UsageError(`${given}: no such file or folder`);
        } else if (stat.isDirectory()) {
            const found = await walk(path.resolve(given), configs);
            if (found.length === 0) throw new UsageError(`${given}: no ${EXTENSION} files in this folder`);
            files.push(...found);
        } else if (!given.endsWith(EXTENSION)) {
            throw new UsageError(`${given}: not a ${EXTENSION} file`);
        } else if (!isIgnored(path.resolve(given), configs)) {
            files.push(given);
        }
    }
    return [...new Set(files.map(f => path.resolve(f)))];
}

function isIgnored(file: string, configs: MinutesConfigs): boolean {
    return configs.isIgnored(URI.file(file), false);
}

async function walk(folder: string, configs: MinutesConfigs): Promise<string[]> {
    const files: string[] = [];
    for (const { full, isFolder } of await entriesOf(folder)) {
        if (!configs.isSearched(URI.file(full), isFolder !== false)) continue;
        if (isFolder === 'folder') files.push(...await walk(full, configs));
        else if (!isFolder && full.endsWith(EXTENSION)) files.push(full);
    }
    return files;
}

/**
 * The entries of a folder, sorted by name. A link to a file is a file (a shared directory
 * is often linked in); a link to a folder is a folder not to enter (`'link'`: it may lead
 * back up). A pipe or a device is listed like a file, so that reading it says what it is
 * rather than leaving it out in silence.
 */
async function entriesOf(folder: string): Promise<Array<{ full: string; isFolder: false | 'folder' | 'link' }>> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    return Promise.all(entries.map(async entry => {
        const full = path.resolve(folder, entry.name);
        const linkedFolder = entry.isSymbolicLink() && (await fs.stat(full).catch(() => undefined))?.isDirectory();
        return { full, isFolder: entry.isDirectory() ? 'folder' as const : linkedFolder ? 'link' as const : false as const };
    }));
}

/** A file that cannot be read as asked: the message names it; `reason` says why without naming it. */
export class UnreadableFile extends UsageError {
    constructor(readonly file: string, readonly reason: string) {
        super(`${displayPath(file)}: ${reason}`);
    }
}

/** The bytes of a regular file that did not change while it was read (see readFileUnchanged), or UnreadableFile saying why not. */
export async function readUnchanged(file: string): Promise<Uint8Array> {
    return bytesOrRefusal(file, readFileUnchanged(file));
}

/** The bytes read, or the file's refusal (UnreadableFile). */
function bytesOrRefusal(file: string, read: FileRead): Uint8Array {
    if ('bytes' in read) return read.bytes;
    throw new UnreadableFile(file, refusalOf(read));
}

/** Why a file could not be read, in the language's words, without naming it. */
function refusalOf(read: { reason: string } | { tooLarge: number }): string {
    return 'reason' in read ? read.reason : tooLargeMessage(`it has ${read.tooLarge.toLocaleString('en')} bytes`);
}

/** Reads a source file as UTF-8, refusing binary files and invalid UTF-8 with a clear message. */
export async function readSource(file: string): Promise<string> {
    return decodeWellFormed(bytesOrRefusal(file, readSourceFile(file)));
}

/** A path as the user reads it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export interface LoadedWorkspace {
    shared: MinutesSharedCoreServices;
    services: MinutesCoreServices;
    /** The documents asked for, in order. */
    documents: LangiumDocument[];
    /** All documents loaded, including the context (directory files) that is not reported on. */
    all: LangiumDocument[];
    /** The configuration that applies to the first document asked for, if any. */
    root?: NotesRoot;
}

/** One file of a check, read: the files asked for come first, in order, then their context. */
export interface WorkspaceSource {
    file: string;
    /**
     * Its bytes, found to be Minutes text when read; `textOf` decodes them at each use. A check
     * keeps every file's source to its end but needs a file's text only at its turn: kept as
     * text, the files of a large check were a heap of strings of two bytes a character that
     * every minor collection copied (docs/performance.md, "Sources kept as bytes").
     */
    bytes: Uint8Array;
    /** Asked for (its problems are reported), rather than context. */
    reported: boolean;
}

/** The text of a source read by readWorkspaceSources, decoded anew: read it once per use. */
export function textOf(source: { bytes: Uint8Array }): string {
    return decodeWellFormed(source.bytes);
}

export interface WorkspaceSources {
    shared: MinutesSharedCoreServices;
    services: MinutesCoreServices;
    /** The files asked for, in order, then the context files, sorted. */
    sources: WorkspaceSource[];
}

/**
 * Finds and reads the given files and their context, so that references to the shared
 * directory resolve. Under a configuration file the context is the files the language
 * server loads for that repository (its `directory`, from its folder); elsewhere the other
 * `.minutes` files of each file's folder. `--directory` paths add to either.
 */
export async function readWorkspaceSources(files: string[], options: {
    context?: string[];
    /** Standard input's bytes, found to be Minutes text, and the name it is checked under. */
    stdin?: { bytes: Uint8Array; name: string };
    services?: { shared: MinutesSharedCoreServices; Minutes: MinutesCoreServices };
    /** Where a context file that cannot be read is reported (default: standard error). */
    warn?: (message: string) => void;
    /** What reads the files, given all of them in the order they are read (default: each in this thread when its turn comes). */
    reader?: (files: readonly string[]) => SourceReader;
    /** Called with each source as soon as it is read, in order: the work done here overlaps the reading of the next ones when the reader reads ahead. */
    onRead?: (source: WorkspaceSource) => void;
} = {}): Promise<WorkspaceSources> {
    const { shared, Minutes } = options.services ?? createCliServices();
    const warn = options.warn ?? (message => process.stderr.write(`minutes: warning: ${message}\n`));
    const configs = shared.workspace.MinutesConfigs;
    const stdinFile = options.stdin ? path.resolve(options.stdin.name) : undefined;
    const roots = rootsOf([...files, ...(stdinFile ? [stdinFile] : [])], configs);
    const contextFiles = new Set<string>();
    for (const root of roots.values()) {
        for (const uri of await shared.workspace.WorkspaceManager.searchFolder(root.folder)) contextFiles.add(uri.fsPath);
    }
    // Each folder once: a thousand files of one folder would otherwise list it a thousand times.
    for (const folder of new Set(files.filter(file => !configs.rootOf(URI.file(file))).map(file => path.dirname(file)))) {
        for (const sibling of await siblings(folder, configs)) contextFiles.add(sibling);
    }
    for (const extra of options.context ?? []) {
        for (const file of await collectFiles([extra], configs)) contextFiles.add(file);
    }
    for (const file of files) contextFiles.delete(file);

    const context = [...contextFiles].sort();
    const reader = (options.reader ?? (all => new ReadInThread(all)))([...files, ...context]);
    const sources: WorkspaceSource[] = [];
    const add = (source: WorkspaceSource) => {
        sources.push(source);
        options.onRead?.(source);
    };
    try {
        for (const [at, file] of files.entries()) add({ file, bytes: bytesOrRefusal(file, await reader.read(at)), reported: true });
        if (options.stdin && stdinFile) add({ file: stdinFile, bytes: options.stdin.bytes, reported: true });
        for (const [at, file] of context.entries()) {
            const read = await reader.read(files.length + at);
            // Context that cannot be read does not stop the command, but is never left out in silence:
            // without it, its people would be reported as unknown names with no cause given.
            if ('bytes' in read) add({ file, bytes: read.bytes, reported: false });
            else warn(`skipping ${displayPath(file)}: ${refusalOf(read)}`);
        }
    } finally {
        await reader.close();
    }
    return { shared, services: Minutes, sources };
}

/** Parses, links and validates the sources read by readWorkspaceSources, in one thread. */
export async function buildWorkspace({ shared, services, sources }: WorkspaceSources): Promise<LoadedWorkspace> {
    const factory = shared.workspace.LangiumDocumentFactory;
    const registry = shared.workspace.LangiumDocuments;
    const documents: LangiumDocument[] = [];
    const all: LangiumDocument[] = [];
    for (const source of sources) {
        const document = factory.fromString(textOf(source), URI.file(source.file));
        registry.addDocument(document);
        all.push(document);
        if (source.reported) documents.push(document);
    }
    let parsed = 0;
    let checked = 0;
    const progress = startProgress(process.stderr, () => checked > 0 ? `${checked} of ${all.length} files checked` : `${parsed} of ${all.length} files read`);
    const counting = [
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.IndexedContent, () => { parsed++; progress.update(); }),
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => { checked++; progress.update(); })
    ];
    try {
        await shared.workspace.DocumentBuilder.build(all, { validation: true });
    } finally {
        progress.stop();
        for (const listener of counting) listener.dispose();
    }
    const first = documents[0];
    return { shared, services, documents, all, root: first ? shared.workspace.MinutesConfigs.rootOf(first.uri) : undefined };
}

/** Reads the given files and their context (readWorkspaceSources), then parses, links and validates them all. */
export async function loadWorkspace(files: string[], options: Parameters<typeof readWorkspaceSources>[1] = {}): Promise<LoadedWorkspace> {
    return buildWorkspace(await readWorkspaceSources(files, options));
}

/** Expands paths (files, folders, globs) with collectFiles and loads them with their context. */
export async function loadPaths(paths: string[], options: { context?: string[]; stdin?: { bytes: Uint8Array; name: string } } = {}): Promise<LoadedWorkspace> {
    const services = createCliServices();
    const files = await collectFiles(paths, services.shared.workspace.MinutesConfigs);
    return loadWorkspace(files, { ...options, services });
}

/**
 * The configurations that apply to the files, each once. A configuration with mistakes stops
 * the command (exit 2) with each mistake at its line and column: half-applied settings would
 * make the CLI and the editor disagree silently.
 */
function rootsOf(files: string[], configs: MinutesConfigs): Map<string, NotesRoot> {
    const roots = new Map<string, NotesRoot>();
    for (const file of files) {
        const root = configs.rootOf(URI.file(file));
        if (root) roots.set(root.folder.toString(), root);
    }
    const problems = [...roots.values()].flatMap(root => root.problems.map(problem =>
        `${displayPath(root.configFile!.fsPath)}:${problem.line}:${problem.column}: ${problem.message}`));
    if (problems.length > 0) throw new UsageError(`the configuration has mistakes:\n${problems.join('\n')}`);
    return roots;
}

async function siblings(folder: string, configs: MinutesConfigs): Promise<string[]> {
    return (await entriesOf(folder))
        .filter(({ full, isFolder }) => !isFolder && full.endsWith(EXTENSION) && configs.isSearched(URI.file(full), false))
        .map(({ full }) => full);
}
