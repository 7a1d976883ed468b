import { CstUtils, DocumentState, URI, type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument } from 'langium';
import {
    Action, forgetBlockTrees, MinutesDocument, nameKey, parseAgainWhenRead, parseNextFrom, scanExports, scanMatchesExports, type MinutesIndexManager, type MinutesLinker, type MinutesScopeComputation, type MinutesCoreServices, type PackedLexing,
    type MinutesSharedCoreServices, type ScannedAction, type ScannedExports
} from 'minutes-language/core';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { buildWorkspace, createCliServices, textOf, type WorkspaceSource, type WorkspaceSources } from './workspace.js';

/**
 * A `minutes check` in one thread that does not keep every file's syntax tree to its end
 * (docs/performance.md, "A check that releases its trees"): each file is parsed, linked and
 * validated in turn, and its tree released once no later file's validation can read it.
 * Its text, too, lives only from its parse to its release: it is decoded from the bytes the
 * check keeps (docs/performance.md, "Sources kept as bytes").
 *
 * Linking needs every file's exports in the index first (a person may be declared, an
 * action agreed, in a later file). A file that may declare people or organisations is
 * parsed at once and kept to the end: every file's references resolve to its parties, and
 * the directory's rules read them. Every other file exports only its actions, and those are
 * read from its text (`scanExports`), checked against its tree when it is parsed: a file
 * whose scan was wrong makes the check start again keeping every tree. The
 * index thus holds the same names, in the same order, at the same places, as when every file
 * is parsed first, and each file's diagnostics are those of a check that keeps every tree.
 *
 * What a file's validation reads of other files: the parties (kept), the actions its
 * `update #id` lines name (their meeting's date and title), and the index (identifiers used
 * twice). So a file holding an action a later file's update may name (by its name key, as
 * the scope looks it up) keeps its tree until that file is validated. A reference to an
 * action in a file not parsed yet parses that file there and then (its turn reuses the tree);
 * one into a released file parses it again (counted: the scan of updates says which files
 * are read, so this is not expected).
 *
 * With the check's services (`checkOnly`): the editor's index describes where each reference
 * points with descriptions that read their tree when asked, and so would keep every tree.
 *
 * Each thread of a parallel check (parallel-check.ts) runs the same check over its shard of
 * the files (checkShard): it validates only those, and parses a file of another shard only
 * when one of them reads it.
 */
export async function checkReleasingTrees(read: WorkspaceSources, onChecked: () => void = () => undefined, lexedAhead?: LexedAhead): Promise<ReleasingCheckResult> {
    const files = read.sources.map(source => ({ ...source, scan: scanOf(source) }));
    const outcome = await checkShard({ shared: read.shared, Minutes: read.services }, { files, from: 0, to: files.length }, onChecked, lexedAhead);
    if ('keepEveryTree' in outcome) return checkKeepingEveryTree(read.sources, outcome.keepEveryTree);
    return { checked: outcome.checked.map(file => ({ uri: URI.file(file.file), diagnostics: file.diagnostics })), counts: outcome.counts };
}

/** The services a releasing check parses, links and validates with: fresh ones (their index is the check's). */
export interface CheckServices {
    shared: MinutesSharedCoreServices;
    Minutes: MinutesCoreServices;
}

/** A file's document, parsed from its bytes: from the tokens another thread lexed, if it did. */
function parseSource(services: CheckServices, bytes: Uint8Array, uri: URI, lexedAhead: LexedAhead | undefined): LangiumDocument {
    const text = textOf({ bytes });
    const packed = lexedAhead?.(bytes);
    if (packed) parseNextFrom(services.Minutes, packed, text);
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
}

/** The documents parsed as soon as their files were read (parseWhenRead), by their bytes, with the services that parsed them. */
const parsedEarly = new WeakMap<Uint8Array, { services: CheckServices; document: LangiumDocument }>();

