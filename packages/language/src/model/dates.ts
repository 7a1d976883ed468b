/**
 * Dates and times as people write them in meeting notes, read into structured values.
 *
 * Pure functions: `parseDate('12-16 June 2017')` returns the range 2017-06-12..2017-06-16,
 * `parseTime('16:30 – 18:00 hrs.')` returns 16:30..18:00. A value that reads as a date but
 * cannot be one (`31 June 2017`, a range that ends before it starts, a weekday that does
 * not match) is `invalid`, with the offsets of the offending part inside the value; a value
 * that does not read as a date at all (`next Monday`) is `unrecognised`.
 */

import { asciiDigits, DATE_LANGUAGES, dateNames, EVERY_LANGUAGE_PROSE, foldName, marksOfEveryLanguage, type DateField, type DateNames } from './date-names.js';

/** A calendar date; `month` and `day` are missing when only the month or year is known. */
export interface CalendarDate {
    readonly year: number;
    /** 1–12. */
    readonly month?: number;
    /** 1–31. */
    readonly day?: number;
}

export interface DateValue {
    readonly start: CalendarDate;
    /** The last day of a range (`12-16 June 2017`), if the value is a range. */
    readonly end?: CalendarDate;
    /** A time written after the date (`15 March 2017, 12:45-14:00 UTC`). */
    readonly time?: TimeValue;
}

export interface ClockTime {
    readonly hour: number;
    readonly minute: number;
}

export interface TimeValue {
    readonly start: ClockTime;
    readonly end?: ClockTime;
    /** As written: `UTC`, `CET`, `UTC+1`. */
    readonly zone?: string;
}

/** Why a value is not a valid date or time, with the offsets (within the value) of the part at fault. */
export interface ValueProblem {
    /** `invalid`: impossible (day 31 in June, 25:00); `reversed`: a range that ends before it starts; `unrecognised`: not a date or time at all. */
    readonly kind: 'invalid' | 'reversed' | 'unrecognised';
    readonly message: string;
    readonly start: number;
    readonly end: number;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & ValueProblem);

const DASHES = new Set(['-', '–', '—', '‒', '−']);

export function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
    return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDate(year: number, month: number, day: number): number {
    return utcDate(year, month, day).getUTCDay();
}

function utcDate(year: number, month: number, day: number): Date {
    const date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    return date;
}

/** Orders two dates; a date known only to the month or year counts as its first day. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
    return (a.year - b.year) || ((a.month ?? 1) - (b.month ?? 1)) || ((a.day ?? 1) - (b.day ?? 1));
}

/** `2018-03-19`, `2018-03`, `2018`. */
export function isoDate(date: CalendarDate): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return [String(date.year).padStart(4, '0'), date.month && pad(date.month), date.month && date.day && pad(date.day)]
        .filter(Boolean).join('-');
}

// ---- Writing dates, by Intl ------------------------------------------------------

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Intl's formatter of a language's dates. A bare `ar` is written with Western digits, as
 * UN documents in Arabic are (and as every ICU agrees on); `ar-EG` or `ar-u-nu-arab` with
 * the digits of that locale.
 */
function dateFormat(names: DateNames, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const key = `${names.locale} ${JSON.stringify(options)}`;
    let format = dateFormats.get(key);
    if (!format) {
        const latn = names.locale === names.language ? { numberingSystem: 'latn' } : {};
        format = new Intl.DateTimeFormat(names.locale, { timeZone: 'UTC', calendar: 'gregory', ...latn, ...options });
        dateFormats.set(key, format);
    }
    return format;
}

function precisionOptions(date: CalendarDate): Intl.DateTimeFormatOptions {
    if (date.month === undefined) return { year: 'numeric' };
    if (date.day === undefined) return { year: 'numeric', month: 'long' };
    return { dateStyle: 'long' };
}

/** `19 March 2018`, `19 mars 2018`, `2018年3月19日`, `March 2018`, `2018`: the long date of a language (English by default). */
export function longDate(date: CalendarDate, language?: string): string {
    return dateFormat(dateNames(language), precisionOptions(date)).format(utcDate(date.year, date.month ?? 1, date.day ?? 1));
}

/** An ISO date (`2018-03-19`), written for machines, as people read it in a language (`19 March 2018`, `19 mars 2018`); any other text as written. */
export function readableDate(written: string, language?: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(written)) return written;
    const parsed = parseDate(written);
    return parsed.ok ? longDate(parsed.value.start, language) : written;
}

/**
 * A date value as a language writes it: a range by Intl's `formatRange` (`12–16 juin 2017`)
 * where that reads back as the same range, else its two ends joined by a dash.
 */
