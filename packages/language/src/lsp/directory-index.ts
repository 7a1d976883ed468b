import { AstUtils, DocumentCache, DocumentState, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isDocument, isOrganisation, isParty, isPerson, type Party } from '../generated/ast.js';
import type { MinutesServices } from '../minutes-module.js';
import {
    aliasesOf, displayName, fullName, honorificOf, namesOf, organisationsOf, roleOf, shortName, stakeholderGroupOf
} from '../model/directory.js';
import { nameKey } from '../model/names.js';
import type { ClosedDocumentTrees } from '../workspace/closed-document-trees.js';

/** A person or organisation as completion, hover and symbols show it, computed once. */
export interface DirectoryEntry {
    readonly party: Party;
    readonly handle: string;
    readonly kind: 'person' | 'organisation';
    /** The display name without honorific (a person) or the display name (an organisation). */
    readonly name: string;
    readonly honorific?: string;
    /** An organisation's full name (`name:`), when it differs from its display name. */
    readonly fullName?: string;
    /** Short names (acronyms) of a person's organisations; empty for an organisation. */
    readonly organisations: readonly string[];
    readonly role?: string;
    readonly stakeholder?: string;
    readonly aliases: readonly string[];
    /** Every written form the entry answers to: handle, names, aliases (for filter text). */
    readonly names: readonly string[];
    /** Name keys of those forms, plus the handle without separators, for matching typed text. */
    readonly keys: readonly string[];
    /** Where the entry sorts among others: its name key. */
    readonly sortKey: string;
}

/** What kind of party a completion position expects. */
export type PartyFilter = 'any' | 'organisation';

/**
 * Every person and organisation of the workspace, indexed for completion.
 *
 * Entries are computed per document and kept until that document is linked again (a
 * DocumentCache on the Linked phase: Langium relinks a document when it changes or when a
 * document it refers to changes, which is exactly when its entries may change). The
 * workspace-wide sorted list is looked at once per workspace state (a WorkspaceCache),
 * right after each build, and sorted again only when some document's entries changed.
 * Typing in a meeting file thus re-reads only that file, not the 5,000 people of the
 * directory, and sorts nothing.
 */
export class DirectoryIndex {
    private readonly documents: LangiumDocuments;
    private readonly byDocument: DocumentCache<string, Map<Party, DirectoryEntry>>;
    private readonly all: WorkspaceCache<string, readonly DirectoryEntry[]>;
    private readonly closedTrees: ClosedDocumentTrees;

    constructor(services: MinutesServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.closedTrees = services.shared.workspace.ClosedDocumentTrees;
        this.byDocument = new DocumentCache(services.shared, DocumentState.Linked);
        this.all = new WorkspaceCache(services.shared);
        // Put the index together as soon as a build has finished, not on the first
        // keystroke after it (the language server loads all services at start).
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
            this.entries();
        });
    }

    /** Every entry of the workspace, in name order. */
    entries(): readonly DirectoryEntry[] {
        return this.all.get('entries', () => {
            const declaring: Array<Map<Party, DirectoryEntry>> = [];
            for (const document of this.documents.all) {
                const entries = this.entriesOfDocument(document);
                if (entries.size > 0) declaring.push(entries);
            }
            // Sorted again only when a document's entries changed (it was linked again), or a
            // document declaring parties came or went: not after each keystroke in a meeting.
            const sorted = this.sorted;
            if (sorted && sorted.from.length === declaring.length && sorted.from.every((entries, i) => entries === declaring[i])) return sorted.entries;
            const entries: DirectoryEntry[] = [];
            for (const map of declaring) entries.push(...map.values());
            // Name keys are already folded (lower case, no accents): plain comparison is
            // enough, and for 5,000 entries much faster than localeCompare.
            entries.sort((a, b) => compareStrings(a.sortKey, b.sortKey) || compareStrings(a.handle, b.handle));
            this.sorted = { from: declaring, entries };
            return entries;
        });
    }

    /** The last sorted list, and the documents' entries it was made of. */
    private sorted?: { from: ReadonlyArray<Map<Party, DirectoryEntry>>; entries: readonly DirectoryEntry[] };

    /** The entry of one party. */
    entryOf(party: Party): DirectoryEntry {
        return this.entriesOfDocument(AstUtils.getDocument(party)).get(party) ?? entryFor(party);
    }

    /**
     * Entries matching typed text: the start of the handle, of any name or alias, or of any
     * word in them, ignoring case, accents and punctuation (`trop` finds Tatiana Tropina,
     * `falt` finds Patrik Fältström). Empty text matches every entry.
     */
    search(typed: string, filter: PartyFilter = 'any'): DirectoryEntry[] {
        const query = nameKey(typed);
        const result: DirectoryEntry[] = [];
        for (const entry of this.entries()) {
            if (filter === 'organisation' && entry.kind !== 'organisation') continue;
            if (query === '' || entry.keys.some(key => matchesAtWordStart(key, query))) {
                result.push(entry);
            }
        }
        return result;
    }

    private entriesOfDocument(document: LangiumDocument): Map<Party, DirectoryEntry> {
        // A released tree declares no party (see ClosedDocumentTrees): it is not parsed again for nothing.
        if (this.closedTrees.isReleased(document)) return new Map();
        return this.byDocument.get(document.uri, 'entries', () => {
            const entries = new Map<Party, DirectoryEntry>();
            const root = document.parseResult.value;
            if (isDocument(root)) {
                for (const block of root.blocks) {
                    if (isParty(block) && block.name) entries.set(block, entryFor(block));
                }
            }
            return entries;
        });
    }
}

