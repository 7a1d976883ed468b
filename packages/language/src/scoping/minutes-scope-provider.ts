import { stream, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { Action, Organisation, Person } from '../generated/ast.js';
import { nameKey } from '../model/names.js';
import type { MinutesIndexManager } from './minutes-index-manager.js';
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
 * handle is `anja`, whoever else is called Anja.
 */
export class NameKeyScope implements Scope {
    private readonly byKey = new Map<string, AstNodeDescription[]>();

    constructor(private readonly all: AstNodeDescription[]) {
        for (const description of all) {
            const key = keyOf(description);
            if (!key) continue;
            const list = this.byKey.get(key);
            const isHandle = (description.node as { name?: string } | undefined)?.name === description.name;
            if (!list) this.byKey.set(key, [description]);
            else if (isHandle) list.unshift(description);
            else list.push(description);
        }
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.byKey.get(nameKey(name))?.[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.byKey.get(nameKey(name)) ?? []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.all);
    }

    /** Every distinct name key with the descriptions answering to it. */
    entries(): IterableIterator<[string, AstNodeDescription[]]> {
        return this.byKey.entries();
    }

    /**
     * The name keys close to `key`, in the order of `entries()`: those within `limit` edits
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

export class MinutesScopeProvider {
    private readonly indexManager: MinutesIndexManager;
    /** Each scope with the index version it was built from: rebuilt only when that changes. */
    private readonly scopes = new Map<string, { version: number; scope: NameKeyScope }>();

    constructor(services: LangiumCoreServices) {
        this.indexManager = services.shared.workspace.IndexManager as MinutesIndexManager;
    }

    getScope(context: ReferenceInfo): Scope {
        const target = context.reference.$refText !== undefined && context.property === 'action' ? Action.$type : 'Party';
        return this.scopeFor(target);
    }

    /**
     * The scope of every party (people and organisations) or of every action in the
     * workspace. It is kept until the index's descriptions of those types change (see
     * MinutesIndexManager), not merely until the next edit anywhere.
     */
    scopeFor(target: 'Party' | typeof Action.$type): NameKeyScope {
        const types = target === 'Party' ? [Person.$type, Organisation.$type] : [Action.$type];
        const version = this.indexManager.versionOf(...types);
        const cached = this.scopes.get(target);
        if (cached?.version === version) return cached.scope;
        const elements = types.flatMap(type => this.indexManager.allElements(type).toArray());
        const scope = new NameKeyScope(elements);
        this.scopes.set(target, { version, scope });
        return scope;
    }
}
