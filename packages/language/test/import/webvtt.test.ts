import { describe, expect, test } from 'vitest';
import { readWebVtt } from '../../src/import/webvtt.js';
import { structureOf } from '../../src/model/structure.js';
import { plainText } from '../../src/model/text.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { codesOf, fixture, importedText, importInto, words } from '../helpers/import.js';

describe('importing WebVTT', async () => {
    const imported = await importInto(fixture('webvtt-panel.vtt'), { sourceName: 'webvtt-panel.vtt', date: '2018-06-12' });
    const meeting = structureOf(imported.document.parseResult.value).meetings[0];

    test('checks clean but for the review of the one unknown voice', () => {
        expect(imported.document.parseResult.parserErrors).toEqual([]);
        expect(codesOf(imported.diagnostics)).toEqual([IssueCodes.UnreviewedEntry]);
        expect(imported.result.summary.unknown.map(s => s.label)).toEqual(['Dorothea Schmidt-Müller']);
    });

    test('keeps the text of every cue in order, without tags, with references decoded', () => {
        // What a viewer of the captions reads, cue after cue (cue 3 and cue 4 overlap in time).
        const expected = `Panel on DNS security
            Good morning. I chair the SSAC & welcome you all. Our first speaker needs no introduction:
            Thank you, Patrik. - Three points, briefly.
            Sorry <overlapping>.
            #1 is trust; @everyone should read 1. the report and date: the annex. and the summary /* page 3 */ too.
            May I add something? Please.
            Question from the room: who decides?
            Nobody knows.`;
        expect(words(importedText(imported.document, { withoutFields: ['date:'] }))).toEqual(words(expected));
    });

    test('voices are matched ignoring diacritics; consecutive cues of one voice are one turn, timed by the first', () => {
        const turns = meeting.turns.map(turn => [turn.unidentified ? '?' : turn.speaker?.name, turn.qualifiers.at]);
        expect(turns).toEqual([
            ['pfaltstrom', '00:00:01'], // two cues merged; <v Patrik Faltstrom> is Patrik Fältström
            ['mmaciel', '00:00:07'], // <v.loud Marília Maciel>: the class is not part of the name
            ['jkulesza', '00:00:08'], // overlaps the cue before and after it
            ['mmaciel', '00:00:09'], // resumes after the overlap; the next cue names no voice and continues the turn
            ['dmuller', '00:00:13'], // two voices in one cue: two turns at the cue's time
            ['pfaltstrom', '00:00:13'],
            ['?', '00:00:15'], // a `>>` speaker change without a name
            ['?', '00:00:16'] // `<v>` without a name
        ]);
        expect(plainText(meeting.start?.value)).toBe('Panel on DNS security');
    });

    test('notes become comments; styles, identifiers and settings are not text', () => {
        expect(imported.result.text).toContain('// Captions by the session\'s remote hub.\n// Speaker names as the hub typed them.\n@pfaltstrom [at 00:00:01]:');
        expect(imported.result.text).toMatch(/\/\/ End of the session\.\n$/);
        expect(imported.result.text).not.toMatch(/::cue|align:start|^intro$/m);
    });

    test('SubRip: the same cues without a header', () => {
        const transcript = readWebVtt(fixture('subrip-remarks.srt'));
        expect(transcript.turns).toEqual([
            { label: undefined, time: '00:00:00', paragraphs: [['Welcome, everyone.', 'Today we discuss', 'the future of the IGF.']], notes: [] }
        ]);
    });

    test('Zoom-style `Name: text` cues give the voice when a name starts two cues; a one-off `Note:` does not', () => {
        const transcript = readWebVtt(`WEBVTT

1
00:00:01.000 --> 00:00:02.000
Marcus Kummer: Hello.

2
00:00:02.000 --> 00:00:03.000
Note: this is recorded.

3
00:01:02.000 --> 01:00:03.000
Marcus Kummer: Bye.
`);
        // Cue 2 names no voice, so it continues Marcus Kummer's turn, and cue 3 is his again: one turn.
        expect(transcript.turns.map(turn => [turn.label, turn.time, turn.paragraphs])).toEqual([
            ['Marcus Kummer', '00:00:01', [['Hello.', 'Note: this is recorded.', 'Bye.']]]
        ]);
    });
});
