import { stream, WorkspaceCache, type AstNodeDescription, type IndexManager, type LangiumCoreServices, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { Action, Organisation, Person } from '../generated/ast.js';
import { nameKey } from '../model/names.js';

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
}

export class MinutesScopeProvider {
    private readonly indexManager: IndexManager;
    private readonly cache: WorkspaceCache<string, NameKeyScope>;

    constructor(services: LangiumCoreServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.cache = new WorkspaceCache(services.shared);
    }

    getScope(context: ReferenceInfo): Scope {
        const target = context.reference.$refText !== undefined && context.property === 'action' ? Action.$type : 'Party';
        return this.scopeFor(target);
    }

    /** The scope of every party (people and organisations) or of every action in the workspace. */
    scopeFor(target: 'Party' | typeof Action.$type): NameKeyScope {
        return this.cache.get(target, () => {
            const elements = target === 'Party'
                ? this.indexManager.allElements(Person.$type).concat(this.indexManager.allElements(Organisation.$type)).toArray()
                : this.indexManager.allElements(Action.$type).toArray();
            return new NameKeyScope(elements);
        });
    }
}
