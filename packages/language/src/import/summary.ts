import { TRANSCRIPT_FORMATS, type TranscriptFormat } from './transcript.js';

/** One speaker label of the transcript and what became of it. */
export interface SpeakerReport {
    /** The label as first written in the transcript. */
    readonly label: string;
    /** How the output refers to the speaker: `@mkummer`; `@?`, or an office (`@MODERATOR`), for an unidentified one. */
    readonly reference: string;
    /** Who that is: the directory's name, or the new entry's. */
    readonly name?: string;
    readonly turns: number;
    /** A match: `handle`, `name`, `alias` or `role`; a guess: why (`1 letter from 'Marcus Kummer'`). */
    readonly how?: string;
    /** Qualifiers of an unidentified speaker (`as moderator`). */
    readonly qualifiers?: readonly string[];
    /** Near matches that tied, for a new entry: `@a (A), @b (B)`. */
    readonly candidates?: readonly string[];
}

export interface ImportSummary {
    readonly source: string;
    readonly format: TranscriptFormat;
    readonly turns: number;
    readonly matched: readonly SpeakerReport[];
    readonly guessed: readonly SpeakerReport[];
    /** Labels nobody in the directory answers to: new entries, marked for review. */
    readonly unknown: readonly SpeakerReport[];
    /** Turns without a named speaker: bare `>>` (no label) and role or generic labels. */
    readonly unidentified: readonly SpeakerReport[];
    /** Where the meeting's title and date come from, when not from the transcript itself. */
    readonly notes: readonly string[];
    /** Why no turn was found, when none was: the import is then only prose, which the user must hear about. */
    readonly noTurns?: string;
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function speakers(reports: readonly SpeakerReport[], describe: (report: SpeakerReport) => string): string {
    return reports.map(report => `${report.label} → ${report.reference}${describe(report)} (${plural(report.turns, 'turn')})`).join('; ');
}

/**
 * The summary `minutes import` prints on stderr: what was read, then each kind of speaker
 * (matched, guessed, unknown, unidentified), so that what needs checking is in view.
 */
export function formatImportSummary(summary: ImportSummary, output?: string): string[] {
    const lines = [`Imported ${plural(summary.turns, 'turn')} from ${summary.source} (${summary.format})${output ? ` into ${output}` : ''}.`];
    if (summary.noTurns) {
        lines.push(`warning: no turn found: ${summary.noTurns}. Every line is kept as prose.`
            + ` If the transcript names its speakers otherwise, say its format with --from ${TRANSCRIPT_FORMATS.join('|')}.`);
    }
    for (const note of summary.notes) lines.push(`  ${note}`);
    const total = summary.matched.length + summary.guessed.length + summary.unknown.length;
    lines.push(`Speakers: ${summary.matched.length} matched, ${summary.guessed.length} guessed, ${summary.unknown.length} unknown`
        + ` (${plural(total, 'named speaker')}; ${plural(summary.unidentified.reduce((n, r) => n + r.turns, 0), 'unidentified turn')}).`);
    if (summary.matched.length > 0) {
        lines.push(`  matched: ${speakers(summary.matched, r => ` ${r.name} by ${r.how}`)}`);
    }
    if (summary.guessed.length > 0) {
        lines.push(`  guessed, check them: ${speakers(summary.guessed, r => ` ${r.name}, ${r.how}`)}`);
    }
    if (summary.unknown.length > 0) {
        lines.push(`  unknown, added for review: ${speakers(summary.unknown,
            r => ` ${r.name}${r.candidates && r.candidates.length > 0 ? `, perhaps ${r.candidates.join(' or ')}` : ''}`)}`);
    }
    if (summary.unidentified.length > 0) {
        const parts = summary.unidentified.map(r => {
            const label = r.label ? r.label : summary.format === 'captions' ? 'bare >>' : 'no name';
            const qualifiers = r.qualifiers && r.qualifiers.length > 0 ? ` [${r.qualifiers.join(', ')}]` : '';
            const office = r.reference === '@?' ? '' : ', the office as written';
            return `${label} → ${r.reference}${qualifiers}${office} (${plural(r.turns, 'turn')})`;
        });
        lines.push(`  unidentified: ${parts.join('; ')}`);
    }
    return lines;
}
