import fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesServices } from '../../src/minutes-module.js';
import type { Document } from '../../src/generated/ast.js';
import { readCaptions } from '../../src/import/captions.js';
import { importTranscript } from '../../src/import/importer.js';
import type { Transcript } from '../../src/import/transcript.js';
import { DIRECTORY, importedText } from '../helpers/import.js';

/**
 * The import's promise, as properties over generated transcripts full of what Minutes
 * reads as syntax: the reader loses no character, and the written file reads back as the
 * text the reader found, character for character (white space aside), with no error.
 */

/** One workspace for all runs: the directory, and each imported file in turn. */
const services = createMinutesServices(EmptyFileSystem);
const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
const directory = LangiumDocumentFactory.fromString(DIRECTORY, URI.file('/workspace/directory.minutes'));
LangiumDocuments.addDocument(directory);
await DocumentBuilder.build([directory]);
const scope = services.Minutes.references.ScopeProvider.scopeFor('Party');
let run = 0;

async function importAndParse(source: string) {
    const result = importTranscript(source, { sourceName: 'fuzz.txt', format: 'captions', scope, date: '2018-11-12' });
    const uri = URI.file(`/workspace/imported-${run++}.minutes`);
    const document = LangiumDocumentFactory.fromString<Document>(result.text, uri);
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: true });
    const outcome = {
        result,
        lexerErrors: document.parseResult.lexerErrors.length,
        parserErrors: document.parseResult.parserErrors.length,
        errors: (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message),
        text: importedText(document, { withoutFields: ['date:'] })
    };
    // Out of the workspace again, index included, so that runs do not see each other's entries.
    await DocumentBuilder.update([], [uri]);
    return outcome;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Everything the reader found, in order: what the imported file must read as (a file without a title line is titled by its name). */
function readerText(transcript: Transcript): string {
    return [transcript.title ?? 'fuzz', ...[...transcript.disclaimer, ...transcript.prologue].flat(),
        ...transcript.turns.flatMap(turn => turn.paragraphs.flat())].join(' ');
}

/** Pieces that mean something to the Minutes lexer at a line start or inside a line, and some that do not. */
const PIECES = [
    '#', '## 2.', '- ', '* ', '• ', '> ', '>>', '>> ', '@', '@x', '@mkummer', '@{Marcus Kummer}', '@?', '@?:', '1. ', 'a. ', 'iv. ',
    '2.1 ', 'date: ', 'Next steps: ', 'person @p ', 'org @o ', 'action: ', 'action #a @b due 2018-01-01: ', 'update #a done: ',
    '// ', '/*', '*/', '\\', '\\#', '\\\\', '---', '[', ']', ':', ', ', '{', '}', '(', ')', 'http://example.org/a@b(c)', 'mailto:a@b.c',
    'https://x.y/*z*/', 'MARCUS KUMER: ', 'MODERATOR: ', 'KUO WU: ', 'SANJA KELLY: ', 'disclaimer: ', 'meeting: ', 'a@b.c', 'x',
    'word', 'Words.', 'ü', 'Ødegård', '😀', '\u00A0', '\t', '  ', '‑‑'
];

const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map(pieces => pieces.join(''));
const transcript = fc.array(fc.oneof(line, fc.constant(''), line.map(text => `>> ${text}`), line.map(text => `>>${text}`)), { maxLength: 14 })
    .map(lines => lines.join('\n'));

describe('round trip of generated transcripts', () => {
    test('the captions reader loses no character: labels, >> and text make up the source', () => {
        fc.assert(fc.property(transcript, source => {
            const read = readCaptions(source);
            const turns = read.turns.map(turn => `>>${turn.label ? `${turn.label}:` : ''}${turn.paragraphs.flat().join('')}`);
            const rebuilt = [read.title ?? '', ...[...read.disclaimer, ...read.prologue].flat(), ...turns].join('');
            expect(squeeze(rebuilt)).toBe(squeeze(source));
        }), { numRuns: 500 });
    });

    test('the imported file parses, has no error, and reads as the text the reader found', async () => {
        await fc.assert(fc.asyncProperty(transcript, async source => {
            const outcome = await importAndParse(source);
            expect(outcome.lexerErrors).toBe(0);
            expect(outcome.parserErrors).toBe(0);
            expect(outcome.errors).toEqual([]);
            expect(squeeze(outcome.text)).toBe(squeeze(readerText(readCaptions(source))));
        }), { numRuns: 150 });
    });

    test('each construct, on a line of its own inside a turn, stays prose', async () => {
        // `>>` at the start of a line is the captions' own syntax (a speaker change), not text.
        for (const piece of PIECES.filter(piece => !piece.startsWith('>>'))) {
            const source = `A title\n\n>> KUO WU: First line.\n${piece}rest of line ${piece}\n`;
            const outcome = await importAndParse(source);
            expect(outcome.errors, piece).toEqual([]);
            expect(outcome.parserErrors, piece).toBe(0);
            expect(squeeze(outcome.text), piece).toBe(squeeze(`A title First line. ${piece}rest of line ${piece}`));
        }
    });
});
