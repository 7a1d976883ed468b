import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver';
import type { MinutesServices } from '../minutes-module.js';
import { IssueCodes } from '../validation/issue-codes.js';
import { UNKNOWN_NAME_CODES } from './minutes-code-action-provider.js';

/**
 * The quick fixes that are safe without a person's choice (`minutes check --fix`): the
 * preferred fix of an unknown name that has exactly one did-you-mean candidate, the
 * renumbering of an agenda, and the removal of a colon after a directory entry's handle.
 * Each changes only the text the diagnostic is about, in its own file; declaring a name in
 * the directory, adding an attendee or an owner are choices and stay in the editor.
 */
const SAFE_CODES = new Set<string>([...UNKNOWN_NAME_CODES, IssueCodes.AgendaNumbering, IssueCodes.ColonAfterHandle]);

export interface SafeFix {
    readonly title: string;
    readonly code: string;
    /** Where the diagnostic it fixes starts. */
    readonly range: Range;
    readonly edits: readonly TextEdit[];
}

/** The safe fixes of a validated document's diagnostics, in the order of the diagnostics. */
export function safeFixesOf(services: MinutesServices, document: LangiumDocument): SafeFix[] {
    const provider = services.lsp.CodeActionProvider;
    const diagnostics = (document.diagnostics ?? []).filter(diagnostic => SAFE_CODES.has(String(diagnostic.code)));
    if (!provider || diagnostics.length === 0) return [];
    const uri = document.uri.toString();
    const fixes: SafeFix[] = [];
    for (const diagnostic of diagnostics) {
        const actions = provider.getCodeActions(document, {
            textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as Array<CodeAction> | undefined;
        // Langium's provider may answer asynchronously; Minutes' answers at once.
        const fix = (Array.isArray(actions) ? actions : []).find(action => action.isPreferred && onlyEdits(action, uri));
        const edits = fix?.edit?.changes?.[uri];
        if (fix && edits && edits.length > 0) fixes.push({ title: fix.title, code: String(diagnostic.code), range: diagnostic.range, edits });
    }
    return fixes;
}

function onlyEdits(action: CodeAction, uri: string): boolean {
    const changes = action.edit?.changes;
    return !action.command && !action.edit?.documentChanges && changes !== undefined && Object.keys(changes).every(key => key === uri);
}

/** Applies fixes whose edits do not overlap an earlier fix's; returns the new text and the fixes applied. */
export function applySafeFixes(text: string, fixes: readonly SafeFix[]): { text: string; applied: SafeFix[] } {
    const document = TextDocument.create('file:///fix', 'minutes', 0, text);
    const taken: Array<[number, number]> = [];
    const applied: SafeFix[] = [];
    const edits: TextEdit[] = [];
    for (const fix of fixes) {
        const spans = fix.edits.map(edit => [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)] as [number, number]);
        if (spans.some(([start, end]) => taken.some(([s, e]) => start < e && s < end || (start === end && start === s)))) continue;
        taken.push(...spans);
        edits.push(...fix.edits);
        applied.push(fix);
    }
    return { text: TextDocument.applyEdits(document, edits), applied };
}
