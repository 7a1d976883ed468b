import { CstUtils, DocumentState, URI, type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument } from 'langium';
import {
    Action, nameKey, parseAgainWhenRead, scanExports, scanMatchesExports, type MinutesIndexManager, type MinutesScopeComputation, type ScannedAction, type ScannedExports
} from 'minutes-language';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { buildWorkspace, createCliServices, type WorkspaceSources } from './workspace.js';

/**
 * A `minutes check` in one thread that does not keep every file's syntax tree to its end
 * (docs/performance.md, "A check that releases its trees"): each file is parsed, linked and
 * validated in turn, and its tree released once no later file's validation can read it.
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
 */
export async function checkReleasingTrees(read: WorkspaceSources, onChecked: () => void = () => undefined): Promise<ReleasingCheckResult> {
    try {
        return await new ReleasingCheck(read).run(onChecked);
    } catch (error) {
        if (!(error instanceof ScanMismatch)) throw error;
        // Fresh services: the index of these holds the scan's guesses.
        const { shared, Minutes } = createCliServices({ checkOnly: true });
        const { documents } = await buildWorkspace({ shared, services: Minutes, sources: read.sources });
        return {
            checked: documents.map(document => ({ uri: document.uri, diagnostics: withoutHints(document.diagnostics ?? []) })),
            counts: { released: 0, parsedAgain: 0 },
            keptEveryTree: error.file
        };
    }
}

export interface ReleasingCheckResult {
    /** The diagnostics of the files asked for, in their order; hints left out (they stay in the editor). */
    checked: Array<{ uri: URI; diagnostics: Diagnostic[] }>;
    /** Trees released, and released trees parsed again (read after all). */
    counts: { released: number; parsedAgain: number };
    /** The file whose scanned exports differed from its tree, when the check kept every tree for it. */
    keptEveryTree?: string;
}

/** The scan of a file's exports disagreed with its tree: the check must keep every tree (see checkReleasingTrees). */
class ScanMismatch extends Error {
    constructor(readonly file: string) {
        super(`the exports scanned from ${file} differ from its tree`);
    }
}

function withoutHints(diagnostics: Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(diagnostic => diagnostic.severity !== DiagnosticSeverity.Hint);
}

interface FileInCheck {
    readonly index: number;
    readonly uri: URI;
    readonly text: string;
    readonly reported: boolean;
    readonly scan: ScannedExports;
    /** Parsed before any linking, and kept: it may declare parties. */
    readonly parsedAtOnce: boolean;
    document?: LangiumDocument;
    /** The paths of its actions' nodes (those of its scan), once parsed. */
    paths?: string[];
    /** The last file in order whose updates may name one of its actions (-1: none). */
    lastReader: number;
}

class ReleasingCheck {
    private readonly files: FileInCheck[];
    private mismatch?: FileInCheck;
    private readonly counts = { released: 0, parsedAgain: 0 };

    constructor(private readonly read: WorkspaceSources) {
        this.files = read.sources.map((source, index) => {
            const scan = scanExports(source.text);
            return {
                index, uri: URI.file(source.file), text: source.text, reported: source.reported, scan,
                parsedAtOnce: scan.mayDeclareParties, lastReader: -1
            };
        });
    }

    private get index(): MinutesIndexManager {
        return this.read.shared.workspace.IndexManager as MinutesIndexManager;
    }

