import type { Party } from '../generated/ast.js';
import { parseDate } from '../model/dates.js';
import { displayName } from '../model/directory.js';
import type { NameKeyScope } from '../scoping/minutes-scope-provider.js';
import { readCaptions } from './captions.js';
import { readChat } from './chat.js';
import { detectFormat } from './detect.js';
import { commentText, inlineProse, lineProse } from './escape.js';
import { SpeakerMatcher, type LabelRole, type NewEntry, type SpeakerMatch } from './speakers.js';
import type { ImportSummary, SpeakerReport } from './summary.js';
import type { TextParagraph, Transcript, TranscriptFormat, TranscriptTurn } from './transcript.js';
import { readParagraphTranscript } from './paragraph-transcript.js';
import { readWebVtt } from './webvtt.js';

export interface ImportOptions {
    /** The transcript's file name, as the output and the review notes name it. */
    readonly sourceName: string;
    /** The format; detected from the name and the text when not given. */
    readonly format?: TranscriptFormat;
    /** The workspace's people and organisations (`ScopeProvider.scopeFor('Party')`); none when omitted. */
    readonly scope?: NameKeyScope;
    /** The meeting's moderator and chair, when known: `MODERATOR:` and `CHAIR:` turns are theirs. */
    readonly roles?: Partial<Record<LabelRole, Party>>;
    /** The meeting's title and date, overriding what the transcript says. */
    readonly title?: string;
    readonly date?: string;
}

export interface ImportResult {
    /** The `.minutes` text. */
    readonly text: string;
    readonly summary: ImportSummary;
}

const FORMAT_NAMES: Record<TranscriptFormat, string> = { captions: 'captioning text', vtt: 'WebVTT', chat: 'chat log', transcript: '`Name: text` transcript' };

/**
 * Imports a transcript (captioning text, WebVTT or a chat log) into Minutes: a meeting
 * with one turn per speaker change, speakers matched against the directory, every word
 * of the transcript kept as prose. Pure: text in, text and a summary out. Never throws on
 * any input; time is linear in the input, bar a bounded number of near-match searches.
 */
export function importTranscript(source: string, options: ImportOptions): ImportResult {
    const format = options.format ?? detectFormat(source, options.sourceName);
    const transcript = readTranscript(format, source);
    const matcher = new SpeakerMatcher(options.scope, options.roles);
    const turns = transcript.turns.map(turn => ({ turn, match: turn.label === undefined ? undefined : matcher.match(turn.label) }));
    const metadata = meetingMetadata(transcript, options);
    const roles = Object.entries(options.roles ?? {})
        .flatMap(([role, party]) => {
            const reference = party && matcher.referenceTo(party);
            return reference ? [`${role}: ${reference}`] : [];
        });
    const text = writeMinutes({
        sourceName: options.sourceName,
        format,
        transcript,
        metadata,
        roles,
        entries: matcher.entries,
        turns
    });
    const summary = summarise(options.sourceName, format, turns, metadata.notes);
    return { text, summary: turns.length > 0 ? summary : { ...summary, noTurns: NO_TURN_REASONS[format] } };
}

/** Why a format's reader found no turn: what it looks for and did not see. */
const NO_TURN_REASONS: Record<TranscriptFormat, string> = {
    captions: 'read as captioning text, and no line starts with `>>` (a change of speaker)',
    vtt: 'read as WebVTT, and no cue has text',
    chat: 'read as a chat log, and no line starts with a time stamp or with a name that starts another line',
    transcript: 'read as a `Name: text` transcript, and no paragraph starts with a speaker\'s name and a colon'
};

function readTranscript(format: TranscriptFormat, source: string): Transcript {
    switch (format) {
        case 'vtt': return readWebVtt(source);
        case 'chat': return readChat(source);
        case 'captions': return readCaptions(source);
        case 'transcript': return readParagraphTranscript(source);
    }
}

// ---- Meeting metadata -----------------------------------------------------------

interface Metadata {
    title: string;
    date?: string;
    /** Comment lines before the `date:` line and the summary's notes: where the title and date come from. */
    titleComment?: string;
    dateComment?: string;
    notes: string[];
    /** Per turn: the time its qualifier shows (a chat message's date joins its time when dates differ). */
    turnTime: (turn: TranscriptTurn) => string | undefined;
}

/**
 * The title and date the meeting needs (a meeting without them is flagged): from the
 * options, else from the transcript (its title line; the date every chat message shares;
 * a date in the title or disclaimer), else the title is the file's name and the date is
 * left for the author to add.
 */
