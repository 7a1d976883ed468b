import {
    DefaultLangiumDocumentFactory, type AstNode, DocumentState, type LangiumCoreServices, type LangiumDocument, type LangiumSharedCoreServices, type LocalSymbols,
    type ParseResult, type Reference, type MultiReference, TextDocument, type URI, Cancellation
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
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

    /** As Langium's, but a MinutesDocument (see there) rather than an object literal with a getter. */
    override createLangiumDocument<T extends AstNode = AstNode>(parseResult: ParseResult<T>, uri: URI, textDocument?: TextDocument, text?: string): LangiumDocument<T> {
        const document = new MinutesDocument(parseResult, uri, this.serviceRegistry, textDocument ?? text ?? '');
        (parseResult.value as { $document?: LangiumDocument }).$document = document;
        return document;
    }

    /**
     * As Langium's, with an incremental parse first. Every document this factory makes is a
     * MinutesDocument, told its new text here; one made otherwise is Langium's to update.
     */
    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken = Cancellation.CancellationToken.None): Promise<LangiumDocument<T>> {
        if (!(document instanceof MinutesDocument)) return super.update(document, cancellationToken);
        const previous = document.parseResult;
        const oldText = previous.value.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const text = textDocument ? textDocument.getText() : await this.fileSystemProvider.readFile(document.uri);
        document.textChanged(textDocument ?? text);
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

/**
 * A document, its text document made when first asked if it was read from a string (as
 * Langium's). A class, where Langium makes an object literal with a `textDocument` getter:
 * V8 allocates such a literal in the old generation, and an old object keeps what it points
 * to through every minor collection until the next full one: a check of 1,000 files, each
 * text decoded at its turn and let go after, promoted them all (docs/performance.md,
 * "Sources kept as bytes").
 */
export class MinutesDocument<T extends AstNode = AstNode> implements LangiumDocument<T> {
    state = DocumentState.Parsed;
    references: Array<Reference | MultiReference> = [];
    localSymbols?: LocalSymbols;
    diagnostics?: Diagnostic[];
    /** The text, or how to read it again once let go (releaseText). */
    private text: string | (() => string) = '';
    private made?: TextDocument;

    constructor(
        public parseResult: ParseResult<T>,
        readonly uri: URI,
        private readonly registry: LangiumSharedCoreServices['ServiceRegistry'],
        text: TextDocument | string
    ) {
        this.textChanged(text);
    }

    get textDocument(): TextDocument {
        return this.made ??= TextDocument.create(
            this.uri.toString(), this.registry.getServices(this.uri).LanguageMetaData.languageId, 0, typeof this.text === 'string' ? this.text : this.text()
        );
    }

    /**
     * The document's text is now an open editor's text document, or `text` read anew from its
     * file (its text document made again when asked).
     */
    textChanged(now: TextDocument | string): void {
        this.text = typeof now === 'string' ? now : '';
        this.made = typeof now === 'string' ? undefined : now;
    }

    /** Lets go of the text (a check's released file, see cli/src/releasing-check.ts): `read` gives it again if the text document is asked. */
    releaseText(read: () => string): void {
        this.text = read;
        this.made = undefined;
    }
}
