/**
 * The custom requests of the Minutes language server, shared by the server (which
 * answers them) and the VS Code extension (which sends them). Plain names and types only:
 * the extension imports this file's types without bundling the language.
 */

/** The outputs `minutes/generate` produces. */
export type GenerateFormat = 'email' | 'eml' | 'html' | 'json';

export interface GenerateParams {
    /** The document to generate from, as the client names it. */
    uri: string;
    format: GenerateFormat;
    /** Email line width; 0 does not wrap. */
    wrapWidth?: number;
    /** `From:` and `To:` of an `.eml`, overriding the file's `from:` and `to:`. */
    from?: string;
    to?: string;
    /**
     * Who said what: speakers named in full, by organisation, or by stakeholder group only
     * (the Chatham House Rule, see docs/actions-and-attribution.md). Absent: `organisation`
     * when the file declares `rule: Chatham House`, else `full`.
     */
    attribution?: 'full' | 'organisation' | 'none';
}

/** A problem that stops generation, as the Problems panel shows it. */
export interface GenerateProblem {
    message: string;
    /** Zero-based line. */
    line: number;
}

export type GenerateResult =
    | { ok: true; content: string }
    | { ok: false; reason: 'errors'; errors: GenerateProblem[] }
    | { ok: false; reason: 'not-found'; message: string }
    /** The output needs something the file does not say (an .eml without a sender...). */
    | { ok: false; reason: 'cannot-generate'; message: string };

export const GenerateRequest = 'minutes/generate';

export interface StatsParams {
    uri: string;
}

/** What the status bar shows for a file. */
export interface DocumentStats {
    meetings: number;
    /** People and organisations listed as attending (present or remote), each counted once. */
    attendees: number;
    /** Turns: lines that start with a speaker outside attendee lists. */
    interventions: number;
    /** Actions agreed in the file that are neither done nor dropped. */
    openActions: number;
    errors: number;
    warnings: number;
}

export const StatsRequest = 'minutes/stats';

/** Every file of the workspace, read again from disk and checked; diagnostics go to the client as usual. */
export interface CheckWorkspaceResult {
    files: number;
    errors: number;
    warnings: number;
    /** Files with at least one error or warning. */
    filesWithProblems: number;
}

export const CheckWorkspaceRequest = 'minutes/checkWorkspace';
