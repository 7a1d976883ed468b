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

/** A series of meetings of the workspace (meetings sharing a `group:`/`series:`), as "New Meeting in Series…" offers it. */
export interface SeriesInfo {
    /** What `minutes/nextMeeting` takes to name it: `@CCWG-IG`, or the series' words. */
    key: string;
    /** As it reads: `CCWG-IG`. */
    name: string;
    meetings: number;
    /** The meeting a new one follows. */
    latest: { title: string; date?: string; uri: string };
}

export const SeriesRequest = 'minutes/series';

export interface NextMeetingParams {
    /** A series' key (see SeriesInfo); may be left out when the workspace has one series. */
    series?: string;
    /** `2018-07-02`. */
    date: string;
    /** The new meeting's title; absent: the latest meeting's `meeting:` line, as written. */
    title?: string;
}

export type NextMeetingResult =
    | {
        ok: true;
        /** The new file's text. */
        text: string;
        /** Where it goes: the folder of the latest meeting, and a name made of the date and the title. */
        folderUri: string;
        fileName: string;
        openActions: number;
        /** Open actions left out because they have no identifier to write `update #id` with. */
        withoutIdentifier: number;
    }
    | { ok: false; message: string };

export const NextMeetingRequest = 'minutes/nextMeeting';