function meetingMetadata(transcript: Transcript, options: ImportOptions): Metadata {
    const notes: string[] = [];
    // A field is one line: line breaks in what the caller gives become spaces.
    const oneLine = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;
    let title = oneLine(options.title) ?? transcript.title;
    let titleComment: string | undefined;
    if (oneLine(options.title) && transcript.title) {
        // The transcript's own title line is kept, where no output shows it.
        titleComment = `the transcript's title line: ${commentText(transcript.title)}`;
    }
    if (!title) {
        title = fileTitle(options.sourceName);
        titleComment = 'title: from the file name; write the meeting\'s';
        const firstLine = transcript.prologue[0]?.[0] ?? transcript.disclaimer[0]?.[0];
        notes.push(`The title is the file's name, '${title}': ${firstLine
            ? `the transcript's first line, '${firstLine}', reads as a page header, not a title`
            : 'the transcript has no title line'}.`);
    }
    const messageDates = new Set(transcript.turns.flatMap(turn => turn.date ? [turn.date] : []));
    const sharedDate = messageDates.size === 1 ? [...messageDates][0] : undefined;
    const datesInTimes = messageDates.size > 1 || (sharedDate !== undefined && !isReadableDate(sharedDate));
    let date = oneLine(options.date);
    let dateComment: string | undefined;
    if (!date && sharedDate && !datesInTimes) date = sharedDate;
    if (!date) {
        const found = findDate([transcript.title ?? '', ...transcript.disclaimer.flat(), ...transcript.prologue.flat()]);
        if (found) {
            date = found;
            dateComment = 'date: as the transcript\'s introduction gives it; narrow it to the day of the meeting if need be';
            notes.push(`The date '${found.replace(/\s+/g, ' ')}' is read from the transcript's introduction: check it.`);
        } else {
            notes.push('The transcript gives no date: add a \'date:\' line.');
        }
    }
    return {
        title,
        date,
        titleComment,
        dateComment,
        notes,
        turnTime: turn => turn.time && turn.date && datesInTimes ? `${turn.date} ${turn.time}` : turn.time
    };
}

function isReadableDate(text: string): boolean {
    return parseDate(text).ok;
}

function fileTitle(sourceName: string): string {
    const base = sourceName.split(/[\\/]/).pop() ?? '';
    return base.replace(/\.[^.]*$/, '').replace(/\s+/g, ' ').trim() || 'Imported transcript';
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`\d{1,2}`;
const TO = String.raw`\s*(?:-|–|—|to|until|till|through)\s*`;
const DATE_PATTERNS = [
    String.raw`\d{4}-\d{2}-\d{2}(?:\s*/\s*\d{4}-\d{2}-\d{2})?`,
    String.raw`${DAY}\s+${MONTH}${TO}${DAY}\s+${MONTH}\s+\d{4}`,
    String.raw`${DAY}(?:${TO}${DAY})?\s+${MONTH}\s+\d{4}`,
    String.raw`${MONTH}\s+${DAY}(?:${TO}${DAY})?,?\s+\d{4}`
].map(pattern => new RegExp(String.raw`(?<![\p{L}\p{N}])${pattern}(?![\p{L}\p{N}])`, 'giu'));

/** The first date written in some text (`from 12 to 14 November 2018` → `12 to 14 November 2018`) that reads as one. */
function findDate(texts: string[]): string | undefined {
    for (const text of texts) {
        const found: Array<{ index: number; text: string }> = [];
        for (const pattern of DATE_PATTERNS) {
            pattern.lastIndex = 0;
            for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
                if (isReadableDate(match[0])) found.push({ index: match.index, text: match[0] });
            }
        }
        found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
        if (found.length > 0) return found[0].text;
    }
    return undefined;
}

// ---- Writing ------------------------------------------------------------------

interface ResolvedTurn {
    turn: TranscriptTurn;
    /** Undefined for an unidentified speaker (a bare `>>`). */
    match?: SpeakerMatch;
}

interface MinutesParts {
    sourceName: string;
    format: TranscriptFormat;
    transcript: Transcript;
    metadata: Metadata;
    roles: string[];
    entries: readonly NewEntry[];
    turns: ResolvedTurn[];
}

/** The review note of a new entry: the `review:` field the validator reports until someone removes it. */
export function reviewNote(sourceName: string): string {
    return `imported from ${commentText(sourceName)}; confirm or link to an existing person`;
}

/**
 * Writes the meeting: new entries first (so that the file checks on its own), then the
 * title, date and roles, the disclaimer, any prologue, and the turns.
 */
