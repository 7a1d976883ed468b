import { describe, expect, test } from 'vitest';
import { isPerson } from '../../src/generated/ast.js';
import { readCaptions } from '../../src/import/captions.js';
import { structureOf } from '../../src/model/structure.js';
import { entryFields } from '../../src/model/directory.js';
import { plainText } from '../../src/model/text.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { codesOf, fixture, importedText, importInto, words } from '../helpers/import.js';

const SEED = fixture('captions-igf2018-ws224.txt');

/**
 * The seed's words as a reader of the transcript reads them: every line, without the `>>`
 * that marks a speaker change and without the speaker's label (`MARCUS KUMER:`). Written
 * independently of the importer: a label here is simply capitals before a colon.
 */
function transcriptWords(text: string): string[] {
    return text.split('\n').flatMap(line => words(line.replace(/^\s*>>\s*(?:[A-Z][A-Z .'’-]*[A-Z]:(?=\s|$))?/, '')));
}

describe('importing the WS224 captioning transcript (seed 002)', async () => {
    const imported = await importInto(SEED, { sourceName: 'captions-igf2018-ws224.txt' });
    const root = imported.document.parseResult.value;
    const meeting = structureOf(root).meetings[0];

    test('the output parses and checks clean but for the review warnings', () => {
        expect(imported.document.parseResult.lexerErrors).toEqual([]);
        expect(imported.document.parseResult.parserErrors).toEqual([]);
        expect(codesOf(imported.diagnostics)).toEqual([IssueCodes.UnreviewedEntry, IssueCodes.UnreviewedEntry]);
    });

    test('keeps every word of the transcript, in order', () => {
        const expected = transcriptWords(SEED);
        const actual = words(importedText(imported.document, { withoutFields: ['date:'] }));
        expect(expected.length).toBeGreaterThan(9_000);
        expect(actual).toEqual(expected);
    });

    test('the title line and the disclaimer become metadata', () => {
        expect(plainText(meeting.start?.value)).toBe('IGF 2018 - Day 1 - Salle X - WS224 The Past, the Present and the Future for Multi-stakeholderism');
        const disclaimer = structureOf(root).items.find(item => item.kind === 'field' && item.field.key === 'disclaimer:');
        expect(disclaimer?.kind === 'field' && disclaimer.body.length).toBe(1);
        // The date is the one the disclaimer gives, as written, with a comment saying so.
        expect(meeting.fields.map(field => [field.key, plainText(field.value).replace(/\s+/g, ' ')])).toContainEqual(['date:', '12 to 14 November 2018']);
        expect(imported.result.text).toMatch(/\/\/ date: as the transcript's introduction gives it/);
    });

    test('one turn per speaker change: named, unidentified, and the moderator\'s office as the label wrote it', () => {
        const changes = SEED.split('\n').filter(line => line.startsWith('>>')).length;
        expect(meeting.turns).toHaveLength(changes);
        const moderator = meeting.turns.filter(turn => turn.phrase?.kind === 'office' && turn.phrase.office === 'moderator' && turn.line.speaker.$refText === 'MODERATOR');
        expect(moderator).toHaveLength(SEED.split('\n').filter(line => line.startsWith('>> MODERATOR:')).length);
        const bare = meeting.turns.filter(turn => turn.unidentified && !turn.qualifiers.capacity);
        expect(bare).toHaveLength(SEED.split('\n').filter(line => /^>>(?!\s*[A-Z][A-Z .'’-]*[A-Z]:)/.test(line)).length);
        expect(meeting.turns.every(turn => turn.unidentified || turn.speaker || turn.phrase)).toBe(true);
    });

    test('speakers: by name with a diacritic, by alias, by a guess, and two new entries for review', () => {
        const summary = imported.result.summary;
        expect(summary.matched.map(s => [s.label, s.reference, s.how])).toEqual([
            ['AYDEN FERDELINE', '@aferdeline', 'name'],
            ['KUO WU', '@kwu', 'alias']
        ]);
        expect(summary.guessed.map(s => [s.label, s.reference])).toEqual([['MARCUS KUMER', '@mkummer']]);
        expect(summary.unknown.map(s => [s.label, s.reference, s.name])).toEqual([
            ['SANDRA HOFERICHTER', '@shoferichter', 'Sandra Hoferichter'],
            ['SANJA KELLY', '@skelly', 'Sanja Kelly']
        ]);
        expect(imported.result.text).toContain('// guessed: MARCUS KUMER → @mkummer (Marcus Kummer), 1 letter from \'Marcus Kummer\'\n@mkummer: Thank you');
        const kummer = meeting.turns.find(turn => turn.speaker?.name === 'mkummer');
        expect(kummer?.speaker && plainText(kummer.speaker.displayName)).toBe('Marcus Kummer');
    });

    test('new entries come first, each with its review note', () => {
        const entries = root.blocks.filter(isPerson);
        expect(entries.map(entry => entry.name)).toEqual(['shoferichter', 'skelly']);
        expect(root.blocks.indexOf(entries[1])).toBeLessThan(root.blocks.indexOf(meeting.start!));
        for (const entry of entries) {
            expect(plainText(entryFields(entry, 'review')[0].value))
                .toBe('imported from captions-igf2018-ws224.txt; confirm or link to an existing person');
        }
    });

    test('with a declared moderator, MODERATOR turns are theirs and the meeting says so', async () => {
        const withModerator = await importInto(SEED, { roleNames: { moderator: 'Nigel Hickson' }, date: '2018-11-12' });
        const turns = structureOf(withModerator.document.parseResult.value).meetings[0].turns;
        expect(turns.filter(turn => turn.speaker?.name === 'nhickson')).toHaveLength(12);
        expect(turns.some(turn => turn.qualifiers.capacity === 'moderator')).toBe(false);
        expect(withModerator.result.text).toMatch(/^moderator: @nhickson$/m);
        expect(withModerator.result.text).toMatch(/^date: 2018-11-12$/m);
        expect(codesOf(withModerator.diagnostics).filter(code => code !== IssueCodes.UnreviewedEntry)).toEqual([]);
    });
});

describe('reading captions', () => {
    test('a bare >> is an unidentified speaker; a sentence with a colon is not a label', () => {
        const transcript = readCaptions('Title\n\n>> So, the question is: who?\n>> KUO WU: Me.\n>> Marcus Kummer: Him.\n>> Well: no.\n');
        expect(transcript.turns.map(turn => [turn.label, turn.paragraphs])).toEqual([
            [undefined, [['So, the question is: who?']]],
            ['KUO WU', [['Me.']]],
            ['Marcus Kummer', [['Him.']]],
            [undefined, [['Well: no.']]]
        ]);
    });

    test('paragraphs of a turn are kept; a text without >> is a title and prose', () => {
        const transcript = readCaptions('>> CHAIR: One.\nstill one.\n\n\nTwo.\n');
        expect(transcript.turns[0].paragraphs).toEqual([['One.', 'still one.'], ['Two.']]);
        const plain = readCaptions('A title\n\nSome prose.\nMore.\n');
        expect(plain).toMatchObject({ title: 'A title', prologue: [['Some prose.', 'More.']], disclaimer: [], turns: [] });
    });
});
