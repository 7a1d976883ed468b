import { URI } from 'langium';
import {
    formatShare, meetingPlaces, placeTitleLine, workspaceStatistics,
    type MeetingStatistics, type SharedTally, type SpeakingStatistics, type Tally
} from 'minutes-language';
import { displayPath, loadPaths, UsageError } from './workspace.js';
import { STATS_FORMATS } from './choices.js';

export { STATS_FORMATS };
export type StatsFormat = typeof STATS_FORMATS[number];

export interface StatsOptions {
    format: StatsFormat;
    directory?: string[];
    /** csv: begin with a UTF-8 byte-order mark, by which Excel knows the file is UTF-8. */
    bom?: boolean;
}

/** `minutes stats`: who was heard in each meeting of the given files, and across them. Exit 0. */
export async function stats(paths: string[], options: StatsOptions, io: { stdout: NodeJS.WritableStream }): Promise<number> {
    const workspace = await loadPaths(paths.length > 0 ? paths : ['.'], { context: options.directory });
    const result = workspaceStatistics(meetingPlaces(workspace.documents));
    if (options.bom && options.format !== 'csv') throw new UsageError('--bom goes with --format csv');
    io.stdout.write((options.bom ? '\uFEFF' : '') + formatStatistics(options.format, result));
    return 0;
}

/** A row of figures under a name, as every format lists them. */
interface Row {
    kind: 'total' | 'group' | 'organisation' | 'person';
    /** `@handle` of a person or organisation, the stakeholder group, or a bracketed bucket: `(unidentified)`. */
    key: string;
    name: string;
    interventions: number;
    words: number;
    interventionShare?: number;
    wordShare?: number;
}

const NO_GROUP = '(no stakeholder group)';
const UNIDENTIFIED = '(unidentified)';
const JOINT = '(joint)';
const UNNAMED_GROUPS = '(groups)';
const NO_ORGANISATION = '(no organisation)';

function row(kind: Row['kind'], key: string, name: string, tally: Tally | SharedTally): Row {
    const shares = 'wordShare' in tally ? { interventionShare: tally.interventionShare, wordShare: tally.wordShare } : {};
    return { kind, key, name, interventions: tally.interventions, words: tally.words, ...shares };
}

/** Every figure of a set of statistics, in the order the reports show them. */
export function rowsOf(statistics: SpeakingStatistics): Row[] {
    const rows: Row[] = [row('total', '(total)', 'All speakers', statistics.total)];
    for (const group of statistics.groups) rows.push(row('group', group.group, group.group, group));
    if (statistics.ungrouped.interventions > 0) rows.push(row('group', NO_GROUP, 'no stakeholder group', statistics.ungrouped));
    if (statistics.unidentified.interventions > 0) rows.push(row('group', UNIDENTIFIED, 'unidentified (@?)', statistics.unidentified));
    if (statistics.joint.interventions > 0) rows.push(row('group', JOINT, 'joint turns (several speakers)', statistics.joint));
    if (statistics.unnamedGroups.interventions > 0) rows.push(row('group', UNNAMED_GROUPS, 'unnamed groups', statistics.unnamedGroups));
    for (const organisation of statistics.organisations) rows.push(row('organisation', organisation.key, organisation.name, organisation));
    if (statistics.withoutOrganisation.interventions > 0) rows.push(row('organisation', NO_ORGANISATION, 'no organisation', statistics.withoutOrganisation));
    for (const speaker of statistics.speakers) rows.push(row('person', speaker.key, speaker.name, speaker));
    return rows;
}

interface MeetingHeader {
    meeting: string;
    date: string | null;
    file: string;
    line: number;
}

function headerOf(entry: MeetingStatistics): MeetingHeader {
    const { place } = entry;
    return { meeting: place.title, date: place.isoDate ?? null, file: displayPath(URI.parse(place.uri).fsPath), line: place.line };
}

export function formatStatistics(format: StatsFormat, result: { meetings: MeetingStatistics[]; overall: SpeakingStatistics }): string {
    switch (format) {
        case 'json':
            return JSON.stringify({
                meetings: result.meetings.map(entry => ({ ...headerOf(entry), rows: rowsOf(entry.statistics) })),
                overall: { meetings: result.meetings.length, rows: rowsOf(result.overall) }
            }, undefined, 2) + '\n';
        case 'csv':
            return csv(result);
        default:
            return text(result);
    }
}

function percent(share: number | undefined): string {
    return share === undefined ? '' : formatShare(share);
}

function table(rows: Row[]): string[] {
    const out: string[] = [];
    const sections: Array<[Row['kind'], string]> = [['group', 'By stakeholder group'], ['organisation', 'By organisation'], ['person', 'By speaker']];
    const width = Math.max(24, ...rows.map(r => r.name.length + 2));
    const line = (name: string, interventions: string, words: string, share: string) =>
        `    ${name.padEnd(width)}${interventions.padStart(13)}${words.padStart(8)}${share.padStart(9)}`.trimEnd();
    for (const [kind, title] of sections) {
        const inSection = rows.filter(r => r.kind === kind);
        if (inSection.length === 0) continue;
        out.push(`  ${title}`);
        out.push(line('', 'interventions', 'words', kind === 'group' ? 'words %' : ''));
        for (const r of inSection) out.push(line(r.name, String(r.interventions), String(r.words), percent(r.wordShare)));
    }
    return out;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function text(result: { meetings: MeetingStatistics[]; overall: SpeakingStatistics }): string {
    if (result.meetings.length === 0) return 'No interventions.\n';
    const out: string[] = [];
    for (const entry of result.meetings) {
        const header = headerOf(entry);
        const { total } = entry.statistics;
        out.push(`${placeTitleLine(entry.place)}  ${header.file}:${header.line}`);
        out.push(`  ${plural(total.interventions, 'intervention')}, ${plural(total.words, 'word')}`);
        out.push(...table(rowsOf(entry.statistics)), '');
    }
    const { total } = result.overall;
    out.push(`All meetings (${result.meetings.length})`);
    out.push(`  ${plural(total.interventions, 'intervention')}, ${plural(total.words, 'word')}`);
    out.push(...table(rowsOf(result.overall)));
    return out.join('\n') + '\n';
}

/** RFC 4180: quote fields with commas, quotes or line breaks. */
/**
 * A CSV field. Text that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab
 * or a carriage return: a meeting titled `=HYPERLINK(…)`) begins with an apostrophe, which
 * spreadsheets read as "text follows" (OWASP's advice for CSV injection); numbers stay numbers.
 */
function csvField(value: string | number | null | undefined): string {
    const written = value === null || value === undefined ? '' : String(value);
    const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(written) ? `'${written}` : written;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(result: { meetings: MeetingStatistics[]; overall: SpeakingStatistics }): string {
    const header = ['meeting', 'date', 'file', 'line', 'kind', 'key', 'name', 'interventions', 'words', 'intervention_share', 'word_share'];
    const lines = [header.join(',')];
    const share = (value: number | undefined) => value === undefined ? '' : value.toFixed(4);
    const emit = (meeting: MeetingHeader | undefined, rows: Row[]) => {
        for (const r of rows) {
            lines.push([
                meeting?.meeting ?? '(all meetings)', meeting?.date, meeting?.file, meeting?.line,
                r.kind, r.key, r.name, r.interventions, r.words, share(r.interventionShare), share(r.wordShare)
            ].map(csvField).join(','));
        }
    };
    for (const entry of result.meetings) emit(headerOf(entry), rowsOf(entry.statistics));
    emit(undefined, rowsOf(result.overall));
    return lines.join('\r\n') + '\r\n';
}
