import { DefaultLangiumDocuments, stream, type LangiumDocument, type Stream, type URI } from 'langium';

/**
 * Langium's documents, listing them all from a list kept until one is added or removed.
 * Langium's list is collected from a tree of URI path segments at each call, and a keystroke
 * asks for it several times (which documents to re-link, which to build, which trees to
 * release): in a workspace of 10,000 files that was most of an edit's time. Same documents,
 * same order.
 */
export class MinutesLangiumDocuments extends DefaultLangiumDocuments {
    private listed?: LangiumDocument[];

    override get all(): Stream<LangiumDocument> {
        this.listed ??= this.documentTrie.all();
        return stream(this.listed);
    }

    override addDocument(document: LangiumDocument): void {
        this.listed = undefined;
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.listed = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.listed = undefined;
        return super.deleteDocuments(folder);
    }
}
