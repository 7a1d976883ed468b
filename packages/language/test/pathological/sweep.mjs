#!/usr/bin/env node
// A sweep for quadratic paths: a run of one character (or a short unit) of N and of 2N
// characters, put in every kind of line — prose, a title, a heading, a speaker's text, a
// turn's qualifiers, an attendee, an agenda item, an action's header, a date, a directory
// entry's name and fields, an address line, a line start — through every stage of the
// growth sweep (growth.mjs: lex to validation, the editor's features, every output at
// every attribution, the ledger and its listings). A stage that takes more than three times as
// long on the double input (and more than 100 ms) is printed as SLOW; one that throws
// anything but an answer (a generator's refusal, a rename refused) as THREW. It found the quadratic paths the tests in
// pathological.test.ts now guard (see docs/limits.md). Requires a build (npx tsc -b tsconfig.build.json).
//
//   node packages/language/test/pathological/sweep.mjs [N]      # N = 10000 by default
import { stageTimes, sweepServices } from './growth.mjs';

const UNITS = ['.', ' ', '\t', '-', '@', '#', '[', ']', '(', ')', ':', '/', '*', '\\', '>', '`', '_', ',', ';', '"', "'", '=', '?', '!',
    'é', '😀', '字', '字。', '1年', '19 mars ', 'a', '1', '1.', 'a ', '@a ', 'http://x ', '\u202E', '\u0000',
    // Inline Markdown (issue 13): emphasis, code and links that open and never close, or nest.
    '**a ', '*a ', '`a ', '[a](http://x) ', '<http://x> ', '@@a ',
    // Turn shapes (issue 13): joint speakers, numbers before a speaker, phrases.
    '@a, ', '@a + ', '1.@a ', '@{The delegate of a} ', '@{Several a} '];

/** Where a run is put: a document around it. */
const CONTEXTS = [
    ['prose', run => `meeting: T\ndate: 2024-01-05\n\n${run}\n`],
    ['title', run => `meeting: ${run}\ndate: 2024-01-05\n`],
    ['heading', run => `# ${run}\n`],
    ['speaker', run => `meeting: T\n\n@mcade: ${run}\n`],
    ['qualifier', run => `meeting: T\n\n@mcade [${run}]: x\n`],
    ['attendee', run => `meeting: T\nattendees:\n- @mcade ${run}\n`],
    ['agenda', run => `meeting: T\nagenda:\n1. ${run}\n`],
    ['action', run => `meeting: T\ndate: 2024-01-05\naction #a @mcade ${run}: do\n`],
    ['date', run => `meeting: T\ndate: ${run}\ntime: ${run}\n`],
    ['person', run => `person @p ${run}\n  aliases: ${run}\n  role: ${run}\n  org: ${run}\n  email: ${run}\n`],
    ['addresses', run => `meeting: T\ndate: 2024-01-05\nfrom: ${run}\nto: ${run}\n`],
    ['line start', run => `${run}\n`],
    ['numbered turn', run => `meeting: T\nchair: @mcade\n\n1. @{The Chairman} ${run}\n\n2. ${run}\n`],
    ['joint turn', run => `meeting: T\n\n@mcade + ${run}: x\n`],
    ['narration', run => `meeting: T\n\n@mcade: x\n\n\nnarration: ${run}\n${run}\n`]
];

const DIRECTORY = 'person @mcade Marilyn Cade\n  email: m@example.org\n';

const services = sweepServices();

/** CPU milliseconds of each stage (growth.mjs's: every one) on a document with a small directory; failures by stage. */
function stages(text) {
    return stageTimes({ 'directory.minutes': DIRECTORY, 'meeting.minutes': text }, services);
}

const size = Number(process.argv[2] ?? 10_000);
const runOf = (unit, length) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
let found = 0;
for (const [context, make] of CONTEXTS) {
    for (const unit of UNITS) {
        const small = await stages(make(runOf(unit, size)));
        const large = await stages(make(runOf(unit, 2 * size)));
        for (const [stage, failure] of Object.entries(large.failures)) {
            found++;
            console.log(`THREW ${context} ${JSON.stringify(unit)} ${stage}: ${failure}`);
        }
        for (const [stage, time] of Object.entries(large.times)) {
            if (time > 100 && time / Math.max(small.times[stage], 1) > 3) {
                found++;
                console.log(`SLOW ${context} ${JSON.stringify(unit)} ${stage}: ${small.times[stage].toFixed(0)} → ${time.toFixed(0)} ms`);
            }
        }
    }
}
console.log(`swept ${CONTEXTS.length} kinds of line × ${UNITS.length} runs at ${size} and ${2 * size} characters: ${found} findings`);
process.exitCode = found > 0 ? 1 : 0;
