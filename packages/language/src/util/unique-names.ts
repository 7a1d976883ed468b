/**
 * Names made unique by a numeric suffix: `base`, then `base-2`, `base-3`, … (the first one
 * not taken). The next suffix to try is remembered for each base, so that n names made from
 * one base take time proportional to n, not n² (16,000 headings or actions of one text).
 * The result is the same as trying every suffix from 2: a suffix skipped was taken, and what
 * is taken stays taken.
 */
export class UniqueNames {
    private readonly taken = new Set<string>();
    private readonly nextSuffix = new Map<string, number>();

    /** `keyOf`: names that clash have the same key (identifiers compare as name keys). */
    constructor(taken: Iterable<string> = [], private readonly keyOf: (name: string) => string = name => name) {
        for (const name of taken) this.taken.add(keyOf(name));
    }

    /** Marks a name as taken (one written by hand, which a made-up one must not repeat). */
    reserve(name: string): void {
        this.taken.add(this.keyOf(name));
    }

    /** The first of `base`, `base-2`, `base-3`, … not taken, now taken. */
    claim(base: string): string {
        const baseKey = this.keyOf(base);
        let name = base;
        let key = baseKey;
        if (this.taken.has(key)) {
            let n = this.nextSuffix.get(baseKey) ?? 2;
            for (; this.taken.has(key = this.keyOf(name = `${base}-${n}`)); n++);
            this.nextSuffix.set(baseKey, n + 1);
        }
        this.taken.add(key);
        return name;
    }
}
