import { UriUtils, type IndexManager, type LangiumDocuments } from 'langium';
import type { FuzzyMatcher, LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { Action, isDocument, isParty, isPerson, Organisation, Person, type Party } from '../generated/ast.js';
import { displayName, namesOf, organisationsOf, shortName } from '../model/directory.js';
import { nameKey } from '../model/names.js';
import { structureOf } from '../model/structure.js';
import { firstLineRange } from './block-ranges.js';
import { matchesAtWordStart } from './directory-index.js';
import { MinutesSymbolKinds, partySymbolKind } from './minutes-document-symbol-provider.js';
import { meetingDate, meetingName } from './party-markdown.js';

/**
 * Workspace symbols: people and organisations (found by handle, name or alias, accents
 * ignored), meetings (by title) and actions (by identifier or text).
 */
export class MinutesWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly indexManager: IndexManager;
    private readonly documents: LangiumDocuments;
    private readonly fuzzyMatcher: FuzzyMatcher;

    constructor(services: LangiumSharedServices) {
        this.indexManager = services.workspace.IndexManager;
        this.documents = services.workspace.LangiumDocuments;
        this.fuzzyMatcher = services.lsp.FuzzyMatcher;
    }

    getSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
        const query = params.query;
        const queryKey = nameKey(query);
        // Fuzzy from the start of a name (`MCa` → Marilyn Cade), or the start of any of its
        // words with accents folded (`faltstrom` → Patrik Fältström).
        const matches = (...names: string[]) => query === ''
            || names.some(name => this.fuzzyMatcher.match(query, name) || (queryKey !== '' && matchesAtWordStart(nameKey(name), queryKey)));
        const symbols: WorkspaceSymbol[] = [];
        const seen = new Set<Party>();
        for (const description of this.indexManager.allElements(Person.$type).concat(this.indexManager.allElements(Organisation.$type))) {
            const party = description.node;
            if (!isParty(party) || seen.has(party)) continue;
            seen.add(party);
            if (!matches(...namesOf(party))) continue;
            symbols.push({
                name: displayName(party),
                kind: partySymbolKind(party),
                containerName: [`@${party.name}`, ...(isPerson(party) ? organisationsOf(party).map(shortName) : [])].join(' · '),
                location: { uri: description.documentUri.toString(), range: description.nameSegment?.range ?? party.$cstNode!.range }
            });
        }
        for (const description of this.indexManager.allElements(Action.$type)) {
            const action = description.node as Action | undefined;
            const item = action && isDocument(action.$container)
                ? structureOf(action.$container).meetings.flatMap(m => m.actions).find(a => a.action === action)
                : undefined;
            if (!matches(description.name, `#${description.name}`, item?.text ?? '')) continue;
            symbols.push({
                name: `#${description.name}`,
                kind: MinutesSymbolKinds.action,
                containerName: item?.text,
                location: { uri: description.documentUri.toString(), range: description.nameSegment?.range ?? action!.$cstNode!.range }
            });
        }
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            if (!isDocument(root)) continue;
            for (const meeting of structureOf(root).meetings) {
                const title = meeting.start ? meetingName(meeting) : UriUtils.basename(document.uri);
                if (!matches(title)) continue;
                const range = firstLineRange(meeting.start ?? meeting.firstBlock);
                if (!range) continue;
                symbols.push({
                    name: title,
                    kind: MinutesSymbolKinds.meeting,
                    containerName: meetingDate(meeting),
                    location: { uri: document.uri.toString(), range }
                });
            }
        }
        return symbols;
    }
}

