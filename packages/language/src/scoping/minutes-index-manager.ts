import { DefaultIndexManager, type AstNodeDescription, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's index, counting for each node type how often the exported descriptions of
 * that type changed, so that the scopes built from them are rebuilt only when they may
 * differ. Typing in a meeting file re-indexes that file's actions, never the 5,000 people
 * of the directory: the scope of parties (and its name keys) then stays as it was,
 * instead of being rebuilt from the whole index after every keystroke.
 */
export class MinutesIndexManager extends DefaultIndexManager {
    private readonly versions = new Map<string, number>();

    /** A number that changes whenever a description of one of the types is added, removed or replaced. */
    versionOf(...types: string[]): number {
        let version = 0;
        for (const type of types) version += this.versions.get(type) ?? 0;
        return version;
    }

    override async updateContent(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        this.changed(this.symbolIndex.get(uri));
        await super.updateContent(document, cancelToken);
        this.changed(this.symbolIndex.get(uri));
    }

    override removeContent(uri: URI): void {
        this.changed(this.symbolIndex.get(uri.toString()));
        super.removeContent(uri);
    }

    private changed(descriptions: AstNodeDescription[] | undefined): void {
        if (!descriptions) return;
        const types = new Set(descriptions.map(description => description.type));
        for (const type of types) this.versions.set(type, (this.versions.get(type) ?? 0) + 1);
    }
}
