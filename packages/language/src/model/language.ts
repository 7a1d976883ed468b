/**
 * The language a meeting is written in: its `language:` field (a BCP 47 tag: `fr`,
 * `es-419`, `ar-u-nu-arab`), else its report's, else the configuration's default, else
 * English. Outputs take their words from that language's table (translations.ts), dates
 * from Intl in that language, and the HTML its direction.
 */
import type { Document, Field } from '../generated/ast.js';
import { canonicalLocale, primaryLanguage } from './date-names.js';
import { structureOf, type DocumentStructure, type Meeting } from './structure.js';
import { writtenText } from './text.js';
import { ENGLISH_WORDS, TRANSLATIONS, type OutputWords, type PluralPhrase, type Translation } from './translations.js';
import { memoised } from './memo.js';
import { ENGLISH_LABELS, isKey } from './vocabulary.js';
import { ObjectFacts } from '../util/object-facts.js';

export const DEFAULT_LANGUAGE = 'en';

/** The languages outputs are written in: a table of words for each. */
export const OUTPUT_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;

export const ENGLISH: Translation = { ...ENGLISH_LABELS, words: ENGLISH_WORDS };

/** Distinct language tags remembered with what Intl makes of them (a document has a few). */
const TAGS_KEPT = 1_000;

/** Whether outputs have a table of words for the language of a tag (`fr-CA`: French). */
export function isOutputLanguage(tag: string): boolean {
    return (OUTPUT_LANGUAGES as readonly string[]).includes(primaryLanguage(tag));
}

/** The words of a language's outputs; English for a language without a table. */
export function translationOf(tag: string | undefined): Translation {
    const language = tag === undefined ? DEFAULT_LANGUAGE : primaryLanguage(tag);
    return language === 'en' ? ENGLISH : TRANSLATIONS[language as keyof typeof TRANSLATIONS] ?? ENGLISH;
}

/**
 * The language an output is being written in, with its words. A meeting in another language
 * than its document's is written in its own (`within`), and the writer returns to the outer
 * language after it.
 */
export class WritingLanguage {
    private current: string;
    private table: Translation;

    constructor(tag: string = DEFAULT_LANGUAGE) {
        this.current = tag;
        this.table = translationOf(tag);
    }

    /** The BCP 47 tag. */
    get tag(): string { return this.current; }
    get translation(): Translation { return this.table; }
    get words(): OutputWords { return this.table.words; }

    /** Writes from here on in another language. */
    set(tag: string): void {
        this.current = tag;
        this.table = translationOf(tag);
    }

    /** Runs `write` in another language, then returns to this one, even when `write` throws. */
    within<T>(tag: string, write: () => T): T {
        const outer = this.current;
        this.set(tag);
        try {
            return write();
        } finally {
            this.set(outer);
        }
    }
}

/** `rtl` for Arabic (and any language written right to left), from Intl's text info. */
export const textDirection = memoised((tag: string): 'ltr' | 'rtl' => {
    const locale = new Intl.Locale(canonicalLocale(tag) ?? DEFAULT_LANGUAGE) as Intl.Locale & {
        getTextInfo?: () => { direction?: string };
        textInfo?: { direction?: string };
    };
    // Node 24 has getTextInfo(); Node 20 and 22 the older textInfo getter.
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}, TAGS_KEPT);

/** A template with its `{name}` places filled. */
export function filled(template: string, values: Readonly<Record<string, string>>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A phrase in the form a count takes in the language (`1 participant`, `3 участника`), the count written by Intl. */
export function counted(phrase: PluralPhrase, count: number, tag: string): string {
    const category = pluralRules(canonicalLocale(tag) ?? DEFAULT_LANGUAGE).select(count);
    return filled(phrase[category] ?? phrase.other, { count: formattedCount(count, tag) });
}

// Intl's objects, one per language: making one takes longer than the rest of a line of output
// (they were a tenth of the time of the email of a long report).
const pluralRules = memoised(locale => new Intl.PluralRules(locale), TAGS_KEPT);
/** Western digits for a bare `ar`, the digits of its region for `ar-EG` (see formattedCount). */
const digits = (locale: string) => primaryLanguage(locale) === locale ? { numberingSystem: 'latn' } : {};
const shareFormat = memoised(locale => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, ...digits(locale) }), TAGS_KEPT);
const countFormat = memoised(locale => new Intl.NumberFormat(locale, digits(locale)), TAGS_KEPT);

