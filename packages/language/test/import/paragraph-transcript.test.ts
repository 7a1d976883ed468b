import { describe, expect, test } from 'vitest';
import { detectFormat } from '../../src/import/detect.js';
import { formatImportSummary } from '../../src/import/summary.js';
import { readParagraphTranscript } from '../../src/import/paragraph-transcript.js';
import { structureOf } from '../../src/model/structure.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { codesOf, fixture, importedText, importInto, words } from '../helpers/import.js';

/** W3C minutes as the page prints them (scribe.perl): see the fixture's .SOURCE.md. */
const W3C = 'transcript-w3c-process-2024-04-24.txt';

describe('importing a `Name: text` transcript (W3C minutes page)', async () => {
    const source = fixture(W3C);
    const imported = await importInto(source, { sourceName: W3C });
    const meeting = structureOf(imported.document.parseResult.value).meetings[0];

    test('is told from its paragraphs that start with a name', () => {
        expect(detectFormat(source)).toBe('transcript');
        expect(imported.result.summary.format).toBe('transcript');
    });

    test('one turn per labelled paragraph, the scribe included; `github:` is no speaker', () => {
        expect(meeting.turns.map(turn => turn.speaker?.name)).toEqual([
            'florian', 'plh', 'florian', 'plh', 'florian', 'florian', 'plh', 'plh', 'florian', 'plh', 'florian', 'plh',
            'fantasai', 'florian', 'plh', 'florian'
        ]);
        expect(imported.result.summary.unknown.map(s => s.label)).toEqual(['florian', 'plh', 'fantasai']);
        expect(imported.result.text).not.toContain('@github');
        expect(imported.result.text).toContain('\n\\github: w3c/w3process#120 (comment)\n');
        expect(imported.result.text).toContain('\n@fantasai: if not closing issue');
    });

    test('the page header is not the title; the date is read from it', () => {
        expect(meeting.title).not.toBe('W3C');
        expect(imported.result.text).toContain('meeting: transcript-w3c-process-2024-04-24\n');
        expect(imported.result.text).toContain('date: 24 April 2024\n');
        expect(imported.result.summary.notes.join('\n')).toContain("the transcript's first line, 'W3C', reads as a page header");
    });

    test('keeps every word, `…` continuations in their turn, and checks clean but for the reviews', () => {
        expect(imported.document.parseResult.parserErrors).toEqual([]);
        expect(new Set(codesOf(imported.diagnostics))).toEqual(new Set([IssueCodes.UnreviewedEntry]));
        const labels = /^(florian|plh|fantasai): /gm;
        expect(words(importedText(imported.document, { withoutFields: ['date:'] })))
            .toEqual(words(`transcript-w3c-process-2024-04-24 ${source.replace(labels, '')}`));
        expect(imported.result.text).toContain('@florian:\nSince issue, we made some changes\n… Team can do Class 1 edits (markup fixes)\n');
    });

    test('labels count only at the start of a paragraph', () => {
        const read = readParagraphTranscript('Ana: first\nNote: inside the turn\n\nBen: second\n');
        expect(read.turns.map(turn => [turn.label, turn.paragraphs])).toEqual([
            ['Ana', [['first', 'Note: inside the turn']]],
            ['Ben', [['second']]]
        ]);
    });
});

describe('an import that finds no turn says so, and why', () => {
    test('captions without >>', async () => {
        const imported = await importInto('Just some notes.\nNothing: here\n', { sourceName: 'notes.txt' });
        expect(imported.result.summary.turns).toBe(0);
        const summary = formatImportSummary(imported.result.summary).join('\n');
        expect(summary).toContain('warning: no turn found: read as captioning text, and no line starts with `>>`');
        expect(summary).toContain('--from captions|vtt|chat|transcript');
    });

    test('a transcript read with --from transcript whose paragraphs start with no name', async () => {
        const imported = await importInto('A paragraph.\n\nAnother one.\n', { sourceName: 'notes.txt', format: 'transcript' });
        expect(imported.result.summary.noTurns).toContain('no paragraph starts with a speaker');
    });

    test('an import with turns has no such warning', async () => {
        const imported = await importInto('Ana: hello\n\nBen: hi\n', { sourceName: 'notes.txt' });
        expect(imported.result.summary.noTurns).toBeUndefined();
    });
});
