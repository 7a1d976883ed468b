import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { isEntryField, isParty, type Document, type Party } from '../generated/ast.js';
import type { MinutesServices } from '../minutes-module.js';
import { aliasesOf, displayName } from '../model/directory.js';
import { suggestNames } from '../validation/unknown-names.js';
import { referenceTo } from './name-occurrences.js';

/** How many existing people a review offers to link to. */
const MAX_LINK_TARGETS = 3;

/**
 * Quick fixes for `unreviewed-entry` (validation/review-entries.ts), on an entry that
 * `minutes import` added for a speaker the directory did not know:
 * - confirm it: remove the `review:` line, the entry stays;
 * - link it to an existing person whose name is close: every reference to the entry, in
 *   every file, is replaced by that person's handle, and the entry is deleted.
 */
export function reviewCodeActions(services: MinutesServices, document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const field = entryFieldAt(document, diagnostic.range);
    const party = field?.$container;
    if (!field || !isParty(party)) return [];
    const actions: CodeAction[] = [];
    const name = displayName(party);
    actions.push({
        title: `Confirm '${name}' (${referenceTo(party.name)}): remove the review line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [{ range: wholeLines(document, field.$cstNode!.range), newText: '' }] } }
    });
    for (const target of linkTargets(services, party)) {
        actions.push({
            title: `Link to ${displayName(target)} (${referenceTo(target.name)}): replace the references to '${name}' and delete its entry`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: linkEdits(services, document, party, target) }
        });
    }
    return actions;
}

/** The entry field at the diagnostic: found down the syntax tree (every entry tried, for each of 4,000 diagnostics, was quadratic). */
function entryFieldAt(document: LangiumDocument, range: Range) {
    const root = (document.parseResult.value as Document).$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
    const field = leaf && AstUtils.getContainerOfType(leaf.astNode, isEntryField);
    return field && isParty(field.$container) ? field : undefined;
}

/** Existing people and organisations whose names are close to the entry's (its display name and aliases). */
function linkTargets(services: MinutesServices, party: Party): Party[] {
    const scope = services.references.ScopeProvider.scopeFor('Party');
    const targets: Party[] = [];
    for (const written of [displayName(party), ...aliasesOf(party)]) {
        for (const suggestion of suggestNames(scope, written, MAX_LINK_TARGETS + 1)) {
            const node = scope.getElement(suggestion)?.node;
            if (isParty(node) && node !== party && !targets.includes(node)) targets.push(node);
        }
    }
    return targets.slice(0, MAX_LINK_TARGETS);
}

/** The edits of a link: references to `entry` become `@target`, and the entry's lines go. */
function linkEdits(services: MinutesServices, document: LangiumDocument, entry: Party, target: Party): Record<string, TextEdit[]> {
    const changes: Record<string, TextEdit[]> = {};
    const entryRange = wholeLines(document, entry.$cstNode!.range, true);
    const entryUri = document.uri.toString();
    (changes[entryUri] ??= []).push({ range: entryRange, newText: '' });
    const documents = services.shared.workspace.LangiumDocuments;
    for (const reference of services.references.References.findReferences(entry, { includeDeclaration: false })) {
        const uri = reference.sourceUri.toString();
        const range = reference.segment.range;
        if (uri === entryUri && contains(entryRange, range)) continue;
        if (!documents.getDocument(reference.sourceUri)) continue;
        (changes[uri] ??= []).push({ range, newText: referenceTo(target.name) });
    }
    return changes;
}

/**
 * The lines a range covers, with their line break: what deleting a line removes. With
 * `blankAfter`, a blank line that follows goes too, so that deleting an entry between two
 * others leaves one blank line, not two.
 */
function wholeLines(document: LangiumDocument, range: Range, blankAfter = false): Range {
    const text = document.textDocument;
    const lines = text.lineCount;
    // A node's range may end after its line break (at the start of a later line): the last line is the last one with text.
    let last = range.end.line;
    while (last > range.start.line && text.getText({ start: { line: last, character: 0 }, end: range.end }).trim() === '') last--;
    let end = last + 1;
    if (blankAfter && end < lines && lineText(document, end).trim() === '') end++;
    if (end >= lines) {
        // The last line of the file: take the line break before it instead.
        const start = range.start.line > 0 ? { line: range.start.line - 1, character: lineText(document, range.start.line - 1).length } : { line: 0, character: 0 };
        return { start, end: { line: lines - 1, character: lineText(document, lines - 1).length } };
    }
    return { start: { line: range.start.line, character: 0 }, end: { line: end, character: 0 } };
}

function lineText(document: LangiumDocument, line: number): string {
    // A line may end with CR alone, not only LF or CRLF.
    return document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(\r\n|\r|\n)$/, '');
}

function contains(outer: Range, inner: Range): boolean {
    const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
        a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