/**
 * Parses a file that may declare parties as soon as it is read (readWorkspaceSources' `onRead`),
 * for the releasing check with these services, which parses such files first, before it links
 * any: a check of many files reads them ahead in another thread, and parsing the directory
 * while that thread reads the rest uses time this one would spend waiting for them
 * (docs/performance.md, "Parsing the directory while reading"). The check takes the document
 * when its turn comes (parsedWhenRead); a check with other services parses the file again.
 */
export function parseWhenRead(services: CheckServices, source: WorkspaceSource, lexedAhead?: LexedAhead): void {
    if (!scanOf(source).mayDeclareParties || parsedEarly.has(source.bytes)) return;
    parsedEarly.set(source.bytes, { services, document: parseSource(services, source.bytes, URI.file(source.file), lexedAhead) });
}

/** The document parseWhenRead made of these bytes with these services, handed over once. */
function parsedWhenRead(services: CheckServices, bytes: Uint8Array): LangiumDocument | undefined {
    const early = parsedEarly.get(bytes);
    if (early?.services.Minutes !== services.Minutes) return undefined;
    parsedEarly.delete(bytes);
    return early.document;
}

const scans = new WeakMap<WorkspaceSource, ScannedExports>();

/**
 * The exports of a source, read from its text (scanExports), once: `minutes check` scans
 * each file as soon as it is read, while the next ones are read (readWorkspaceSources'
 * `onRead`), and the check then finds the scan made.
 */
export function scanOf(source: WorkspaceSource): ScannedExports {
    let scan = scans.get(source);
    if (!scan) {
        scan = scanExports(textOf(source));
        scans.set(source, scan);
    }
    return scan;
}

export interface ReleasingCheckResult {
    /** The diagnostics of the files asked for, in their order; hints left out (they stay in the editor). */
    checked: Array<{ uri: URI; diagnostics: Diagnostic[] }>;
    /** Trees released, and released trees parsed again (read after all); summed over the threads of a parallel check. */
    counts: ReleaseCounts;
    /** The file whose scanned exports differed from its tree, when the check kept every tree for it. */
    keptEveryTree?: string;
}

export interface ReleaseCounts {
    released: number;
    parsedAgain: number;
}

/**
 * The check that keeps every tree (a build of the whole workspace), when a scan of exports
 * was wrong: with fresh services, since the index of the releasing check's holds the scan's guesses.
 */
export async function checkKeepingEveryTree(sources: readonly WorkspaceSource[], because: string): Promise<ReleasingCheckResult> {
    const { shared, Minutes } = createCliServices({ checkOnly: true });
    const { documents } = await buildWorkspace({ shared, services: Minutes, sources: [...sources] });
    return {
        checked: documents.map(document => ({ uri: document.uri, diagnostics: withoutHints(document.diagnostics ?? []) })),
        counts: { released: 0, parsedAgain: 0 },
        keptEveryTree: because
    };
}

/** A file of a releasing check, as a thread receives it (plain data: it goes to worker threads). */
export interface FileToCheck {
    /** Its path (as WorkspaceSource's). */
    file: string;
    /**
     * Its bytes (see WorkspaceSource), decoded when the file is parsed: every thread has those of
     * the files it validates, of the files that may declare parties, and of those holding an
     * action its updates may name; of the others, a thread needs only the scan.
     */
    bytes?: Uint8Array;
    reported: boolean;
    scan: ScannedExports;
}

/**
 * One thread's part of a check: every file of the workspace, in order, of which this thread
 * parses, links and validates (if reported) files `from` to `to` (excluded), its shard.
 * The one-thread check is the shard of every file.
 */
export interface ShardOfCheck {
    files: FileToCheck[];
    from: number;
    to: number;
}

/** What a thread's check gives: the diagnostics of its shard's files asked for, or that the whole check must keep every tree. */
export type ShardOutcome =
    | { checked: Array<{ file: string; diagnostics: Diagnostic[] }>; counts: ReleaseCounts }
    | { keepEveryTree: string };