/**
 * A share as Intl writes a percentage in a language, to one decimal: `27.8%`, `27,8 %`, and
 * in Arabic with the marks that keep `%` beside its number in right-to-left text.
 */
export function formattedShare(share: number, tag: string): string {
    return shareFormat(canonicalLocale(tag) ?? DEFAULT_LANGUAGE).format(share);
}

/** A count as Intl writes it in a language: Western digits for `ar`, Arabic-Indic for `ar-EG` (its region's usage). */
export function formattedCount(count: number, tag: string): string {
    return countFormat(canonicalLocale(tag) ?? DEFAULT_LANGUAGE).format(count);
}

function languageFields(fields: readonly Field[]): Field[] {
    return fields.filter(field => isKey(field.key, 'language') && writtenText(field.value).trim().length > 0);
}

/**
 * Each meeting's written language (or, for none, its document's), read once: it is asked for each
 * action of a meeting (the ledger's listings and calendar), and a meeting may have many fields
 * (a `narration:` per paragraph): read each time, n actions took n times the fields.
 */
const writtenLanguages = new ObjectFacts<Meeting | DocumentStructure, string | null>('written language');

/** The tag a meeting's (or else its report's) `language:` field gives, as written and canonical; undefined when none gives a valid one. */
export function writtenLanguage(meeting: Meeting | undefined, structure: DocumentStructure): string | undefined {
    const key = meeting ?? structure;
    let tag = writtenLanguages.get(key);
    if (tag === undefined) writtenLanguages.set(key, tag = readWrittenLanguage(meeting, structure) ?? null);
    return tag ?? undefined;
}

function readWrittenLanguage(meeting: Meeting | undefined, structure: DocumentStructure): string | undefined {
    for (const field of [...(meeting ? languageFields(meeting.fields) : []), ...languageFields(structure.fields)]) {
        const tag = canonicalLocale(writtenText(field.value));
        if (tag) return tag;
    }
    return undefined;
}

/** The language of a meeting: its own, its report's, the configuration's (`fallback`), or English. */
export function meetingLanguage(meeting: Meeting | undefined, structure: DocumentStructure, fallback?: string): string {
    return writtenLanguage(meeting, structure) ?? (fallback && canonicalLocale(fallback)) ?? DEFAULT_LANGUAGE;
}

/**
 * The language of what gathers meetings (a report's header, a site's index, an owner's
 * digest): the one all the meetings share, else the configuration's (`fallback`), else English.
 */
export function sharedLanguage(languages: Iterable<string>, fallback?: string): string {
    const distinct = new Set(languages);
    return distinct.size === 1 ? [...distinct][0] : (fallback && canonicalLocale(fallback)) || DEFAULT_LANGUAGE;
}

const fieldLanguages = new ObjectFacts<DocumentStructure, Map<Field, string | undefined>>('field languages');

/**
 * The language a note gives for the meeting a field belongs to (its own `language:` or its
 * report's); undefined when it gives none. Read once per parsed document.
 */
export function noteLanguageOfField(field: Field): string | undefined {
    let root: { $container?: unknown } = field;
    while (root.$container) root = root.$container as { $container?: unknown };
    const structure = structureOf(root as Document);
    let languages = fieldLanguages.get(structure);
    if (!languages) {
        languages = new Map();
        const documentLanguage = writtenLanguage(undefined, structure);
        for (const each of structure.fields) languages.set(each, documentLanguage);
        for (const meeting of structure.meetings) {
            const language = writtenLanguage(meeting, structure);
            for (const each of meeting.fields) languages.set(each, language);
        }
        fieldLanguages.set(structure, languages);
    }
    return languages.get(field);
}

/** The columns of a table of participants, in a language: name, organisation, role, attendance (and a note). */
export function participantColumns(words: OutputWords, notes: boolean): string[] {
    return [words.name, words.organisation, words.role, words.attendance, ...(notes ? [words.note] : [])];
}
