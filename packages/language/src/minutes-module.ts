import {
    inject, type DeepPartial, type Module
} from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { MinutesConfigs } from './config/minutes-configs.js';
import { MinutesGeneratedModule, MinutesGeneratedSharedModule } from './generated/module.js';
import { DirectoryIndex } from './lsp/directory-index.js';
import { MinutesCodeActionProvider } from './lsp/minutes-code-action-provider.js';
import { MinutesCompletionProvider } from './lsp/minutes-completion-provider.js';
import { MinutesDefinitionProvider } from './lsp/minutes-definition-provider.js';
import { MinutesDocumentHighlightProvider } from './lsp/minutes-document-highlight-provider.js';
import { MinutesDocumentSymbolProvider } from './lsp/minutes-document-symbol-provider.js';
import { MinutesFoldingRangeProvider } from './lsp/minutes-folding-range-provider.js';
import { MinutesFormatter } from './lsp/minutes-formatter.js';
import { MinutesHoverProvider } from './lsp/minutes-hover-provider.js';
import { MinutesInlayHintProvider } from './lsp/minutes-inlay-hint-provider.js';
import { MinutesReferencesProvider } from './lsp/minutes-references-provider.js';
import { MinutesRenameProvider } from './lsp/minutes-rename-provider.js';
import { MinutesSemanticTokenProvider } from './lsp/minutes-semantic-token-provider.js';
import { MinutesWorkspaceManager } from './workspace/minutes-workspace-manager.js';
import { MinutesWorkspaceSymbolProvider } from './lsp/minutes-workspace-symbol-provider.js';
import { MinutesLexer } from './parser/minutes-lexer.js';
import { createMinutesParser } from './parser/minutes-parser.js';
import { MinutesValueConverter } from './parser/minutes-value-converter.js';
import { MinutesParserErrorMessages } from './parser/minutes-parser-messages.js';
import { CheckOnlyIndexManager, MinutesIndexManager } from './workspace/minutes-index-manager.js';
import { MinutesLinker } from './scoping/minutes-linker.js';
import { CompactAstNodeDescriptionProvider } from './scoping/compact-node-descriptions.js';
import { MinutesReferenceDescriptionProvider } from './scoping/minutes-reference-description-provider.js';
import { MinutesScopeComputation } from './scoping/minutes-scope-computation.js';
import { MinutesScopeProvider } from './scoping/minutes-scope-provider.js';
import { MinutesDocumentBuilder } from './workspace/minutes-document-builder.js';
import { MinutesLangiumDocuments } from './workspace/minutes-langium-documents.js';
import { MinutesDocumentFactory } from './workspace/minutes-document-factory.js';
import { ActionLedgerService } from './workspace/action-ledger-service.js';
import { ClosedDocumentTrees } from './workspace/closed-document-trees.js';
import { MinutesDocumentValidator } from './validation/minutes-document-validator.js';
import { MinutesValidationRegistry } from './validation/minutes-validation-registry.js';
import { MinutesValidator, registerValidationChecks } from './validation/minutes-validator.js';
import { answerSubtypesFromCache } from './util/subtype-tests.js';

/** Services added by the Minutes language. */
export type MinutesAddedServices = {
    validation: {
        MinutesValidator: MinutesValidator;
    };
    references: {
        ScopeProvider: MinutesScopeProvider;
    };
    lsp: {
        /** People and organisations of the workspace, indexed for completion and hover. */
        DirectoryIndex: DirectoryIndex;
    };
};

/** Shared services added by the Minutes language. */
export type MinutesAddedSharedServices = {
    workspace: {
        /** The configuration file that applies to each file (`.minutes.jsonc`, found walking up). */
        MinutesConfigs: MinutesConfigs;
        /** The action ledger of the workspace, rebuilt after a change only when asked for. */
        ActionLedger: ActionLedgerService;
        /** Releases the syntax trees of closed documents and parses them again when asked for (off unless turned on). */
        ClosedDocumentTrees: ClosedDocumentTrees;
    };
};

export type MinutesSharedServices = LangiumSharedServices & MinutesAddedSharedServices;

export type MinutesServices = LangiumServices & MinutesAddedServices & { shared: MinutesSharedServices };

