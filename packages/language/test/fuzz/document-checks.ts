import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { CancellationToken, ResponseError, type Diagnostic, type DocumentSymbol, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document } from '../../src/generated/ast.js';
import { generate, OUTPUT_FORMATS, type GenerateOptions, type OutputFormat } from '../../src/generation/generate.js';
import { GenerationError } from '../../src/generation/generation-error.js';
import { generateEmail, generateHtml, generateMarkdown } from '../../src/generation/index.js';
import { createMinutesServices } from '../../src/minutes-module.js';
import { textContent } from '../../src/model/text-content.js';
import type { Probe } from './arbitraries.js';

/**
 * The properties every input must have, whatever it is — a generated document, a mutated
 * example, random bytes, a regression fixture:
 *
 * - parse, link and validate finish within a bound proportional to its size, do not throw,
 *   log no internal error, and every diagnostic range lies inside the document;
 * - the language features (completion, hover, definition, references, highlight, rename,
 *   code actions, symbols, folding, semantic tokens, inlay hints, formatting) answer at any
 *   position without throwing, with ranges inside the document;
 * - formatting is idempotent and keeps the text content; no quick fix drops text;
 * - every generator succeeds on a document without errors (and, for the live preview,
 *   on any document it either succeeds or refuses with a GenerationError).
 *
 * A violation throws an Error that says which property broke.
 */

export const DIRECTORY_FILE = fileURLToPath(new URL('../../../../examples/directory.minutes', import.meta.url));

/** Time allowed to parse, link and validate: a fixed allowance (GC, a busy machine) plus a cost per character. */
export function timeBound(length: number): number {
    return 3_000 + length * 0.05;
}

export interface CaseOutcome {
    /** Whether the document validated without errors, so that the generators had to succeed. */
    readonly clean: boolean;
    readonly diagnostics: number;
    readonly milliseconds: number;
}

/** One language server's worth of services, with the shared directory loaded once; documents come and go. */
export class FuzzWorkspace {
    private counter = 0;

    private constructor(readonly services: ReturnType<typeof createMinutesServices>) {}

    static async create(): Promise<FuzzWorkspace> {
        const services = createMinutesServices(EmptyFileSystem);
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
        const directory = LangiumDocumentFactory.fromString(readFileSync(DIRECTORY_FILE, 'utf8'), URI.file('/fuzz/directory.minutes'));
        LangiumDocuments.addDocument(directory);
        await DocumentBuilder.build([directory], { validation: true });
        return new FuzzWorkspace(services);
    }

    /** Checks every property on one text; the probes say where to ask the language features. */
    async check(text: string, probes: readonly Probe[] = []): Promise<CaseOutcome> {
        const errors: unknown[][] = [];
        const originalError = console.error;
        console.error = (...args: unknown[]) => { errors.push(args); };
        try {
            const outcome = await this.checkQuietly(text, probes);
            if (errors.length > 0) throw new Error(`logged an internal error: ${errors.map(e => e.map(String).join(' ')).join('\n')}`);
            return outcome;
        } finally {
            console.error = originalError;
        }
    }

    private async checkQuietly(text: string, probes: readonly Probe[]): Promise<CaseOutcome> {
        const started = performance.now();
        const document = await this.add(text);
        const milliseconds = performance.now() - started;
        try {
            if (milliseconds > timeBound(text.length)) {
                throw new Error(`parse, link and validate took ${milliseconds.toFixed(0)} ms for ${text.length} characters (bound ${timeBound(text.length).toFixed(0)} ms)`);
            }
            const diagnostics = document.diagnostics ?? [];
            for (const diagnostic of diagnostics) {
                expectInside(document.textDocument, diagnostic.range, `diagnostic '${diagnostic.message}'`);
                if (/error occurred/i.test(diagnostic.message)) throw new Error(`internal error reported as a diagnostic: ${diagnostic.message}`);
            }
            await this.checkLanguageFeatures(document, diagnostics, probes);
            await this.checkFormatting(document);
            const clean = !diagnostics.some(d => d.severity === 1);
            await checkGenerators(document, clean);
            return { clean, diagnostics: diagnostics.length, milliseconds };
        } finally {
            await this.remove(document);
        }
    }

    /** Runs `use` on a document of this text, built in the workspace, then removes it. */
    async withDocument<T>(text: string, use: (document: LangiumDocument<Document>) => Promise<T>): Promise<T> {
        const document = await this.add(text);
        try {
            return await use(document);
        } finally {
            await this.remove(document);
        }
    }

