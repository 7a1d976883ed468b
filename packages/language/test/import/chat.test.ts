import { describe, expect, test } from 'vitest';
import { readChat } from '../../src/import/chat.js';
import { structureOf } from '../../src/model/structure.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { codesOf, fixture, importedText, importInto, words } from '../helpers/import.js';

/** A chat log's words without time stamps and names: `[10:02] Marilyn Cade: Good…` → `Good…`. */
function messageWords(text: string, stamp: RegExp): string[] {
    return text.split('\n').flatMap(line => {
        const message = stamp.exec(line);
        return words(message ? line.slice(message[0].length) : line);
    });
}

describe('importing a chat log with [hh:mm] stamps', async () => {
    const source = fixture('chat-log.txt');
    const imported = await importInto(source, { sourceName: 'chat-log.txt' });
    const meeting = structureOf(imported.document.parseResult.value).meetings[0];

    test('checks clean but for the review of the unknown name', () => {
        expect(imported.document.parseResult.parserErrors).toEqual([]);
        expect(codesOf(imported.diagnostics)).toEqual([IssueCodes.UnreviewedEntry]);
    });

    test('keeps every word; lines that look like syntax stay prose', () => {
        const expected = messageWords(source, /^\[\d\d:\d\d\] [^:]+: /);
        expect(words(importedText(imported.document, { withoutFields: ['date:'] }))).toEqual(expected);
        // `1. Policy topics`, `Note: …`, `@Nigel`, `# not a heading` and `/* audio issues */` are escaped, not syntax.
        expect(imported.result.text).toContain('\\1. Policy topics\n\\2. IGF 2017\n\\Note: slides are on the wiki.');
        expect(imported.result.text).toContain('\\@Nigel can you share the link?\n\\# not a heading, a hashtag line');
        expect(imported.result.text).toContain('sorry \\/* audio issues */');
    });

    test('one turn per message, with its time; lines without a stamp continue the message', () => {
        expect(meeting.turns.map(turn => [turn.speaker?.name, turn.qualifiers.at, turn.paragraphs.length])).toEqual([
            ['mcade', '10:02', 0],
            ['nhickson', '10:03', 1],
            ['ttropina', '10:03', 0], // `Tatiana Tropnia`: a guess
            ['mmaciel', '10:05', 1], // `Marília Maciel` with its diacritic
            ['nhickson', '10:05', 0],
            ['jodegard', '10:06', 0], // Jöran Ødegård: unknown, a new entry with an ASCII handle
            ['mcade', '10:07', 0] // `marilyn cade`: case does not matter
        ]);
        expect(imported.result.summary.guessed.map(s => [s.label, s.reference])).toEqual([['Tatiana Tropnia', '@ttropina']]);
        expect(imported.result.summary.unknown.map(s => [s.label, s.reference, s.name])).toEqual([['Jöran Ødegård', '@jodegard', 'Jöran Ødegård']]);
    });
});

describe('importing a Zoom chat', async () => {
    const source = fixture('chat-zoom.txt');
    const imported = await importInto(source, { sourceName: 'chat-zoom.txt', title: 'Dry run', date: '2018-11-12' });

    test('`hh:mm:ss From Name to Everyone :` lines; names by name, without diacritics, and by alias', () => {
        const turns = structureOf(imported.document.parseResult.value).meetings[0].turns;
        expect(turns.map(turn => [turn.speaker?.name, turn.qualifiers.at])).toEqual([
            ['mkummer', '09:58:12'], ['aferdeline', '09:58:40'], ['kwu', '10:01:03'], ['mkummer', '10:02:27']
        ]);
        expect(codesOf(imported.diagnostics)).toEqual([]);
        const expected = messageWords(source, /^\d\d:\d\d:\d\d From .+? to .+?\s?: /);
        expect(words(importedText(imported.document, { withoutFields: ['meeting:', 'date:'] }))).toEqual(expected);
    });
});

describe('reading chat logs', () => {
    test('IRC nicks, dated stamps, and a date shared by every message', async () => {
        const log = '[2017-02-02 10:02] <mcade> hello\n[2017-02-02 10:03] <nhickson> hi\n';
        expect(readChat(log).turns.map(turn => [turn.label, turn.date, turn.time])).toEqual([
            ['mcade', '2017-02-02', '10:02'], ['nhickson', '2017-02-02', '10:03']
        ]);
        const imported = await importInto(log, { title: 'Call' });
        expect(imported.result.text).toMatch(/^date: 2017-02-02$/m);
        expect(codesOf(imported.diagnostics)).toEqual([]);
    });

    test('messages of different days keep their date in the time', async () => {
        const imported = await importInto('[2017-02-02 23:59] Nigel Hickson: late\n[2017-02-03 00:01] Nigel Hickson: early\n', { title: 'Call', date: '2017-02-02' });
        expect(structureOf(imported.document.parseResult.value).meetings[0].turns.map(turn => turn.qualifiers.at))
            .toEqual(['2017-02-02 23:59', '2017-02-03 00:01']);
    });

    test('without stamps, a name must look like one or start two messages', () => {
        const transcript = readChat('Nigel: one\nso: what?\nNigel: two\nMARCUS KUMMER: three\n');
        expect(transcript.turns.map(turn => [turn.label, turn.paragraphs])).toEqual([
            ['Nigel', [['one', 'so: what?']]], ['Nigel', [['two']]], ['MARCUS KUMMER', [['three']]]
        ]);
    });
});