function writeMinutes(parts: MinutesParts): string {
    const { transcript, metadata } = parts;
    const out: string[] = [];
    out.push(`// Imported from ${commentText(parts.sourceName)} (${FORMAT_NAMES[parts.format]}) by minutes import.`);
    if (parts.entries.length > 0) {
        out.push('// Speakers the directory does not know are new entries, marked review: confirm each one,');
        out.push('// or link it to an existing person (a quick fix in the editor does either).');
        out.push('');
        for (const entry of parts.entries) {
            out.push(`person @${entry.handle} ${inlineProse(entry.name)}`);
            out.push(`  review: ${inlineProse(reviewNote(parts.sourceName))}`);
            out.push('');
        }
    } else {
        out.push('');
    }
    if (metadata.titleComment) out.push(`// ${metadata.titleComment}`);
    out.push(`meeting: ${inlineProse(metadata.title)}`);
    if (metadata.date) {
        if (metadata.dateComment) out.push(`// ${metadata.dateComment}`);
        out.push(`date: ${inlineProse(metadata.date)}`);
    }
    out.push(...parts.roles);
    if (transcript.disclaimer.length > 0) {
        out.push('disclaimer:');
        writeParagraphs(out, transcript.disclaimer);
    }
    out.push('');
    if (transcript.prologue.length > 0) {
        writeParagraphs(out, transcript.prologue);
        out.push('');
    }
    const commented = new Set<SpeakerMatch>();
    for (const { turn, match } of parts.turns) {
        for (const note of turn.notes) out.push(`// ${commentText(note)}`);
        if (match?.kind === 'guessed' && !commented.has(match)) {
            commented.add(match);
            out.push(`// guessed: ${commentText(turn.label ?? '')} → ${match.reference} (${commentText(displayName(match.party))}), ${commentText(match.why)}`);
        }
        writeTurn(out, turn, match, metadata.turnTime(turn));
        out.push('');
    }
    for (const note of transcript.trailingNotes) out.push(`// ${commentText(note)}`);
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out.join('\n') + '\n';
}

function writeParagraphs(out: string[], paragraphs: TextParagraph[]): void {
    paragraphs.forEach((paragraph, index) => {
        if (index > 0) out.push('');
        for (const line of paragraph) out.push(lineProse(line));
    });
}

/**
 * `@mkummer [at 00:01:23]: text` when the first paragraph is one line; otherwise the
 * speaker line stands alone and the paragraphs follow, so that a paragraph stays one.
 */
function writeTurn(out: string[], turn: TranscriptTurn, match: SpeakerMatch | undefined, time: string | undefined): void {
    const speaker = !match ? '@?' : match.kind === 'unidentified' ? match.office ?? '@?' : match.reference;
    const qualifiers = [...(match?.kind === 'unidentified' ? match.qualifiers : []), ...(time ? [`at ${time}`] : [])];
    const header = `${speaker}${qualifiers.length > 0 ? ` [${qualifiers.join(', ')}]` : ''}:`;
    const [first, ...rest] = turn.paragraphs;
    if (first && first.length === 1) {
        out.push(`${header} ${inlineProse(first[0])}`);
        if (rest.length > 0) {
            out.push('');
            writeParagraphs(out, rest);
        }
    } else {
        out.push(header);
        writeParagraphs(out, turn.paragraphs);
    }
}

// ---- Summary --------------------------------------------------------------------

function summarise(source: string, format: TranscriptFormat, turns: ResolvedTurn[], notes: string[]): ImportSummary {
    const byMatch = new Map<SpeakerMatch | string, { label?: string; match?: SpeakerMatch; turns: number }>();
    for (const { turn, match } of turns) {
        // Labels that resolve alike (`SANJA KELLY`, `Sanja Kelly`) are one speaker; bare `>>` turns are counted together.
        const key = match ?? 'bare';
        const entry = byMatch.get(key);
        if (entry) entry.turns++;
        else byMatch.set(key, { label: turn.label, match, turns: 1 });
    }
    const matched: SpeakerReport[] = [];
    const guessed: SpeakerReport[] = [];
    const unknown: SpeakerReport[] = [];
    const unidentified: SpeakerReport[] = [];
    for (const { label, match, turns: count } of byMatch.values()) {
        if (!match || match.kind === 'unidentified') {
            unidentified.push({ label: label ?? '', reference: match?.office ?? '@?', turns: count, qualifiers: match?.qualifiers ?? [] });
        } else if (match.kind === 'matched') {
            matched.push({ label: label!, reference: match.reference, name: displayName(match.party), turns: count, how: match.via });
        } else if (match.kind === 'guessed') {
            guessed.push({ label: label!, reference: match.reference, name: displayName(match.party), turns: count, how: match.why });
        } else {
            unknown.push({
                label: label!, reference: match.reference, name: match.entry.name, turns: count,
                candidates: match.candidates.map(party => `@${party.name} (${displayName(party)})`)
            });
        }
    }
    return { source, format, turns: turns.length, matched, guessed, unknown, unidentified, notes };
}
