/**
 * Dates and times as people write them in meeting notes, read into structured values.
 *
 * Pure functions: `parseDate('12-16 June 2017')` returns the range 2017-06-12..2017-06-16,
 * `parseTime('16:30 – 18:00 hrs.')` returns 16:30..18:00. A value that reads as a date but
 * cannot be one (`31 June 2017`, a range that ends before it starts, a weekday that does
 * not match) is `invalid`, with the offsets of the offending part inside the value; a value
 * that does not read as a date at all (`next Monday`) is `unrecognised`.
 */

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

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_ABBREVIATIONS: Record<string, number> = { sept: 9 };
const WEEKDAY_ABBREVIATIONS: Record<string, number> = { tues: 2, weds: 3, thur: 4, thurs: 4 };
const RANGE_WORDS = new Set(['to', 'until', 'till', 'through', 'thru']);
const DASHES = new Set(['-', '–', '—', '‒', '−']);

/** The month (1–12) a word names: `June`, `jun`, `Jun.`, `Sept`. */
export function monthOf(word: string): number | undefined {
    const w = word.toLowerCase().replace(/\.$/, '');
    if (w.length < 3) return undefined;
    const full = MONTHS.indexOf(w);
    if (full >= 0) return full + 1;
    if (MONTH_ABBREVIATIONS[w]) return MONTH_ABBREVIATIONS[w];
    if (w.length === 3) {
        const short = MONTHS.findIndex(m => m.startsWith(w));
        if (short >= 0) return short + 1;
    }
    return undefined;
}

function weekdayOf(word: string): number | undefined {
    const w = word.toLowerCase().replace(/\.$/, '');
    if (w.length < 3) return undefined;
    const full = WEEKDAYS.indexOf(w);
    if (full >= 0) return full;
    if (WEEKDAY_ABBREVIATIONS[w] !== undefined) return WEEKDAY_ABBREVIATIONS[w];
    if (w.length === 3) {
        const short = WEEKDAYS.findIndex(d => d.startsWith(w));
        if (short >= 0) return short;
    }
    return undefined;
}

