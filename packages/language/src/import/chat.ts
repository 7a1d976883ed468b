import { isNameLike, isSpeakerLabel, splitLabel } from './labels.js';
import { groupTurns, linesOf, paragraphsOf, splitTitle, type Transcript } from './transcript.js';

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:\s?[AaPp]\.?[Mm]\.?)?`;
const DATE = String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{1,4}`;
/** `[10:02]`, `(10:02:33)`, `10:02:33`, `[2024-01-05 10:02]`, `05/01/2024, 10:02 -`: a message's time stamp. */
const STAMP = new RegExp(String.raw`^\s*(?:\[\s*(?:(${DATE})[,\sT]+)?(${TIME})\s*\]|\(\s*(?:(${DATE})[,\sT]+)?(${TIME})\s*\)|(?:(${DATE})[,\sT]+)?(${TIME})(?=\s))\s*(?:[-–—|]\s+)?`);
/** IRC: `<alice> hello`. */
const IRC_NICK = /^<([^<>\s][^<>]{0,59})>\s?(.*)$/;
/** Zoom: `From Marcus Kummer to Everyone: hello`, `From Marcus Kummer : hello`. */
const ZOOM_FROM = /^From\s+(.+?)(?:\s+to\s+[^:]{1,80}?)?\s*:(?:\s+(.*))?$/;

interface Message {
    label: string;
    text: string;
    time?: string;
    date?: string;
}

/** A chat line's stamp and the rest of the line. */
function stampOf(line: string): { time?: string; date?: string; rest: string } {
    const match = STAMP.exec(line);
    if (!match) return { rest: line };
    const date = match[1] ?? match[3] ?? match[5];
    const time = (match[2] ?? match[4] ?? match[6]).replace(/[.,]\d+/, '').replace(/\s+/g, ' ');
    return { time, date, rest: line.slice(match[0].length) };
}

/** `Name: text`, `<nick> text` or Zoom's `From Name to Everyone: text`, with `accept` deciding what is a name. */
function messageOf(rest: string, accept: (label: string) => boolean): { label: string; text: string } | undefined {
    const irc = IRC_NICK.exec(rest);
    if (irc && isNameLike(irc[1])) return { label: irc[1].trim(), text: irc[2].trim() };
    const zoom = ZOOM_FROM.exec(rest);
    if (zoom && isNameLike(zoom[1])) return { label: zoom[1].trim().replace(/\s+/g, ' '), text: (zoom[2] ?? '').trim() };
    return splitLabel(rest.trim(), accept);
}

interface ChatLine {
    message?: Message;
    line: string;
}

/**
 * Reads a chat log: `Name: text` lines, with `[hh:mm]`, `hh:mm:ss` or dated time stamps
 * (also IRC's `<nick>` and Zoom's `From Name to Everyone:`). When most messages carry a
 * stamp, only stamped lines start messages, so a line such as `Note: …` inside a message
 * stays text; without stamps a name must look like one or start two messages. Other lines
 * continue the message above.
 */
export function readChat(text: string): Transcript {
    const { before, turns } = groupTurns(classifyChatLines(linesOf(text)),
        ({ message }) => message && { label: message.label, time: message.time, date: message.date, lines: [message.text], notes: [] },
        ({ line }) => line);
    const { title, rest } = splitTitle(paragraphsOf(before));
    return { format: 'chat', title, disclaimer: [], prologue: rest, turns, trailingNotes: [] };
}

/** Decides which lines start messages (see readChat). */
function classifyChatLines(lines: readonly string[]): ChatLine[] {
    const candidates = lines.map(line => {
        const { time, date, rest } = stampOf(line);
        const message = messageOf(rest, isNameLike);
        return { line, time, date, message };
    });
    const stamped = candidates.filter(c => c.message && c.time).length;
    const unstamped = candidates.filter(c => c.message && !c.time).length;
    const stampsRequired = stamped > 0 && stamped >= unstamped;
    const labelCounts = new Map<string, number>();
    for (const c of candidates) {
        if (c.message) labelCounts.set(c.message.label, (labelCounts.get(c.message.label) ?? 0) + 1);
    }
    return candidates.map(({ line, time, date, message }) => {
        if (!message) return { line };
        if (stampsRequired && !time) return { line };
        if (!time && !isSpeakerLabel(message.label) && (labelCounts.get(message.label) ?? 0) < 2) return { line };
        return { line, message: { label: message.label, text: message.text, time, date } };
    });
}

/** How many lines read as chat messages: stamped ones, and unstamped ones whose name starts two lines or more. */
export function countChatMessages(lines: readonly string[]): { stamped: number; named: number } {
    let stamped = 0;
    let named = 0;
    for (const line of classifyChatLines(lines)) {
        if (!line.message) continue;
        if (line.message.time) stamped++;
        else named++;
    }
    return { stamped, named };
}
