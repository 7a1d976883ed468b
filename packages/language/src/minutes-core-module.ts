import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject, type DeepPartial, type DefaultSharedCoreModuleContext,
    type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices
} from 'langium';
import { MinutesConfigs } from './config/minutes-configs.js';
import { MinutesGeneratedModule, MinutesGeneratedSharedModule } from './generated/module.js';
import { MinutesLexer } from './parser/minutes-lexer.js';
import { createMinutesParser } from './parser/minutes-parser.js';
import { MinutesParserErrorMessages } from './parser/minutes-parser-messages.js';
import { MinutesValueConverter } from './parser/minutes-value-converter.js';
import { CompactAstNodeDescriptionProvider } from './scoping/compact-node-descriptions.js';
import { MinutesLinker } from './scoping/minutes-linker.js';
import { MinutesReferenceDescriptionProvider } from './scoping/minutes-reference-description-provider.js';
import { MinutesScopeComputation } from './scoping/minutes-scope-computation.js';
import { MinutesScopeProvider } from './scoping/minutes-scope-provider.js';
import { answerSubtypesFromCache } from './util/subtype-tests.js';
import { MinutesDocumentValidator } from './validation/minutes-document-validator.js';
import { MinutesValidationRegistry } from './validation/minutes-validation-registry.js';
import { MinutesValidator, registerValidationChecks } from './validation/minutes-validator.js';
import { ActionLedgerService } from './workspace/action-ledger-service.js';
import type { ClosedDocumentTrees } from './workspace/closed-document-trees.js';
import { MinutesDocumentBuilder } from './workspace/minutes-document-builder.js';
import { MinutesDocumentFactory } from './workspace/minutes-document-factory.js';
import { CheckOnlyIndexManager, MinutesIndexManager } from './workspace/minutes-index-manager.js';
import { MinutesLangiumDocuments } from './workspace/minutes-langium-documents.js';
import { MinutesWorkspaceManager } from './workspace/minutes-workspace-manager.js';

/**
 * The language without the editor: parsing, linking, validation and the workspace, which the
 * command line needs, with Langium's core services. The language server's services
 * (minutes-module.ts) are these and the editor's features: this module imports nothing of
 * the language server protocol, so that `minutes check` does not load it (docs/performance.md,
 * "Start-up").
 */

/** Services added by the Minutes language. */
export type MinutesCoreAddedServices = {
    validation: {
        MinutesValidator: MinutesValidator;
    };
    references: {
        ScopeProvider: MinutesScopeProvider;
    };
};

/** Shared services added by the Minutes language. */
export type MinutesAddedSharedCoreServices = {
    workspace: {
        /** The configuration file that applies to each file (`.minutes.jsonc`, found walking up). */
        MinutesConfigs: MinutesConfigs;
        /** The action ledger of the workspace, rebuilt after a change only when asked for. */
        ActionLedger: ActionLedgerService;
        /** The language server's alone (minutes-module.ts): releases the syntax trees of closed documents. */
        ClosedDocumentTrees?: ClosedDocumentTrees;
    };
};

export type MinutesSharedCoreServices = LangiumSharedCoreServices & MinutesAddedSharedCoreServices;

export type MinutesCoreServices = LangiumCoreServices & MinutesCoreAddedServices & { shared: MinutesSharedCoreServices };

export const MinutesCoreModule: Module<MinutesCoreServices, PartialLangiumCoreServices & DeepPartial<MinutesCoreAddedServices>> = {
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
    }
};

/** Shared services the Minutes language replaces: the workspace manager honours `minutes.directory.globs`. */
export const MinutesSharedCoreModule: Module<MinutesSharedCoreServices, DeepPartial<LangiumSharedCoreServices> & MinutesAddedSharedCoreServices> = {
    workspace: {
        MinutesConfigs: services => new MinutesConfigs(services),
        ActionLedger: services => new ActionLedgerService(services),
        // Counts changes of the index per type, so scopes are rebuilt only when they change.
        IndexManager: services => new MinutesIndexManager(services),
        WorkspaceManager: services => new MinutesWorkspaceManager(services),
        // Parses an edited document again only around the edit: see parser/incremental-reparser.ts.
        LangiumDocumentFactory: services => new MinutesDocumentFactory(services),
        // Lists the workspace's documents from a list kept between changes (see the class).
        LangiumDocuments: services => new MinutesLangiumDocuments(services),
        DocumentBuilder: services => new MinutesDocumentBuilder(services)
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
 * The parser, when not MinutesCoreModule's: a check's leaves make their ranges when asked
 * (LazyRangeCstNodeBuilder); Langium's parser alone, when asked for.
 */
export function parserModule(options: MinutesServicesOptions): Module<MinutesCoreServices, PartialLangiumCoreServices> {
    return {
        parser: {
            LangiumParser: services => createMinutesParser(services, {
                lazyLeafRanges: options.checkOnly, flat: !options.langiumParser, lazyCst: options.checkOnly && !options.langiumParser
            })
        }
    };
}

/** Check-only: references and index descriptions without closures per object; nodes validated once keep no reports for the next keystroke; no hints but those the configuration raises. */
const CheckOnlyModule: Module<MinutesCoreServices, PartialLangiumCoreServices> = {
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

const CheckOnlySharedModule: Module<MinutesSharedCoreServices, DeepPartial<LangiumSharedCoreServices>> = {
    workspace: {
        IndexManager: services => new CheckOnlyIndexManager(services),
        DocumentBuilder: services => new MinutesDocumentBuilder(services, false)
    }
};

/** What the language's services need once made, whichever set: the validation checks, and the configuration marked ready where no editor sends one. */
export function registerMinutes(shared: LangiumSharedCoreServices, Minutes: MinutesCoreServices, fromEditor: boolean): void {
    shared.ServiceRegistry.register(Minutes);
    registerValidationChecks(Minutes);
    // Without a language server the configuration is never sent: mark it as ready.
    if (!fromEditor) shared.workspace.ConfigurationProvider.initialized({});
}

/**
 * Creates the services of the language without the editor's (see the top of this file): the
 * command line's. The same parsing, linking and validation as createMinutesServices.
 */
export function createMinutesCoreServices(context: DefaultSharedCoreModuleContext, options: MinutesServicesOptions = {}): {
    shared: MinutesSharedCoreServices;
    Minutes: MinutesCoreServices;
} {
    answerSubtypesFromCache();
    const shared = options.checkOnly
        ? inject(createDefaultSharedCoreModule(context), MinutesGeneratedSharedModule, MinutesSharedCoreModule, CheckOnlySharedModule)
        : inject(createDefaultSharedCoreModule(context), MinutesGeneratedSharedModule, MinutesSharedCoreModule);
    const Minutes = options.checkOnly
        ? inject(createDefaultCoreModule({ shared }), MinutesGeneratedModule, MinutesCoreModule, CheckOnlyModule, parserModule(options))
        : options.langiumParser
            ? inject(createDefaultCoreModule({ shared }), MinutesGeneratedModule, MinutesCoreModule, parserModule(options))
            : inject(createDefaultCoreModule({ shared }), MinutesGeneratedModule, MinutesCoreModule);
    registerMinutes(shared, Minutes, false);
    return { shared, Minutes };
}
