import { describe, expect, test } from 'vitest';
import { namesDate, parseDate, type DateValue } from '../../src/model/dates.js';
import { titleLine } from '../../src/model/title-line.js';
import { outlineOf } from '../../src/generation/outline.js';
import { parse } from '../helpers/workspace.js';

function date(written: string): DateValue {
    const parsed = parseDate(written);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value;
}

describe('namesDate: a title that already names the meeting\'s date, in any form the date parser reads', () => {
    test.each([
        ['CCWG-IG call of Wednesday, December 21', '2016-12-21', 'en'],
        ['Council meeting, 21 December 2016', '2016-12-21', 'en'],
        ['Council meeting 2016-12-21', '2016-12-21', 'en'],
        ['Call of 21st of December', '2016-12-21', 'en'],
        ['IGF 2017, 18–21 December', '2017-12-18/2017-12-21', 'en'],
        ['Conseil municipal du lundi 19 mars 2018', '2018-03-19', 'fr'],
        ['Sesión del 19 de marzo de 2018', '2018-03-19', 'es'],
        ['Заседание 19 марта 2018 г.', '2018-03-19', 'ru'],
        ['理事会 2018年3月19日', '2018-03-19', 'zh']
    ])('%s names %s (%s)', (title, written, language) => {
        expect(namesDate(title, date(written), language)).toBe(true);
    });

    test.each([
        ['CCWG-IG call of Thursday, December 21', '2016-12-21', 'the weekday is another day\'s'],
        ['Council meeting, 21 December 2015', '2016-12-21', 'the year is another'],
        ['December 2016 call', '2016-12-21', 'a month is not a day'],
        ['IGF 2016', '2016-12-21', 'a year is not a day'],
        ['Call of 22 December', '2016-12-21', 'another day'],
        ['IGF, 18 December', '2017-12-18/2017-12-21', 'the first day of a range is not the range'],
        ['Working group 21', '2016-12-21', 'a number is not a date']
    ])('%s does not name %s: %s', (title, written) => {
        expect(namesDate(title, date(written), 'en')).toBe(false);
    });
});

describe('titleLine: the title, then the venue and date it does not state', () => {
    test('a date the title states is not repeated, in whatever form the line writes it', () => {
        expect(titleLine('CCWG-IG call of Wednesday, December 21', { date: '21 December 2016' }, 'en', ', ')).toBe('CCWG-IG call of Wednesday, December 21');
        expect(titleLine('CCWG-IG call of Wednesday, December 21', { date: '2016-12-21' }, 'en', ', ')).toBe('CCWG-IG call of Wednesday, December 21');
        expect(titleLine('Conseil du 19 mars 2018', { date: '19 mars 2018' }, 'fr', ', ')).toBe('Conseil du 19 mars 2018');
    });

    test('after a title that ends a sentence, the venue and date follow without the separator\'s comma', () => {
        expect(titleLine('NetGov, Please Meet Cybernorms. Opening the debate.', { venue: 'Guadalajara, Mexico', date: '8 December 2016' }, 'en', ', '))
            .toBe('NetGov, Please Meet Cybernorms. Opening the debate. Guadalajara, Mexico, 8 December 2016');
        expect(titleLine('Who governs the Internet?', { date: '2 May 2024' }, 'en', ', ')).toBe('Who governs the Internet? 2 May 2024');
        expect(titleLine('理事会会议。', { venue: '日内瓦', date: '2024年5月2日' }, 'zh', '、')).toBe('理事会会议。日内瓦、2024年5月2日');
        // A title ending in a bracket keeps the separator; a title alone is the line.
        expect(titleLine('Board (closed)', { venue: 'Ljubljana' }, 'en', ', ')).toBe('Board (closed), Ljubljana');
        expect(titleLine('Meeting.', {}, 'en', ', ')).toBe('Meeting.');
    });

    test('a date the title lacks, or a venue, is added; the title is kept as written', () => {
        expect(titleLine('CCWG-IG call of December 20', { date: '21 December 2016' }, 'en', ', ')).toBe('CCWG-IG call of December 20, 21 December 2016');
        expect(titleLine('Board', { venue: 'Ljubljana', date: '18 April 2024' }, 'en', ', ')).toBe('Board, Ljubljana, 18 April 2024');
        expect(titleLine('Board in Ljubljana', { venue: 'ljubljana' }, 'en', ' · ')).toBe('Board in Ljubljana');
        expect(titleLine('Board', { date: 'next Monday' }, 'en', ', ')).toBe('Board, next Monday');
    });
});

describe('the email\'s subject', () => {
    test('does not repeat a date the title states, and the title itself is unchanged', async () => {
        const document = await parse('meeting: CCWG-IG call of Wednesday, December 21\ndate: 2016-12-21\nformat: remote\n\nHello all.\n');
        const outline = outlineOf(document.parseResult.value);
        expect(outline.subject).toBe('CCWG-IG call of Wednesday, December 21');
        expect(outline.title).toBe('CCWG-IG call of Wednesday, December 21');
    });

    test('a title in French is read in the meeting\'s language', async () => {
        const document = await parse('meeting: Conseil municipal du lundi 19 mars 2018\nlanguage: fr\ndate: 2018-03-19\n\nLa séance est ouverte.\n');
        expect(outlineOf(document.parseResult.value).subject).toBe('Conseil municipal du lundi 19 mars 2018');
    });
});