export function longDateValue(value: DateValue, language?: string): string {
    const { start, end } = value;
    if (!end || compareDates(start, end) === 0 && (start.day === undefined) === (end.day === undefined)) return longDate(start, language);
    const names = dateNames(language);
    if ((start.month === undefined) === (end.month === undefined) && (start.day === undefined) === (end.day === undefined)) {
        const range = dateFormat(names, precisionOptions(start))
            .formatRange(utcDate(start.year, start.month ?? 1, start.day ?? 1), utcDate(end.year, end.month ?? 1, end.day ?? 1));
        const back = parseDate(range, names.language);
        if (back.ok && back.value.end && compareDates(back.value.start, start) === 0 && compareDates(back.value.end, end) === 0) return range;
    }
    return `${longDate(start, language)} – ${longDate(end, language)}`;
}

/** A weekday's long name: `Monday`, `lundi`, `星期一`. */
function weekdayName(weekday: number, names: DateNames): string {
    return dateFormat(names, { weekday: 'long' }).format(utcDate(2018, 3, 18 + weekday));
}

/**
 * A date as the language writes it, with the day given as written even when the month
 * has no such day (`31 juin 2017`, for a message that says there is none): Intl writes
 * the first of the month and the written day takes the day's place.
 */
function writtenDate(year: number, month: number, day: string, names: DateNames): string {
    return dateFormat(names, { dateStyle: 'long' }).formatToParts(utcDate(year, month, 1))
        .map(part => part.type === 'day' ? day : part.value).join('');
}

// ---- Tokens -------------------------------------------------------------------

interface Token {
    readonly kind: 'number' | 'word' | 'mark' | 'punct';
    /** As written, with digits made ASCII (the same length: offsets stay). */
    readonly text: string;
    /** Numbers: the digits; words: folded (`foldName`). */
    readonly value: string;
    readonly start: number;
    readonly end: number;
}

/** Characters between tokens: white space and the direction marks Intl puts in Arabic dates. */
const GAP = /[\s\u200E\u200F\u061C]/u;

/**
 * Whether a character is a mark written after a number in any language read (`年 月 日`),
 * each a token of its own. No mark is ASCII (a test says so): a date in ASCII is read without
 * building every language's names.
 */
function isMark(character: string): boolean {
    return character.charCodeAt(0) > 0x7f && marksOfEveryLanguage().has(character);
}

/**
 * Numbers (with an ordinal suffix — `19th`, `1er` — or a clock time's colon kept
 * together), marks (`年 月 日` after a number, `2006 年 9 月 12 日` as UN documents space them;
 * `星期日` is a word), words (letters,
 * with inner and final full stops: `Feb.`, `a.m.`), punctuation.
 */
function tokenize(written: string): Token[] {
    const text = asciiDigits(written);
    const tokens: Token[] = [];
    const pattern = /(\d+(?::\d+)?(?:st|nd|rd|th|er|re|e)?(?![\p{L}\d]))|(\d+)|(\p{L}+\.?(?:\p{L}+\.)*)|(\S)/guy;
    let at = 0;
    while (at < text.length) {
        if (GAP.test(text[at])) {
            at++;
            continue;
        }
        if (tokens.at(-1)?.kind === 'number' && isMark(text[at])) {
            tokens.push({ kind: 'mark', text: text[at], value: text[at], start: at, end: at + 1 });
            at++;
            continue;
        }
        pattern.lastIndex = at;
        const match = pattern.exec(text);
        if (!match) break;
        const kind = match[1] !== undefined || match[2] !== undefined ? 'number' : match[3] !== undefined ? 'word' : 'punct';
        tokens.push({ kind, text: match[0], value: kind === 'word' ? foldName(match[0]) : match[0], start: at, end: at + match[0].length });
        at += match[0].length;
    }
    return tokens;
}

class Cursor {
    index = 0;
    constructor(readonly tokens: Token[]) {}

    get current(): Token | undefined {
        return this.tokens[this.index];
    }

    get done(): boolean {
        return this.index >= this.tokens.length;
    }

    peek(ahead = 1): Token | undefined {
        return this.tokens[this.index + ahead];
    }

    /** Takes the current token when it satisfies the test. */
    take(test: (token: Token) => boolean): Token | undefined {
        const token = this.current;
        if (token && test(token)) {
            this.index++;
            return token;
        }
        return undefined;
    }

    takePunct(...chars: string[]): Token | undefined {
        return this.take(t => t.kind === 'punct' && chars.includes(t.text));
    }
}

