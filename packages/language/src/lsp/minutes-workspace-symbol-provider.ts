import { UriUtils, type IndexManager, type LangiumDocument, type LangiumDocuments, type ServiceRegistry, type URI } from 'langium';
import type { FuzzyMatcher, WorkspaceSymbolProvider } from 'langium/lsp';
import type { Range, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { Action, isDocument, isParty, isPerson, Organisation, Person, type Party } from '../generated/ast.js';
import type { MinutesSharedServices } from '../minutes-module.js';
import { displayName, namesOf, organisationsOf, shortName } from '../model/directory.js';
import { nameKey } from '../model/names.js';
import { structureOf } from '../model/structure.js';
import { firstLineRange } from './block-ranges.js';
import { matchesAtWordStart } from './directory-index.js';
import { MinutesSymbolKinds, partySymbolKind } from './minutes-document-symbol-provider.js';
import type { ClosedDocumentTrees } from '../workspace/closed-document-trees.js';
import { meetingDate, meetingName } from './party-markdown.js';

/** What workspace symbols show of one document's actions and meetings, as plain data. */
export interface DocumentSymbols {
    /** The text and range of each action agreed in a meeting, by the action's path in the tree. */
    readonly actions: ReadonlyMap<string, { readonly text: string; readonly range?: Range }>;
    readonly meetings: ReadonlyArray<{ readonly title: string; readonly date?: string; readonly range: Range }>;
}

/**
 * Workspace symbols: people and organisations (found by handle, name or alias, accents
 * ignored), meetings (by title) and actions (by identifier or text). Of a document whose
 * tree is released (ClosedDocumentTrees) they are what was read from it before.
 */
export class MinutesWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly indexManager: IndexManager;
    private readonly documents: LangiumDocuments;
    private readonly fuzzyMatcher: FuzzyMatcher;
    private readonly closedTrees: ClosedDocumentTrees;
    private readonly serviceRegistry: ServiceRegistry;

    constructor(services: MinutesSharedServices) {
        this.indexManager = services.workspace.IndexManager;
        this.documents = services.workspace.LangiumDocuments;
        this.fuzzyMatcher = services.lsp.FuzzyMatcher;
        this.serviceRegistry = services.ServiceRegistry;
        this.closedTrees = services.workspace.ClosedDocumentTrees;
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
        const symbolsOf = new Map<string, DocumentSymbols>();
        const documentSymbols = (uri: URI) => {
            const key = uri.toString();
            let found = symbolsOf.get(key);
            if (!found) {
                const document = this.documents.getDocument(uri);
                found = !document ? NO_SYMBOLS
                    : this.closedTrees.symbolsOfReleased(document) ?? documentSymbolsOf(document, this.serviceRegistry);
                symbolsOf.set(key, found);
            }
            return found;
        };
        for (const description of this.indexManager.allElements(Action.$type)) {
            const action = documentSymbols(description.documentUri).actions.get(description.path);
            if (!matches(description.name, `#${description.name}`, action?.text ?? '')) continue;
            const range = description.nameSegment?.range ?? action?.range;
            if (!range) continue;
            symbols.push({
                name: `#${description.name}`,
                kind: MinutesSymbolKinds.action,
                containerName: action?.text,
                location: { uri: description.documentUri.toString(), range }
            });
        }
        for (const document of this.documents.all) {
            for (const meeting of documentSymbols(document.uri).meetings) {
                if (!matches(meeting.title)) continue;
                symbols.push({
                    name: meeting.title,
                    kind: MinutesSymbolKinds.meeting,
                    containerName: meeting.date,
                    location: { uri: document.uri.toString(), range: meeting.range }
                });
            }
        }
        return symbols;
    }
}

const NO_SYMBOLS: DocumentSymbols = { actions: new Map(), meetings: [] };

/** What workspace symbols show of a document, read from its tree. */
export function documentSymbolsOf(document: LangiumDocument, serviceRegistry: ServiceRegistry): DocumentSymbols {
    const root = document.parseResult.value;
    if (!isDocument(root)) return NO_SYMBOLS;
    const locator = serviceRegistry.getServices(document.uri).workspace.AstNodeLocator;
    const { meetings } = structureOf(root);
    const actions = new Map<string, { text: string; range?: Range }>();
    for (const item of meetings.flatMap(meeting => meeting.actions)) {
        actions.set(locator.getAstNodePath(item.action), { text: item.text, range: item.action.$cstNode?.range });
    }
    return {
        actions,
        meetings: meetings.flatMap(meeting => {
            const range = firstLineRange(meeting.start ?? meeting.firstBlock);
            const title = meeting.start ? meetingName(meeting) : UriUtils.basename(document.uri);
            return range ? [{ title, date: meetingDate(meeting), range }] : [];
        })
    };
}