    private async add(text: string): Promise<LangiumDocument<Document>> {
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = this.services.shared.workspace;
        const document = LangiumDocumentFactory.fromString<Document>(text, URI.file(`/fuzz/case-${++this.counter}.minutes`));
        LangiumDocuments.addDocument(document);
        await DocumentBuilder.build([document], { validation: true });
        return document;
    }

    private async remove(document: LangiumDocument): Promise<void> {
        await this.services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    }

    private async checkLanguageFeatures(document: LangiumDocument<Document>, diagnostics: Diagnostic[], probes: readonly Probe[]): Promise<void> {
        const lsp = this.services.Minutes.lsp;
        const textDocument = document.textDocument;
        const id = { uri: document.uri.toString() };
        const token = CancellationToken.None;
        const call = async <T>(feature: string, position: Position | Range, run: () => T | Promise<T>): Promise<T | undefined> => {
            try {
                return await run();
            } catch (error) {
                // Rename refuses with a ResponseError that the editor shows: that is an answer, not a crash.
                if (error instanceof ResponseError && feature.includes('rename')) return undefined;
                throw new Error(`${feature} at ${JSON.stringify(position)} threw: ${(error as Error).stack ?? error}`);
            }
        };
        const whole = { start: { line: 0, character: 0 }, end: textDocument.positionAt(textDocument.getText().length) };

        // Features that read the whole document.
        const symbols = await call('document symbols', whole, () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: id }, token));
        checkSymbols(textDocument, (symbols ?? []) as DocumentSymbol[]);
        const folds = await call('folding ranges', whole, () => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: id }, token));
        for (const fold of folds ?? []) {
            if (!(fold.startLine >= 0 && fold.startLine <= fold.endLine && fold.endLine < textDocument.lineCount)) {
                throw new Error(`folding range ${JSON.stringify(fold)} is not inside the document (${textDocument.lineCount} lines)`);
            }
        }
        await call('semantic tokens', whole, () => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: id }, token));
        await call('inlay hints', whole, () => lsp.InlayHintProvider!.getInlayHints(document, { textDocument: id, range: whole }, token));
        // Every quick fix for every diagnostic at once, as "fix all" would ask.
        const all = await call('code actions', whole, () => lsp.CodeActionProvider!.getCodeActions(document, { textDocument: id, range: whole, context: { diagnostics } }, token));
        checkCodeActions(document, all ?? [], diagnostics);

        for (const probe of probes) {
            const position = positionOf(textDocument, probe);
            const end = textDocument.positionAt(textDocument.offsetAt(position) + probe.length);
            const range = { start: position, end };
            const completion = await call('completion', position, () => lsp.CompletionProvider!.getCompletion(document, { textDocument: id, position }, token));
            for (const item of completion?.items ?? []) {
                const edit = item.textEdit;
                if (edit && 'range' in edit) expectInside(textDocument, edit.range, `completion '${item.label}'`);
            }
            const hover = await call('hover', position, () => lsp.HoverProvider!.getHoverContent(document, { textDocument: id, position }, token));
            if (hover?.range) expectInside(textDocument, hover.range, 'hover');
            await call('definition', position, () => lsp.DefinitionProvider!.getDefinition(document, { textDocument: id, position }, token));
            await call('references', position, () => lsp.ReferencesProvider!.findReferences(document, { textDocument: id, position, context: { includeDeclaration: true } }, token));
            await call('document highlight', position, () => lsp.DocumentHighlightProvider!.getDocumentHighlight(document, { textDocument: id, position }, token));
            await call('prepare rename', position, () => lsp.RenameProvider!.prepareRename(document, { textDocument: id, position }, token));
            await call('rename', position, () => lsp.RenameProvider!.rename(document, { textDocument: id, position, newName: 'renamed' }, token));
            const overlapping = diagnostics.filter(d => overlaps(d.range, range));
            const actions = await call('code actions', range, () => lsp.CodeActionProvider!.getCodeActions(document, { textDocument: id, range, context: { diagnostics: overlapping } }, token));
            checkCodeActions(document, actions ?? [], overlapping);
            await call('range formatting', range, () => lsp.Formatter!.formatDocumentRange(document, { textDocument: id, range, options: { tabSize: 4, insertSpaces: true } }, token));
        }
    }

    /** Formatting twice changes nothing the second time, and never changes what the document says. */
    private async checkFormatting(document: LangiumDocument<Document>): Promise<void> {
        const text = document.textDocument.getText();
        const once = applyEdits(document.textDocument, await this.format(document), 'formatting');
        if (once === text) return;
        const formatted = await this.add(once);
        try {
            const twice = applyEdits(formatted.textDocument, await this.format(formatted), 'formatting the formatted text');
            if (twice !== once) {
                throw new Error(`formatting is not idempotent:\n${JSON.stringify(once)}\nformats to\n${JSON.stringify(twice)}`);
            }
            const before = textContent(document.parseResult.value);
            const after = textContent(formatted.parseResult.value);
            if (before !== after) {
                throw new Error(`formatting changed the text content:\n${JSON.stringify(before)}\nbecame\n${JSON.stringify(after)}\nformatted text: ${JSON.stringify(once)}`);
            }
        } finally {
            await this.remove(formatted);
        }
    }

    private async format(document: LangiumDocument): Promise<TextEdit[]> {
        try {
            return await this.services.Minutes.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } }, CancellationToken.None);
        } catch (error) {
            throw new Error(`formatting threw: ${(error as Error).stack ?? error}`);
        }
    }
}