export function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
    return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDate(year: number, month: number, day: number): number {
    return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
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

/** `19 March 2018`. */
export function longDate(date: CalendarDate): string {
    const month = date.month ? MONTHS[date.month - 1][0].toUpperCase() + MONTHS[date.month - 1].slice(1) : '';
    return [date.day, month, date.year].filter(part => part !== undefined && part !== '').join(' ');
}

function capitalised(word: string): string {
    return word[0].toUpperCase() + word.slice(1);
}

// ---- Tokens -------------------------------------------------------------------

interface Token {
    readonly kind: 'number' | 'word' | 'punct';
    readonly text: string;
    readonly start: number;
    readonly end: number;
}

/** Numbers (with an ordinal suffix or a clock time's colon kept together), words, punctuation. */
function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    const pattern = /(\d+(?::\d+)?(?:st|nd|rd|th)?)|(\p{L}+\.?(?:\p{L}+\.)*)|(\S)/guy;
    let at = 0;
    while (at < text.length) {
        if (/\s/u.test(text[at])) {
            at++;
            continue;
        }
        pattern.lastIndex = at;
        const match = pattern.exec(text);
        if (!match) break;
        const kind = match[1] !== undefined ? 'number' : match[2] !== undefined ? 'word' : 'punct';
        tokens.push({ kind, text: match[0], start: at, end: at + match[0].length });
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

const isDay = (t: Token) => t.kind === 'number' && /^\d{1,2}(st|nd|rd|th)?$/.test(t.text);
const isYear = (t: Token) => t.kind === 'number' && /^\d{4}$/.test(t.text);
const isMonth = (t: Token) => t.kind === 'word' && monthOf(t.text) !== undefined;
const isWeekday = (t: Token) => t.kind === 'word' && weekdayOf(t.text) !== undefined;
const isRangeSeparator = (t: Token) => (t.kind === 'punct' && (DASHES.has(t.text) || t.text === '/'))
    || (t.kind === 'word' && RANGE_WORDS.has(t.text.toLowerCase()));

function dayNumber(token: Token): number {
    return parseInt(token.text, 10);
}

/** `2018-03-19`, `Monday 19 March 2018`, `19th of March`, `March 19, 2018`, `27 2017`, `June 2017`. */
/** An optional `, 2018` after a month or day; the comma is given back when no year follows. */
function takeYear(cursor: Cursor, part: DatePart): void {
    const afterComma = cursor.index;
    cursor.takePunct(',');
    const year = cursor.take(isYear);
    if (year) {
        part.year = parseInt(year.text, 10);
        part.yearToken = year;
    } else {
        cursor.index = afterComma;
    }
}

function readDatePart(cursor: Cursor): DatePart | undefined {
    const startIndex = cursor.index;
    const first = cursor.current;
    if (!first) return undefined;
    const part: DatePart = { start: first.start, end: first.end };
    const weekday = cursor.take(isWeekday);
    if (weekday) {
        part.weekday = weekdayOf(weekday.text);
        part.weekdayToken = weekday;
        cursor.takePunct(',');
    }
    const year = cursor.take(isYear);
    const isMonthDigits = (t: Token | undefined) => t !== undefined && /^\d{1,2}$/.test(t.text);
    if (year && cursor.current?.text === '-' && isMonthDigits(cursor.tokens[cursor.index + 1])) {
        // ISO: 2018-03-19 or 2018-03.
        cursor.takePunct('-');
        const month = cursor.take(isMonthDigits)!;
        part.year = parseInt(year.text, 10);
        part.yearToken = year;
        part.month = parseInt(month.text, 10);
        part.monthToken = month;
        part.iso = true;
        if (cursor.current?.text === '-' && isMonthDigits(cursor.tokens[cursor.index + 1])) {
            cursor.takePunct('-');
            const day = cursor.take(isMonthDigits)!;
            part.day = parseInt(day.text, 10);
            part.dayToken = day;
        }
    } else if (year) {
        part.year = parseInt(year.text, 10);
        part.yearToken = year;
    } else {
        const month = cursor.take(isMonth);
        if (month) {
            // March 19, 2018 — March 2018 — March
            part.month = monthOf(month.text);
            part.monthToken = month;
            const day = cursor.take(isDay);
            if (day) {
                part.day = dayNumber(day);
                part.dayToken = day;
            }
            takeYear(cursor, part);
        } else {
            // 19 March 2018 — 19th of March — 19 — 27 2017 (in `January 26-27 2017`)
            const day = cursor.take(isDay);
            if (!day) {
                cursor.index = startIndex;
                return undefined;
            }
            part.day = dayNumber(day);
            part.dayToken = day;
            const beforeOf = cursor.index;
            const of = cursor.take(t => t.kind === 'word' && t.text.toLowerCase() === 'of');
            const month = cursor.take(isMonth);
            if (month) {
                part.month = monthOf(month.text);
                part.monthToken = month;
            } else if (of) {
                cursor.index = beforeOf;
            }
            takeYear(cursor, part);
        }
    }
    if (part.year === undefined && part.month === undefined && part.day === undefined) {
        cursor.index = startIndex;
        return undefined;
    }
    part.end = cursor.tokens[cursor.index - 1].end;
    return part;
}

function problem<T>(kind: ValueProblem['kind'], message: string, start: number, end: number): Parsed<T> {
    return { ok: false, kind, message, start, end };
}

function unrecognisedDate<T>(text: string): Parsed<T> {
    const start = text.length - text.trimStart().length;
    return problem('unrecognised', `'${text.trim()}' is not a date Minutes understands; write 2018-03-19 or 19 March 2018`, start, text.trimEnd().length);
}

/** Checks that a part names a real day; returns the problem, if any. */
function checkPart(part: DatePart): Parsed<DateValue> | undefined {
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
            const monthName = capitalised(MONTHS[month - 1]);
            const reason = day < 1 ? 'days start at 1' : `${monthName} ${year} has ${last} days`;
            return problem('invalid', `There is no ${day} ${monthName} ${year}: ${reason}`, token.start, token.end);
        }
        if (part.weekday !== undefined) {
            const actual = weekdayOfDate(year, month, day);
            if (actual !== part.weekday) {
                const token = part.weekdayToken!;
                return problem('invalid',
                    `${longDate({ year, month, day })} is a ${capitalised(WEEKDAYS[actual])}, not a ${capitalised(WEEKDAYS[part.weekday])}`,
                    token.start, token.end);
            }
        }
    }
    return undefined;
}

function toCalendarDate(part: DatePart): CalendarDate {
    return { year: part.year!, month: part.month, day: part.month !== undefined ? part.day : undefined };
}

/**
 * Reads a date or a range of dates: `2018-03-19`, `2018-06-12/2018-06-16`, `8 December 2016`,
 * `12-16 June 2017`, `2 Feb 2017`, `January 26-27 2017`, `Monday, 19 March 2018`,
 * `30 June – 2 July 2017`, `September 2016`, optionally followed by a time
 * (`15 March 2017, 12:45-14:00 UTC`).
 */