/**
 * The tokens of the file whose bytes these are, lexed by another thread (read-ahead.ts's
 * LexingAhead), or undefined: the parser lexes it.
 */
export type LexedAhead = (bytes: Uint8Array) => PackedLexing | undefined;

/** Runs the releasing check over one shard (see ShardOfCheck) with the given services, fresh ones (their index is the check's). */
export async function checkShard(services: CheckServices, shard: ShardOfCheck, onChecked: () => void = () => undefined, lexedAhead?: LexedAhead): Promise<ShardOutcome> {
    try {
        return await new ReleasingCheck(services, shard, lexedAhead).run(onChecked);
    } catch (error) {
        if (!(error instanceof KeepEveryTree)) throw error;
        return { keepEveryTree: error.file };
    }
}

/**
 * The releasing check cannot go on: the scan of a file's exports disagreed with its tree, or
 * a thread read a file of another shard it had not been sent (the scan of updates says which
 * it may read, so this is not expected). The check must keep every tree (see checkReleasingTrees).
 */
class KeepEveryTree extends Error {
    constructor(readonly file: string, reason: string) {
        super(`${file}: ${reason}`);
    }
}

/**
 * Diagnostics kept to the end of the check, copied so that their strings hold on to nothing
 * else: in V8 a string cut from a text (a name of 13 characters or more, quoted in a message
 * or in the data of a quick fix) is a view of the whole text, and the problems of a check
 * would keep every text they quote. They are plain data: threads send them so.
 */
function apartFromText(diagnostics: Diagnostic[]): Diagnostic[] {
    return diagnostics.length === 0 ? diagnostics : structuredClone(diagnostics);
}

function withoutHints(diagnostics: Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(diagnostic => diagnostic.severity !== DiagnosticSeverity.Hint);
}

interface FileInCheck {
    readonly index: number;
    readonly uri: URI;
    readonly source: FileToCheck;
    /** In this thread's shard: parsed, linked, and validated if reported. */
    readonly own: boolean;
    /** Parsed before any linking, and kept: it may declare parties. */
    readonly parsedAtOnce: boolean;
    document?: LangiumDocument;
    released?: true;
    /** The paths of its actions' nodes (those of its scan), once parsed. */
    paths?: string[];
    /** The last file of the shard, in order, whose updates may name one of its actions (-1: none). */
    lastReader: number;
}

class ReleasingCheck {
    private readonly files: FileInCheck[];
    private readonly shard: FileInCheck[];
    private stop?: KeepEveryTree;
    private readonly counts: ReleaseCounts = { released: 0, parsedAgain: 0 };

    constructor(private readonly services: CheckServices, { files, from, to }: ShardOfCheck, private readonly lexedAhead?: LexedAhead) {
        this.files = files.map((source, index) => ({
            index, uri: URI.file(source.file), source, own: index >= from && index < to,
            parsedAtOnce: source.scan.mayDeclareParties, lastReader: -1
        }));
        this.shard = this.files.slice(from, to);
    }

    private get index(): MinutesIndexManager {
        return this.services.shared.workspace.IndexManager as MinutesIndexManager;
    }

