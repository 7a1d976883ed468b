#!/usr/bin/env node
// Quick standalone fidelity check of the examples against their seeds, for iterating on
// the examples without the language build:
//
//     node packages/language/test/fidelity/check-fidelity.mjs [-v] [example-name ...]
//     node packages/language/test/fidelity/check-fidelity.mjs --units example-name   (list the seed's units)
//     node packages/language/test/fidelity/check-fidelity.mjs --content example-name (print the approximation)
//     node packages/language/test/fidelity/check-fidelity.mjs --real [...]  (use the language's textContent
//                                                                            from packages/language/out: build first)
//
// It approximates an example's text content by stripping the syntax from its source
// (keys at line start, list and quote markers, speaker headers with a colon and their
// [qualifiers], `@` and braces of references, comments) and checks that every sentence
// unit of the seed's body (see seed-bodies.ts) occurs in it, in order. A bare handle
// (`@mcade`) reads as the display name of whom it names, as in the language. The
// approximation is pessimistic: what might not be text content (a speaker named before a
// colon, a list label) is left out. With --real, and in the vitest test, the language's
// own text-content function (`textContent` of model/text-content.ts) is used instead.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const languageDir = resolve(here, '../..');
const repoDir = resolve(languageDir, '../..');
const seedsDir = join(languageDir, 'test/fixtures/seeds');
const examplesDir = join(repoDir, 'examples');

const { SEED_BODIES, seedSentences, firstMissingUnit, unusedRules } = await loadTs(join(here, 'seed-bodies.ts'));

// ---- The language's line-start vocabulary, read from the grammar ----------------------

const grammar = readFileSync(join(languageDir, 'src/minutes.langium'), 'utf8');
const KEYS = new Set([...grammar.matchAll(/'([a-z&-]+:)'/g)].map(m => m[1]));
const KEY_PATTERN = /^([A-Za-z][A-Za-z&-]*(?:[ \t]+[A-Za-z&-]+)?)[ \t]*:/;
const ENTRY_PATTERN = /^(person|org|organisation|organization|country|delegation|office)[ \t]+@/i;
const ACTION_PATTERN = /^(?:action|update)\b[^:\n]*:/i;
const BULLET = /^[-*•·‣◦▪](?=[ \t]|$)/;
const LABEL = /^(?:\d{1,4}(?:\.\d{1,4})*[.)]|\d{1,4}(?:\.\d{1,4})+|[a-z][.)]|[ivxlcdm]{1,8}[.)])(?=[ \t]|$)/;
const REF = /@(\{[^}\n]*\}?|[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)/u;

// ---- The directory: how a bare handle reads -------------------------------------------

const HONORIFICS = ['Ambassador', 'Professor', 'Minister', 'Senator', 'Justice', 'Judge', 'Prof.', 'Prof', 'Dame', 'Sir',
    'Amb.', 'Mrs', 'Mrs.', 'Miss', 'H.E.', 'Hon.', 'Ms', 'Ms.', 'Mr', 'Mr.', 'Mx', 'Dr', 'Dr.'];

function readDirectory(file) {
    const handles = new Map();
    let current;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
        const entry = /^(person|org|organisation|organization|country|delegation|office)[ \t]+@(\S+)[ \t]*(.*)$/i.exec(line);
        if (entry) {
            let name = entry[3].trim() || entry[2];
            if (entry[1].toLowerCase() === 'person') {
                const honorific = HONORIFICS.find(h => name.startsWith(h + ' '));
                if (honorific) name = name.slice(honorific.length).trim();
            }
            current = { name, person: entry[1].toLowerCase() === 'person' };
            handles.set(entry[2].toLowerCase(), current);
            continue;
        }
        const acronym = /^[ \t]*acronym:[ \t]*(.+)$/.exec(line);
        if (acronym && current && !current.person) current.name = acronym[1].trim();
    }
    return handles;
}
const handles = readDirectory(join(examplesDir, 'directory.minutes'));

function reads(refText) {
    const written = refText.startsWith('{') ? refText.slice(1).replace(/\}$/, '').trim() : refText;
    if (!refText.startsWith('{')) {
        const party = handles.get(written.toLowerCase());
        if (party) return party.name;
    }
    return written;
}

function inline(text) {
    let out = '';
    let rest = text;
    for (;;) {
        const m = REF.exec(rest);
        if (!m) return out + rest;
        const before = rest.slice(0, m.index);
        const previous = before.slice(-1);
        if (/[\p{L}\p{N}_.+-]/u.test(previous) && !m[1].startsWith('{')) {
            out += before + '@';
            rest = rest.slice(m.index + 1);
            continue;
        }
        out += before + reads(m[1]);
        rest = rest.slice(m.index + m[0].length);
    }
}