/** The generators behind generate(), which mends lone surrogates: they must not make any. */
const RAW_GENERATORS = { email: generateEmail, html: generateHtml, markdown: generateMarkdown };

/** Options that let every output be made (an eml needs a sender and a date). */
const COMPLETE_OPTIONS = { from: 'Fuzz <fuzz@example.org>', to: 'list@example.org', date: '2018-03-19' };

/** Every output; on a clean document each must succeed, on any other it may only refuse clearly. */
async function checkGenerators(document: LangiumDocument<Document>, clean: boolean): Promise<void> {
    const sourceIsWellFormed = !hasLoneSurrogate(document.textDocument.getText());
    const runs: Array<[OutputFormat, GenerateOptions]> = [...OUTPUT_FORMATS.map((format): [OutputFormat, GenerateOptions] => [format, COMPLETE_OPTIONS]), ['eml', {}]];
    for (const [format, options] of runs) {
        let output: string;
        try {
            output = await generate(document, format, options);
        } catch (error) {
            // Without a sender or a date an eml message cannot be made: a clear refusal is the right answer.
            if (error instanceof GenerationError && (!clean || options !== COMPLETE_OPTIONS)) continue;
            throw new Error(`generating ${format} with ${JSON.stringify(options)} threw on a ${clean ? 'clean ' : ''}document: ${(error as Error).stack ?? error}`);
        }
        if (typeof output !== 'string') throw new Error(`generating ${format} gave no text`);
        if (hasLoneSurrogate(output)) throw new Error(`the ${format} output holds a lone surrogate: it cannot be written as UTF-8`);
        if (format === 'json') {
            try {
                JSON.parse(output);
            } catch (error) {
                throw new Error(`the json output does not parse: ${(error as Error).message}`);
            }
        }
        // JSON.stringify escapes a lone surrogate (`\udXXX` after an odd number of backslashes): the JSON must hold none.
        if (format === 'json' && /(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F][0-9a-fA-F]{2}/.test(output)) {
            throw new Error('the json output holds an escaped lone surrogate');
        }
        // generate() mends lone surrogates into U+FFFD; from a source that held none, one means a generator split a character.
        const raw = RAW_GENERATORS[format as keyof typeof RAW_GENERATORS];
        const split = raw !== undefined && output.includes('\uFFFD') && hasLoneSurrogate(raw(document.parseResult.value, options));
        if (sourceIsWellFormed && split) {
            throw new Error(`the ${format} generator splits a surrogate pair (an emoji or other character beyond U+FFFF)`);
        }
    }
}

/** The position a probe points at; sometimes past the end of the line, as a stale client's position is. */
function positionOf(textDocument: TextDocument | LangiumDocument['textDocument'], probe: Probe): Position {
    const length = textDocument.getText().length;
    const position = textDocument.positionAt(Math.min(length, Math.floor(probe.at * (length + 1))));
    return probe.overshoot === 0 ? position : { line: position.line + (probe.overshoot % 3 === 0 ? probe.overshoot : 0), character: position.character + probe.overshoot };
}

