import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import { structureOf } from '../../src/model/structure.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { DIRECTORY, codesOf, importInto } from '../helpers/import.js';

/** Imports one `>> LABEL: text` turn per label and returns how each turn was written and reported. */
async function importLabels(labels: string[], options: Parameters<typeof importInto>[1] = {}) {
    const source = 'Matching test\n\n' + labels.map((label, i) => `>> ${label}: Words number ${i}.`).join('\n\n') + '\n';
    const imported = await importInto(source, { date: '2018-11-12', ...options });
    const turns = structureOf(imported.document.parseResult.value).meetings[0].turns;
    const errors = imported.diagnostics.filter(d => d.severity === 1);
    expect(errors.map(d => d.message)).toEqual([]);
    return {
        imported,
        /** Per label: the speaker's handle (`?` when unidentified) and the turn's capacity or floor qualifier, or the phrase it is written as. */
        speakers: turns.map(turn => turn.unidentified
            ? `@?${turn.qualifiers.capacity ? ` as ${turn.qualifiers.capacity}` : ''}${turn.qualifiers.fromFloor ? ' from the floor' : ''}${turn.qualifiers.remote ? ' remote' : ''}`
            : turn.speaker ? `@${turn.speaker.name}` : `${turn.phrase?.kind} ${turn.line.speaker.$refText}`),
        summary: imported.result.summary
    };
}

