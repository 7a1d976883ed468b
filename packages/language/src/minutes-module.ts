import {
    inject, type DeepPartial, type Module
} from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { MinutesGeneratedModule, MinutesGeneratedSharedModule } from './generated/module.js';
import { MinutesLexer } from './parser/minutes-lexer.js';
import { MinutesValueConverter } from './parser/minutes-value-converter.js';
import { MinutesScopeComputation } from './scoping/minutes-scope-computation.js';
import { MinutesScopeProvider } from './scoping/minutes-scope-provider.js';
import { MinutesDocumentValidator } from './validation/minutes-document-validator.js';
import { MinutesValidator, registerValidationChecks } from './validation/minutes-validator.js';

/** Services added by the Minutes language. */
export type MinutesAddedServices = {
    validation: {
        MinutesValidator: MinutesValidator;
    };
    references: {
        ScopeProvider: MinutesScopeProvider;
    };
};

export type MinutesServices = LangiumServices & MinutesAddedServices;

export const MinutesModule: Module<MinutesServices, PartialLangiumServices & DeepPartial<MinutesAddedServices>> = {
    parser: {
        Lexer: services => new MinutesLexer(services),
        ValueConverter: () => new MinutesValueConverter()
    },
    references: {
        ScopeComputation: services => new MinutesScopeComputation(services),
        ScopeProvider: services => new MinutesScopeProvider(services)
    },
    validation: {
        DocumentValidator: services => new MinutesDocumentValidator(services),
        MinutesValidator: services => new MinutesValidator(services)
    }
};

/**
 * Creates the Minutes services: the shared workspace services and the language's own.
 * The same function serves the language server, the CLI and the tests.
 */
export function createMinutesServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Minutes: MinutesServices;
} {
    const shared = inject(createDefaultSharedModule(context), MinutesGeneratedSharedModule);
    const Minutes = inject(createDefaultModule({ shared }), MinutesGeneratedModule, MinutesModule);
    shared.ServiceRegistry.register(Minutes);
    registerValidationChecks(Minutes);
    if (!context.connection) {
        // Without a language server the configuration is never sent: mark it as ready.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Minutes };
}
