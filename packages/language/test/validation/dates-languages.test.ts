import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dateNames, DATE_LANGUAGES, marksOfEveryLanguage } from '../../src/model/date-names.js';
import { isoDate, longDate, longDateValue, parseDate, parseTime, type DateValue } from '../../src/model/dates.js';

function showDate(value: DateValue): string {
    const range = value.end ? `${isoDate(value.start)}..${isoDate(value.end)}` : isoDate(value.start);
    return value.time ? `${range} [${value.time.start.hour}:${String(value.time.start.minute).padStart(2, '0')}]` : range;
}

/** The reading of a date, or its problem; Intl's no-break spaces (which ICU versions place differently) as spaces. */
function read(written: string, language?: string): string {
    const parsed = parseDate(written, language);
    return parsed.ok ? showDate(parsed.value) : `${parsed.kind}: ${spaced(parsed.message)} @ ${written.slice(parsed.start, parsed.end)}`;
}

function spaced(text: string): string {
    return text.replace(/[\u00A0\u202F]/gu, ' ');
}

describe('parseDate reads dates in the six UN languages', () => {
    test.each([
        ['19 mars 2018', '2018-03-19'],
        ['lundi 19 mars 2018', '2018-03-19'],
        ['1er mars 2018', '2018-03-01'],
        ['19 févr. 2018', '2018-02-19'],
        ['19 fevrier 2018', '2018-02-19'],
        ['du 12 au 16 juin 2017', '2017-06-12..2017-06-16'],
        ['30 juin – 2 juillet 2017', '2017-06-30..2017-07-02'],
        ['19 mars 2018 à 14h30', '2018-03-19 [14:30]'],
        ['19 de marzo de 2018', '2018-03-19'],
        ['lunes, 19 de marzo de 2018', '2018-03-19'],
        ['del 12 al 16 de junio de 2017', '2017-06-12..2017-06-16'],
        // Peru and Uruguay write September 'setiembre' (Intl's es-PE).
        ['17 de setiembre de 2009', '2009-09-17'],
        ['marzo de 2018', '2018-03'],
        ['19 de marzo de 2018, a las 10:00', '2018-03-19 [10:00]'],
        ['19 марта 2018 г.', '2018-03-19'],
        ['19 марта 2018 года', '2018-03-19'],
        ['понедельник, 19 марта 2018 г.', '2018-03-19'],
        ['с 12 по 16 июня 2017 г.', '2017-06-12..2017-06-16'],
        ['12–16 июня 2017 г.', '2017-06-12..2017-06-16'],
        ['19 مارس 2018', '2018-03-19'],
        ['١٩ مارس ٢٠١٨', '2018-03-19'],
        ['الاثنين، 19 آذار/مارس 2018', '2018-03-19'],
        ['١٢–١٦ يونيو ٢٠١٧', '2017-06-12..2017-06-16'],
        ['19 \u200Fمارس 2018', '2018-03-19'],
        ['2018年3月19日', '2018-03-19'],
        ['２０１８年３月１９日', '2018-03-19'],
        ['2018年3月19日星期一', '2018-03-19'],
        ['2018年3月19日（周一）', '2018-03-19'],
        ['2017年6月12日至16日', '2017-06-12..2017-06-16'],
        ['2018年3月', '2018-03'],
        ['2006 年 9 月 12 日星期二', '2006-09-12'],
        ['2018年3月19日 14:00-16:00', '2018-03-19 [14:00]']
    ])('%s', (written, expected) => {
        expect(read(written)).toBe(expected);
    });

    test('a note\'s language is tried first: Spanish `mar` is Tuesday before a day, March before a year', () => {
        expect(read('mar 20 de marzo de 2018', 'es')).toBe('2018-03-20');
        expect(read('mar 2018', 'es')).toBe('2018-03');
        expect(read('Mar 19 2018')).toBe('2018-03-19');
    });
});

