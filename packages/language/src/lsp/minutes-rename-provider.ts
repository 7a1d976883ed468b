import { GrammarUtils, AstUtils, type LangiumDocuments, type LangiumDocument, type References } from 'langium';
import type { RenameProvider } from 'langium/lsp';
import {
    ErrorCodes, ResponseError, type PrepareRenameParams, type PrepareRenameResult, type Range, type RenameParams, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver';
import { isAction, type Action, type Party } from '../generated/ast.js';
import type { MinutesServices } from '../minutes-module.js';
import { displayName } from '../model/directory.js';
import { nameKey } from '../model/names.js';
import { writtenName } from '../model/text.js';
import type { MinutesScopeProvider } from '../scoping/minutes-scope-provider.js';
import { isBareHandle, nameAt, referenceTo, type NameOccurrence } from './name-occurrences.js';

/**
 * Renames a person's or organisation's handle (or an action's identifier) across the
 * workspace. Only what is written *as the handle* changes: the declaration
 * (`person @old` → `person @new`) and references such as `@old`; references written by
 * display name or alias (`@Marilyn`, `@{Marilyn Cade}`) are left as written, since they
 * still resolve. A new handle that cannot be written as `@handle`, or that another party
 * already answers to, is refused with a message that says why.
 */
export class MinutesRenameProvider implements RenameProvider {
    private readonly references: References;
    private readonly documents: LangiumDocuments;
    private readonly scopeProvider: MinutesScopeProvider;

    constructor(services: MinutesServices) {
        this.references = services.references.References;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.scopeProvider = services.references.ScopeProvider;
    }

    /**
     * The range of the name under the cursor, with the handle as the text to edit: renaming
     * from `@{Marilyn Cade}` edits `mcade`. LSP allows `{ range, placeholder }` here; Langium
     * types the answer as a Range but sends it to the client as it is.
     */
    prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
        const occurrence = nameAt(document, document.textDocument.offsetAt(params.position));
        if (!occurrence || isUnidentified(occurrence)) return undefined;
        const target = renameTarget(occurrence);
        const answer: PrepareRenameResult = { range: occurrence.token.range, placeholder: target.name ?? '' };
        return answer as unknown as Range;
    }

    rename(document: LangiumDocument, params: RenameParams): WorkspaceEdit | undefined {
        const occurrence = nameAt(document, document.textDocument.offsetAt(params.position));
        if (!occurrence || isUnidentified(occurrence)) return undefined;
        const target = renameTarget(occurrence);
        const oldName = target.name ?? '';
        const newName = this.checkNewName(target, params.newName);
        const sigil = isAction(target) ? '#' : '@';
        const written = (name: string) => (isAction(target) ? `#${name}` : referenceTo(name));

        const changes: Record<string, TextEdit[]> = {};
        const edit = (uri: string, range: Range) => (changes[uri] ??= []).push({ range, newText: written(newName) });
        const nameNode = GrammarUtils.findNodeForProperty(target.$cstNode, 'name');
        if (nameNode) edit(AstUtils.getDocument(target).textDocument.uri, nameNode.range);
        for (const reference of this.references.findReferences(target, { includeDeclaration: false })) {
            const source = this.documents.getDocument(reference.sourceUri);
            if (!source) continue;
            const text = source.textDocument.getText(reference.segment.range);
            const name = sigil === '#' ? text.slice(1) : writtenName(text);
            if (name !== '' && nameKey(name) === nameKey(oldName)) {
                edit(source.textDocument.uri, reference.segment.range);
            }
        }
        return { changes };
    }

    /** The new handle without its `@` (or `#`), or a ResponseError that says what is wrong with it. */
    private checkNewName(target: Party | Action, requested: string): string {
        const sigil = isAction(target) ? '#' : '@';
        const name = requested.trim().startsWith(sigil) ? requested.trim().slice(1) : requested.trim();
        const what = isAction(target) ? 'An action identifier' : 'A handle';
        if (!isBareHandle(name) || nameKey(name) === '') {
            throw new ResponseError(ErrorCodes.InvalidParams,
                `'${requested}' is not a valid ${isAction(target) ? 'identifier' : 'handle'}. ${what} starts with a letter or digit, `
                + 'may contain letters, digits, _, . and -, and does not end in . or -.');
        }
        if (isAction(target)) {
            const other = this.scopeProvider.scopeFor('Action').getElements(name).find(d => d.node !== target);
            if (other) throw new ResponseError(ErrorCodes.InvalidParams, `'#${name}' is already the identifier of another action.`);
            return name;
        }
        const other = this.scopeProvider.scopeFor('Party').getElements(name).find(d => d.node !== target);
        if (other) {
            const party = other.node as Party | undefined;
            const whom = party ? `${displayName(party)} (${referenceTo(party.name)})` : `'${other.name}'`;
            const how = party && nameKey(party.name) === nameKey(name) ? 'is the handle of' : 'already names';
            throw new ResponseError(ErrorCodes.InvalidParams, `'${referenceTo(name)}' ${how} ${whom}: choose another handle.`);
        }
        return name;
    }
}

/** What a rename at this occurrence renames; refuses a name that resolves to nothing. */
function renameTarget(occurrence: NameOccurrence): Party | Action {
    if (!occurrence.target) {
        throw new ResponseError(ErrorCodes.InvalidRequest,
            `'${occurrence.written}' names no one in the directory, so there is no handle to rename.`);
    }
    return occurrence.target;
}

/** `@?`, an unidentified speaker: nothing to rename. */
function isUnidentified(occurrence: NameOccurrence): boolean {
    return occurrence.written === '?' && !occurrence.target;
}