export const MinutesModule: Module<MinutesServices, PartialLangiumServices & DeepPartial<MinutesAddedServices>> = {
    parser: {
        Lexer: services => new MinutesLexer(services),
        // Syntax errors in the language's words, never the parser's token names.
        ParserErrorMessageProvider: () => new MinutesParserErrorMessages(),
        // The flat parser, and Langium's (made linear on documents of many lines) for a syntax
        // error: see parser/flat-parser.ts and parser/minutes-parser.ts.
        LangiumParser: services => createMinutesParser(services, { flat: true }),
        ValueConverter: () => new MinutesValueConverter()
    },
    references: {
        ScopeComputation: services => new MinutesScopeComputation(services),
        ScopeProvider: services => new MinutesScopeProvider(services),
        // Both walk the AST with plain loops instead of Langium's streams (docs/performance.md).
        Linker: services => new MinutesLinker(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new MinutesReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new MinutesDocumentValidator(services),
        ValidationRegistry: services => new MinutesValidationRegistry(services),
        MinutesValidator: services => new MinutesValidator(services)
    },
    lsp: {
        DirectoryIndex: services => new DirectoryIndex(services),
        CompletionProvider: services => new MinutesCompletionProvider(services),
        CodeActionProvider: services => new MinutesCodeActionProvider(services),
        HoverProvider: services => new MinutesHoverProvider(services),
        DefinitionProvider: () => new MinutesDefinitionProvider(),
        ReferencesProvider: services => new MinutesReferencesProvider(services),
        DocumentHighlightProvider: services => new MinutesDocumentHighlightProvider(services),
        RenameProvider: services => new MinutesRenameProvider(services),
        DocumentSymbolProvider: () => new MinutesDocumentSymbolProvider(),
        FoldingRangeProvider: () => new MinutesFoldingRangeProvider(),
        SemanticTokenProvider: services => new MinutesSemanticTokenProvider(services),
        Formatter: () => new MinutesFormatter(),
        InlayHintProvider: services => new MinutesInlayHintProvider(services)
    }
};

/** Shared services the Minutes language replaces: the workspace manager honours `minutes.directory.globs`. */
export const MinutesSharedModule: Module<MinutesSharedServices, DeepPartial<LangiumSharedServices> & MinutesAddedSharedServices> = {
    workspace: {
        MinutesConfigs: services => new MinutesConfigs(services),
        ActionLedger: services => new ActionLedgerService(services),
        ClosedDocumentTrees: services => new ClosedDocumentTrees(services),
        // Counts changes of the index per type, so scopes are rebuilt only when they change.
        IndexManager: services => new MinutesIndexManager(services),
        WorkspaceManager: services => new MinutesWorkspaceManager(services),
        // Parses an edited document again only around the edit: see parser/incremental-reparser.ts.
        LangiumDocumentFactory: services => new MinutesDocumentFactory(services),
        // Lists the workspace's documents from a list kept between changes (see the class).
        LangiumDocuments: services => new MinutesLangiumDocuments(services),
        DocumentBuilder: services => new MinutesDocumentBuilder(services)
    },
    lsp: {
        WorkspaceSymbolProvider: services => new MinutesWorkspaceSymbolProvider(services)
    }
};

export interface MinutesServicesOptions {
    /**
     * Services for `minutes check` alone: what only the editor reads is not built (the index
     * of where each reference points, read by find-references, rename and the editor's
     * re-linking; the syntax tree, made block by block when asked (parser/lazy-cst.ts); the
     * ranges of its leaves until asked for; reports kept per node for the next keystroke; the
     * hints, which the check does not print, but those the configuration raises to a warning or
     * an error). The diagnostics it prints are the same (cli/test/parallel-check.test.ts,
     * test/parser/flat-parser.test.ts).
     */
    checkOnly?: boolean;
    /**
     * Parse with Langium's parser instead of the flat parser (parser/flat-parser.ts): the
     * reference its tests compare it with.
     */
    langiumParser?: boolean;
}

/**
 * The parser, when not MinutesModule's: a check's leaves make their ranges when asked
 * (LazyRangeCstNodeBuilder); Langium's parser alone, when asked for.
 */
function parserModule(options: MinutesServicesOptions): Module<MinutesServices, PartialLangiumServices> {
    return {
        parser: {
            LangiumParser: services => createMinutesParser(services, {
                lazyLeafRanges: options.checkOnly, flat: !options.langiumParser, lazyCst: options.checkOnly && !options.langiumParser
            })
        }
    };
}

/** Check-only: references and index descriptions without closures per object; nodes validated once keep no reports for the next keystroke; no hints but those the configuration raises. */
const CheckOnlyModule: Module<MinutesServices, PartialLangiumServices> = {
    references: {
        Linker: services => new MinutesLinker(services, { compactReferences: true })
    },
    workspace: {
        AstNodeDescriptionProvider: services => new CompactAstNodeDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new MinutesDocumentValidator(services, { keepOwnTextReports: false, reportsHints: false })
    }
};

const CheckOnlySharedModule: Module<MinutesSharedServices, DeepPartial<LangiumSharedServices>> = {
    workspace: {
        IndexManager: services => new CheckOnlyIndexManager(services)
    }
};

/**
 * Creates the Minutes services: the shared workspace services and the language's own.
 * The same function serves the language server, the CLI and the tests.
 */
export function createMinutesServices(context: DefaultSharedModuleContext, options: MinutesServicesOptions = {}): {
    shared: MinutesSharedServices;
    Minutes: MinutesServices;
} {
    answerSubtypesFromCache();
    const shared = options.checkOnly
        ? inject(createDefaultSharedModule(context), MinutesGeneratedSharedModule, MinutesSharedModule, CheckOnlySharedModule)
        : inject(createDefaultSharedModule(context), MinutesGeneratedSharedModule, MinutesSharedModule);
    const Minutes = options.checkOnly
        ? inject(createDefaultModule({ shared }), MinutesGeneratedModule, MinutesModule, CheckOnlyModule, parserModule(options))
        : options.langiumParser
            ? inject(createDefaultModule({ shared }), MinutesGeneratedModule, MinutesModule, parserModule(options))
            : inject(createDefaultModule({ shared }), MinutesGeneratedModule, MinutesModule);
    shared.ServiceRegistry.register(Minutes);
    registerValidationChecks(Minutes);
    if (!context.connection) {
        // Without a language server the configuration is never sent: mark it as ready.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Minutes };
}
