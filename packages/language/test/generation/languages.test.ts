import { describe, expect, test } from 'vitest';
import { ENGLISH, OUTPUT_LANGUAGES, translationOf, WritingLanguage } from '../../src/model/language.js';
import { TRANSLATIONS } from '../../src/model/translations.js';
import { strFromU8, unzipSync } from 'fflate';
import { generateDocx } from '../../src/generation/docx.js';
import { generateEmail } from '../../src/generation/email.js';
import { generateHtml } from '../../src/generation/html.js';
import { generateJson } from '../../src/generation/json.js';
import { generateMarkdown } from '../../src/generation/markdown.js';
import { ENGLISH_LABELS, KEYS, isLabelled } from '../../src/model/vocabulary.js';
import { documentsUnderTest } from '../helpers/fixtures.js';
import { meetingLanguage } from '../../src/model/language.js';
import { structureOf } from '../../src/model/structure.js';
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
        expect(html).toMatch(/>100,0\s%<\/td>/u);
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
        // Intl's percentage: its marks keep `%` beside the number in right-to-left text.
        expect(html).toContain('>100.0\u200E%\u200E</td>');
    });

    test('Arabic in Word: every paragraph right to left, tables from the right; French not', async () => {
        const wordXml = async (language: string) => {
            const { documents } = await buildWorkspace({ 'note.minutes': NOTE(language, '2018-03-19'), 'directory.minutes': DIRECTORY });
            return strFromU8(unzipSync(await generateDocx(documents['note.minutes'].parseResult.value))['word/document.xml']);
        };
        const arabic = await wordXml('ar');
        const paragraphs = arabic.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g) ?? [];
        expect(paragraphs.length).toBeGreaterThan(5);
        expect(paragraphs.filter(paragraph => !paragraph.includes('<w:bidi/>'))).toEqual([]);
        expect(arabic).toContain('<w:bidiVisual/>');
        expect(arabic).toContain('جدول الأعمال');
        // An Arabic meeting in a French report: its paragraphs only.
        const { documents } = await buildWorkspace({
            'report.minutes': 'report: Rapport\nlanguage: fr\n\nmeeting: Genève\ndate: 2018-03-19\n\nParagraphe français.\n\nmeeting: القاهرة\nlanguage: ar\ndate: 2018-04-20\n\nفقرة عربية.\n\nmeeting: Tunis\ndate: 2018-05-21\n\nEncore en français.\n'
        });
        const report = strFromU8(unzipSync(await generateDocx(documents['report.minutes'].parseResult.value))['word/document.xml']);
        const directed = (report.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g) ?? []).map(p => [p.includes('<w:bidi/>'), p.replace(/<[^>]+>/g, '')]);
        expect(directed.find(([, text]) => text === 'فقرة عربية.')?.[0]).toBe(true);
        expect(directed.find(([, text]) => text === 'Paragraphe français.')?.[0]).toBe(false);
        expect(directed.find(([, text]) => text === 'Encore en français.')?.[0]).toBe(false);
        const french = await wordXml('fr');
        expect(french).not.toContain('<w:bidi/>');
        expect(french).not.toContain('<w:bidiVisual/>');
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

