/**
 * A small seeded pseudo-random generator (mulberry32), so that the workload is the
 * same bytes on every machine and every run. Math.random is never used by the bench.
 */
export class Random {
    /** @param {number} seed */
    constructor(seed) {
        this.state = seed >>> 0;
    }

    /** A float in [0, 1). */
    next() {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [min, max]. */
    int(min, max) {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    /** @template T @param {readonly T[]} items @returns {T} */
    pick(items) {
        return items[Math.floor(this.next() * items.length)];
    }

    /** True with the given probability. */
    chance(probability) {
        return this.next() < probability;
    }

    /** @template T @param {readonly T[]} items @param {number} count @returns {T[]} distinct items */
    sample(items, count) {
        const copy = items.slice();
        const n = Math.min(count, copy.length);
        for (let i = 0; i < n; i++) {
            const j = i + Math.floor(this.next() * (copy.length - i));
            [copy[i], copy[j]] = [copy[j], copy[i]];
        }
        return copy.slice(0, n);
    }

    /** A new generator whose sequence depends only on this seed and the label. */
    fork(label) {
        return new Random(hash32(`${this.state}:${label}`));
    }
}

/** FNV-1a: a stable 32-bit hash of a string. */
export function hash32(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
