import { countSpeakerChanges } from './captions.js';
import { countChatMessages } from './chat.js';
import { countLabelledLines } from './paragraph-transcript.js';
import { linesOf, type TranscriptFormat } from './transcript.js';
import { isCueTiming } from './webvtt.js';

/** How many lines are looked at to tell the format: enough for any header, bounded for huge inputs. */
const SAMPLE_LINES = 2000;

/**
 * Tells the format of a transcript: WebVTT by its extension (`.vtt`, `.srt`), its `WEBVTT`
 * header or its cue timings; captions by `>>` speaker changes; a chat log by time-stamped
 * lines; a `Name: text` transcript by paragraphs that start with a speaker label (at least
 * two, and four in five of the labelled lines); a chat log by repeatedly named lines. Anything else is read as captions, which keep
 * plain text as a title and prose.
 */
export function detectFormat(text: string, fileName = ''): TranscriptFormat {
    if (/\.(vtt|srt)$/i.test(fileName)) return 'vtt';
    const lines = linesOf(text).slice(0, SAMPLE_LINES);
    const firstLine = lines.find(line => line.trim()) ?? '';
    if (/^\s*WEBVTT(?=$|\s)/.test(firstLine)) return 'vtt';
    const cues = lines.filter(isCueTiming).length;
    const changes = countSpeakerChanges(lines);
    const { stamped, named } = countChatMessages(lines);
    if (cues > 0 && cues >= changes && cues * 2 >= stamped) return 'vtt';
    if (changes > 0 && changes >= stamped) return 'captions';
    if (stamped >= 2) return 'chat';
    const labelled = countLabelledLines(lines);
    if (labelled.startingParagraphs >= 2 && labelled.startingParagraphs * 5 >= labelled.anywhere * 4) return 'transcript';
    const textLines = lines.filter(line => line.trim()).length;
    if ( (named >= 2 && named * 10 >= textLines * 3)) return 'chat';
    if (/\.(chat|log)$/i.test(fileName) && stamped + named > 0) return 'chat';
    return 'captions';
}
