import { describe, expect, test } from 'vitest';
import { compareDates, isoDate, parseDate, parseTime, type DateValue, type TimeValue } from '../../src/model/dates.js';

/** A date value as `2017-06-12..2017-06-16 [12:45-14:00 UTC]`, for compact expectations. */
function showDate(value: DateValue): string {
    const range = value.end ? `${isoDate(value.start)}..${isoDate(value.end)}` : isoDate(value.start);
    return value.time ? `${range} [${showTime(value.time)}]` : range;
}

function showTime(value: TimeValue): string {
    const clock = (t: { hour: number; minute: number }) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
    const range = value.end ? `${clock(value.start)}-${clock(value.end)}` : clock(value.start);
    return value.zone ? `${range} ${value.zone}` : range;
}

describe('parseDate reads the dates people write', () => {
    test.each([
        ['2018-03-19', '2018-03-19'],
        ['2018-06-12/2018-06-16', '2018-06-12..2018-06-16'],
        ['2018-06-12/16', '2018-06-12..2018-06-16'],
        ['8 December 2016', '2016-12-08'],
        ['8th December 2016', '2016-12-08'],
        ['19th of March 2018', '2018-03-19'],
        ['12-16 June 2017', '2017-06-12..2017-06-16'],
        ['12–16 June 2017', '2017-06-12..2017-06-16'],
        ['12 to 14 November 2018', '2018-11-12..2018-11-14'],
        ['2 Feb 2017', '2017-02-02'],
        ['2 Feb. 2017', '2017-02-02'],
        ['7 Sept 2017', '2017-09-07'],
        ['January 26-27 2017', '2017-01-26..2017-01-27'],
        ['January 26-27, 2017', '2017-01-26..2017-01-27'],
        ['March 19, 2018', '2018-03-19'],
        ['Monday 19 March 2018', '2018-03-19'],
        ['Monday, 19 March 2018', '2018-03-19'],
        ['Mon 19 Mar 2018', '2018-03-19'],
        ['Sat Mar 24 2018', '2018-03-24'],
        ['30 June – 2 July 2017', '2017-06-30..2017-07-02'],
        ['June 30 - July 2, 2017', '2017-06-30..2017-07-02'],
        ['30 December 2017 - 2 January 2018', '2017-12-30..2018-01-02'],
        ['September 2016', '2016-09'],
        ['2017', '2017'],
        ['29 February 2016', '2016-02-29'],
        ['29 February 2000', '2000-02-29'],
        ['8 December 2016.', '2016-12-08'],
        ['15 March 2017, 12:45-14:00 UTC', '2017-03-15 [12:45-14:00 UTC]'],
        ['16 March 2017, 8:00-9:30 UTC', '2017-03-16 [08:00-09:30 UTC]'],
        ['2018-03-19 09:00–10:45 CET', '2018-03-19 [09:00-10:45 CET]'],
        // As the corpus's records write them (ITU, ICANN, Costa Rica).
        ['Wednesday, 24 May 2017', '2017-05-24'],
        ['Wednesday, 24 May 2017, from 1435 to 1730 hours', '2017-05-24 [14:35-17:30]'],
        ['Wednesday, 26 November 2014, 0900 UTC', '2014-11-26 [09:00 UTC]'],
        ['05 de agosto del 2013', '2013-08-05']
    ])('%s', (written, expected) => {
        const parsed = parseDate(written);
        expect(parsed.ok ? showDate(parsed.value) : parsed.message).toBe(expected);
    });
});

describe('parseDate says what is wrong with an impossible date, and where', () => {
    test.each([
        ['31 June 2017', 'invalid', 'There is no 31 June 2017: June 2017 has 30 days', '31'],
        ['29 February 2017', 'invalid', 'There is no 29 February 2017: February 2017 has 28 days', '29'],
        ['29 February 1900', 'invalid', 'There is no 29 February 1900: February 1900 has 28 days', '29'],
        ['0 May 2017', 'invalid', 'There is no 0 May 2017: days start at 1', '0'],
        ['2018-13-01', 'invalid', 'There is no month 13: months run from 01 to 12', '13'],
        ['2018-00-10', 'invalid', 'There is no month 00: months run from 01 to 12', '00'],
        ['2018-02-30', 'invalid', 'There is no 30 February 2018: February 2018 has 28 days', '30'],
        ['Monday, 20 March 2018', 'invalid', '20 March 2018 is a Tuesday, not a Monday', 'Monday'],
        ['16-12 June 2017', 'reversed', 'This range ends (12 June 2017) before it starts (16 June 2017)', '12 June 2017'],
        ['2018-06-16/2018-06-12', 'reversed', 'This range ends (12 June 2018) before it starts (16 June 2018)', '2018-06-12'],
        ['15 March 2017, 25:00', 'invalid', 'There is no hour 25: hours run from 00 to 23', '25:00'],
        ['15 March 2017, 14:00-12:45', 'reversed', 'This time ends (12:45) before it starts (14:00)', '12:45']
    ])('%s', (written, kind, message, at) => {
        const parsed = parseDate(written);
        expect(parsed.ok).toBe(false);
        if (parsed.ok) return;
        expect(parsed.kind).toBe(kind);
        expect(parsed.message).toBe(message);
        expect(written.slice(parsed.start, parsed.end)).toBe(at);
    });
});

