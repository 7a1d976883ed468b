import type { AstNode } from 'langium';
import type { Block, Document, Field } from '../generated/ast.js';
import { compareDates, isoDate, parseDate, type CalendarDate } from '../model/dates.js';
import { aliasesOf, displayName } from '../model/directory.js';
import { meetingLanguage, translationOf } from '../model/language.js';
import { memoised } from '../model/memo.js';
import { nameKey } from '../model/names.js';
import { blockStart, structureOf, type Meeting } from '../model/structure.js';
import { lazyBlockLine } from '../parser/lazy-cst.js';
import { plainText, writtenText } from '../model/text.js';
import { titleLine } from '../model/title-line.js';
import { ObjectFacts } from '../util/object-facts.js';

/** A parsed document as the ledger reads it: its address and its tree. */
export interface SourceDocument {
    readonly uri: { toString(): string; readonly path: string };
    readonly parseResult: { readonly value: AstNode };
}

/**
 * A meeting placed in the workspace: where it is written, what it is called, when it took
 * place and which series it belongs to. The action ledger and the statistics read meetings
 * through this, so that "earlier", "same series" and "where" mean one thing everywhere.
 */
export interface MeetingPlace {
    readonly meeting: Meeting;
    readonly document: Document;
    /** The document's URI, as a string. */
    readonly uri: string;
    /** The `meeting:` title; for an untitled meeting, the document's `report:` title or file name. */
    readonly title: string;
    /** The first day of the meeting (`date:`, or the document's `date:`), when it reads as a full date. */
    readonly date?: CalendarDate;
    /** `2018-03-19`, when the date is known to the day. */
    readonly isoDate?: string;
    /** The language the note gives the meeting (`language:`), else English: the language its title is read in. */
    readonly language: string;
    /** The normalised key of `group:`/`series:` (the meeting's, or the document's), if any. */
    readonly series?: string;
    /** The series as it reads (`CCWG-IG`). */
    readonly seriesName?: string;
    /** When `group:`/`series:` names a party: the names it goes by (handle, name, aliases), by which a series is asked for. */
    readonly seriesAliases?: readonly string[];
    /** 1-based line of the meeting's first block. */
    readonly line: number;
    /** The meeting's position in the document, to order meetings of one file. */
    readonly offset: number;
}

/**
 * What a placed meeting says without its tree: plain data, which the action ledger's
 * summaries keep (see ledger-summary.ts).
 */
export type PlaceData = Omit<MeetingPlace, 'meeting' | 'document'>;

/** The language a placed meeting is written in (see meetingLanguage); `fallback` is the configuration's. */
export function placeLanguage(place: MeetingPlace, fallback?: string): string {
    return meetingLanguage(place.meeting, structureOf(place.document), fallback);
}

/** The line a node starts on, 1-based, as messages and listings number lines (LSP positions count from 0). */
export function lineNumberOf(node: AstNode): number {
    return (lazyBlockLine(node) ?? node.$cstNode?.range.start.line ?? 0) + 1;
}

function fileName(uri: string): string {
    const last = uri.split('/').pop() ?? uri;
    return decodeURIComponent(last).replace(/\.minutes$/, '');
}

/**
 * The series a meeting belongs to: the party its `group:`/`series:` names (so that
 * `@CCWG-IG` and `@{Cross Community Working Group on Internet Governance}` are one series),
 * or the words written there.
 */
function seriesOf(series: Field | undefined): { key: string; name: string; aliases?: string[] } | undefined {
    if (!series?.value) return undefined;
    const party = series.value.mentions.find(m => m.party.ref)?.party.ref;
    if (party) return { key: `@${party.name}`, name: plainText(series.value).trim(), aliases: [party.name, displayName(party), ...aliasesOf(party)] };
    const written = writtenText(series.value).trim();
    return written ? { key: nameKey(written), name: written } : undefined;
}

/** A day, read in the meeting's language first (a note's regional tag reads its own month names: `fév.` in `fr-MA`). */
function fullDate(value: string | undefined, language: string): CalendarDate | undefined {
    if (!value) return undefined;
    const parsed = parseDate(value, language);
    if (!parsed.ok || parsed.value.start.day === undefined) return undefined;
    return parsed.value.start;
}

/**
 * Meeting places per parsed document, for as long as its links stand: unlinking gives a
 * Langium document a new `references` array, which is kept here to compare. Validation
 * asks for the place of every `update #id` and of the action it names; recomputing all
 * places of both documents each time was quadratic in a long report.
 */
