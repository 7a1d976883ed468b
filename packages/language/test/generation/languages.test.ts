import { describe, expect, test } from 'vitest';
import { ENGLISH, translationOf, WritingLanguage } from '../../src/model/language.js';
import { TRANSLATIONS } from '../../src/model/translations.js';
import { strFromU8, unzipSync } from 'fflate';
import { generateDocx } from '../../src/generation/docx.js';
import { generateEmail } from '../../src/generation/email.js';
import { generateHtml } from '../../src/generation/html.js';
import { generateJson } from '../../src/generation/json.js';
import { generateMarkdown } from '../../src/generation/markdown.js';
import { ENGLISH_LABELS, KEYS, isLabelled } from '../../src/model/vocabulary.js';
import { buildWorkspace } from '../helpers/workspace.js';

/** Every path to a string in a table: `words.statuses.done`, `keys.date.one`. */
function paths(value: unknown, prefix = ''): string[] {
    if (typeof value === 'string') return [prefix];
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, inner]) => paths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('one table of words per language', () => {
    const english = new Set(paths(ENGLISH));

    test.each(Object.entries(TRANSLATIONS))('%s has every label, office, attendance and word that English has', (_, translation) => {
        const own = new Set(paths(translation));
        // A language may have more plural forms than English, and a plural label may need no second form (Chinese).
        const missing = [...english].filter(path => !own.has(path) && !/\.(many|one)$/.test(path) && !/^words\.[a-zA-Z]+\.(one|few|many|two|zero)$/.test(path));
        expect(missing).toEqual([]);
        for (const path of own) expect(english.has(path) || /\.(zero|one|two|few|many|other)$/.test(path), path).toBe(true);
    });

    test('every key outputs show by name has an English label, so every language is checked against all of them', () => {
        const labelled = KEYS.filter(isLabelled).map(definition => definition.id);
        expect(labelled.filter(id => !ENGLISH_LABELS.keys[id])).toEqual([]);
        for (const translation of Object.values(TRANSLATIONS)) expect(labelled.filter(id => !translation.keys[id])).toEqual([]);
    });

    test('a table that lacks a label fails the check', () => {
        const { date: _date, ...keys } = TRANSLATIONS.fr.keys;
        const broken = new Set(paths({ ...TRANSLATIONS.fr, keys }));
        expect([...new Set(paths(ENGLISH))].filter(path => !broken.has(path))).toContain('keys.date.one');
    });

    test('a language without a table, or none, is English; a regional tag is its language', () => {
        expect(translationOf('de')).toBe(ENGLISH);
        expect(translationOf(undefined)).toBe(ENGLISH);
        expect(translationOf('fr-CA')).toBe(TRANSLATIONS.fr);
    });
});

const NOTE = (language: string, date: string) => `meeting: Test
language: ${language}
date: ${date}
chair: @mcade

agenda:
1. One

@mcade: Opened.

decisions:
- Agreed.

action #a1 @mcade due 2018-04-15: Circulate.
`;

const DIRECTORY = 'person @mcade Marilyn Cade\n';

async function outputs(language: string, date = '2018-03-19') {
    const { documents } = await buildWorkspace({ 'note.minutes': NOTE(language, date), 'directory.minutes': DIRECTORY });
    const document = documents['note.minutes'].parseResult.value;
    return { email: generateEmail(document), html: generateHtml(document), markdown: generateMarkdown(document), json: JSON.parse(generateJson(document)) };
}

describe('outputs in the meeting\'s language', () => {
    test('French: labels, headings and the date by Intl', async () => {
        const { email, html, markdown, json } = await outputs('fr');
        // French puts a no-break space before a colon.
        expect(email).toContain('\nDate\u00A0:       19 mars 2018\n');
        expect(email).toContain('\nPrésidence\u00A0: Marilyn Cade\n');
        expect(email).toContain('Ordre du jour');
        expect(email).toContain('Décisions');
        expect(email).toContain('Action #a1 (Marilyn Cade, échéance le 2018-04-15)\u00A0: Circulate.');
        expect(html).toContain('<html lang="fr" dir="ltr">');
        expect(html).toContain('<th scope="col">Responsable</th><th scope="col">Échéance</th>');
        expect(markdown).toContain('| Action | Responsable | Échéance | État |');
        expect(json.language).toBe('fr');
        expect(json.meetings[0].language).toBe('fr');
    });

    test('Arabic: right to left, Arabic labels', async () => {
        const { email, html } = await outputs('ar');
        expect(email).toContain('\nالتاريخ: 19 مارس 2018\n');
        expect(email).toContain('جدول الأعمال');
        expect(html).toContain('<html lang="ar" dir="rtl">');
        expect(html).toContain('<p dir="auto">');
        expect(html).toContain('<time datetime="2018-04-15" dir="ltr">');
    });

    test('Chinese: full-width colon, labels aligned by columns, the date by Intl', async () => {
        const { email } = await outputs('zh');
        expect(email).toContain('\n日期： 2018年3月19日\n主席： Marilyn Cade\n');
        expect(email).toContain('议程');
    });

    test('a date written in words stays as written; a language with no table gets English labels', async () => {
        expect((await outputs('es', '19 de marzo de 2018')).email).toContain('\nFecha:       19 de marzo de 2018\n');
        expect((await outputs('de')).email).toContain('\nDate:  19 March 2018\n');
    });
});

describe('a report whose meetings are in several languages', () => {
    const REPORT = `report: Rapport annuel
language: fr

meeting: Réunion de Genève
date: 2018-03-19

agenda:
1. Ouverture

meeting: Reunión de Montevideo
language: es
date: 2018-04-20

agenda:
1. Apertura

meeting: Réunion de Tunis
date: 2018-05-21

agenda:
1. Clôture
`;

    test('each writer writes a meeting in its own language, and the next one in the report\'s again', async () => {
        const { documents } = await buildWorkspace({ 'report.minutes': REPORT });
        const document = documents['report.minutes'].parseResult.value;
        const docx = strFromU8(unzipSync(await generateDocx(document))['word/document.xml']);
        const outputs = { email: generateEmail(document), html: generateHtml(document), markdown: generateMarkdown(document), docx };
        for (const [format, text] of Object.entries(outputs)) {
            const order = ['Ordre du jour', 'Orden del día', 'Ordre du jour'];
            let from = 0;
            for (const label of order) {
                const at = text.indexOf(label, from);
                expect(at, `${format}: ${label} after ${from}`).toBeGreaterThanOrEqual(0);
                from = at + label.length;
            }
            expect(text.indexOf('Orden del día', from), format).toBe(-1);
        }
        expect(outputs.html).toContain('<html lang="fr" dir="ltr">');
        expect(outputs.html).toContain('<section class="meeting" lang="es" dir="ltr">');
        expect(outputs.html.match(/<section class="meeting" lang=/g)).toHaveLength(1);
    });

    test('the switch of language returns to the outer one even when writing fails', () => {
        const language = new WritingLanguage('fr');
        expect(() => language.within('ar', () => {
            expect(language.words.agenda).toBe('جدول الأعمال');
            throw new Error('disk full');
        })).toThrow('disk full');
        expect(language.tag).toBe('fr');
        expect(language.words.agenda).toBe('Ordre du jour');
    });
});
