/**
 * Facts derived from an object of a parsed document (a node, a list of its nodes, its
 * structure), kept on the object itself for as long as it lives: what a WeakMap keyed by it
 * would keep, without the WeakMap.
 *
 * V8's young-generation collector (the scavenger, every few megabytes allocated) keeps every
 * WeakMap value alive, whether its key is alive or not. A fact that leads back to its object
 * (a structure holds its document's nodes; a block's continuation lines lead up to the
 * document through `$container`) thus keeps both, and with them the whole tree, until the next
 * full collection: `minutes check` kept every file's tree past its turn and copied it to the
 * old generation (docs/performance.md, "Trees that die young"). Kept on its object, a fact dies
 * with it. Setting and reading one is also cheaper than a WeakMap's (a million: 0.2 s against 1.0–1.4 s).
 *
 * Each kind of fact is a symbol property of its own, not enumerable: a spread (`{ ...document }`
 * makes the next document of an incremental parse), `Object.keys` and JSON leave it out, as they
 * would a WeakMap's entry. `undefined` is no fact: `delete` sets it, so that the object keeps its
 * shape (deleting a property would make V8 store the object's properties as a dictionary). An
 * object that takes no properties (frozen) keeps its facts in a WeakMap after all.
 */
export class ObjectFacts<K extends object, V> {
    private readonly key: symbol;
    private unextensible?: WeakMap<K, V>;

    constructor(name: string) {
        this.key = Symbol(name);
    }

    get(owner: K): V | undefined {
        const value = (owner as Record<symbol, V | undefined>)[this.key];
        return value === undefined && this.unextensible ? this.unextensible.get(owner) : value;
    }

    has(owner: K): boolean {
        return this.get(owner) !== undefined;
    }

    set(owner: K, value: V): this {
        const held = owner as Record<symbol, V | undefined>;
        if (Object.prototype.hasOwnProperty.call(held, this.key)) held[this.key] = value;
        else if (Object.isExtensible(held)) Object.defineProperty(held, this.key, { value, writable: true, configurable: true, enumerable: false });
        else (this.unextensible ??= new WeakMap()).set(owner, value);
        return this;
    }

    delete(owner: K): boolean {
        const had = this.has(owner);
        const held = owner as Record<symbol, V | undefined>;
        if (Object.prototype.hasOwnProperty.call(held, this.key)) held[this.key] = undefined;
        this.unextensible?.delete(owner);
        return had;
    }
}