const placesCache = new ObjectFacts<Document, { uri: string; references: unknown; places: MeetingPlace[] }>('meeting places');

/** The meetings of a document, placed (the same array until the document is parsed or linked again: do not change it). */
export function meetingPlacesOf(source: SourceDocument): MeetingPlace[] {
    const document = source.parseResult.value as Document;
    const uri = source.uri.toString();
    const references = (source as { references?: unknown }).references;
    const cached = placesCache.get(document);
    if (cached && references !== undefined && cached.references === references && cached.uri === uri) return cached.places;
    const places = computeMeetingPlaces(document, uri);
    if (references !== undefined) placesCache.set(document, { uri, references, places });
    return places;
}

function computeMeetingPlaces(document: Document, uri: string): MeetingPlace[] {
    const structure = structureOf(document);
    return structure.meetings.map(meeting => {
        const language = meetingLanguage(meeting, structure);
        const date = fullDate(writtenText((meeting.date ?? structure.date)?.value), language);
        const series = seriesOf(meeting.series);
        const title = meeting.title || plainText(structure.report?.value).trim() || fileName(uri);
        const first: Block = meeting.start ?? meeting.firstBlock;
        return {
            meeting, document, uri, title, date,
            isoDate: date ? isoDate(date) : undefined,
            language,
            series: series?.key,
            seriesName: series?.name,
            seriesAliases: series?.aliases,
            line: lineNumberOf(first),
            offset: blockStart(first)?.offset ?? 0
        };
    });
}

/**
 * `CCWG-IG call, 2016-12-21`: a meeting as the ledger's listings name it, with its ISO date
 * where the title does not state it, joined as its language joins clauses (`，` in Chinese, `، ` in Arabic).
 */
export function placeTitleLine(place: MeetingPlace): string {
    return titleLineOfKey(`${place.language}\u0000${place.isoDate ?? ''}\u0000${place.title}`);
}

/**
 * Title lines remembered by language, date and title: completion after `update #` names the
 * meeting of every open action of the workspace (2,282 in the bench's archive), and reading
 * whether a title states its date took most of its time, again at every request.
 */
const titleLineOfKey = memoised(key => {
    // A language tag and an ISO date hold no NUL; the title, the rest, may.
    const dateStart = key.indexOf('\u0000') + 1;
    const titleStart = key.indexOf('\u0000', dateStart) + 1;
    const language = key.slice(0, dateStart - 1);
    const date = key.slice(dateStart, titleStart - 1) || undefined;
    return titleLine(key.slice(titleStart), { date }, language, translationOf(language).words.site.clauseSeparator);
}, 20_000);

/** Orders meetings by date; undated meetings come after dated ones, then by file and position. */
export function compareMeetingPlaces(a: MeetingPlace, b: MeetingPlace): number {
    if (a.date && b.date) {
        const byDate = compareDates(a.date, b.date);
        if (byDate !== 0) return byDate;
    } else if (a.date || b.date) {
        return a.date ? -1 : 1;
    }
    return a.uri.localeCompare(b.uri) || a.offset - b.offset;
}

/** Every meeting of the documents, in the order of {@link compareMeetingPlaces}. */
export function meetingPlaces(documents: Iterable<SourceDocument>): MeetingPlace[] {
    const places: MeetingPlace[] = [];
    for (const document of documents) places.push(...meetingPlacesOf(document));
    return places.sort(compareMeetingPlaces);
}

/** The placed meeting a block belongs to. */
export function placeOfBlock(places: readonly MeetingPlace[], block: Block): MeetingPlace | undefined {
    // Blocks are in the order of the text: compared by their place in the document, not by their offsets (a check's trees are made when asked).
    const index = block.$containerIndex ?? -1;
    return places.find(place => place.document === block.$container
        && index >= (place.meeting.firstBlock.$containerIndex ?? 0)
        && index <= (place.meeting.lastBlock.$containerIndex ?? -1));
}

/** A document-relative file name for messages: the last path segment. */
export function documentName(uri: string): string {
    return decodeURIComponent(uri.split('/').pop() ?? uri);
}

/** The placed meeting a block of a parsed document belongs to (the document is found from the block). */
export function meetingPlaceOf(block: Block): MeetingPlace | undefined {
    const root = block.$container as Document & { $document?: SourceDocument };
    const source = root.$document;
    if (!source) return undefined;
    return placeOfBlock(meetingPlacesOf(source), block);
}
