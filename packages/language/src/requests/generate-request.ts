import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import { configuredOptions, generate, type GenerateOptions } from '../generation/generate.js';
import { GenerationError } from '../generation/generation-error.js';
import type { MinutesSharedServices } from '../minutes-module.js';
import { GenerateRequest, type GenerateParams, type GenerateResult } from './protocol.js';

/**
 * Answers `minutes/generate`: an output of a document of the server's workspace, where the
 * directory files are loaded and linked, made by the same `generate` as the CLI's. A
 * document with errors is refused with its errors, so that nothing built on a wrong name
 * goes out.
 */
export function registerGenerateRequest(connection: Connection, shared: MinutesSharedServices): void {
    connection.onRequest(GenerateRequest, async (params: GenerateParams, token): Promise<GenerateResult> => {
        const uri = URI.parse(params.uri);
        const checked = await checkedDocument(shared, uri, token);
        if (!checked) {
            return { ok: false, reason: 'not-found', message: `${uri.path.split('/').pop()} is not part of the Minutes workspace.` };
        }
        const errors = checked.diagnostics
            .filter(diagnostic => diagnostic.severity === 1)
            .map(diagnostic => ({ message: diagnostic.message, line: diagnostic.range.start.line }));
        if (errors.length > 0) return { ok: false, reason: 'errors', errors };
        try {
            // The workspace's action ledger gives the meeting its "Actions from earlier meetings".
            const ledger = shared.workspace.ActionLedger.ledger;
            // The repository's configuration (its default language, attribution, width) as the CLI reads it.
            const options = configuredOptions({ ...generateOptions(params), ledger }, shared.workspace.MinutesConfigs.rootOf(uri)?.config);
            return { ok: true, content: await generate(checked.document, params.format, options) };
        } catch (error) {
            if (error instanceof GenerationError) return { ok: false, reason: 'cannot-generate', message: error.message };
            throw error;
        }
    });
}

/**
 * A document of the workspace, linked, with its diagnostics. Open documents are validated
 * by every build; files loaded from disk at start-up are only linked, so those are
 * validated here, without changing their state in the workspace.
 */
export async function checkedDocument(shared: LangiumSharedServices, uri: URI, token: CancellationToken): Promise<{ document: LangiumDocument<Document>; diagnostics: Diagnostic[] } | undefined> {
    const { LangiumDocuments, DocumentBuilder, WorkspaceManager } = shared.workspace;
    await WorkspaceManager.ready;
    if (!LangiumDocuments.hasDocument(uri)) return undefined;
    await DocumentBuilder.waitUntil(DocumentState.IndexedReferences, uri, token);
    const document = LangiumDocuments.getDocument(uri) as LangiumDocument<Document> | undefined;
    if (!document) return undefined;
    if (document.state >= DocumentState.Validated) {
        return { document, diagnostics: document.diagnostics ?? [] };
    }
    const validator = shared.ServiceRegistry.getServices(uri).validation.DocumentValidator;
    return { document, diagnostics: await validator.validateDocument(document, {}, token) };
}

/** The request's options as the generators read them; a wrap width of 0 does not wrap. */
export function generateOptions(params: GenerateParams): GenerateOptions {
    return {
        width: params.wrapWidth === 0 ? Number.POSITIVE_INFINITY : params.wrapWidth,
        ...(params.from ? { from: params.from } : {}),
        ...(params.to ? { to: params.to } : {}),
        ...(params.attribution ? { attribution: params.attribution } : {})
    };
}
