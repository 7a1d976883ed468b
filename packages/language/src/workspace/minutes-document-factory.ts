import { DefaultLangiumDocumentFactory, type AstNode, DocumentState, type LangiumCoreServices, type LangiumDocument, type LangiumSharedCoreServices, type ParseResult, Cancellation } from 'langium';
import { IncrementalReparser } from '../parser/incremental-reparser.js';
import { MinutesLexer } from '../parser/minutes-lexer.js';

/**
 * Langium's document factory, which parses an edited document again incrementally when
 * it can (parser/incremental-reparser.ts) and in full otherwise. An error in the
 * incremental path falls back to a full parse: the document is never lost.
 */
export class MinutesDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Off: every edit is parsed in full (tests compare both paths). */
    reparseIncrementally = true;
    private readonly reparsers = new WeakMap<LangiumCoreServices, IncrementalReparser | undefined>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /** How often documents were parsed again incrementally and in full (all languages; one here). */
    get reparseCounts(): IncrementalReparser['counts'] {
        const counts = { incremental: 0, full: 0, lastFullParseReason: '' };
        for (const services of this.serviceRegistry.all) {
            const reparser = this.reparserFor(services);
            if (!reparser) continue;
            counts.incremental += reparser.counts.incremental;
            counts.full += reparser.counts.full;
            counts.lastFullParseReason = reparser.counts.lastFullParseReason;
        }
        return counts;
    }

    /** As Langium's, with an incremental parse first (the text document part is Langium's own). */
    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken = Cancellation.CancellationToken.None): Promise<LangiumDocument<T>> {
        const previous = document.parseResult;
        const oldText = previous.value.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const text = textDocument ? textDocument.getText() : await this.fileSystemProvider.readFile(document.uri);
        if (textDocument) {
            Object.defineProperty(document, 'textDocument', { value: textDocument });
        } else {
            const textDocumentGetter = this.createTextDocumentGetter(document.uri, text);
            Object.defineProperty(document, 'textDocument', { get: textDocumentGetter });
        }
        if (oldText !== text) {
            const reparser = this.reparserFor(this.serviceRegistry.getServices(document.uri));
            const reparsed = oldText !== undefined && this.reparseIncrementally ? reparser?.reparse(previous, text) : undefined;
            document.parseResult = (reparsed ?? await this.parseAsync(document.uri, text, cancellationToken)) as ParseResult<T>;
            (document.parseResult.value as { $document?: LangiumDocument }).$document = document;
        }
        document.state = DocumentState.Parsed;
        return document;
    }

    private reparserFor(services: LangiumCoreServices): IncrementalReparser | undefined {
        if (!this.reparsers.has(services)) {
            const lexer = services.parser.Lexer;
            this.reparsers.set(services, lexer instanceof MinutesLexer ? new IncrementalReparser(lexer, services.parser.LangiumParser) : undefined);
        }
        return this.reparsers.get(services);
    }
}