export function parseDate(text: string): Parsed<DateValue> {
    const tokens = tokenize(text);
    if (tokens.length === 0) return unrecognisedDate(text);
    const cursor = new Cursor(tokens);
    const first = readDatePart(cursor);
    if (!first) return unrecognisedDate(text);
    let second: DatePart | undefined;
    const beforeSeparator = cursor.index;
    if (cursor.take(isRangeSeparator)) {
        second = readDatePart(cursor);
        if (!second) cursor.index = beforeSeparator;
    }
    let time: TimeValue | undefined;
    if (cursor.current?.text === '.' && cursor.index === tokens.length - 1) cursor.index++;
    if (!cursor.done) {
        // A time after the date: `15 March 2017, 12:45-14:00 UTC`.
        cursor.takePunct(',', ';');
        cursor.take(t => t.kind === 'word' && ['at', 'from'].includes(t.text.toLowerCase()));
        const rest = cursor.current;
        if (!rest) return unrecognisedDate(text);
        const parsed = parseTime(text.slice(rest.start));
        if (!parsed.ok && parsed.kind === 'unrecognised') return unrecognisedDate(text);
        if (!parsed.ok) return { ...parsed, start: parsed.start + rest.start, end: parsed.end + rest.start };
        time = parsed.value;
    }

    if (second) {
        // Fill in what one side leaves to the other: `12-16 June 2017`, `January 26-27 2017`.
        if (second.year === undefined && first.year !== undefined && !second.iso) second.year = first.year;
        if (first.year === undefined) first.year = second.year;
        if (first.month === undefined && second.month !== undefined && first.day !== undefined) first.month = second.month;
        if (second.month === undefined && first.month !== undefined && second.day !== undefined) second.month = first.month;
    }
    for (const part of second ? [first, second] : [first]) {
        if (part.year === undefined) return unrecognisedDate(text);
        if (part.day !== undefined && part.month === undefined) return unrecognisedDate(text);
        const failure = checkPart(part);
        if (failure) return failure;
    }
    const start = toCalendarDate(first);
    const end = second ? toCalendarDate(second) : undefined;
    if (end && compareDates(end, start) < 0) {
        return problem('reversed',
            `This range ends (${longDate(end)}) before it starts (${longDate(start)})`, second!.start, second!.end);
    }
    return { ok: true, value: { start, end, time } };
}

// ---- Times --------------------------------------------------------------------

const ZONE = /^(?:UTC|GMT|Z|[A-Z]{2,5})(?:[+−-]\d{1,2}(?::?\d{2})?)?$/;
const HOURS_WORDS = new Set(['hrs', 'hrs.', 'hr', 'hr.', 'h', 'hours', 'uhr']);

interface TimePart {
    hour: number;
    minute: number;
    meridiem?: 'am' | 'pm';
    start: number;
    end: number;
}

function unrecognisedTime<T>(text: string): Parsed<T> {
    const start = text.length - text.trimStart().length;
    return problem('unrecognised', `'${text.trim()}' is not a time Minutes understands; write 16:30–18:00 or 8:00-9:30 UTC`, start, text.trimEnd().length);
}

/** The tokens of a time value: clock times, am/pm, zones, separators. */
function timeTokens(text: string): Token[] {
    const tokens: Token[] = [];
    const pattern = /(\d{1,2}(?:[:.]\d{2}|h\d{2}|h(?![a-z]))?)|((?:UTC|GMT)[+−-]\d{1,2}(?::?\d{2})?)|(a\.m\.|p\.m\.|am\b|pm\b|\p{L}+\.?)|(\S)/giuy;
    let at = 0;
    while (at < text.length) {
        if (/\s/u.test(text[at])) {
            at++;
            continue;
        }
        pattern.lastIndex = at;
        const match = pattern.exec(text)!;
        const kind = match[1] !== undefined ? 'number' : match[4] !== undefined ? 'punct' : 'word';
        tokens.push({ kind, text: match[0], start: at, end: at + match[0].length });
        at += match[0].length;
    }
    return tokens;
}

function readClock(cursor: Cursor): TimePart | undefined {
    const token = cursor.take(t => t.kind === 'number');
    if (!token) return undefined;
    const match = /^(\d{1,2})(?:[:.h](\d{2})?)?$/i.exec(token.text)!;
    const part: TimePart = { hour: parseInt(match[1], 10), minute: match[2] ? parseInt(match[2], 10) : 0, start: token.start, end: token.end };
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
    if (meridiem && (hour < 1 || hour > 12)) {
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
 * `09:00–10:45 CET`, `9am to 5pm`, `16h30`, `16:30 CET – 18:00 CET`.
 */
export function parseTime(text: string): Parsed<TimeValue> {
    const tokens = timeTokens(text);
    const cursor = new Cursor(tokens);
    const first = readClock(cursor);
    if (!first) return unrecognisedTime(text);
    const takeZone = () => cursor.take(t => t.kind === 'word' && ZONE.test(t.text) && !HOURS_WORDS.has(t.text.toLowerCase()));
    let zone = takeZone();
    let second: TimePart | undefined;
    const beforeSeparator = cursor.index;
    if (cursor.take(t => (t.kind === 'punct' && DASHES.has(t.text)) || (t.kind === 'word' && RANGE_WORDS.has(t.text.toLowerCase())))) {
        second = readClock(cursor);
        if (!second) cursor.index = beforeSeparator;
    }
    cursor.take(t => t.kind === 'word' && HOURS_WORDS.has(t.text.toLowerCase()));
    zone = takeZone() ?? zone;
    cursor.takePunct('.');
    if (!cursor.done) return unrecognisedTime(text);
    // A bare number is a time only with am/pm somewhere: `9-11 am`, `9 am`.
    if (isBareNumber(first, text) && !first.meridiem && !second?.meridiem) return unrecognisedTime(text);
    if (second && isBareNumber(second, text) && !second.meridiem) return unrecognisedTime(text);

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
