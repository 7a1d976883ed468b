import {
    DefaultDocumentValidator, interruptAndCheck, type AstNode, type LangiumDocument, type ParseResult, type ValidationAcceptor,
    type ValidationCheck, type ValidationOptions
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { applyRuleSettings } from '../config/rule-settings.js';
import { forEachAstNode } from '../util/ast-walk.js';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { MinutesServices } from '../minutes-module.js';
import { namesNoOne } from '../model/speaker-phrases.js';
import { writtenName } from '../model/text.js';
import { IssueCodes } from './issue-codes.js';
import { OWN_TEXT_CHECKS } from './minutes-validator.js';
import { classifyUnknownName, suggestNames, unknownNameMessage } from './unknown-names.js';

/** Data attached to a diagnostic for an unknown name; quick fixes read it. */
export interface UnknownNameData {
    code: string;
    written: string;
    suggestions: string[];
}

/**
 * Reports unresolved references as "Unknown speaker 'X'. Did you mean 'Y'?" with an
 * issue code per role, instead of Langium's generic linking error, and gives syntax
 * errors a code too. `@?` (an unidentified speaker) is not an error.
 */
export class MinutesDocumentValidator extends DefaultDocumentValidator {
    private readonly services: MinutesServices;

    constructor(services: MinutesServices) {
        super(services);
        this.services = services;
    }

    /**
     * Every diagnostic lies inside the document. A node's range runs to the end of its line
     * break, which Langium places one column past the end of the line (a rule that marks an
     * entry field, for one): clients differ in what they make of a position outside the
     * text, so each end is brought back to the end of its line.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        // A file the repository ignores is not checked, in the editor as by the CLI.
        const configs = this.services.shared.workspace.MinutesConfigs;
        if (configs.isIgnored(document.uri, false)) return [];
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const text = document.textDocument;
        for (const diagnostic of diagnostics) {
            const { start, end } = diagnostic.range;
            diagnostic.range = { start: text.positionAt(text.offsetAt(start)), end: text.positionAt(text.offsetAt(end)) };
        }
        return applyRuleSettings(diagnostics, text, configs.rulesOf(document.uri));
    }

    /**
     * Langium's loop over the AST's nodes, made cheap (docs/performance.md): the nodes are
     * walked with plain loops instead of streams, the checks of a node type are looked up
     * once per document, a check is awaited only when it returns a promise, and
     * cancellation is checked every few hundred nodes instead of at each. Same checks, same
     * order. With Langium's profiler active it defers to the default, which times each node.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            // Langium's walk times each node; the own-text checks, outside the registry, run after it.
            await super.validateAstNodes(rootNode, options, acceptor, cancelToken);
            forEachAstNode(rootNode, node => {
                const checks = OWN_TEXT_CHECKS[node.$type];
                if (checks) for (const check of checks) void check(node, acceptor, cancelToken);
                return true;
            });
            return;
        }
        const nodes: AstNode[] = [];
        forEachAstNode(rootNode, node => {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) nodes.push(node);
            return nodeOptions.validateChildren;
        });
        const checksByType = new Map<string, ValidationCheck[]>();
        for (let i = 0; i < nodes.length; i++) {
            if (i % 256 === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            const ownTextChecks = OWN_TEXT_CHECKS[node.$type];
            if (ownTextChecks) {
                this.checkOwnText(node, ownTextChecks, acceptor);
                continue;
            }
            let checks = checksByType.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                checksByType.set(node.$type, checks);
            }
            for (const check of checks) {
                const result = check(node, acceptor, cancelToken);
                if (result) await result;
            }
        }
    }

    /**
     * What the checks of a node's own text report: kept per node, and accepted again while
     * the node lives, its explicit ranges moved by the lines the node has moved since.
     */
    private checkOwnText(node: AstNode, checks: ReadonlyArray<ValidationCheck>, acceptor: ValidationAcceptor): void {
        let kept = this.ownTextReports.get(node);
        if (!kept) {
            const reports: OwnTextReport[] = [];
            const collect: ValidationAcceptor = (severity, message, info) => reports.push({ severity, message, info });
            for (const check of checks) void check(node, collect, CancellationToken.None);
            kept = { line: reports.length > 0 ? lineIndexOf(node) : 0, reports };
            this.ownTextReports.set(node, kept);
        }
        if (kept.reports.length === 0) return;
        const moved = lineIndexOf(node) - kept.line;
        for (const { severity, message, info } of kept.reports) {
            acceptor(severity, message, moved === 0 || !info.range ? info : { ...info, range: movedBy(info.range, moved) });
        }
    }

    private readonly ownTextReports = new WeakMap<AstNode, { line: number; reports: OwnTextReport[] }>();

    /** A comment that is never closed (the only lexing error): `syntax-error`. */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const first = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        withCode(diagnostics, first, IssueCodes.SyntaxError);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const first = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        withCode(diagnostics, first, IssueCodes.SyntaxError);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const scope = this.services.references.ScopeProvider.scopeFor('Party');
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const refText = reference.$refText;
            // `@?`, a group and an office the meeting names no holder for are speakers the record does not name.
            if (refText === '?' || namesNoOne(writtenName(refText))) continue;
            const container = error.info.container;
            const { code, role } = classifyUnknownName(container, reference);
            const written = writtenName(reference.$refNode?.text ?? refText);
            const suggestions = code === IssueCodes.UnknownAction ? [] : suggestNames(scope, written);
            const message = code === IssueCodes.UnknownAction
                ? `Unknown action '#${written.replace(/^#/, '')}': no action of the workspace has this identifier.`
                : unknownNameMessage(role, written, suggestions);
            const data: UnknownNameData = { code, written, suggestions };
            diagnostics.push(this.toDiagnostic('error', message, {
                node: container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code,
                data
            }));
        }
    }
}

type OwnTextReport = { severity: Parameters<ValidationAcceptor>[0]; message: string; info: Parameters<ValidationAcceptor>[2] };

/** The line a node starts on, 0-based as LSP ranges count it (the ledger's `lineNumberOf` is 1-based). */
function lineIndexOf(node: AstNode): number {
    return node.$cstNode?.range.start.line ?? 0;
}

function movedBy(range: Range, lines: number): Range {
    return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

/** Gives the diagnostics from `first` on an issue code; their data keeps Langium's own code (it stops validation after syntax errors). */
function withCode(diagnostics: Diagnostic[], first: number, code: string): void {
    for (const diagnostic of diagnostics.slice(first)) diagnostic.code = code;
}
