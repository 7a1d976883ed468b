import fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesServices } from '../../src/minutes-module.js';
import type { Document } from '../../src/generated/ast.js';
import { importTranscript } from '../../src/import/importer.js';
import { structureOf } from '../../src/model/structure.js';
import { plainText } from '../../src/model/text.js';
import { TRANSCRIPT_FORMATS, type TranscriptFormat } from '../../src/import/transcript.js';
import { DIRECTORY } from '../helpers/import.js';

/**
 * The importer will be fuzzed: it must never throw, whatever it is given, its output must
 * always parse without error, and its time must stay linear in the input.
 */

const services = createMinutesServices(EmptyFileSystem);
const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
const directory = LangiumDocumentFactory.fromString(DIRECTORY, URI.file('/workspace/directory.minutes'));
LangiumDocuments.addDocument(directory);
await DocumentBuilder.build([directory]);
const scope = services.Minutes.references.ScopeProvider.scopeFor('Party');
let run = 0;

async function errorsOf(text: string): Promise<string[]> {
    const uri = URI.file(`/workspace/robust-${run++}.minutes`);
    const document = LangiumDocumentFactory.fromString(text, uri);
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: true });
    const errors = [
        ...document.parseResult.lexerErrors.map(e => `lexer: ${e.message}`),
        ...document.parseResult.parserErrors.map(e => `parser: ${e.message}`),
        ...(document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.code}: ${d.message}`)
    ];
    await DocumentBuilder.update([], [uri]);
    return errors;
}

/** The errors of an imported text, and its one meeting as written: title, date, number of turns. */
async function parsed(text: string) {
    const uri = URI.file(`/workspace/robust-${run++}.minutes`);
    const document = LangiumDocumentFactory.fromString<Document>(text, uri);
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: true });
    const meetings = structureOf(document.parseResult.value).meetings;
    const field = (key: string) => meetings[0]?.fields.filter(f => f.key === key).map(f => plainText(f.value).replace(/\s+/g, ' ').trim()).join('|');
    const result = {
        errors: [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors].map(e => e.message)
            .concat((document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)),
        meeting: meetings.length === 1 ? { title: field('meeting:'), date: field('date:'), turns: meetings[0].turns.length } : meetings.length
    };
    await DocumentBuilder.update([], [uri]);
    return result;
}

const FORMATS: Array<TranscriptFormat | undefined> = [undefined, ...TRANSCRIPT_FORMATS];

/** Text that looks a little like every format, with any character in between. */
const noisy = fc.array(fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('>> ', '>> MODERATOR: ', '\n', '\r\n', '\r', 'WEBVTT\n', '00:00:01.000 --> 00:00:02.000\n', '<v Kuo Wu>', '</v>', '<i>',
        '&amp;', '&#x110000;', '&#0;', 'NOTE ', '[10:02] ', '10:02:33 From A to Everyone: ', '<nick> ', 'From B : ', '@', '\\', '/*', '#',
        '\u2028', '\uFEFF', '\u0000', '\uD800', 'MARCUS KUMER: ', '1. ', 'date: ', '\t')
), { maxLength: 40 }).map(parts => parts.join(''));

describe('robustness', () => {
    test('never throws, and the output always parses without error, in every format', async () => {
        await fc.assert(fc.asyncProperty(noisy, fc.constantFrom(...FORMATS), async (source, format) => {
            const result = importTranscript(source, { sourceName: 'noise.txt', format, scope, date: '2018-11-12' });
            expect(await errorsOf(result.text)).toEqual([]);
        }), { numRuns: 300 });
    });

    test('whatever the file name, title and date given, each stays on its line', async () => {
        await fc.assert(fc.asyncProperty(noisy, noisy, async (sourceName, title) => {
            const result = importTranscript('>> NEW PERSON: hi\n', { sourceName, scope, date: '\n2018-11-12\n', title });
            const { errors, meeting } = await parsed(result.text);
            expect(errors).toEqual([]);
            const expectedTitle = title.replace(/\s+/g, ' ').trim();
            if (expectedTitle) expect(meeting).toEqual({ title: expectedTitle, date: '2018-11-12', turns: 1 });
        }), { numRuns: 200 });
    });

    test('time stays linear on large and adversarial inputs', () => {
        const cases: Record<string, string> = {
            'a 1 MB captioning transcript': `Title\n\n${'>> MARCUS KUMER: Some words @x /* y # z.\nMore words.\n\n'.repeat(20_000)}`,
            '10,000 distinct unknown speakers': Array.from({ length: 10_000 }, (_, i) => `>> SPEAKER NUMBER ${i.toString(36).toUpperCase()}X: hi`).join('\n'),
            'one line of 1 MB': 'word '.repeat(200_000),
            'a URL followed by 100,000 closing brackets': `>> KUO WU: http://example.org/${')'.repeat(100_000)}`,
            '30,000 cues': `WEBVTT\n\n${Array.from({ length: 30_000 }, (_, i) => `00:00:${String(i % 60).padStart(2, '0')}.000 --> 00:00:59.000\n<v Speaker ${i % 7}>text ${i}`).join('\n\n')}`,
            'a chat of 30,000 messages': Array.from({ length: 30_000 }, (_, i) => `[10:${String(i % 60).padStart(2, '0')}] Name ${i % 50}: message`).join('\n'),
            'deep tags': `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'<c.a>'.repeat(50_000)}x${'</c>'.repeat(50_000)}`,
            'a million backslashes and at signs': '\\@'.repeat(500_000)
        };
        for (const [name, source] of Object.entries(cases)) {
            // CPU time, not wall time, so that other processes on the machine do not count.
            const started = process.cpuUsage();
            const result = importTranscript(source, { sourceName: 'big.txt', scope });
            const { user, system } = process.cpuUsage(started);
            // Generous: linear work on these sizes takes about a second on a slow machine;
            // a quadratic step (a URL's brackets, a label search per turn) would take minutes.
            expect((user + system) / 1000, name).toBeLessThan(10_000);
            expect(result.text.length, name).toBeGreaterThan(0);
        }
    });
});
