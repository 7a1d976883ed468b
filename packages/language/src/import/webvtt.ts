import { isNameLike, splitLabel } from './labels.js';
import { clockOfSeconds, linesOf, type Transcript, type TranscriptTurn } from './transcript.js';

/** `00:01:23.456 --> 00:01:25.000 align:start`, also SubRip's `00:01:23,456`; hours are optional. */
const TIMING = /^\s*((?:\d{1,9}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->\s*((?:\d{1,9}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)/;
const HEADER = /^\s*WEBVTT(?=$|[ \t])/;
const SPEAKER_CHANGE = /^>>\s?/;

/** One cue's text, split where the voice changes. */
interface Segment {
    /** `<v Name>`; `null` for `<v>` without a name or a bare `>>` (someone unidentified); undefined when the cue does not say. */
    voice?: string | null;
    lines: string[];
}

interface Cue {
    start: number;
    segments: Segment[];
    notes: string[];
}

/** Whether a line is a WebVTT or SubRip cue timing line. */
export function isCueTiming(line: string): boolean {
    return TIMING.test(line);
}

/**
 * Reads WebVTT (and SubRip, which has the same cues without the header). A cue's voice is
 * its `<v Name>` tag; without tags, a `Name: text` prefix that starts at least two cues
 * (as Zoom writes them) or a `>> NAME:` speaker change. Consecutive cues of one voice, and
 * cues that name no voice, make one turn, timed by its first cue. Tags are dropped and
 * character references decoded; NOTE blocks become comments; STYLE and REGION blocks,
 * cue identifiers and settings are not text.
 */
export function readWebVtt(text: string): Transcript {
    const lines = linesOf(text);
    let index = 0;
    let title: string | undefined;
    if (lines.length > 0 && HEADER.test(lines[0])) {
        title = lines[0].replace(HEADER, '').replace(/^[\s\-–—:]+/, '').trim() || undefined;
        // Header metadata (`Kind: captions`, `Language: en`) runs to the first blank line.
        index = 1;
        while (index < lines.length && lines[index].trim() && !isCueTiming(lines[index])) index++;
    }
    const cues: Cue[] = [];
    let pendingNotes: string[] = [];
    while (index < lines.length) {
        if (!lines[index].trim()) {
            index++;
            continue;
        }
        const block: string[] = [];
        while (index < lines.length && lines[index].trim()) block.push(lines[index++]);
        const first = block[0].trim();
        if (/^NOTE(?=$|\s)/.test(first)) {
            const note = [first.slice(4).trim(), ...block.slice(1).map(line => line.trim())].filter(Boolean);
            pendingNotes.push(...note);
            continue;
        }
        if (/^(STYLE|REGION)(?=$|\s)/.test(first)) continue;
        const timingAt = block.findIndex(isCueTiming);
        if (timingAt < 0 || timingAt > 1) {
            // Not a cue: text that belongs to no cue is still text, kept without a voice.
            cues.push({ start: cues[cues.length - 1]?.start ?? 0, segments: segmentsOf(block), notes: pendingNotes });
            pendingNotes = [];
            continue;
        }
        const start = secondsOf(TIMING.exec(block[timingAt])![1]);
        cues.push({ start, segments: segmentsOf(block.slice(timingAt + 1)), notes: pendingNotes });
        pendingNotes = [];
    }
    applyPrefixVoices(cues);
    const { turns, trailingNotes } = turnsOf(cues);
    return { format: 'vtt', title, disclaimer: [], prologue: [], turns, trailingNotes: [...trailingNotes, ...pendingNotes] };
}

/** `01:02:03.500` or `02:03,5` → seconds. */
function secondsOf(written: string): number {
    const [clock, fraction] = written.split(/[.,]/);
    const parts = clock.split(':').map(Number);
    let seconds = 0;
    for (const part of parts) seconds = seconds * 60 + part;
    return seconds + (fraction ? Number(`0.${fraction}`) : 0);
}

/** Splits a cue's payload into segments at voice tags and `>>` speaker changes. */
function segmentsOf(payload: string[]): Segment[] {
    const segments: Segment[] = [];
    let current: Segment = { lines: [] };
    segments.push(current);
    const start = (voice: string | null | undefined) => {
        current = { voice, lines: [] };
        segments.push(current);
    };
    for (const rawLine of payload) {
        let line = rawLine;
        const change = SPEAKER_CHANGE.exec(line.trim());
        if (change) {
            const rest = line.trim().slice(change[0].length);
            const labelled = splitLabel(rest.trim());
            start(labelled ? labelled.label : null);
            line = labelled ? labelled.text : rest;
        }
        let text = '';
        let last = 0;
        TAG.lastIndex = 0;
        for (let match = TAG.exec(line); match; match = TAG.exec(line)) {
            text += line.slice(last, match.index);
            last = match.index + match[0].length;
            const [, closing, name, , annotation] = match;
            if (name.toLowerCase() !== 'v') continue;
            if (text.trim()) current.lines.push(decodeReferences(text));
            text = '';
            const voice = (annotation ?? '').trim();
            if (closing) start(undefined);
            else start(voice ? decodeReferences(voice).replace(/\s+/g, ' ') : null);
        }
        text += line.slice(last);
        if (text.trim()) current.lines.push(decodeReferences(text));
    }
    return segments.filter(segment => segment.lines.length > 0 || segment.voice !== undefined);
}

/** A tag: `<v.loud Name>`, `</v>`, `<i>`, `<c.yellow>`, `<00:00:01.000>`, `<lang en>`. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*|\d[\d:.]*)((?:\.[^\s.>]+)*)(?:[ \t]+([^>]*))?>/g;

const NAMED_REFERENCES: Record<string, string> = {
    amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: '\u00A0', lrm: '\u200E', rlm: '\u200F'
};

/** `&amp;`, `&lt;`, `&#8217;`, `&#x2019;`: WebVTT's character references. Unknown ones stay as written. */
function decodeReferences(text: string): string {
    return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,6});/g, (whole, reference: string) => {
        if (reference.startsWith('#')) {
            const code = reference[1] === 'x' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
            const valid = code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
            return valid ? String.fromCodePoint(code) : whole;
        }
        return NAMED_REFERENCES[reference] ?? whole;
    });
}

