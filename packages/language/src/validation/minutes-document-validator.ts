import {
    AstUtils, DefaultDocumentValidator, interruptAndCheck, isReference, type AstNode, type DiagnosticInfo, type GenericAstNode, type LangiumDocument,
    type ParseResult, type ValidateSingleNodeOptions, type ValidationAcceptor, type ValidationCheck, type ValidationOptions, type ValidationSeverity, Cancellation
} from 'langium';
import { applyRuleSettings, raisedByRules } from '../config/rule-settings.js';
import { forEachAstNode } from '../util/ast-walk.js';
import { LineIndex } from '../util/line-index.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { MinutesCoreServices } from '../minutes-core-module.js';
import { namesNoOne } from '../model/speaker-phrases.js';
import { writtenName } from '../model/text.js';
import { IssueCodes } from './issue-codes.js';
import { MinutesValidationRegistry } from './minutes-validation-registry.js';
import { linkingErrorsOf } from '../scoping/minutes-linker.js';
import { isDocument, Text } from '../generated/ast.js';
import { chunksOf, structureOf } from '../model/structure.js';
import { acceptAgain, KeptChecks, lineIndexOf, movedBy, recordingAcceptor, type KeptEntry } from './kept-checks.js';
import { CHECKED_EACH_TIME_TYPES, checkContextOf, OWN_TEXT_CHECKS } from './minutes-validator.js';
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
    private readonly services: MinutesCoreServices;
    /**
     * Whether what the checks of a node's own text report is kept per node (see checkOwnText):
     * in the editor, whose nodes outlive a keystroke; not in `minutes check`, which validates
     * each node once (a weak map entry per node costs time and collections for nothing).
     */
    private readonly keepOwnTextReports: boolean;
    /**
     * Whether hints are reported: in the editor; not in `minutes check`, which does not print
     * them, unless the configuration raises a hint's code to a warning or an error. A hint left
     * out is dropped before its range is found (the range of a reference's leaf, looked up in
     * its block's tree).
     */
    private readonly reportsHints: boolean;

    constructor(services: MinutesCoreServices, options: { keepOwnTextReports?: boolean; reportsHints?: boolean } = {}) {
        super(services);
        this.services = services;
        this.keepOwnTextReports = options.keepOwnTextReports ?? true;
        this.reportsHints = options.reportsHints ?? true;
    }

    /**
     * Every diagnostic lies inside the document. A node's range runs to the end of its line
     * break, which Langium places one column past the end of the line (a rule that marks an
     * entry field, for one): clients differ in what they make of a position outside the
     * text, so each end is brought back to the end of its line.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        // A file the repository ignores is not checked, in the editor as by the CLI.
        const configs = this.services.shared.workspace.MinutesConfigs;
        if (configs.isIgnored(document.uri, false)) return [];
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const text = document.textDocument;
        if (diagnostics.length > 0) {
            const lines = LineIndex.of(text);
            for (const diagnostic of diagnostics) {
                const { start, end } = diagnostic.range;
                diagnostic.range = { start: lines.positionAt(lines.offsetAt(start)), end: lines.positionAt(lines.offsetAt(end)) };
            }
        }
        return applyRuleSettings(diagnostics, text, configs.rulesOf(document.uri));
    }

    /** Langium's, but for the hints a check leaves out (see `reportsHints`). */
    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        if (this.reportsHints) return super.validateAst(rootNode, options, cancelToken);
        const rules = this.services.shared.workspace.MinutesConfigs.rulesOf(AstUtils.getDocument(rootNode).uri);
        const items: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, message, info) => {
            if (severity === 'hint' && !raisedByRules(rules, info.code)) return;
            items.push(this.toDiagnostic(severity, message, info));
        };
        await this.validateAstBefore(rootNode, options, acceptor, cancelToken);
        await this.validateAstNodes(rootNode, options, acceptor, cancelToken);
        await this.validateAstAfter(rootNode, options, acceptor, cancelToken);
        return items;
    }

    /**
     * Langium's loop over the AST's nodes, made cheap (docs/performance.md): the nodes are
     * walked with plain loops instead of streams, the checks of a node type are looked up
     * once per document, a check is awaited only when it returns a promise, and
     * cancellation is checked every few hundred nodes instead of at each. Same checks, same
     * order. With Langium's profiler active it defers to the default, which times each node.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
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
        /** What to run on the nodes of each type, looked up once per document; a node with nothing to run is left out of the walk. */
        const checksByType = new Map<string, NodeChecks>();
        const checksOf = (type: string): NodeChecks => {
            let found = checksByType.get(type);
            if (!found) {
                const ownText = OWN_TEXT_CHECKS[type];
                const again = this.checkedEachTime(type);
                const registry = this.validationRegistry;
                const checks = ownText ? [] : registry instanceof MinutesValidationRegistry
                    ? registry.checksOf(type, options.categories)
                    : registry.getChecks(type, options.categories).toArray();
                found = { checks, again, ownText, any: ownText !== undefined || checks.length > 0 };
                checksByType.set(type, found);
            }
            return found;
        };
        let checked = 0;
        /**
         * Runs the checks of a node; `kept` records what they report, or the node itself when its
         * checks read other documents. Synchronous unless a check returns a promise: the
         * thousands of nodes of a document are not each a promise and an await.
         */
        const check = (node: AstNode, kept?: KeptEntry[]): Promise<void> | undefined => {
            const { checks, again, ownText } = checksOf(node.$type);
            if (ownText) {
                this.checkOwnText(node, ownText, kept ? recordingAcceptor(acceptor, kept) : acceptor);
                return undefined;
            }
            if (kept && again) kept.push({ again: node });
            const accept = kept && !again ? recordingAcceptor(acceptor, kept) : acceptor;
            for (let i = 0; i < checks.length; i++) {
                const result = checks[i](node, accept, cancelToken);
                if (result) return finishChecks(result, checks, i + 1, node, accept);
            }
            return undefined;
        };
        const finishChecks = async (pending: Promise<void>, checks: ValidationCheck[], from: number, node: AstNode, accept: ValidationAcceptor) => {
            await pending;
            for (let i = from; i < checks.length; i++) {
                const result = checks[i](node, accept, cancelToken);
                if (result) await result;
            }
        };
        /** Checks nodes from `from` on, letting a cancellation in every few hundred nodes. */
        const checkFrom = async (nodes: readonly AstNode[], from: number, kept?: KeptEntry[], pending?: Promise<void>, to = nodes.length) => {
            if (pending) await pending;
            for (let k = from; k < to; k++) {
                if (checked++ % 256 === 0) await interruptAndCheck(cancelToken);
                const result = check(nodes[k], kept);
                if (result) await result;
            }
        };
        /**
         * Checks the nodes of a subtree, in order: synchronously up to the next node where a
         * cancellation is let in or a check returns a promise, the rest in `checkFrom` (an async
         * function per block, awaited, was most of what validation allocated).
         */
        // The nodes of the subtree being walked, `nodes[0..count)`: one list and one visitor per
        // document, not per block (each walk is finished, awaited, before the next begins).
        const nodes: AstNode[] = [];
        let count = 0;
        const collect = (node: AstNode): boolean => {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode && checksOf(node.$type).any) nodes[count++] = node;
            return nodeOptions.validateChildren;
        };
        const walk = (root: AstNode, kept?: KeptEntry[]): Promise<void> | undefined => {
            count = 0;
            forEachAstNode(root, collect);
            const to = count;
            for (let k = 0; k < to; k++) {
                if (checked % 256 === 0) return checkFrom(nodes, k, kept, undefined, to);
                checked++;
                const result = check(nodes[k], kept);
                if (result) return checkFrom(nodes, k + 1, kept, result, to);
            }
            return undefined;
        };
        if (!isDocument(rootNode)) {
            await walk(rootNode);
            return;
        }
        // The document node, then its blocks: a chunk of a long document whose checks' reports were kept accepts them again.
        await checkFrom([rootNode], 0);
        const blocks = rootNode.blocks;
        const chunks = chunksOf(structureOf(rootNode));
        const context = chunks[0]?.keepable ? checkContextOf(this.services, rootNode, options.categories) : undefined;
        for (const chunk of chunks) {
            const kept = context && this.nodeChecks.get(chunk.key, context);
            if (kept) {
                for (const entry of kept) {
                    if ('again' in entry) await checkFrom([entry.again], 0);
                    else acceptAgain(entry, acceptor);
                }
                continue;
            }
            const recorded: KeptEntry[] | undefined = context ? [] : undefined;
            for (let i = chunk.from; i <= chunk.to; i++) {
                const pending = walk(blocks[i], recorded);
                if (pending) await pending;
            }
            if (context && recorded) this.nodeChecks.set(chunk.key, context, recorded);
        }
    }

    /**
     * The walk does not go into a text: its children are its mentions and links (the grammar's
     * `Text`), and neither has checks of its own (test/validation/validator-walk.test.ts).
     */
    protected override validateSingleNodeOptions(node: AstNode, options: ValidationOptions): ValidateSingleNodeOptions {
        return node.$type === Text.$type ? A_TEXT_ALONE : super.validateSingleNodeOptions(node, options);
    }

    /**
     * What the checks of a node's own text report: kept per node, and accepted again while
     * the node lives, its explicit ranges moved by the lines the node has moved since.
     */
    private checkOwnText(node: AstNode, checks: ReadonlyArray<ValidationCheck>, acceptor: ValidationAcceptor): void {
        if (!this.keepOwnTextReports) {
            for (const check of checks) void check(node, acceptor, Cancellation.CancellationToken.None);
            return;
        }
        let kept = this.ownTextReports.get(node);
        if (!kept) {
            const reports: OwnTextReport[] = [];
            const collect: ValidationAcceptor = (severity, message, info) => reports.push({ severity, message, info });
            for (const check of checks) void check(node, collect, Cancellation.CancellationToken.None);
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

    /** Whether the checks of a node type read beyond their chunk (CHECKED_EACH_TIME_TYPES), by type: each document's walk asks. */
    private checkedEachTime(type: string): boolean {
        let again = this.checkedEachTimeByType.get(type);
        if (again === undefined) {
            const reflection = this.services.shared.AstReflection;
            this.checkedEachTimeByType.set(type, again = CHECKED_EACH_TIME_TYPES.some(each => reflection.isSubtype(type, each)));
        }
        return again;
    }

    private readonly checkedEachTimeByType = new Map<string, boolean>();
    /** What the checks of the nodes of each chunk of a long document reported: an edit checks again only the chunks it touched. */
    readonly nodeChecks = new KeptChecks<KeptEntry[]>();

    /**
     * A diagnostic at a reference (`property: 'speaker'`, no range) takes the reference's own
     * node's range: the node Langium finds by walking the node's syntax tree for the property's
     * assignment, which was most of the silent-attendee rule's time (docs/performance.md).
     */
    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        if (!info.range && typeof info.property === 'string' && info.index === undefined) {
            const value = (info.node as unknown as GenericAstNode)[info.property];
            if (isReference(value) && value.$refNode) return super.toDiagnostic(severity, message, { ...info, range: value.$refNode.range });
        }
        return super.toDiagnostic(severity, message, info);
    }

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
        for (const error of linkingErrorsOf(document)) {
            const reference = error.info.reference;
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

/** The checks of a node type: the registry's, or those of a node's own text (run in their place); `again` for those whose reports are never kept. */
type NodeChecks = { checks: ValidationCheck[]; again: boolean; ownText?: ReadonlyArray<ValidationCheck>; any: boolean };

const A_TEXT_ALONE: ValidateSingleNodeOptions = { validateNode: true, validateChildren: false };

type OwnTextReport = { severity: Parameters<ValidationAcceptor>[0]; message: string; info: Parameters<ValidationAcceptor>[2] };

/** Gives the diagnostics from `first` on an issue code; their data keeps Langium's own code (it stops validation after syntax errors). */
function withCode(diagnostics: Diagnostic[], first: number, code: string): void {
    for (const diagnostic of diagnostics.slice(first)) diagnostic.code = code;
}
