import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
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
import { MinutesWorkspaceSymbolProvider } from './lsp/minutes-workspace-symbol-provider.js';
import {
    MinutesCoreModule, MinutesSharedCoreModule, parserModule, registerMinutes,
    type MinutesAddedSharedCoreServices, type MinutesCoreAddedServices, type MinutesServicesOptions
} from './minutes-core-module.js';
import { answerSubtypesFromCache } from './util/subtype-tests.js';
import { ClosedDocumentTrees } from './workspace/closed-document-trees.js';

/**
 * The language server's services: the language's (minutes-core-module.ts, which the command
 * line uses alone) and the editor's features.
 */

/** Services added by the Minutes language, the editor's included. */
export type MinutesAddedServices = MinutesCoreAddedServices & {
    lsp: {
        /** People and organisations of the workspace, indexed for completion and hover. */
        DirectoryIndex: DirectoryIndex;
    };
};

/** Shared services added by the Minutes language, the editor's included. */
export type MinutesAddedSharedServices = MinutesAddedSharedCoreServices & {
    workspace: {
        /** Releases the syntax trees of closed documents and parses them again when asked for (off unless turned on). */
        ClosedDocumentTrees: ClosedDocumentTrees;
    };
};

export type MinutesSharedServices = LangiumSharedServices & MinutesAddedSharedServices;

export type MinutesServices = LangiumServices & MinutesAddedServices & { shared: MinutesSharedServices };

/** The editor's features, over MinutesCoreModule. */
export const MinutesModule: Module<MinutesServices, PartialLangiumServices & DeepPartial<MinutesAddedServices>> = {
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

/** The editor's shared services, over MinutesSharedCoreModule. */
export const MinutesSharedModule: Module<MinutesSharedServices, DeepPartial<LangiumSharedServices> & DeepPartial<MinutesAddedSharedServices>> = {
    workspace: {
        ClosedDocumentTrees: services => new ClosedDocumentTrees(services)
    },
    lsp: {
        WorkspaceSymbolProvider: services => new MinutesWorkspaceSymbolProvider(services)
    }
};

/**
 * Creates the Minutes services with the editor's: the shared workspace services and the
 * language's own. The language server, `minutes check --fix` (whose fixes are the editor's
 * quick fixes) and the tests use it; the command line otherwise uses createMinutesCoreServices,
 * which alone makes a check's services (`checkOnly`).
 */
export function createMinutesServices(context: DefaultSharedModuleContext, options: Pick<MinutesServicesOptions, 'langiumParser'> = {}): {
    shared: MinutesSharedServices;
    Minutes: MinutesServices;
} {
    answerSubtypesFromCache();
    const shared = inject(createDefaultSharedModule(context), MinutesGeneratedSharedModule, MinutesSharedCoreModule, MinutesSharedModule);
    const Minutes = options.langiumParser
        ? inject(createDefaultModule({ shared }), MinutesGeneratedModule, MinutesCoreModule, MinutesModule, parserModule(options))
        : inject(createDefaultModule({ shared }), MinutesGeneratedModule, MinutesCoreModule, MinutesModule);
    registerMinutes(shared, Minutes, context.connection !== undefined);
    return { shared, Minutes };
}
