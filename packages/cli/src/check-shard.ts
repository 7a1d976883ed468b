import { DocumentState, URI, type LangiumDocument } from 'langium';
import {
    fromPortableDescription, isActionUpdate, isDocument, nameKey, Organisation, Person, toPortableDescription,
    type MinutesIndexManager, type MinutesServices, type MinutesSharedServices, type PortableDescription
} from 'minutes-language';
import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * One thread's part of a parallel `minutes check` (see parallel-check.ts), in two steps.
 *
 * 1. `parse`: parse and index the thread's shard of the files, and say what each exports
 *    (its index descriptions), whether it declares people or organisations, and which
 *    action identifiers its `update` lines name.
 * 2. `check`: with the descriptions of the files other threads parsed in the index, and
 *    the files it needs loaded beside its own (every file that declares a party, every
 *    file with an action its updates may name), link and validate the shard's files.
 *
 * Every document is linked against the same index, in the same order, as in a single
 * thread, so each diagnostic is the one a single thread gives.
 */
export interface ShardFile {
    uri: string;
    text: string;
    /** Asked for: validated, and its diagnostics returned. */
    reported: boolean;
}

export interface ParseRequest {
    /** Every file of the check, in the order a single thread indexes them. */
    order: string[];
    shard: ShardFile[];
}

export interface ParsedFile {
    uri: string;
    /** None for a file that declares parties: every thread parses it. */
    descriptions: PortableDescription[];
    declaresParties: boolean;
    /** Name keys of the identifiers its `update #id` lines name. */
    updateKeys: string[];
}

export interface CheckRequest {
    /** Files parsed by other threads: their index descriptions. */
    foreign: Array<{ uri: string; descriptions: PortableDescription[] }>;
    /** Files of other shards to parse here too (not validated): parties, and actions the shard's updates name. */
    load: Array<{ uri: string; text: string }>;
}

export interface CheckedFile {
    uri: string;
    /** Hints stay in the editor: they are left out. */
    diagnostics: Diagnostic[];
}

export class ShardChecker {
    private readonly documents = new Map<string, LangiumDocument>();
    private order: string[] = [];
    private reported: LangiumDocument[] = [];

    constructor(private readonly services: { shared: MinutesSharedServices; Minutes: MinutesServices }) {}

    private get indexManager(): MinutesIndexManager {
        return this.services.shared.workspace.IndexManager as MinutesIndexManager;
    }

    async parse(request: ParseRequest): Promise<ParsedFile[]> {
        this.order = request.order;
        this.indexManager.reserveOrder(request.order);
        const parsed: ParsedFile[] = [];
        for (const file of request.shard) {
            const document = await this.add(file.uri, file.text);
            if (file.reported) this.reported.push(document);
            const descriptions = this.indexManager.allElements(undefined, new Set([file.uri])).toArray();
            const declaresParties = descriptions.some(d => d.type === Person.$type || d.type === Organisation.$type);
            parsed.push({
                uri: file.uri,
                // Every thread parses a file that declares parties: its descriptions need not travel.
                descriptions: declaresParties ? [] : descriptions.map(toPortableDescription),
                declaresParties,
                updateKeys: updateKeysOf(document)
            });
        }
        return parsed;
    }

    async check(request: CheckRequest, onValidated: () => void = () => undefined): Promise<CheckedFile[]> {
        for (const { uri, descriptions } of request.foreign) {
            const documentUri = URI.parse(uri);
            this.indexManager.setForeignContent(uri, descriptions.map(d => fromPortableDescription(d, documentUri)));
        }
        for (const { uri, text } of request.load) await this.add(uri, text);
        const builder = this.services.shared.workspace.DocumentBuilder;
        const inOrder = this.order.map(uri => this.documents.get(uri)).filter((d): d is LangiumDocument => d !== undefined);
        await builder.build(inOrder, { validation: false });
        const counting = builder.onDocumentPhase(DocumentState.Validated, onValidated);
        try {
            await builder.build(this.reported, { validation: true });
        } finally {
            counting.dispose();
        }
        return this.reported.map(document => ({
            uri: document.uri.toString(),
            diagnostics: (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity !== 4)
        }));
    }

    /** Parses a file and indexes what it exports, as the first phases of a build do. */
    private async add(uri: string, text: string): Promise<LangiumDocument> {
        const { LangiumDocumentFactory, LangiumDocuments } = this.services.shared.workspace;
        const document = LangiumDocumentFactory.fromString(text, URI.parse(uri));
        LangiumDocuments.addDocument(document);
        await this.indexManager.updateContent(document);
        document.state = DocumentState.IndexedContent;
        this.documents.set(uri, document);
        return document;
    }
}

/** The name keys `update #id` lines name, as the scope of actions looks them up. */
function updateKeysOf(document: LangiumDocument): string[] {
    const root = document.parseResult.value;
    if (!isDocument(root)) return [];
    const keys = new Set<string>();
    for (const block of root.blocks) {
        if (isActionUpdate(block)) keys.add(nameKey(block.action.$refText));
    }
    return [...keys];
}