    async run(onChecked: () => void): Promise<ShardOutcome> {
        const builder = this.services.shared.workspace.DocumentBuilder;
        this.index.reserveOrder(this.files.map(file => file.uri.toString()));
        for (const file of this.files) {
            if (file.parsedAtOnce) {
                const document = this.addDocument(file);
                await this.index.updateContent(document);
                document.state = DocumentState.IndexedContent;
            } else {
                this.index.setForeignContent(file.uri.toString(), file.source.scan.actions.map((action, at) => new ScannedActionDescription(this, file, at, action)));
            }
        }
        const releasedAfter = this.planReleases();
        // The directory is linked first, as when every file is linked before any is validated.
        await builder.build(this.files.filter(file => file.parsedAtOnce).map(file => file.document!), { validation: false });
        this.stopIfAsked();
        // Files of other shards that the updates of a file declaring parties named, and none of this shard's.
        for (const file of this.files) if (!file.own && file.lastReader < 0) this.release(file);

        const checked: Array<{ file: string; diagnostics: Diagnostic[] }> = [];
        for (const file of this.shard) {
            const document = file.document ?? this.parse(file);
            await builder.build([document], { validation: file.source.reported });
            this.stopIfAsked();
            if (file.source.reported) {
                // Hints (an identifier to write for each action without one, ...) are not reported: not kept either.
                document.diagnostics = apartFromText(withoutHints(document.diagnostics ?? []));
                checked.push({ file: file.source.file, diagnostics: document.diagnostics });
                onChecked();
            }
            if (!file.parsedAtOnce && file.lastReader <= file.index) this.release(file);
            for (const read of releasedAfter.get(file.index) ?? []) this.release(read);
        }
        return { checked, counts: this.counts };
    }

    /**
     * For each file, the last file of the shard whose `update` lines may name one of its
     * actions: its tree is kept until then. Returns the files to release after each file's
     * turn: those read by a later file of the shard, and those of other shards read (parsed
     * when first read, never validated here).
     */
    private planReleases(): Map<number, FileInCheck[]> {
        const holders = new Map<string, FileInCheck[]>();
        for (const file of this.files) {
            const names = file.parsedAtOnce
                ? this.index.descriptionsOf(file.uri.toString(), [Action.$type]).map(description => description.name)
                : file.source.scan.actions.map(action => action.name);
            for (const key of new Set(names.map(name => nameKey(name)))) holders.set(key, [...holders.get(key) ?? [], file]);
        }
        for (const reader of this.shard) {
            for (const key of reader.source.scan.updateKeys) {
                for (const holder of holders.get(key) ?? []) holder.lastReader = Math.max(holder.lastReader, reader.index);
            }
        }
        const releasedAfter = new Map<number, FileInCheck[]>();
        for (const file of this.files) {
            if (file.parsedAtOnce || file.lastReader < 0 || (file.own && file.lastReader <= file.index)) continue;
            releasedAfter.set(file.lastReader, [...releasedAfter.get(file.lastReader) ?? [], file]);
        }
        return releasedAfter;
    }

    /** The current tree of a file, parsed now if it was not yet (an update naming an action of a later file), or again if released. */
    treeOf(file: FileInCheck): AstNode | undefined {
        return this.read(file)?.parseResult.value;
    }

    locate(root: AstNode, path: string): AstNode | undefined {
        return this.services.Minutes.workspace.AstNodeLocator.getAstNode(root, path);
    }

    /** The paths of a file's actions, in the order of its scan (parsing it if need be). */
    pathsOf(file: FileInCheck): readonly string[] {
        this.read(file);
        return file.paths ?? [];
    }

    private addDocument(file: FileInCheck): LangiumDocument {
        const bytes = this.bytesOf(file);
        const document = parsedWhenRead(this.services, bytes) ?? parseSource(this.services, bytes, file.uri, this.lexedAhead);
        this.services.shared.workspace.LangiumDocuments.addDocument(document);
        file.document = document;
        return document;
    }

    /**
     * The tree of a file read by another (an update naming one of its actions), parsed if it
     * was not yet; a file of another shard whose text this thread was not sent stops the check
     * (after the current file: a reference being resolved is caught by the linker).
     */
    private read(file: FileInCheck): LangiumDocument | undefined {
        if (file.document) return file.document;
        if (file.source.bytes !== undefined) return this.parse(file);
        this.stop ??= new KeepEveryTree(file.uri.fsPath, 'read by a file of another shard, and not sent to its thread');
        return undefined;
    }