describe('matching speaker labels against the directory', () => {
    test('exactly, ignoring case, diacritics, punctuation and a leading honorific', async () => {
        const { speakers, summary } = await importLabels(['MARCUS KUMMER', 'AYDEN FERDELINE', 'KUO WEI WU', 'Dr. Joanna Kulesza', 'PATRIK FÄLTSTRÖM']);
        expect(speakers).toEqual(['@mkummer', '@aferdeline', '@kwu', '@jkulesza', '@pfaltstrom']);
        expect(summary.matched.map(s => s.how)).toEqual(['name', 'name', 'name', 'name', 'name']);
        expect(summary.guessed).toEqual([]);
        expect(summary.unknown).toEqual([]);
    });

    test('by handle and by alias, also before a parenthesis', async () => {
        const { speakers, summary } = await importLabels(['MKUMMER', 'KUO WU', 'J. KULESZA', 'KUO WU (TWNIC)', 'MARILIA']);
        expect(speakers).toEqual(['@mkummer', '@kwu', '@jkulesza', '@kwu', '@mmaciel']);
        expect(summary.matched.map(s => [s.label, s.how])).toEqual([
            ['MKUMMER', 'handle'], ['KUO WU', 'alias'], ['J. KULESZA', 'alias'], ['KUO WU (TWNIC)', 'alias'], ['MARILIA', 'alias']
        ]);
    });

    test('organisations speak too', async () => {
        const { speakers } = await importLabels(['SSAC', 'INTERNET SOCIETY']);
        expect(speakers).toEqual(['@SSAC', '@ISOC']);
    });

    test('role labels: the office as written, whoever the header names for it, unless the role is declared', async () => {
        const undeclared = await importLabels(['MODERATOR', 'The Chair', 'CHAIRMAN', 'CHAIR PERSON']);
        const text = undeclared.imported.result.text;
        for (const turn of ['@MODERATOR: Words number 0.', '@{The Chair}: Words number 1.', '@CHAIRMAN: Words number 2.']) expect(text).toContain(turn);
        // A label the language does not read as an office stays unidentified, in that capacity.
        expect(text).toContain('@? [as chair]: Words number 3.');
        expect(undeclared.summary.unidentified.map(r => [r.label, r.reference])).toEqual([
            ['MODERATOR', '@MODERATOR'], ['The Chair', '@{The Chair}'], ['CHAIRMAN', '@CHAIRMAN'], ['CHAIR PERSON', '@?']
        ]);
        // Once the header names the holder, the office resolves to them.
        const header = text.replace(/^(date: .*)$/m, '$1\nmoderator: @nhickson\nchair: @mcade');
        expect(header).not.toBe(text);
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = undeclared.imported.services.shared.workspace;
        const declared = LangiumDocumentFactory.fromString<Document>(header, URI.file('/workspace/declared.minutes'));
        LangiumDocuments.addDocument(declared);
        await DocumentBuilder.build([declared], { validation: true });
        expect((declared.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
        expect(structureOf(declared.parseResult.value).meetings[0].turns.map(turn => turn.speaker?.name)).toEqual(['nhickson', 'mcade', 'mcade', undefined]);

        const chairOnly = await importLabels(['MODERATOR', 'CHAIR'], { roleNames: { chair: 'Marilyn Cade' } });
        expect(chairOnly.speakers).toEqual(['@mcade', '@mcade']);
        expect(chairOnly.summary.matched.map(s => [s.label, s.reference, s.how])).toEqual([['MODERATOR', '@mcade', 'role'], ['CHAIR', '@mcade', 'role']]);
        expect(chairOnly.imported.result.text).toMatch(/^chair: @mcade$/m);

        const both = await importLabels(['MODERATOR', 'CHAIR'], { roleNames: { moderator: 'Nigel', chair: 'Marilyn' } });
        expect(both.speakers).toEqual(['@nhickson', '@mcade']);
    });

    test('generic labels are unidentified speakers, from the floor or remote where they say so', async () => {
        const { speakers, summary } = await importLabels(['AUDIENCE MEMBER', 'SPEAKER', 'REMOTE PARTICIPANT', 'FLOOR']);
        expect(speakers).toEqual(['@? from the floor', '@?', '@? remote', '@? from the floor']);
        expect(summary.unknown).toEqual([]);
    });

    test('near matches are guesses, written with the handle and a comment on the first turn', async () => {
        const { speakers, summary, imported } = await importLabels(['MARCUS KUMER', 'TATIANA TROPNIA', 'KUMMER MARCUS', 'M. KUMMER', 'FALTSTROM', 'CADE', 'MARCUS KUMER']);
        expect(speakers).toEqual(['@mkummer', '@ttropina', '@mkummer', '@mkummer', '@pfaltstrom', '@mcade', '@mkummer']);
        expect(summary.guessed.map(s => [s.label, s.how, s.turns])).toEqual([
            ['MARCUS KUMER', '1 letter from \'Marcus Kummer\'', 2],
            ['TATIANA TROPNIA', '2 letters from \'Tatiana Tropina\'', 1],
            ['KUMMER MARCUS', 'the words or initials of \'Marcus Kummer\'', 1],
            ['M. KUMMER', 'the words or initials of \'Marcus Kummer\'', 1],
            ['FALTSTROM', '1 letter from the handle @pfaltstrom', 1],
            ['CADE', 'one word of \'Marilyn Cade\'', 1]
        ]);
        const comments = imported.result.text.split('\n').filter(line => line.startsWith('// guessed: MARCUS KUMER'));
        expect(comments).toEqual(['// guessed: MARCUS KUMER → @mkummer (Marcus Kummer), 1 letter from \'Marcus Kummer\'']);
    });

    test('an alias written as the captioner spells it is a match, not a guess', async () => {
        const directory = DIRECTORY.replace('person @mkummer Marcus Kummer', 'person @mkummer Marcus Kummer\n  alias: MARCUS KUMER');
        const { summary } = await importLabels(['MARCUS KUMER'], { directory });
        expect(summary.matched.map(s => [s.label, s.reference, s.how])).toEqual([['MARCUS KUMER', '@mkummer', 'alias']]);
    });

    test('a tie between near matches is no guess: a new entry, with the candidates in the summary', async () => {
        const directory = `${DIRECTORY}\nperson @aberg Anna Berg\nperson @aberg2 Anne Berg\n`;
        const { speakers, summary } = await importLabels(['ANNI BERG'], { directory });
        expect(speakers).toEqual(['@aberg3']);
        expect(summary.unknown.map(s => [s.label, s.name, s.candidates])).toEqual([
            ['ANNI BERG', 'Anni Berg', ['@aberg (Anna Berg)', '@aberg2 (Anne Berg)']]
        ]);
    });

    test('unknown labels become one new entry each, with a handle nobody has, marked for review', async () => {
        const { speakers, summary, imported } = await importLabels(['MARK KUMMER', 'SANJA KELLY', 'Sanja Kelly', 'SEAN O\'KELLY-SMITH', 'SPEAKER 1']);
        expect(speakers).toEqual(['@mkummer2', '@skelly', '@skelly', '@ssmith', '@speaker1']);
        expect(summary.unknown.map(s => [s.reference, s.name, s.turns])).toEqual([
            ['@mkummer2', 'Mark Kummer', 1],
            ['@skelly', 'Sanja Kelly', 2],
            ['@ssmith', 'Sean O\'Kelly-Smith', 1],
            ['@speaker1', 'Speaker 1', 1]
        ]);
        expect(codesOf(imported.diagnostics)).toEqual(Array(4).fill(IssueCodes.UnreviewedEntry));
        expect(imported.result.text).toContain('person @skelly Sanja Kelly\n  review: imported from transcript.txt; confirm or link to an existing person\n');
    });

    test('without any directory, every named speaker is new', async () => {
        const { speakers, summary } = await importLabels(['MARCUS KUMMER', 'MODERATOR'], { directory: '' });
        expect(speakers).toEqual(['@mkummer', 'office MODERATOR']);
        expect(summary.unknown.map(s => s.label)).toEqual(['MARCUS KUMMER']);
    });
});
