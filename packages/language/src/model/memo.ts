import { detached } from '../util/detached-string.js';

/**
 * A function of a string that remembers its answers: for work asked again and again of a
 * few distinct strings (keys, names, language tags). Past `kept` strings it forgets them
 * all at once, so that a document of endless distinct ones does not fill the memory.
 */
export function memoised<T>(compute: (key: string) => T, kept: number): (key: string) => T {
    // Each answer in a box of its own, so that one look-up tells a kept `undefined` from none.
    const answers = new Map<string, { readonly answer: T }>();
    return key => {
        const known = answers.get(key);
        if (known) return known.answer;
        if (answers.size >= kept) answers.clear();
        // The answer is computed from the copy: an answer that is its key, or a part of it, holds nothing else either.
        const own = detached(key);
        const answer = compute(own);
        answers.set(own, { answer });
        return answer;
    };
}