// ---- Dates --------------------------------------------------------------------

/** One side of a date or range as written, with where each part was written. */
interface DatePart {
    year?: number;
    month?: number;
    day?: number;
    weekday?: number;
    weekdayToken?: Token;
    yearToken?: Token;
    monthToken?: Token;
    dayToken?: Token;
    /** Written as `2018-03-19`: month and day are numbers that may be out of range. */
    iso?: boolean;
    start: number;
    end: number;
}

const COMMAS = [',', '،'];
const isDay = (t: Token) => t.kind === 'number' && /^\d{1,2}(st|nd|rd|th|er|re|e)?$/.test(t.text);
const isYear = (t: Token) => t.kind === 'number' && /^\d{4}$/.test(t.text);
const isMonthDigits = (t: Token | undefined) => t !== undefined && t.kind === 'number' && /^\d{1,2}$/.test(t.text);

function dayNumber(token: Token): number {
    return parseInt(token.text, 10);
}

/** Reads dates in one language: its names, its marks and its words. */
class DateReader {
    constructor(readonly names: DateNames) {}

    isMonth = (t: Token) => t.kind === 'word' && this.names.months.has(t.value);
    isWeekday = (t: Token) => t.kind === 'word' && this.names.weekdays.has(t.value);
    isFiller = (t: Token) => t.kind === 'word' && this.names.fillers.has(t.value);
    isRangeSeparator = (t: Token) => (t.kind === 'punct' && (DASHES.has(t.text) || t.text === '/' || this.names.range.has(t.text)))
        || (t.kind === 'word' && this.names.range.has(t.value));

    private markOf(token: Token | undefined): DateField | undefined {
        return token?.kind === 'mark' ? this.names.marks.get(token.text) : undefined;
    }

    private skipFillers(cursor: Cursor): void {
        while (cursor.take(this.isFiller));
    }

    /**
     * The month a name of one or more words at the cursor gives (`كانون الثاني`, January in
     * Levantine Arabic), and how many tokens it takes; the longest name wins.
     */
    private monthAt(cursor: Cursor, from = 0): { month: number; length: number } | undefined {
        let name = '';
        let found: { month: number; length: number } | undefined;
        for (let length = 1; length <= this.names.longestMonth; length++) {
            const token = cursor.peek(from + length - 1);
            if (token?.kind !== 'word') break;
            name = length === 1 ? token.value : `${name} ${token.value}`;
            const month = this.names.months.get(name);
            if (month !== undefined) found = { month, length };
        }
        return found;
    }

    /** A month name, or two naming the same month (`آذار/مارس`, as UN documents in Arabic write it). */
    private takeMonth(cursor: Cursor, part: DatePart): boolean {
        const found = this.monthAt(cursor);
        if (!found) return false;
        part.month = found.month;
        part.monthToken = { ...cursor.current!, end: cursor.peek(found.length - 1)!.end };
        cursor.index += found.length;
        if (cursor.current?.text === '/') {
            const second = this.monthAt(cursor, 1);
            if (second?.month === part.month) cursor.index += 1 + second.length;
        }
        return true;
    }

    /** A weekday, when a day or a month follows it (Spanish `mar` is both Tuesday and March). */
    private takeWeekday(cursor: Cursor, part: DatePart): void {
        const token = cursor.current;
        if (!token || !this.isWeekday(token)) return;
        const next = cursor.peek(cursor.peek(1)?.kind === 'punct' && COMMAS.includes(cursor.peek(1)!.text) ? 2 : 1);
        if (this.isMonth(token) && !(next && (isDay(next) || this.isMonth(next)))) return;
        if (this.monthAt(cursor)?.length! > 1) return;
        cursor.index++;
        part.weekday = this.names.weekdays.get(token.value);
        part.weekdayToken = token;
        cursor.takePunct(...COMMAS);
    }

    /** A weekday after the date: `2018年3月19日星期一`, `19 March 2018 (Monday)`. */
    private takeWeekdayAfter(cursor: Cursor, part: DatePart): void {
        const before = cursor.index;
        const open = cursor.takePunct('(', '（');
        const token = cursor.take(this.isWeekday);
        if (token && (!open || cursor.takePunct(')', '）'))) {
            part.weekday = this.names.weekdays.get(token.value);
            part.weekdayToken = token;
        } else {
            cursor.index = before;
        }
    }