    /**
     * Parses a file whose exports were scanned, checking the scan against its tree; its index
     * entry stays the scan's. Its local scopes are computed at once, as a build's next phase
     * would: a file read by another may never be linked here (it is of another shard, or its
     * turn comes later), and a reference read in it is then resolved when read, which Langium
     * does only from that phase on.
     */
    private parse(file: FileInCheck): LangiumDocument {
        const document = this.addDocument(file);
        const scopes = this.services.Minutes.references.ScopeComputation as MinutesScopeComputation;
        const exports = scopes.exportedSymbols(document);
        if (scanMatchesExports(file.source.scan, exports)) {
            file.paths = exports.map(description => description.path);
        } else {
            // The scan's actions are not the tree's: none of its descriptions names a node.
            this.stop ??= new KeepEveryTree(file.uri.fsPath, 'the exports scanned differ from its tree');
            file.paths = [];
        }
        document.localSymbols = scopes.localSymbols(document);
        document.state = DocumentState.ComputedScopes;
        return document;
    }

    /** What stops the check found while a reference was resolved is caught by the linker: it is raised here, between files. */
    private stopIfAsked(): void {
        if (this.stop) throw this.stop;
    }

    /**
     * Drops what holds the file's tree and text: its references (and through them, what they
     * resolved to), the trees of its blocks made for its diagnostics, its parse result, which
     * becomes a getter that parses the text again, and its text, decoded again if asked. The
     * index holds only the scan's descriptions, and the document its diagnostics.
     */
    private release(file: FileInCheck): void {
        const document = file.document;
        if (!document || file.released) return;
        file.released = true;
        (this.services.Minutes.references.Linker as MinutesLinker).unlinkReleased(document);
        forgetBlockTrees(document.parseResult.value);
        parseAgainWhenRead(document, () => {
            this.counts.parsedAgain++;
            return this.services.Minutes.parser.LangiumParser.parse(this.textOf(file));
        });
        if (document instanceof MinutesDocument) document.releaseText(() => this.textOf(file));
        this.counts.released++;
    }

    /** A file's text, decoded from its bytes. */
    private textOf(file: FileInCheck): string {
        return textOf({ bytes: this.bytesOf(file) });
    }

    /** A file's bytes: only files whose bytes this thread was sent are parsed (see read). */
    private bytesOf(file: FileInCheck): Uint8Array {
        const bytes = file.source.bytes;
        if (!bytes) throw new Error(`${file.uri.fsPath}: parsed without its bytes`);
        return bytes;
    }
}

/** A path that locates no node (Langium's locator reads each segment as a property): for an action the scan found and the tree lacks. */
const NO_NODE_PATH = '#none';

/**
 * An action's index description from the scan of its file: its name and the segment of its
 * `#id` as plain data (the scope orders by them, the duplicate-identifier rule names the line);
 * its node, path and selection are read from the file's tree when asked.
 */
class ScannedActionDescription implements AstNodeDescription {
    readonly type = Action.$type;
    readonly name: string;
    /** Carried along (as a description from another thread carries it): an action's name is its node's. */
    readonly nodeName: string;
    readonly documentUri: URI;
    readonly nameSegment: DocumentSegment;

    constructor(private readonly check: ReleasingCheck, private readonly file: FileInCheck, private readonly at: number, action: ScannedAction) {
        this.name = action.name;
        this.nodeName = action.name;
        this.documentUri = file.uri;
        const start = { line: action.line, character: action.character };
        this.nameSegment = {
            offset: action.offset, end: action.offset + action.length, length: action.length,
            range: { start, end: { line: action.line, character: action.character + action.length } }
        };
    }

    /** Never empty, which would locate the root: Langium's linker reads the path when `node` gives none. */
    get path(): string {
        return this.check.pathsOf(this.file)[this.at] ?? NO_NODE_PATH;
    }

    get node(): AstNode | undefined {
        const root = this.check.treeOf(this.file);
        return root && this.check.locate(root, this.path);
    }

    get selectionSegment(): DocumentSegment | undefined {
        const node = this.node;
        return node?.$cstNode && CstUtils.toDocumentSegment(node.$cstNode);
    }
}