// ---- Text content approximation -------------------------------------------------------

function approximateTextContent(source) {
    const lines = source.replace(/\r\n?/g, '\n').replace(/\/\*[\s\S]*?\*\//g, ' ').split('\n');
    const out = [];
    for (const raw of lines) {
        let line = raw.trim();
        if (!line || line.startsWith('//') || /^-{3,}$/.test(line)) continue;
        if (ENTRY_PATTERN.test(line)) continue;
        let speakerAllowed = true;
        const heading = /^#{1,6}(?=[ \t]|$)/.exec(line);
        if (heading) {
            line = line.slice(heading[0].length).trim();
            speakerAllowed = false;
        } else if (ACTION_PATTERN.test(line)) {
            line = line.replace(ACTION_PATTERN, '').trim();
            speakerAllowed = false;
        } else {
            const key = KEY_PATTERN.exec(line);
            if (key && KEYS.has(key[1].toLowerCase().replace(/[ \t]+/g, '-') + ':')) {
                line = line.slice(key[0].length).trim();
                speakerAllowed = false;
            } else if (BULLET.test(line)) {
                line = line.replace(BULLET, '').trim();
            } else if (LABEL.test(line)) {
                line = line.replace(LABEL, '').trim();
                speakerAllowed = false;
            } else if (/^>(?=[ \t]|$)/.test(line)) {
                line = line.slice(1).trim();
                speakerAllowed = false;
            }
        }
        if (speakerAllowed && line.startsWith('@')) {
            const speaker = /^@(\?|\{[^}\n]*\}?|[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)(\s*\[[^\]\n]*\]?)?(\s*:)?/u.exec(line);
            if (speaker) {
                const name = speaker[1] === '?' ? '' : reads(speaker[1]);
                const rest = line.slice(speaker[0].length);
                // A name before a colon heads the turn: it may not be part of the text.
                line = (speaker[3] ? '' : name) + (speaker[3] || !speaker[2] ? rest : ' ' + rest.trimStart());
            }
        }
        out.push(inline(line));
    }
    return out.join('\n');
}

// ---- Main -----------------------------------------------------------------------------

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const listUnits = args.includes('--units');
const printContent = args.includes('--content');
const useReal = args.includes('--real');
const only = args.filter(a => !a.startsWith('-'));
const realContent = useReal ? await loadRealContent() : undefined;
let failures = 0;
for (const body of SEED_BODIES) {
    if (only.length && !only.some(name => body.example.includes(name) || body.seed.includes(name))) continue;
    const seed = readFileSync(join(seedsDir, body.seed), 'utf8');
    const units = seedSentences(seed, body);
    for (const rule of unusedRules(seed, body)) {
        failures++;
        console.log(`${body.seed}: rule matches nothing: ${rule.pattern} (${rule.why})`);
    }
    if (listUnits) {
        for (const unit of units) console.log(unit);
        continue;
    }
    let source;
    try {
        source = readFileSync(join(examplesDir, body.example), 'utf8');
    } catch {
        console.log(`${body.example}: MISSING (seed ${body.seed})`);
        failures++;
        continue;
    }
    const content = realContent ? realContent.get(body.example) ?? '' : approximateTextContent(source);
    if (printContent) {
        console.log(content);
        continue;
    }
    const missing = firstMissingUnit(units, content);
    if (missing < 0) {
        console.log(`${body.example}: ok, ${units.length} units of ${body.seed} in order`);
    } else {
        failures++;
        console.log(`${body.example}: unit ${missing + 1} of ${units.length} not found (in order):\n    ${JSON.stringify(units[missing])}`);
        if (verbose && missing > 0) console.log(`    after unit ${missing}: ${JSON.stringify(units[missing - 1])}`);
    }
}
process.exit(failures ? 1 : 0);

/** The text content of every example, by the language itself (from its build in out/). */
async function loadRealContent() {
    const language = await import(pathToFileURL(join(languageDir, 'out/index.js')).href);
    const { NodeFileSystem } = await import('langium/node');
    const { URI } = await import('langium');
    const { shared } = language.createMinutesServices(NodeFileSystem);
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(examplesDir).filter(f => f.endsWith('.minutes'));
    const documents = files.map(f => shared.workspace.LangiumDocuments.createDocument(
        URI.file(join(examplesDir, f)), readFileSync(join(examplesDir, f), 'utf8')));
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    return new Map(documents.map((d, i) => [files[i], language.textContent(d.parseResult.value)]));
}

async function loadTs(file) {
    const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
    return import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
}