    /** An optional `, 2018` after a month or day, with its fillers (`de 2018`, `2018 г.`); the comma is given back when no year follows. */
    private takeYear(cursor: Cursor, part: DatePart): void {
        const before = cursor.index;
        cursor.takePunct(...COMMAS);
        this.skipFillers(cursor);
        const year = cursor.take(isYear);
        if (year) {
            part.year = parseInt(year.text, 10);
            part.yearToken = year;
            if (this.markOf(cursor.current) === 'year') cursor.index++;
            this.skipFillers(cursor);
        } else {
            cursor.index = before;
        }
    }

    /** Numbers each followed by the mark of its part: `2018年3月19日`, `3月19日`, `16日`. */
    private takeMarked(cursor: Cursor, part: DatePart): boolean {
        let any = false;
        for (let field = this.markOf(cursor.peek(1)); cursor.current?.kind === 'number' && field; field = this.markOf(cursor.peek(1))) {
            const number = cursor.current;
            if (field === 'year' && isYear(number)) {
                part.year = parseInt(number.text, 10);
                part.yearToken = number;
            } else if (field === 'month' && isMonthDigits(number)) {
                part.month = parseInt(number.text, 10);
                part.monthToken = number;
            } else if (field === 'day' && isMonthDigits(number)) {
                part.day = parseInt(number.text, 10);
                part.dayToken = number;
            } else {
                break;
            }
            cursor.index += 2;
            this.skipFillers(cursor);
            any = true;
        }
        return any;
    }

    /** `2018-03-19`, `Monday 19 March 2018`, `19th of March`, `March 19, 2018`, `19 de marzo de 2018`, `2018年3月19日`, `27 2017`, `June 2017`. */
    readDatePart(cursor: Cursor): DatePart | undefined {
        const startIndex = cursor.index;
        cursor.take(t => t.kind === 'word' && this.names.leading.has(t.value));
        const first = cursor.current;
        if (!first) return undefined;
        const part: DatePart = { start: first.start, end: first.end };
        this.takeWeekday(cursor, part);
        if (cursor.done) {
            cursor.index = startIndex;
            return undefined;
        }
        if (this.takeMarked(cursor, part)) {
            // 2018年3月19日
        } else if (isYear(cursor.current!) && cursor.peek(1)?.text === '-' && isMonthDigits(cursor.peek(2))) {
            // ISO: 2018-03-19 or 2018-03.
            const year = cursor.take(isYear)!;
            cursor.takePunct('-');
            const month = cursor.take(isMonthDigits)!;
            part.year = parseInt(year.text, 10);
            part.yearToken = year;
            part.month = parseInt(month.text, 10);
            part.monthToken = month;
            part.iso = true;
            if (cursor.current?.text === '-' && isMonthDigits(cursor.peek(1))) {
                cursor.takePunct('-');
                const day = cursor.take(isMonthDigits)!;
                part.day = parseInt(day.text, 10);
                part.dayToken = day;
            }
        } else if (isYear(cursor.current!)) {
            this.takeYear(cursor, part);
        } else if (this.takeMonth(cursor, part)) {
            // March 19, 2018 — March 2018 — March
            const day = cursor.take(isDay);
            if (day) {
                part.day = dayNumber(day);
                part.dayToken = day;
            }
            this.takeYear(cursor, part);
        } else {
            // 19 March 2018 — 19th of March — 19 de marzo de 2018 — 19 — 27 2017 (in `January 26-27 2017`)
            const day = cursor.take(isDay);
            if (!day) {
                cursor.index = startIndex;
                return undefined;
            }
            part.day = dayNumber(day);
            part.dayToken = day;
            const beforeMonth = cursor.index;
            this.skipFillers(cursor);
            if (!this.takeMonth(cursor, part)) cursor.index = beforeMonth;
            this.takeYear(cursor, part);
        }
        if (part.year === undefined && part.month === undefined && part.day === undefined) {
            cursor.index = startIndex;
            return undefined;
        }
        if (part.weekday === undefined) this.takeWeekdayAfter(cursor, part);
        part.end = cursor.tokens[cursor.index - 1].end;
        return part;
    }

    unrecognised<T>(text: string): Parsed<T> {
        const start = text.length - text.trimStart().length;
        const example = longDate({ year: 2018, month: 3, day: 19 }, this.names.locale);
        const readings = numericDateReadings(text).map(date => longDate(date, this.names.locale));
        const hint = readings.length > 0 ? `did you mean ${readings.join(' or ')}?` : `write 2018-03-19 or ${example}`;
        return problem('unrecognised', `'${text.trim()}' is not a date Minutes understands; ${hint}`, start, text.trimEnd().length);
    }