function overlaps(a: Range, b: Range): boolean {
    const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
    return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * Document symbols as VS Code accepts them (it rejects the whole outline otherwise): each
 * range inside the document, the selection range inside the range, children inside their parent.
 */
function checkSymbols(textDocument: LangiumDocument['textDocument'], symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
    const contains = (outer: Range, inner: Range) => textDocument.offsetAt(outer.start) <= textDocument.offsetAt(inner.start)
        && textDocument.offsetAt(inner.end) <= textDocument.offsetAt(outer.end);
    for (const symbol of symbols) {
        expectInside(textDocument, symbol.range, `symbol '${symbol.name}'`);
        expectInside(textDocument, symbol.selectionRange, `selection of symbol '${symbol.name}'`);
        if (!contains(symbol.range, symbol.selectionRange)) throw new Error(`symbol '${symbol.name}': selection range ${JSON.stringify(symbol.selectionRange)} is not inside its range ${JSON.stringify(symbol.range)}`);
        if (parent && !contains(parent.range, symbol.range)) throw new Error(`symbol '${symbol.name}' is not inside its parent '${parent.name}'`);
        if (!symbol.name.trim()) throw new Error(`a symbol without a name at ${JSON.stringify(symbol.range)} (VS Code rejects it)`);
        checkSymbols(textDocument, symbol.children ?? [], symbol);
    }
}

/** A range is inside a document when it is ordered and both ends are real positions of the text. */
export function expectInside(textDocument: { getText(): string; lineCount: number; offsetAt(p: Position): number }, range: Range, what: string): void {
    const lines = textDocument.getText().split(/\r\n|\r|\n/);
    const valid = (p: Position) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0
        && p.line < lines.length && p.character <= lines[p.line].length;
    if (!valid(range.start) || !valid(range.end) || textDocument.offsetAt(range.start) > textDocument.offsetAt(range.end)) {
        throw new Error(`${what}: range ${JSON.stringify(range)} is not inside the document (${lines.length} lines)`);
    }
}

/** Applies edits as an editor does, after checking that they lie inside the text and do not overlap. */
export function applyEdits(textDocument: LangiumDocument['textDocument'], edits: TextEdit[], what: string): string {
    const sorted = [...edits].sort((a, b) => textDocument.offsetAt(a.range.start) - textDocument.offsetAt(b.range.start));
    let previousEnd = -1;
    for (const edit of sorted) {
        expectInside(textDocument, edit.range, what);
        const start = textDocument.offsetAt(edit.range.start);
        if (start < previousEnd) throw new Error(`${what}: overlapping edits ${JSON.stringify(edits)}`);
        previousEnd = textDocument.offsetAt(edit.range.end);
    }
    return TextDocument.applyEdits(TextDocument.create('x', 'minutes', 0, textDocument.getText()), edits);
}

/**
 * A quick fix never drops text: every range it replaces in the document is white space, is
 * kept in the new text or moved by another of its edits, or lies within the name or label its diagnostic is about (with the
 * line break that ends it). What an unreviewed entry's fixes are for is allowed too: removing
 * its `review:` line (confirm), or the whole entry and putting another person's reference
 * in place of each reference to it (link to an existing person).
 */
export function checkCodeActions(document: LangiumDocument, actions: unknown[], diagnostics: Diagnostic[]): void {
    const uri = document.uri.toString();
    const textDocument = document.textDocument;
    for (const action of actions as Array<{ title: string; edit?: WorkspaceEdit; diagnostics?: Diagnostic[] }>) {
        const edits = action.edit?.changes?.[uri] ?? [];
        applyEdits(textDocument, edits, `code action '${action.title}'`);
        const about = action.diagnostics ?? diagnostics;
        for (const edit of edits) {
            const replaced = textDocument.getText(edit.range);
            if (replaced.trim() === '' || edit.newText.includes(replaced)) continue;
            // Moved, not dropped: another edit of the action writes the same text elsewhere ('Move it to the meeting\'s header').
            if (edits.some(other => other !== edit && other.newText.includes(replaced.trimEnd()))) continue;
            const start = textDocument.offsetAt(edit.range.start);
            const end = textDocument.offsetAt(edit.range.end);
            const lineAfter = (p: Position) => textDocument.offsetAt({ line: p.line + 1, character: 0 });
            const within = about.some(d => textDocument.offsetAt(d.range.start) <= start && end <= Math.max(textDocument.offsetAt(d.range.end), lineAfter(d.range.end)));
            const isLabel = /^\s*(\d+(\.\d+)*[.)]?|[a-z][.)]|[ivxlcdm]+[.)]|[-*•·])\s*$/.test(replaced);
            const isReference = (text: string) => /^@(\{[^}\r\n]*\}|[\p{L}\p{N}_][\p{L}\p{N}_.-]*)$/u.test(text);
            const reviewed = about.some(d => d.code === 'unreviewed-entry') && (
                replaced.split(/\r\n|\r|\n/).every(line => /^\s*$|^\s*((person|org|organisation|organization|country|delegation|office)\s+@|[a-z-]+:)/i.test(line))
                || (isReference(replaced) && isReference(edit.newText)));
            if (!within && !isLabel && !reviewed) {
                throw new Error(`code action '${action.title}' drops ${JSON.stringify(replaced)} (replaced by ${JSON.stringify(edit.newText)})`);
            }
        }
    }
}

/** A UTF-16 string that cannot be written as UTF-8: a high surrogate without its low half, or the reverse. */
export function hasLoneSurrogate(text: string): boolean {
    return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
