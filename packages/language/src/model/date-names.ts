/**
 * How dates are written in each language Minutes reads, taken from `Intl` (the ICU data of
 * the runtime): month and weekday names, the words and marks of a long date (`de` in
 * `19 de marzo de 2018`, `г.` in `19 марта 2018 г.`, `年 月 日` in `2018年3月19日`) and the
 * digits. The few words `Intl` does not give — those that start or join a range in prose
 * (`du 12 au 16 juin`, `с 12 по 16 июня`) and colloquial forms — are listed by hand in
 * `PROSE_WORDS`, and nothing else is.
 */
import { memoised } from './memo.js';

/** The languages whose dates Minutes reads, in the order tried when a note does not say. */
export const DATE_LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;

/**
 * The regional variants whose names are read as well: Levantine Arabic writes March
 * `آذار`, Egyptian `مارس`, Maghrebi Arabic January `جانفي` or `يناير`; Latin American
 * Spanish `sept.`, Peruvian and Uruguayan `setiembre`; Taiwan `週一` for Monday.
 */
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
    en: ['en-GB', 'en-US'],
    fr: ['fr', 'fr-CA', 'fr-CH'],
    es: ['es', 'es-419', 'es-MX', 'es-PE'],
    ru: ['ru'],
    ar: ['ar', 'ar-EG', 'ar-SA', 'ar-SY', 'ar-LB', 'ar-IQ', 'ar-JO', 'ar-DZ', 'ar-TN', 'ar-MA'],
    zh: ['zh', 'zh-TW', 'zh-HK']
};

/** The locale a language's dates are written in when none is given more precisely (`en`: 19 March 2018). */
const DEFAULT_LOCALE: Readonly<Record<string, string>> = { en: 'en-GB' };

interface ProseWords {
    /** Words before a date that say where a range starts: `du`, `del`, `с`, `من`. */
    readonly leading: readonly string[];
    /** Words between the two ends of a range: `to`, `au`, `al`, `по`, `إلى`, `至`. */
    readonly range: readonly string[];
    /** More words between two times (not dates: `19 mars 2018 à 14h30` is a date and a time): `10h45 à 12h00`. */
    readonly timeRange: readonly string[];
    /** Words before a time that follows a date: `at`, `à`, `a las`, `в`. */
    readonly beforeTime: readonly string[];
    /** More words of a written date that Intl does not use: `of` (19th of March), `года`, `号`. */
    readonly fillers: readonly string[];
    /** Abbreviations Intl does not give: `Sept`, `Tues`. */
    readonly months: Readonly<Record<string, number>>;
    readonly weekdays: Readonly<Record<string, number>>;
}

const PROSE_WORDS: Readonly<Record<string, ProseWords>> = {
    en: { leading: [], range: ['to', 'until', 'till', 'through', 'thru'], timeRange: [], beforeTime: ['at', 'from'], fillers: ['of'], months: { sept: 9 }, weekdays: { tues: 2, weds: 3, thur: 4, thurs: 4 } },
    fr: { leading: ['du', 'le'], range: ['au'], timeRange: ['à'], beforeTime: ['à', 'de'], fillers: [], months: {}, weekdays: {} },
    es: { leading: ['del', 'el'], range: ['al', 'a'], timeRange: [], beforeTime: ['a las', 'a la', 'de'], fillers: ['del'], months: {}, weekdays: {} },
    ru: { leading: ['с'], range: ['по', 'до'], timeRange: [], beforeTime: ['в', 'с'], fillers: ['года', 'г'], months: {}, weekdays: {} },
    ar: { leading: ['من'], range: ['إلى', 'الى', 'حتى'], timeRange: [], beforeTime: ['الساعة', 'من'], fillers: ['يوم'], months: {}, weekdays: {} },
    zh: { leading: ['从'], range: ['至', '到', '~', '～'], timeRange: [], beforeTime: [], fillers: ['号'], months: {}, weekdays: {} }
};

/** The part of a date a mark written after a number gives it: `年` a year, `月` a month, `日` a day. */
export type DateField = 'year' | 'month' | 'day';