/**
 * Zoom and other tools write `Name: text` in cues instead of voice tags. Such a prefix is a
 * voice only in a file without voice tags, and only when the same name starts two cues or
 * more, so that a sentence such as `Note: …` in one cue stays text.
 */
function applyPrefixVoices(cues: Cue[]): void {
    if (cues.some(cue => cue.segments.some(segment => segment.voice !== undefined))) return;
    const counts = new Map<string, number>();
    const prefixOf = (segment: Segment) => {
        const first = segment.lines[0];
        return first === undefined ? undefined : splitLabel(first, isNameLike);
    };
    for (const cue of cues) {
        const prefix = cue.segments[0] && prefixOf(cue.segments[0]);
        if (prefix) counts.set(prefix.label, (counts.get(prefix.label) ?? 0) + 1);
    }
    for (const cue of cues) {
        const segment = cue.segments[0];
        const prefix = segment && prefixOf(segment);
        if (!prefix || (counts.get(prefix.label) ?? 0) < 2) continue;
        segment.voice = prefix.label;
        segment.lines[0] = prefix.text;
        if (!prefix.text) segment.lines.shift();
    }
}

/**
 * Merges segments into turns: a segment with another voice starts a turn, one without a
 * voice continues the current turn, and an unidentified voice (`<v>`, `>>`) always starts
 * one, since two unidentified speakers in a row are two people.
 */
function turnsOf(cues: Cue[]): { turns: TranscriptTurn[]; trailingNotes: string[] } {
    interface Building { label?: string; time: string; lines: string[]; notes: string[]; voice: string | null }
    const turns: Building[] = [];
    let current: Building | undefined;
    for (const cue of cues) {
        cue.segments.forEach((segment, index) => {
            const voice = segment.voice;
            const continues = current !== undefined && (voice === undefined || (voice !== null && voice === current.voice));
            if (!current || !continues) {
                current = { label: voice ?? undefined, time: clockOfSeconds(cue.start), lines: [], notes: [], voice: voice ?? null };
                turns.push(current);
            }
            // A note is written before the turn its cue belongs to.
            if (index === 0) current.notes.push(...cue.notes);
            current.lines.push(...segment.lines.map(line => line.trim()).filter(Boolean));
        });
        if (cue.segments.length === 0 && cue.notes.length > 0) {
            if (current) current.notes.push(...cue.notes);
            else turns.push(current = { time: clockOfSeconds(cue.start), lines: [], notes: [...cue.notes], voice: null });
        }
    }
    // A voice that says nothing is no turn; its notes go with the next turn.
    const result: TranscriptTurn[] = [];
    let carried: string[] = [];
    for (const turn of turns) {
        if (turn.lines.length === 0) {
            carried.push(...turn.notes);
            continue;
        }
        result.push({ label: turn.label, time: turn.time, paragraphs: [turn.lines], notes: [...carried, ...turn.notes] });
        carried = [];
    }
    return { turns: result, trailingNotes: carried };
}