    /** Checks that a part names a real day; returns the problem, if any, named in this language. */
    checkPart(part: DatePart): Parsed<DateValue> | undefined {
        const { year, month, day } = part;
        if (year === undefined) return undefined;
        if (month !== undefined && (month < 1 || month > 12)) {
            const token = part.monthToken!;
            return problem('invalid', `There is no month ${token.text}: months run from 01 to 12`, token.start, token.end);
        }
        if (month !== undefined && day !== undefined) {
            const last = daysInMonth(year, month);
            if (day < 1 || day > last) {
                const token = part.dayToken!;
                const monthYear = longDate({ year, month }, this.names.locale);
                const reason = day < 1 ? 'days start at 1' : `${monthYear} has ${last} days`;
                return problem('invalid', `There is no ${writtenDate(year, month, token.text.replace(/\D+$/u, ''), this.names)}: ${reason}`, token.start, token.end);
            }
            if (part.weekday !== undefined) {
                const actual = weekdayOfDate(year, month, day);
                if (actual !== part.weekday) {
                    const token = part.weekdayToken!;
                    return problem('invalid',
                        `${longDate({ year, month, day }, this.names.locale)} is a ${weekdayName(actual, this.names)}, not a ${weekdayName(part.weekday, this.names)}`,
                        token.start, token.end);
                }
            }
        }
        return undefined;
    }

    /** Takes the words that introduce a time after a date: `at`, `à`, `a las`. */
    takeBeforeTime(cursor: Cursor): void {
        for (const words of this.names.beforeTime) {
            if (words.every((word, i) => cursor.peek(i)?.kind === 'word' && cursor.peek(i)!.value === word)) {
                cursor.index += words.length;
                return;
            }
        }
    }
}

/**
 * The days a numeric date may be (`19/03/2018`, `3.4.2018`): day first and month first, those
 * that exist, for a hint. Minutes does not read these itself, because the order differs by country.
 */
function numericDateReadings(text: string): CalendarDate[] {
    const match = /^\s*(\d{1,2})([./])(\d{1,2})\2(\d{4})\s*$/.exec(asciiDigits(text));
    if (!match) return [];
    const [a, b, year] = [parseInt(match[1], 10), parseInt(match[3], 10), parseInt(match[4], 10)];
    const exists = ({ month, day }: { month: number; day: number }) => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    const readings = [{ year, month: b, day: a }, { year, month: a, day: b }].filter(exists);
    return a === b ? readings.slice(0, 1) : readings;
}

function problem<T>(kind: ValueProblem['kind'], message: string, start: number, end: number): Parsed<T> {
    return { ok: false, kind, message, start, end };
}

function toCalendarDate(part: DatePart): CalendarDate {
    return { year: part.year!, month: part.month, day: part.month !== undefined ? part.day : undefined };
}

/**
 * Reads a date or a range of dates: `2018-03-19`, `2018-06-12/2018-06-16`, `8 December 2016`,
 * `12-16 June 2017`, `2 Feb 2017`, `January 26-27 2017`, `Monday, 19 March 2018`,
 * `30 June – 2 July 2017`, `September 2016`, optionally followed by a time
 * (`15 March 2017, 12:45-14:00 UTC`); and the same in French (`19 mars 2018`), Spanish
 * (`19 de marzo de 2018`), Russian (`19 марта 2018 г.`), Arabic (`19 مارس 2018`, with
 * Western or Arabic-Indic digits) and Chinese (`2018年3月19日`).
 *
 * `language` (a BCP 47 tag: the note's) is tried first, then the others; messages name
 * dates in the language that read the value.
 */
export function parseDate(text: string, language?: string): Parsed<DateValue> {
    const tokens = tokenize(text);
    const first = dateNames(language).language;
    const order = [first, ...DATE_LANGUAGES.filter(other => other !== first)];
    let result: Parsed<DateValue> | undefined;
    for (const each of order) {
        const parsed = readDate(text, tokens, new DateReader(dateNames(each === first ? language : each)));
        if (parsed.ok || parsed.kind !== 'unrecognised') return parsed;
        result ??= parsed;
    }
    return result!;
}