/** What reading and writing dates in one language needs. */
export interface DateNames {
    /** The primary language subtag: `fr`. */
    readonly language: string;
    /** The locale dates are written in: `fr`, `en-GB`, `ar-u-nu-arab`. */
    readonly locale: string;
    /** Folded names (see `foldName`) of the months, long, short and in the genitive: 1–12; words joined by one space. */
    readonly months: ReadonlyMap<string, number>;
    /** The most words a month name has (`كانون الثاني`: two). */
    readonly longestMonth: number;
    /** Folded names of the weekdays, long and short: 0 (Sunday) – 6. */
    readonly weekdays: ReadonlyMap<string, number>;
    /** Folded words that a long date is written with and that carry no value: `de`, `г`. */
    readonly fillers: ReadonlySet<string>;
    /** Marks written straight after a number that say which part it is (`年`, `月`, `日`). */
    readonly marks: ReadonlyMap<string, DateField>;
    readonly leading: ReadonlySet<string>;
    readonly range: ReadonlySet<string>;
    /** Words between two times: those of a range of dates, and `à`. */
    readonly timeRange: ReadonlySet<string>;
    /** Folded, each a list of words (`a las` is two). */
    readonly beforeTime: readonly (readonly string[])[];
}

/** A name as it is looked up: lower case, without accents or a final full stop (`Févr.` → `fevr`). */
export function foldName(word: string): string {
    return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\.$/u, '');
}

/** The primary language subtag of a BCP 47 tag, lower case: `fr-CA` → `fr`. */
export function primaryLanguage(tag: string): string {
    return tag.split(/[-_]/)[0].toLowerCase();
}

/** Whether Minutes reads dates (and writes labels) in the language of this tag. */
export function isDateLanguage(tag: string): boolean {
    return (DATE_LANGUAGES as readonly string[]).includes(primaryLanguage(tag));
}

const SAMPLE_YEAR = 2018;

function utc(year: number, month: number, day: number): Date {
    const date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    return date;
}

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', calendar: 'gregory', ...options });
}

const cache = new Map<string, DateNames>();

/**
 * The date names of a language tag (`fr`, `fr-CA`, `ar-u-nu-arab`): those of its language
 * and of that language's regional variants, so a note tagged `ar` still reads `آذار`.
 * An unsupported language falls back to English.
 */
export function dateNames(tag = 'en'): DateNames {
    const known = cache.get(tag);
    if (known) return known;
    const language = isDateLanguage(tag) ? primaryLanguage(tag) : 'en';
    const locale = language === primaryLanguage(tag) && tag !== language ? canonicalLocale(tag) ?? language : DEFAULT_LOCALE[language] ?? language;
    const names = new LanguageDateNames(language, locale, [...new Set([locale, ...VARIANTS[language]])]);
    cache.set(tag, names);
    return names;
}

/** The names Intl gives, which take formatters to find. */
type IntlNames = Pick<DateNames, 'months' | 'longestMonth' | 'weekdays' | 'fillers' | 'marks'>;

/**
 * A language's date names, those Intl gives found when first read: a date written in digits
 * (`2018-03-19`) reads none of them, and making the formatters was 18 ms of a check of one
 * small file, most of it Intl's first start (docs/performance.md, "Start-up").
 */
class LanguageDateNames implements DateNames {
    readonly leading: ReadonlySet<string>;
    readonly range: ReadonlySet<string>;
    readonly timeRange: ReadonlySet<string>;
    readonly beforeTime: readonly (readonly string[])[];
    private intl?: IntlNames;

    constructor(readonly language: string, readonly locale: string, private readonly locales: readonly string[]) {
        ({ leading: this.leading, range: this.range, timeRange: this.timeRange, beforeTime: this.beforeTime } = foldedProseWords(language));
    }

    get months(): ReadonlyMap<string, number> {
        return this.fromIntl().months;
    }

    get longestMonth(): number {
        return this.fromIntl().longestMonth;
    }

    get weekdays(): ReadonlyMap<string, number> {
        return this.fromIntl().weekdays;
    }

    get fillers(): ReadonlySet<string> {
        return this.fromIntl().fillers;
    }

    get marks(): ReadonlyMap<string, DateField> {
        return this.fromIntl().marks;
    }

    private fromIntl(): IntlNames {
        return this.intl ??= intlNames(this.language, this.locales);
    }
}