describe('the Chatham House Rule in each language', () => {
    const directory = `person @mcade Marilyn Cade
  org: @ICANN

person @ttropina Tatiana Tropina

org @ICANN Internet Corporation for Assigned Names and Numbers
  acronym: ICANN
  stakeholder: technical community

org @cs Civil Society Coalition
  stakeholder: civil society
`;
    const note = (language: string) => `meeting: Consultation
language: ${language}
rule: Chatham House

attendees:
- @mcade
- @ttropina

@mcade: First point.
@ttropina [for @cs]: Second point.
@?: Third point.
`;

    async function email(language: string, attribution: 'organisation' | 'none') {
        const { documents } = await buildWorkspace({ 'note.minutes': note(language), 'directory.minutes': directory });
        return generateEmail(documents['note.minutes'].parseResult.value, { attribution });
    }

    // The reviewed wording, language by language: who spoke (by organisation, by group), who
    // was not identified, and the attendee list as a count per stakeholder group. A turn's
    // colon is the note's own (`@x:`), printed as written.
    const REVIEWED: Record<string, { organisation: string[]; none: string[] }> = {
        en: {
            organisation: ['A participant from ICANN: First point.', 'A participant from Civil Society Coalition: Second point.', 'Unidentified speaker: Third point.', 'Attendees: 2 participants (1 technical community, 1 with no stakeholder group)'],
            none: ['A participant from the technical community: First point.', 'A participant from civil society: Second point.']
        },
        fr: {
            organisation: ['Un participant (ICANN): First point.', 'Un participant (Civil Society Coalition): Second point.', 'Orateur non identifié: Third point.', 'Personnes présentes\u00A0: 2 participants (communauté technique\u00A0: 1, sans groupe de parties prenantes\u00A0: 1)'],
            none: ['Un participant de la communauté technique: First point.', 'Un participant de la société civile: Second point.']
        },
        es: {
            organisation: ['Un participante (ICANN): First point.', 'Un participante (Civil Society Coalition): Second point.', 'Orador no identificado: Third point.', 'Asistentes: 2 participantes (comunidad técnica: 1, sin grupo de partes interesadas: 1)'],
            none: ['Un participante de la comunidad técnica: First point.', 'Un participante de la sociedad civil: Second point.']
        },
        ru: {
            organisation: ['Участник (ICANN): First point.', 'Участник (Civil Society Coalition): Second point.', 'Неустановленный выступающий: Third point.', 'Присутствующие: 2 участника (техническое сообщество: 1, без группы заинтересованных сторон: 1)'],
            none: ['Участник от технического сообщества: First point.', 'Участник от гражданского общества: Second point.']
        },
        ar: {
            organisation: ['أحد المشاركين من ICANN: First point.', 'أحد المشاركين من Civil Society Coalition: Second point.', 'متحدث غير معروف: Third point.', 'الحاضرون: مشاركان (المجتمع التقني: 1، بلا مجموعة من أصحاب المصلحة: 1)'],
            none: ['أحد المشاركين من المجتمع التقني: First point.', 'أحد المشاركين من المجتمع المدني: Second point.']
        },
        zh: {
            organisation: ['一名来自ICANN的与会者: First point.', '一名来自Civil Society Coalition的与会者: Second point.', '身份不明的发言者: Third point.', '出席者：2 名与会者（技术界 1 名、未注明利益相关方群体 1 名）'],
            none: ['一名来自技术界的与会者: First point.', '一名来自民间社会的与会者: Second point.']
        }
    };

    test('every output language has its reviewed wording here', () => {
        expect(Object.keys(REVIEWED).sort()).toEqual([...OUTPUT_LANGUAGES].sort());
    });

    test.each(Object.entries(REVIEWED))('%s: who spoke and who attended, in the meeting\'s words, naming no one', async (language, expected) => {
        for (const attribution of ['organisation', 'none'] as const) {
            const text = (await email(language, attribution)).replace(/\s*\n\s*/g, ' ');
            for (const phrase of expected[attribution]) expect(text, `${language} ${attribution}`).toContain(phrase);
            for (const name of ['Marilyn', 'Cade', 'Tatiana', 'Tropina']) expect(text).not.toContain(name);
            if (language !== 'en') expect(text, `${language} ${attribution}`).not.toMatch(/participant from|Unidentified|stakeholder group/);
        }
    });
});

describe('the documents every output is validated on', () => {
    // html-validate, Chromium at 375 px, the JSON schema, the eml read back, Markdown and Word
    // all run over these: together they must be in every output language.
    test('include a meeting in each of the six languages', async () => {
        const languages = new Set<string>();
        for (const { document } of await documentsUnderTest()) {
            const structure = structureOf(document.parseResult.value);
            for (const meeting of structure.meetings) languages.add(meetingLanguage(meeting, structure));
        }
        expect([...OUTPUT_LANGUAGES].filter(language => !languages.has(language))).toEqual([]);
    });
});