function readDate(text: string, tokens: Token[], reader: DateReader): Parsed<DateValue> {
    if (tokens.length === 0) return reader.unrecognised(text);
    const cursor = new Cursor(tokens);
    const first = reader.readDatePart(cursor);
    if (!first) return reader.unrecognised(text);
    let second: DatePart | undefined;
    const beforeSeparator = cursor.index;
    if (cursor.take(reader.isRangeSeparator)) {
        second = reader.readDatePart(cursor);
        if (!second) cursor.index = beforeSeparator;
    }
    let time: TimeValue | undefined;
    if (cursor.current?.text === '.' && cursor.index === tokens.length - 1) cursor.index++;
    if (!cursor.done) {
        // A time after the date: `15 March 2017, 12:45-14:00 UTC`, `19 mars 2018 à 14h30`.
        cursor.takePunct(...COMMAS, ';');
        reader.takeBeforeTime(cursor);
        const rest = cursor.current;
        if (!rest) return reader.unrecognised(text);
        const parsed = parseTime(text.slice(rest.start));
        if (!parsed.ok && parsed.kind === 'unrecognised') return reader.unrecognised(text);
        if (!parsed.ok) return { ...parsed, start: parsed.start + rest.start, end: parsed.end + rest.start };
        time = parsed.value;
    }

    if (second) fillRange(first, second);
    for (const part of second ? [first, second] : [first]) {
        if (part.year === undefined) return reader.unrecognised(text);
        if (part.day !== undefined && part.month === undefined) return reader.unrecognised(text);
        const failure = reader.checkPart(part);
        if (failure) return failure;
    }
    const start = toCalendarDate(first);
    const end = second ? toCalendarDate(second) : undefined;
    if (end && compareDates(end, start) < 0) {
        return problem('reversed',
            `This range ends (${longDate(end, reader.names.locale)}) before it starts (${longDate(start, reader.names.locale)})`, second!.start, second!.end);
    }
    return { ok: true, value: { start, end, time } };
}

/** Fills in what one side of a range leaves to the other: `12-16 June 2017`, `January 26-27 2017`. */
function fillRange(first: DatePart, second: DatePart): void {
    if (second.year === undefined && first.year !== undefined && !second.iso) second.year = first.year;
    if (first.year === undefined) first.year = second.year;
    if (first.month === undefined && second.month !== undefined && first.day !== undefined) first.month = second.month;
    if (second.month === undefined && first.month !== undefined && second.day !== undefined) second.month = first.month;
}

/**
 * Whether a text (a meeting's title) already names the days of a date, anywhere in it and in
 * any form `parseDate` reads in the language: `CCWG-IG call of Wednesday, December 21` names
 * 2016-12-21, and so do `… 21 December 2016`, `… 2016-12-21` and `IGF 18–21 December`
 * (a range names the range). A year or weekday the text gives must agree; a text that names
 * only a month or a year does not name the date.
 */
export function namesDate(text: string, date: DateValue, language?: string): boolean {
    const reader = new DateReader(dateNames(language));
    const cursor = new Cursor(tokenize(text));
    const last = date.end ?? date.start;
    // Dates read from left to right, each from where the last ended: `Thursday, December 21`
    // is one date (a Thursday), not also `December 21`.
    while (!cursor.done) {
        const first = reader.readDatePart(cursor);
        if (!first) {
            cursor.index++;
            continue;
        }
        let second: DatePart | undefined;
        const beforeSeparator = cursor.index;
        if (cursor.take(reader.isRangeSeparator)) {
            second = reader.readDatePart(cursor);
            if (!second) cursor.index = beforeSeparator;
        }
        if (second) fillRange(first, second);
        if (namesDay(first, date.start) && namesDay(second ?? first, last)) return true;
    }
    return false;
}

/** Whether a written part names this day: its day and month, and its year and weekday when written. */
function namesDay(part: DatePart, day: CalendarDate): boolean {
    if (day.month === undefined || day.day === undefined) return false;
    if (part.day !== day.day || part.month !== day.month) return false;
    if (part.year !== undefined && part.year !== day.year) return false;
    return part.weekday === undefined || part.weekday === weekdayOfDate(day.year, day.month, day.day);
}

// ---- Times --------------------------------------------------------------------

const ZONE = /^(?:UTC|GMT|Z|[A-Z]{2,5})(?:[+−-]\d{1,2}(?::?\d{2})?)?$/;
const HOURS_WORDS = new Set(['hrs', 'hrs.', 'hr', 'hr.', 'h', 'hours', 'uhr']);

interface TimePart {
    hour: number;
    minute: number;
    meridiem?: 'am' | 'pm';
    /** Written as four digits, as military and UN records do: `1435`. */
    fourDigits?: boolean;
    /** Written with its minutes (`16:00`, `1435`), not as a bare hour (`4`). */
    withMinutes: boolean;
    start: number;
    end: number;
}

function unrecognisedTime<T>(text: string): Parsed<T> {
    const start = text.length - text.trimStart().length;
    return problem('unrecognised', `'${text.trim()}' is not a time Minutes understands; write 16:30–18:00 or 8:00-9:30 UTC`, start, text.trimEnd().length);
}

