import { describe, expect, test } from 'vitest';
import { loadExamples } from '../helpers/examples.js';

describe('the examples', async () => {
    const examples = await loadExamples();

    test('there are the five seeds, the French, Chinese and Spanish examples, and the shared directory', () => {
        expect([...examples.keys()]).toEqual([
            'ccwg-ig-annual-report-2017.minutes',
            'ccwg-ig-wsis-forum-2018.minutes',
            'directory.minutes',
            'igf-2016-ws132-report.minutes',
            'igf-2018-ws224-transcript.minutes',
            'lacralo-teleconferencia-2009.minutes',
            'wgec-final-meeting-2018.minutes',
            'wgig-premiere-reunion-2004.minutes',
            'wic-2015-conference-de-presse.minutes'
        ]);
    });

    for (const [name, document] of examples) {
        test(`${name} parses, links and validates with no error, warning or hint`, () => {
            const problems = (document.diagnostics ?? []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} [${d.severity}] ${d.message}`);
            expect(problems).toEqual([]);
        });
    }
});
