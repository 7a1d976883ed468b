/** Markdown files imported as their text: the bundle (scripts/bundle.mjs) inlines them. */
declare module '*.md' {
    const text: string;
    export default text;
}