/** The tokens of a time value: clock times, am/pm, zones, separators. */
function timeTokens(written: string): Token[] {
    const text = asciiDigits(written);
    const tokens: Token[] = [];
    const pattern = /(\d{4}(?!\d)|\d{1,2}(?:[:.]\d{2}|h\d{2}|h(?![a-z]))?)|((?:UTC|GMT)[+−-]\d{1,2}(?::?\d{2})?)|(a\.m\.|p\.m\.|am\b|pm\b|\p{L}+\.?)|(\S)/giuy;
    let at = 0;
    while (at < text.length) {
        if (/\s/u.test(text[at])) {
            at++;
            continue;
        }
        pattern.lastIndex = at;
        const match = pattern.exec(text)!;
        const kind = match[1] !== undefined ? 'number' : match[4] !== undefined ? 'punct' : 'word';
        tokens.push({ kind, text: match[0], value: kind === 'word' ? foldName(match[0]) : match[0], start: at, end: at + match[0].length });
        at += match[0].length;
    }
    return tokens;
}

/** `9am to 5pm`, `10h45 à 12h00`: the words between two times of every language read. */
const TIME_RANGE_WORDS = EVERY_LANGUAGE_PROSE.timeRange;

function readClock(cursor: Cursor): TimePart | undefined {
    const token = cursor.take(t => t.kind === 'number');
    if (!token) return undefined;
    const fourDigits = /^\d{4}$/.test(token.text);
    const match = fourDigits ? /^(\d{2})(\d{2})$/.exec(token.text)! : /^(\d{1,2})(?:[:.h](\d{2})?)?$/i.exec(token.text)!;
    const part: TimePart = {
        hour: parseInt(match[1], 10), minute: match[2] ? parseInt(match[2], 10) : 0, fourDigits, withMinutes: match[2] !== undefined,
        start: token.start, end: token.end
    };
    const meridiem = cursor.take(t => t.kind === 'word' && /^(a\.m\.|p\.m\.|am|pm)$/i.test(t.text));
    if (meridiem) {
        part.meridiem = meridiem.text.toLowerCase().startsWith('a') ? 'am' : 'pm';
        part.end = meridiem.end;
    }
    return part;
}

function isBareNumber(part: TimePart, text: string): boolean {
    return /^\d{1,2}$/.test(text.slice(part.start, part.end));
}

function checkClock(part: TimePart, isEnd: boolean): Parsed<TimeValue> | undefined {
    const { hour, minute, meridiem } = part;
    if (minute > 59) return problem('invalid', `There is no minute ${minute}: minutes run from 00 to 59`, part.start, part.end);
    // `16:00 p.m.` (as an IGF report writes it) says the afternoon twice; `13 pm` is no hour.
    const afternoonTwice = meridiem === 'pm' && part.withMinutes && hour > 12 && hour < 24;
    if (meridiem && (hour < 1 || hour > 12) && !afternoonTwice) {
        return problem('invalid', `There is no ${hour} ${meridiem}: with am or pm, hours run from 1 to 12`, part.start, part.end);
    }
    if (!meridiem && (hour > 24 || hour === 24 && (minute > 0 || !isEnd))) {
        return problem('invalid', `There is no hour ${hour}: hours run from 00 to 23`, part.start, part.end);
    }
    return undefined;
}

function to24Hour(part: TimePart, meridiem = part.meridiem): ClockTime {
    let hour = part.hour;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    return { hour, minute: part.minute };
}

function minutesOf(time: ClockTime): number {
    return time.hour * 60 + time.minute;
}