describe('parseDate does not guess at free text', () => {
    test.each(['next Monday', 'Monday', 'the Monday after Easter', '12-16 June 2017, Geneva', '2 Feb 17', 'TBC', '  '])('%s', written => {
        const parsed = parseDate(written);
        expect(parsed.ok).toBe(false);
        if (parsed.ok) return;
        expect(parsed.kind).toBe('unrecognised');
        expect(parsed.message).toContain('is not a date Minutes understands; write 2018-03-19 or 19 March 2018');
        expect(written.slice(parsed.start, parsed.end)).toBe(written.trim());
    });
});

describe('a numeric date is not read (the order differs by country); the hint gives the days it may be', () => {
    test.each([
        ['19/03/2018', 'did you mean 19 March 2018?'],
        ['3.4.2018', 'did you mean 3 April 2018 or 4 March 2018?'],
        ['5/5/2018', 'did you mean 5 May 2018?'],
        ['31/31/2018', 'write 2018-03-19 or 19 March 2018']
    ])('%s', (written, hint) => {
        const parsed = parseDate(written);
        expect(parsed.ok ? 'read' : parsed.message).toBe(`'${written}' is not a date Minutes understands; ${hint}`);
    });
});

describe('parseTime reads the times people write', () => {
    test.each([
        ['16:30 – 18:00 hrs.', '16:30-18:00'],
        ['16:30-18:00', '16:30-18:00'],
        ['8:00-9:30 UTC', '08:00-09:30 UTC'],
        ['09:00–10:45 CET', '09:00-10:45 CET'],
        ['16:30 CET – 18:00 CET', '16:30-18:00 CET'],
        ['10:45 UTC+1', '10:45 UTC+1'],
        ['12:45 GMT-3', '12:45 GMT-3'],
        ['9am to 5pm', '09:00-17:00'],
        ['9 a.m. - 5 p.m.', '09:00-17:00'],
        ['9-11 am', '09:00-11:00'],
        ['11:00 - 1:00 PM', '11:00-13:00'],
        ['12 pm', '12:00'],
        ['12:30 am', '00:30'],
        ['16h30', '16:30'],
        ['16.30 - 18.00', '16:30-18:00'],
        ['22:00-24:00', '22:00-24:00'],
        ['9:00', '09:00'],
        // As UN, ITU and ICANN records write them: four digits with `hours` or a zone, `from`, a redundant p.m.
        ['1435 hours', '14:35'],
        ['from 1435 to 1730 hours', '14:35-17:30'],
        ['0900 UTC', '09:00 UTC'],
        ['2100 UTC', '21:00 UTC'],
        ['16:00 p.m. UTC', '16:00 UTC'],
        ['from 9am to 5pm', '09:00-17:00'],
        ['de 10h à 12h', '10:00-12:00']
    ])('%s', (written, expected) => {
        const parsed = parseTime(written);
        expect(parsed.ok ? showTime(parsed.value) : parsed.message).toBe(expected);
    });

    test.each([
        ['25:00', 'invalid', 'There is no hour 25: hours run from 00 to 23', '25:00'],
        ['24:00-25:00', 'invalid', 'There is no hour 24: hours run from 00 to 23', '24:00'],
        ['12:60', 'invalid', 'There is no minute 60: minutes run from 00 to 59', '12:60'],
        ['13 pm', 'invalid', 'There is no 13 pm: with am or pm, hours run from 1 to 12', '13 pm'],
        ['18:00-16:30', 'reversed', 'This time ends (16:30) before it starts (18:00)', '16:30'],
        ['after lunch', 'unrecognised', "'after lunch' is not a time Minutes understands; write 16:30–18:00 or 8:00-9:30 UTC", 'after lunch'],
        // The hint is built from what was written, where a looser reading finds a time in it.
        ['9', 'unrecognised', "'9' is not a time Minutes understands; did you mean 9 am or 9 pm?", '9'],
        ['16:30 Geneva time', 'unrecognised',
            "'16:30 Geneva time' is not a time Minutes understands; 'Geneva time' is not a zone it knows: write 16:30 with a zone such as UTC, CET or UTC+1", '16:30 Geneva time'],
        ['1435-1730', 'unrecognised', "'1435-1730' is not a time Minutes understands; did you mean 14:35–17:30?", '1435-1730'],
        ['from 1435 to 1730', 'unrecognised', "'from 1435 to 1730' is not a time Minutes understands; did you mean 14:35–17:30?", 'from 1435 to 1730'],
        ['14 pm', 'invalid', 'There is no 14 pm: with am or pm, hours run from 1 to 12', '14 pm']
    ])('%s is %s', (written, kind, message, at) => {
        const parsed = parseTime(written);
        expect(parsed.ok).toBe(false);
        if (parsed.ok) return;
        expect(parsed.kind).toBe(kind);
        expect(parsed.message).toBe(message);
        expect(written.slice(parsed.start, parsed.end)).toBe(at);
    });
});

describe('compareDates', () => {
    test('orders by year, month and day; a date known to the month counts as its first day', () => {
        expect(compareDates({ year: 2018, month: 3, day: 1 }, { year: 2018, month: 3, day: 19 })).toBeLessThan(0);
        expect(compareDates({ year: 2018, month: 4 }, { year: 2018, month: 3, day: 31 })).toBeGreaterThan(0);
        expect(compareDates({ year: 2018, month: 3 }, { year: 2018, month: 3, day: 1 })).toBe(0);
        expect(compareDates({ year: 2017 }, { year: 2018, month: 1, day: 1 })).toBeLessThan(0);
    });
});
