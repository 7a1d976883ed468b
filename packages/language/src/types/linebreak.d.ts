// The part of `linebreak` (UAX #14 break opportunities) that Minutes uses; the package ships no types.
declare module 'linebreak' {
    export interface Break {
        /** The UTF-16 offset before which a line may start. */
        readonly position: number;
        /** A mandatory break (after a line break character). */
        readonly required: boolean;
    }
    export class LineBreaker {
        constructor(text: string);
        /** The next break opportunity, or null after the end of the text. */
        nextBreak(): Break | null;
    }
}
