import { AbstractAstReflection } from 'langium';
import { MinutesAstReflection } from '../generated/ast.js';

/** Langium's own answer, which also fills its cache: asked once per pair of types. */
const firstAnswer = AbstractAstReflection.prototype.isSubtype;

/**
 * Every generated type test (`isLine`, `isSpeakerLine` …) asks the reflection's `isSubtype`,
 * and Langium's allocates at each call, answered from its cache or not: its `superTypes.some(s
 * => …)` callback captures the arguments, so V8 makes a context for them on entry (32 MB over a
 * check of the bench's 1,000 files; docs/performance.md, "Fewer objects per token and per block").
 * This one reads Langium's cache first and leaves a miss to Langium's code: the same answers.
 * Set on the generated class (not on Langium's), for the AST's types alone; safe to call again.
 */
export function answerSubtypesFromCache(): void {
    MinutesAstReflection.prototype.isSubtype = function isSubtype(this: MinutesAstReflection, subtype: string, supertype: string): boolean {
        if (subtype === supertype) return true;
        const known = (this as unknown as { subtypes: Record<string, Record<string, boolean | undefined> | undefined> }).subtypes[subtype]?.[supertype];
        return known ?? firstAnswer.call(this, subtype, supertype);
    };
}
