import { stream, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { Action, Organisation, Person } from '../generated/ast.js';
import { nameKey } from '../model/names.js';
import type { MinutesIndexManager } from '../workspace/minutes-index-manager.js';
import { nodeNameOf } from '../workspace/portable-descriptions.js';
import { NearNameIndex } from './near-names.js';

/**
 * Name keys of index descriptions, memoised: the index keeps the descriptions of unchanged
 * documents, so rebuilding the scope after a keystroke in a meeting file does not
 * normalise the names of a 5,000-person directory again.
 */
const descriptionKeys = new WeakMap<AstNodeDescription, string>();

function keyOf(description: AstNodeDescription): string {
    let key = descriptionKeys.get(description);
    if (key === undefined) {
        key = nameKey(description.name);
        descriptionKeys.set(description, key);
    }
    return key;
}

/**
 * A scope that finds a description by its normalised name key. A handle wins over a
 * display name or alias with the same key, so `@anja` always means the person whose
 * handle is `anja`, whoever else is called Anja. Among descriptions of the same kind, the
 * one of the first document by URI wins, then the first written in it: an order that does
 * not depend on which documents were indexed last, so that the editor, after any edits,
 * and `minutes check` choose the same of two actions with one identifier.
 */
export class NameKeyScope implements Scope {
    private readonly byKey = new Map<string, AstNodeDescription[]>();
    /** The descriptions of each document, in index order (a re-indexed document moves to the end, as in Langium's index). */
    private readonly byDocument = new Map<string, AstNodeDescription[]>();
    private all?: AstNodeDescription[];

    constructor(descriptions: AstNodeDescription[]) {
        for (const description of descriptions) this.add(description);
    }

    /** Adds a description; returns its key when no description answered to it before. */
    private add(description: AstNodeDescription): string | undefined {
        const uri = description.documentUri.toString();
        const ofDocument = this.byDocument.get(uri);
        if (ofDocument) ofDocument.push(description);
        else this.byDocument.set(uri, [description]);
        const key = keyOf(description);
        if (!key) return undefined;
        const list = this.byKey.get(key);
        if (!list) {
            this.byKey.set(key, [description]);
            return key;
        }
        // After every description that comes before it or with it (those of its own document are added in order).
        let at = list.length;
        while (at > 0 && comesFirst(description, list[at - 1])) at--;
        list.splice(at, 0, description);
        return undefined;
    }

    /**
     * Replaces what the given documents contribute with their current descriptions: the
     * scope after an edit, for the cost of the edited documents' names rather than of all.
     * The index of near names is kept when the edit leaves the same keys (an edit that
     * renames nothing), which is most edits of a file with many actions.
     */
    replaceDocuments(uris: Iterable<string>, descriptionsOf: (uri: string) => AstNodeDescription[]): void {
        const removedKeys = new Set<string>();
        let newKey = false;
        for (const uri of uris) {
            for (const description of this.byDocument.get(uri) ?? []) {
                const key = keyOf(description);
                const list = this.byKey.get(key);
                const at = list?.indexOf(description) ?? -1;
                if (at >= 0) list!.splice(at, 1);
                if (list?.length === 0) {
                    this.byKey.delete(key);
                    removedKeys.add(key);
                }
            }
            this.byDocument.delete(uri);
            for (const description of descriptionsOf(uri)) {
                const added = this.add(description);
                if (added !== undefined && !removedKeys.delete(added)) newKey = true;
            }
        }
        this.all = undefined;
        if (newKey || removedKeys.size > 0) this.nearNames = undefined;
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.byKey.get(nameKey(name))?.[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.elementsNamed(name));
    }

    /** The descriptions answering to a name, as an array: its length counts them at once. Do not change it. */
    elementsNamed(name: string): readonly AstNodeDescription[] {
        return this.byKey.get(nameKey(name)) ?? [];
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.all ??= [...this.byDocument.values()].flat());
    }

    /** Every distinct name key with the descriptions answering to it. */
    entries(): IterableIterator<[string, AstNodeDescription[]]> {
        return this.byKey.entries();
    }

    /**
     * The name keys close to `key`, in the order of the keys when they were indexed (that of
     * `entries()` then; an edit that keeps the same keys may move one to the end of
     * `entries()` and keeps the index): those within `limit` edits
     * (score: the distance) and, for a key of three characters or more, those with a word
     * that starts with it (score: `limit + 0.5`). The keys are indexed on first use (see
     * NearNameIndex), so that a misspelt name is compared with a handful of keys rather
     * than with every name of a 5,000-person directory.
     */
    nearKeys(key: string, limit: number): Array<{ key: string; descriptions: AstNodeDescription[]; score: number }> {
        this.nearNames ??= new NearNameIndex(this.byKey.keys());
        return this.nearNames.near(key, limit).map(near => ({ ...near, descriptions: this.byKey.get(near.key)! }));
    }

    private nearNames?: NearNameIndex;
}

/** Whether `a` answers to a name before `b`: a handle before other names, then by document URI (see NameKeyScope). */
function comesFirst(a: AstNodeDescription, b: AstNodeDescription): boolean {
    const handle = (description: AstNodeDescription) => nodeNameOf(description) === description.name;
    if (handle(a) !== handle(b)) return handle(a);
    return a.documentUri.toString() < b.documentUri.toString();
}

export class MinutesScopeProvider {
    private readonly indexManager: MinutesIndexManager;
    /** Each scope with the index change it is up to date with. */
    private readonly scopes = new Map<string, { change: number; scope: NameKeyScope }>();

    constructor(services: LangiumCoreServices) {
        this.indexManager = services.shared.workspace.IndexManager as MinutesIndexManager;
    }

    getScope(context: ReferenceInfo): Scope {
        const target = context.reference.$refText !== undefined && context.property === 'action' ? Action.$type : 'Party';
        return this.scopeFor(target);
    }

    /**
     * The scope of every party (people and organisations) or of every action in the
     * workspace. It is kept while the index's descriptions of those types stay as they are,
     * and brought up to date with the documents whose descriptions changed (see
     * MinutesIndexManager) rather than rebuilt: after a keystroke in a meeting file, only
     * that file's actions are replaced.
     */
    scopeFor(target: 'Party' | typeof Action.$type): NameKeyScope {
        const types = target === 'Party' ? [Person.$type, Organisation.$type] : [Action.$type];
        const change = this.indexManager.lastChangeOf(types);
        const cached = this.scopes.get(target);
        if (cached?.change === change) return cached.scope;
        const changed = cached && this.indexManager.documentsChangedSince(types, cached.change);
        if (cached && changed) {
            cached.scope.replaceDocuments(changed, uri => this.indexManager.descriptionsOf(uri, types));
            cached.change = change;
            return cached.scope;
        }
        const scope = new NameKeyScope(types.flatMap(type => this.indexManager.allElements(type).toArray()));
        this.scopes.set(target, { change, scope });
        return scope;
    }
}