function intlNames(language: string, locales: readonly string[]): IntlNames {
    const months = new Map<string, number>();
    const weekdays = new Map<string, number>();
    const fillers = new Set<string>();
    const marks = new Map<string, DateField>();
    const prose = PROSE_WORDS[language];
    for (const variant of locales) {
        // One formatter per format, not per date: creating one is what costs (every thread of a check does this at start-up).
        const monthFormatters = MONTH_FORMATS.map(options => formatter(variant, options));
        const weekdayFormatters = (['long', 'short'] as const).map(weekday => formatter(variant, { weekday }));
        for (let month = 1; month <= 12; month++) {
            const date = utc(SAMPLE_YEAR, month, 19);
            for (const monthFormatter of monthFormatters) {
                for (const part of monthFormatter.formatToParts(date)) {
                    if (part.type === 'month' && !/\d/u.test(part.value)) months.set(part.value.split(/\s+/u).map(foldName).join(' '), month);
                }
            }
        }
        for (let day = 18; day < 25; day++) {
            const date = utc(SAMPLE_YEAR, 3, day);
            for (const weekdayFormatter of weekdayFormatters) {
                weekdays.set(foldName(weekdayFormatter.format(date)), date.getUTCDay());
            }
        }
        for (const dateStyle of ['long', 'full'] as const) {
            const parts = formatter(variant, { dateStyle }).formatToParts(utc(SAMPLE_YEAR, 3, 19));
            parts.forEach((part, index) => {
                if (part.type !== 'literal') return;
                const before = parts[index - 1];
                const mark = part.value.trim();
                if (/^\p{L}$/u.test(mark) && before && (before.type === 'year' || before.type === 'month' || before.type === 'day')) {
                    marks.set(mark, before.type);
                    return;
                }
                for (const word of part.value.split(/[\s,،]+/u)) if (/\p{L}/u.test(word)) fillers.add(foldName(word));
            });
        }
    }
    for (const [name, month] of Object.entries(prose.months)) months.set(name, month);
    for (const [name, weekday] of Object.entries(prose.weekdays)) weekdays.set(name, weekday);
    for (const word of prose.fillers) fillers.add(foldName(word));
    return { months, weekdays, fillers, marks, longestMonth: Math.max(...[...months.keys()].map(name => name.split(' ').length)) };
}

/** The words of a language's dates that Intl does not give (`PROSE_WORDS`), folded. */
function foldedProseWords(language: string): Pick<DateNames, 'leading' | 'range' | 'timeRange' | 'beforeTime'> {
    const prose = PROSE_WORDS[language];
    return {
        leading: new Set(prose.leading.map(foldName)),
        range: new Set(prose.range.map(foldName)),
        timeRange: new Set([...prose.range, ...prose.timeRange].map(foldName)),
        beforeTime: prose.beforeTime.map(words => words.split(' ').map(foldName))
    };
}

const FOLDED_PROSE_WORDS = DATE_LANGUAGES.map(foldedProseWords);

/**
 * The words between two times (`to`, `à`) and before a time (`at`, `a las`) of every
 * language read, from `PROSE_WORDS` alone: a time in any language is read without asking
 * Intl for every language's names (about 40 ms when a process starts).
 */
export const EVERY_LANGUAGE_PROSE = {
    timeRange: new Set(FOLDED_PROSE_WORDS.flatMap(words => [...words.timeRange])),
    beforeTime: FOLDED_PROSE_WORDS.flatMap(words => words.beforeTime)
} as const;

let everyLanguageMarks: ReadonlySet<string> | undefined;

/** The marks written after a number in every language read (`年 月 日`), found when first asked. */
export function marksOfEveryLanguage(): ReadonlySet<string> {
    return everyLanguageMarks ??= new Set(DATE_LANGUAGES.flatMap(language => [...dateNames(language).marks.keys()]));
}

/** Month names as Intl writes them alone, in a date (the genitive: `марта`), long and short. */
const MONTH_FORMATS: readonly Intl.DateTimeFormatOptions[] = [
    { month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }, { day: 'numeric', month: 'short' }
];

/** Real tags are a few subtags long; a pasted page is not one, and is not handed to Intl. */
const MAX_TAG_LENGTH = 100;

/**
 * A tag as BCP 47 and Intl write it (`FR-ca` → `fr-CA`), or undefined when it is not one:
 * the one place a `language:` field, the configuration's `locale` and the date names read a tag.
 */
export const canonicalLocale = memoised((tag: string): string | undefined => {
    if (tag.length > MAX_TAG_LENGTH) return undefined;
    try {
        return Intl.getCanonicalLocales(tag.trim())[0];
    } catch {
        return undefined;
    }
}, 1_000);

/** Digits other than ASCII that dates are written with: Arabic-Indic, Eastern Arabic-Indic (Persian, Urdu), fullwidth. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0xff10];

/** The text with every digit made ASCII; each digit is one UTF-16 unit either way, so offsets stay. */
export function asciiDigits(text: string): string {
    return text.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/gu, digit => {
        const code = digit.charCodeAt(0);
        const zero = DIGIT_ZEROS.find(start => code >= start && code <= start + 9)!;
        return String(code - zero);
    });
}