/**
 * An entry computes what every search needs (names and their keys) at once, and what
 * only a shown item needs (organisations, role, ...) on first use: completion shows at
 * most a hundred of 5,000 entries.
 */
class Entry implements DirectoryEntry {
    readonly handle: string;
    readonly kind: 'person' | 'organisation';
    readonly name: string;
    readonly names: readonly string[];
    readonly keys: readonly string[];
    readonly sortKey: string;
    private details?: {
        honorific?: string;
        fullName?: string;
        organisations: readonly string[];
        role?: string;
        stakeholder?: string;
        aliases: readonly string[];
    };

    constructor(readonly party: Party) {
        this.handle = party.name;
        this.kind = isPerson(party) ? 'person' : 'organisation';
        this.names = unique(namesOf(party));
        this.name = displayName(party);
        this.keys = unique([...this.names.map(nameKey), nameKey(party.name).replace(/ /g, '')]).filter(key => key.length > 0);
        this.sortKey = nameKey(this.name) || nameKey(party.name);
    }

    get honorific() { return this.describe().honorific; }
    get fullName() { return this.describe().fullName; }
    get organisations() { return this.describe().organisations; }
    get role() { return this.describe().role; }
    get stakeholder() { return this.describe().stakeholder; }
    get aliases() { return this.describe().aliases; }

    private describe(): NonNullable<Entry['details']> {
        if (!this.details) {
            const party = this.party;
            const full = isOrganisation(party) ? fullName(party) : undefined;
            this.details = {
                honorific: isPerson(party) ? honorificOf(party) : undefined,
                fullName: full && full !== this.name ? full : undefined,
                organisations: isPerson(party) ? organisationsOf(party).map(shortName) : [],
                role: isPerson(party) ? roleOf(party) : undefined,
                stakeholder: stakeholderGroupOf(party),
                aliases: aliasesOf(party)
            };
        }
        return this.details;
    }
}

function entryFor(party: Party): DirectoryEntry {
    return new Entry(party);
}

/** `key` starts with `query`, or one of its words does (name keys are space-separated words). */
export function matchesAtWordStart(key: string, query: string): boolean {
    if (key.startsWith(query)) return true;
    let space = key.indexOf(' ');
    while (space >= 0) {
        if (key.startsWith(query, space + 1)) return true;
        space = key.indexOf(' ', space + 1);
    }
    return false;
}

function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function unique(values: string[]): string[] {
    return [...new Set(values.map(value => value.trim()).filter(value => value.length > 0))];
}

/** `Chair, CCWG-IG · ICANN-BC`: what a person does and for whom, in one line. */
export function describeEntry(entry: DirectoryEntry): string {
    if (entry.kind === 'organisation') {
        return [entry.fullName, entry.stakeholder].filter(Boolean).join(' · ');
    }
    return [entry.organisations.join(', '), entry.role].filter(Boolean).join(' · ');
}