/** `16:30`, `4:30 pm`. */
export function clockText(time: ClockTime): string {
    return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/**
 * Reads a time or a range of times: `16:30 – 18:00 hrs.`, `8:00-9:30 UTC`,
 * `09:00–10:45 CET`, `9am to 5pm`, `16h30`, `16:30 CET – 18:00 CET`, `16:00 p.m. UTC`, and
 * four-digit times with `hours` or a zone, as UN and ITU records write them: `0900 UTC`,
 * `from 1435 to 1730 hours`. A time it cannot read gets a hint built from what was written
 * (`'1435-1730' … did you mean 14:35–17:30?`) where one can be.
 */
export function parseTime(text: string): Parsed<TimeValue> {
    const parsed = readTime(text, false);
    if (parsed.ok || parsed.kind !== 'unrecognised') return parsed;
    const hint = timeHint(text);
    return hint ? { ...parsed, message: `'${text.trim()}' is not a time Minutes understands; ${hint}` } : parsed;
}

/** `14:35–17:30 UTC`: a time value as the hint suggests writing it. */
function timeValueText(value: TimeValue): string {
    return `${clockText(value.start)}${value.end ? `–${clockText(value.end)}` : ''}${value.zone ? ` ${value.zone}` : ''}`;
}

/**
 * A hint from what was written, when a looser reading finds a time in it: four digits
 * without `hours` or a zone (`1435-1730` → `did you mean 14:35–17:30?`), a bare hour
 * (`9` → `did you mean 9 am or 9 pm?`), a time followed by words that are no zone.
 */
function timeHint(text: string): string | undefined {
    const loose = readTime(text, true);
    if (loose.ok) return `did you mean ${timeValueText(loose.value)}?`;
    const written = text.trim();
    const morning = readTime(`${written} am`, false);
    const afternoon = readTime(`${written} pm`, false);
    if (morning.ok && afternoon.ok) return `did you mean ${written} am or ${written} pm?`;
    const tokens = timeTokens(text);
    for (let end = tokens.length - 1; end > 0; end--) {
        const prefix = readTime(text.slice(0, tokens[end].start), false);
        if (prefix.ok) {
            return `'${text.slice(tokens[end].start).trim()}' is not a zone it knows: write ${timeValueText(prefix.value)} with a zone such as UTC, CET or UTC+1`;
        }
    }
    return undefined;
}

/** Words that may come before a time in any language read: `from 1435`, `at 9am`, `de 10h`, `a las 9:00`. */
const BEFORE_TIME = EVERY_LANGUAGE_PROSE.beforeTime;

/** Reads a time; `loose` also takes four digits without `hours` or a zone (for a hint only). */
function readTime(text: string, loose: boolean): Parsed<TimeValue> {
    const tokens = timeTokens(text);
    const cursor = new Cursor(tokens);
    const leading = BEFORE_TIME.find(words => words.every((word, i) => tokens[i]?.kind === 'word' && tokens[i].value === word));
    if (leading && tokens[leading.length]?.kind === 'number') cursor.index = leading.length;
    const first = readClock(cursor);
    if (!first) return unrecognisedTime(text);
    const takeZone = () => cursor.take(t => t.kind === 'word' && ZONE.test(t.text) && !HOURS_WORDS.has(t.text.toLowerCase()));
    let zone = takeZone();
    let second: TimePart | undefined;
    const beforeSeparator = cursor.index;
    if (cursor.take(t => (t.kind === 'punct' && DASHES.has(t.text)) || (t.kind === 'word' && TIME_RANGE_WORDS.has(t.value)))) {
        second = readClock(cursor);
        if (!second) cursor.index = beforeSeparator;
    }
    const hours = cursor.take(t => t.kind === 'word' && HOURS_WORDS.has(t.text.toLowerCase()));
    zone = takeZone() ?? zone;
    cursor.takePunct('.');
    if (!cursor.done) return unrecognisedTime(text);
    // A bare number is a time only with am/pm somewhere: `9-11 am`, `9 am`.
    if (isBareNumber(first, text) && !first.meridiem && !second?.meridiem) return unrecognisedTime(text);
    if (second && isBareNumber(second, text) && !second.meridiem) return unrecognisedTime(text);
    // Four digits are a time with `hours` or a zone (`1435 hours`, `0900 UTC`); alone they may be a year.
    if ((first.fourDigits || second?.fourDigits) && !hours && !zone && !loose) return unrecognisedTime(text);

    const firstProblem = checkClock(first, false);
    if (firstProblem) return firstProblem;
    if (second) {
        const secondProblem = checkClock(second, true);
        if (secondProblem) return secondProblem;
    }
    let start = to24Hour(first);
    const end = second ? to24Hour(second) : undefined;
    if (second && end && !first.meridiem && second.meridiem && first.hour <= 12) {
        // `9-11 am`, `11:00 - 1:00 pm`: the start shares the end's half of the day unless that puts it after the end.
        const shared = to24Hour(first, second.meridiem);
        start = minutesOf(shared) <= minutesOf(end) ? shared : to24Hour(first, second.meridiem === 'pm' ? 'am' : 'pm');
    }
    if (second && end && minutesOf(end) < minutesOf(start)) {
        return problem('reversed', `This time ends (${clockText(end)}) before it starts (${clockText(start)})`, second.start, second.end);
    }
    return { ok: true, value: { start, end, zone: zone?.text.replace('−', '-') } };
}