    async run(onChecked: () => void): Promise<ReleasingCheckResult> {
        const { shared } = this.read;
        const builder = shared.workspace.DocumentBuilder;
        this.index.reserveOrder(this.files.map(file => file.uri.toString()));
        for (const file of this.files) {
            if (file.parsedAtOnce) {
                const document = this.addDocument(file);
                await this.index.updateContent(document);
                document.state = DocumentState.IndexedContent;
            } else {
                this.index.setForeignContent(file.uri.toString(), file.scan.actions.map((action, at) => new ScannedActionDescription(this, file, at, action)));
            }
        }
        this.findLastReaders();
        // The directory is linked first, as when every file is linked before any is validated.
        await builder.build(this.files.filter(file => file.parsedAtOnce).map(file => file.document!), { validation: false });
        this.stopOnMismatch();

        const releasedAfter = new Map<number, FileInCheck[]>();
        const diagnostics: Diagnostic[][] = [];
        for (const file of this.files) {
            const document = file.document ?? this.parse(file);
            await builder.build([document], { validation: file.reported });
            this.stopOnMismatch();
            if (file.reported) {
                // Hints (an identifier to write for each action without one, ...) are not reported: not kept either.
                document.diagnostics = diagnostics[file.index] = withoutHints(document.diagnostics ?? []);
                onChecked();
            }
            if (!file.parsedAtOnce) {
                if (file.lastReader <= file.index) this.release(file);
                else releasedAfter.set(file.lastReader, [...releasedAfter.get(file.lastReader) ?? [], file]);
            }
            for (const read of releasedAfter.get(file.index) ?? []) this.release(read);
            releasedAfter.delete(file.index);
        }
        return {
            checked: this.files.filter(file => file.reported).map(file => ({ uri: file.uri, diagnostics: diagnostics[file.index] })),
            counts: this.counts
        };
    }

    /** For each file, the last file whose `update` lines may name one of its actions: its tree is kept until then. */
    private findLastReaders(): void {
        const holders = new Map<string, FileInCheck[]>();
        for (const file of this.files) {
            const names = file.parsedAtOnce
                ? this.index.descriptionsOf(file.uri.toString(), [Action.$type]).map(description => description.name)
                : file.scan.actions.map(action => action.name);
            for (const key of new Set(names.map(name => nameKey(name)))) holders.set(key, [...holders.get(key) ?? [], file]);
        }
        for (const reader of this.files) {
            for (const key of reader.scan.updateKeys) {
                for (const holder of holders.get(key) ?? []) holder.lastReader = Math.max(holder.lastReader, reader.index);
            }
        }
    }

    /** The current tree of a file, parsed now if it was not yet (an update naming an action of a later file), or again if released. */
    treeOf(file: FileInCheck): AstNode {
        return (file.document ?? this.parse(file)).parseResult.value;
    }

    locate(root: AstNode, path: string): AstNode | undefined {
        return this.read.services.workspace.AstNodeLocator.getAstNode(root, path);
    }

    /** The paths of a file's actions, in the order of its scan (parsing it if need be). */
    pathsOf(file: FileInCheck): readonly string[] {
        if (!file.document) this.parse(file);
        return file.paths ?? [];
    }

    private addDocument(file: FileInCheck): LangiumDocument {
        const { LangiumDocumentFactory, LangiumDocuments } = this.read.shared.workspace;
        const document = LangiumDocumentFactory.fromString(file.text, file.uri);
        LangiumDocuments.addDocument(document);
        file.document = document;
        return document;
    }

    /** Parses a file whose exports were scanned, checking the scan against its tree; its index entry stays the scan's. */
    private parse(file: FileInCheck): LangiumDocument {
        const document = this.addDocument(file);
        const exports = (this.read.services.references.ScopeComputation as MinutesScopeComputation).exportedSymbols(document);
        if (!scanMatchesExports(file.scan, exports)) this.mismatch ??= file;
        file.paths = exports.map(description => description.path);
        document.state = DocumentState.IndexedContent;
        return document;
    }

    /** A mismatch found while a reference was resolved is caught by the linker: it is raised here, between files. */
    private stopOnMismatch(): void {
        if (this.mismatch) throw new ScanMismatch(this.mismatch.uri.fsPath);
    }

    /**
     * Drops what holds the file's tree: its references (and through them, what they resolved
     * to), and its parse result, which becomes a getter that parses the text again. The index
     * holds only the scan's descriptions, and the document its diagnostics.
     */
    private release(file: FileInCheck): void {
        const document = file.document!;
        document.references = [];
        parseAgainWhenRead(document, () => {
            this.counts.parsedAgain++;
            return this.read.services.parser.LangiumParser.parse(file.text);
        });
        this.counts.released++;
    }
}

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

    get path(): string {
        return this.check.pathsOf(this.file)[this.at] ?? '';
    }

    get node(): AstNode | undefined {
        const root = this.check.treeOf(this.file);
        const path = this.path;
        return path ? this.check.locate(root, path) : undefined;
    }

    get selectionSegment(): DocumentSegment | undefined {
        const node = this.node;
        return node?.$cstNode && CstUtils.toDocumentSegment(node.$cstNode);
    }
}