describe('parseDate says what is wrong, and where, in the language the date is written in', () => {
    test.each([
        ['31 juin 2017', 'invalid: There is no 31 juin 2017: juin 2017 has 30 days @ 31'],
        ['lundi 20 mars 2018', 'invalid: 20 mars 2018 is a mardi, not a lundi @ lundi'],
        ['16-12 juin 2017', 'reversed: This range ends (12 juin 2017) before it starts (16 juin 2017) @ 12 juin 2017'],
        ['30 de febrero de 2018', 'invalid: There is no 30 de febrero de 2018: febrero de 2018 has 28 days @ 30'],
        ['31 февраля 2018 г.', 'invalid: There is no 31 февраля 2018 г.: февраль 2018 г. has 28 days @ 31'],
        ['31 أبريل 2018', 'invalid: There is no 31 أبريل 2018: أبريل 2018 has 30 days @ 31'],
        ['2018年2月30日', 'invalid: There is no 2018年2月30日: 2018年2月 has 28 days @ 30'],
        ['2018年13月1日', 'invalid: There is no month 13: months run from 01 to 12 @ 13'],
        ['2018年3月19日星期二', 'invalid: 2018年3月19日 is a 星期一, not a 星期二 @ 星期二']
    ])('%s', (written, expected) => {
        expect(read(written)).toBe(expected);
    });

    test.each([
        ['fr', "'la semaine prochaine' is not a date Minutes understands; write 2018-03-19 or 19 mars 2018"],
        ['es', "'la semaine prochaine' is not a date Minutes understands; write 2018-03-19 or 19 de marzo de 2018"],
        ['ru', "'la semaine prochaine' is not a date Minutes understands; write 2018-03-19 or 19 марта 2018 г."],
        ['ar', "'la semaine prochaine' is not a date Minutes understands; write 2018-03-19 or 19 مارس 2018"],
        ['zh', "'la semaine prochaine' is not a date Minutes understands; write 2018-03-19 or 2018年3月19日"],
        ['en', "'la semaine prochaine' is not a date Minutes understands; write 2018-03-19 or 19 March 2018"]
    ])('an unreadable date in a note in %s suggests a date in its language', (language, message) => {
        const parsed = parseDate('la semaine prochaine', language);
        expect(parsed.ok ? 'read' : spaced(parsed.message)).toBe(message);
    });

    test('times in French: `10h45 à 12h00 WET`', () => {
        const parsed = parseTime('10h45 à 12h00 WET');
        expect(parsed.ok && parsed.value).toEqual({ start: { hour: 10, minute: 45 }, end: { hour: 12, minute: 0 }, zone: 'WET' });
    });

    test('times written with Arabic-Indic digits', () => {
        const parsed = parseTime('١٤:٣٠–١٦:٠٠');
        expect(parsed.ok && parsed.value).toEqual({ start: { hour: 14, minute: 30 }, end: { hour: 16, minute: 0 }, zone: undefined });
    });
});

describe('month and weekday names come from Intl', () => {
    test.each(DATE_LANGUAGES.map(language => [language]))('%s: twelve months and seven weekdays, each name for one of them', language => {
        const names = dateNames(language);
        expect(new Set(names.months.values()).size).toBe(12);
        expect(new Set(names.weekdays.values()).size).toBe(7);
    });

    test('the marks after a number are 年 月 日 and none is ASCII, so an ASCII date never asks Intl for every language', () => {
        const marks = [...marksOfEveryLanguage()];
        expect(marks.filter(mark => mark.charCodeAt(0) <= 0x7f)).toEqual([]);
        expect(marks).toEqual(expect.arrayContaining(['年', '月', '日']));
    });
});

/** The languages and locales dates are written in; `ar-EG` with Arabic-Indic digits. */
const LOCALES = ['en', 'en-US', 'fr', 'es', 'es-PE', 'ru', 'ar', 'ar-EG', 'ar-SY', 'zh'];
const STYLES: Intl.DateTimeFormatOptions[] = [
    { dateStyle: 'long' }, { dateStyle: 'full' }, { day: 'numeric', month: 'short', year: 'numeric' }, { year: 'numeric', month: 'long' }
];

const calendarDate = fc.record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day);

describe('every date round-trips through Intl formatting and parsing (property)', () => {
    test.each(LOCALES.map(locale => [locale]))('%s: what Intl writes is read as the same date', locale => {
        fc.assert(fc.property(calendarDate, fc.constantFrom(...STYLES), (date, style) => {
            const written = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...style }).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
            const expected = style.day === undefined && style.dateStyle === undefined ? isoDate({ year: date.year, month: date.month }) : isoDate(date);
            expect(read(written, locale), written).toBe(expected);
        }), { numRuns: 150, seed: 17 });
    });

    test.each(LOCALES.map(locale => [locale]))('%s: a date the parser accepts is written by Intl, and read back as the same value', locale => {
        const names = dateNames(locale);
        const monthNames = [...names.months.keys()];
        const weekdayNames = [...names.weekdays.keys()];
        const number = fc.integer({ min: 0, max: 40 }).map(String);
        const year = fc.integer({ min: 1900, max: 2100 }).map(String);
        // Written forms: a day, a month name, a year, in the orders the languages use, with their words and marks.
        const piece = fc.oneof(number, year, fc.constantFrom(...monthNames), fc.constantFrom(...weekdayNames),
            fc.constantFrom(',', '-', '–', 'de', 'г.', '年', '月', '日', 'au', 'al', 'по', 'إلى', '至', '/'));
        fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 7 }), fc.boolean(), (pieces, spaced) => {
            const written = pieces.join(spaced ? ' ' : '');
            const parsed = parseDate(written, locale);
            if (!parsed.ok) return;
            const again = parseDate(longDateValue(parsed.value, locale), locale);
            expect(again.ok && { start: again.value.start, end: again.value.end ?? parsed.value.end }, `${written} → ${longDateValue(parsed.value, locale)}`)
                .toEqual({ start: parsed.value.start, end: parsed.value.end });
        }), { numRuns: 400, seed: 17 });
    });

    test('the long date of each language, from Intl', () => {
        const date = { year: 2018, month: 3, day: 19 };
        expect(['en', 'fr', 'es', 'ru', 'ar', 'ar-EG', 'zh'].map(language => spaced(longDate(date, language))))
            .toEqual(['19 March 2018', '19 mars 2018', '19 de marzo de 2018', '19 марта 2018 г.', '19 مارس 2018', '١٩ مارس ٢٠١٨', '2018年3月19日']);
    });
});
