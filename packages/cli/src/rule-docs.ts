import diagnosticsDoc from '../../../docs/diagnostics.md';

/** What docs/diagnostics.md says of a code: its documented severity, first sentence and anchor. */
export interface RuleDoc {
    readonly severity: string;
    readonly summary: string;
    /** The heading's anchor on the rendered page (GitHub's slugs). */
    readonly anchor: string;
}

export const DIAGNOSTICS_PAGE = 'https://github.com/minutes-lang/minutes/blob/main/docs/diagnostics.md';

let docs: Map<string, RuleDoc> | undefined;

/** The documentation of each diagnostic code, read from docs/diagnostics.md (inlined in the bundle). */
export function ruleDocs(): ReadonlyMap<string, RuleDoc> {
    if (docs) return docs;
    docs = new Map();
    for (const section of diagnosticsDoc.split(/^### /m).slice(1)) {
        const heading = section.slice(0, section.indexOf('\n'));
        const match = /^`([a-z-]+)` — (\w+)/.exec(heading);
        if (!match) continue;
        const paragraph = section.slice(heading.length).trim().split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ');
        const sentence = /^.*?[.:](?=\s|$)/.exec(paragraph)?.[0] ?? paragraph;
        docs.set(match[1], { severity: match[2], summary: sentence.replace(/:$/, '.'), anchor: githubSlug(heading) });
    }
    return docs;
}

/** GitHub's heading anchors: lower case, punctuation other than `-` and `_` removed, spaces to `-`. */
export function githubSlug(heading: string): string {
    return heading.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}
