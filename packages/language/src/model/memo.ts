/**
 * A function of a string that remembers its answers: for work asked again and again of a
 * few distinct strings (keys, names, language tags). Past `kept` strings it forgets them
 * all at once, so that a document of endless distinct ones does not fill the memory.
 */
export function memoised<T>(compute: (key: string) => T, kept: number): (key: string) => T {
    const answers = new Map<string, T>();
    return key => {
        if (answers.has(key)) return answers.get(key) as T;
        if (answers.size >= kept) answers.clear();
        const answer = compute(key);
        answers.set(key, answer);
        return answer;
    };
}
