#!/usr/bin/env node
// Builds syntaxes/minutes.tmLanguage.json, the TextMate grammar the extension contributes,
// from syntaxes/minutes.langium.tmLanguage.json, which langium-cli generates from the
// grammar. The generated file knows the keywords and comments but not where they count:
// in Minutes a key such as `date:` is a key only at the start of a line, `//` is a comment
// only at the start of a line, and `@name` is a speaker at the start of a line and a
// mention elsewhere (see packages/language/src/parser/minutes-lexer.ts). This script keeps
// the generated keyword lists and the block-comment rule and places them in hand-written
// line-start patterns, with patterns for what the grammar leaves to the lexer (speakers,
// mentions, headings, lists, quotes, dates, times, links, hashtags, action ids).
//
// Usage: node syntaxes/build-tmlanguage.mjs [generated.json] [output.json]
// The output depends only on the input: the staleness test rebuilds it and compares.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const GENERATED_PATH = join(here, 'minutes.langium.tmLanguage.json');
export const OUTPUT_PATH = join(here, 'minutes.tmLanguage.json');

// ---- Character classes, as the lexer defines them (parser/characters.ts) -----------------

const NAME_START = '[\\p{L}\\p{N}\\p{M}_]';
const NAME_CHAR = '[\\p{L}\\p{N}\\p{M}_.\\-]';
/** `@handle` (not ending in `.` or `-`) or `@{Any Name}`; the `}` may still be untyped. */
const BARE_NAME = `${NAME_START}(?:${NAME_CHAR}*${NAME_START})?`;
const BULLET = '[-*+•·‣◦▪]';
const LABEL = '(?:\\d{1,4}(?:\\.\\d{1,4})*[.)]|\\d{1,4}(?:\\.\\d{1,4})+|[a-z][.)]|[ivxlcdm]{1,8}[.)])';
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ACTION_ID = `#${NAME_START}(?:${NAME_CHAR}*${NAME_START})?`;

/**
 * Reads the keyword lists out of the generated grammar: langium-cli writes one
 * `keyword.control` rule whose match is `\b(words)\b|\b(keys:)\B`.
 */
export function generatedKeywords(generated) {
    const rule = generated.patterns.find(pattern => pattern.name?.startsWith('keyword.'));
    if (!rule) throw new Error('The generated TextMate grammar has no keyword rule.');
    const words = [];
    const keys = [];
    for (const [, group] of rule.match.matchAll(/\\b\(([^()]*)\)/g)) {
        for (const keyword of group.split('|')) {
            (keyword.endsWith(':') ? keys : words).push(keyword);
        }
    }
    if (keys.length === 0 || words.length === 0) {
        throw new Error(`Cannot read the keywords of the generated rule: ${rule.match}`);
    }
    return { words: [...new Set(words)].sort(), keys: [...new Set(keys)].sort() };
}

/** The generated block-comment rule (`/* … *\/` counts anywhere, as the lexer has it). */
function generatedBlockComment(generated) {
    const rule = generated.repository?.comments?.patterns?.find(pattern => pattern.begin === '/\\*');
    if (!rule) throw new Error('The generated TextMate grammar has no block-comment rule.');
    return { ...rule, name: 'comment.block.minutes' };
}

function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `next-steps:` is also written `next steps:` (the lexer joins the words with `-`). */
function keyPattern(key) {
    return key.slice(0, -1).split('-').map(escapeRegex).join('(?:-|[ \\t]+)');
}

function alternation(items) {
    // Longest first, so that `organisation` is tried before `org`.
    return [...items].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');
}

/** The grammar, as a plain object; `generated` is the parsed langium-cli output. */
export function buildTextMate(generated) {
    const { words, keys } = generatedKeywords(generated);
    const actionKeywords = words.filter(word => word === 'action' || word === 'update');
    if (actionKeywords.length !== 2) throw new Error('The generated grammar lacks the `action` or `update` keyword.');
    // Every other keyword word opens a directory entry (`person @x`, `org @y`, ...).
    const entryKinds = words.filter(word => !actionKeywords.includes(word));

    const mention = {
        patterns: [
            {
                name: 'variable.other.mention.braced.minutes',
                match: '(@\\{)([^}\\r\\n]*)(\\})?',
                captures: {
                    1: { name: 'punctuation.definition.reference.begin.minutes' },
                    2: { name: 'variable.other.mention.name.minutes' },
                    3: { name: 'punctuation.definition.reference.end.minutes' }
                }
            },
            {
                // `@` inside a word is an e-mail address, and `@@species` a JavaScript symbol: not mentions.
                name: 'variable.other.mention.minutes',
                match: `(?<![\\p{L}\\p{N}\\p{M}_.\\-+@])(@)${BARE_NAME}`,
                captures: { 1: { name: 'punctuation.definition.reference.minutes' } }
            }
        ]
    };

    return {
        $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
        name: 'Minutes',
        scopeName: 'source.minutes',
        fileTypes: ['minutes'],
        comment: 'Built by syntaxes/build-tmlanguage.mjs from minutes.langium.tmLanguage.json; do not edit.',
        patterns: [
            { include: '#line-comment' },
            { include: '#block-comment' },
            { include: '#heading' },
            { include: '#break' },
            { include: '#underline' },
            { include: '#entry' },
            { include: '#speaker' },
            { include: '#action' },
            { include: '#update' },
            { include: '#key' },
            { include: '#list-item' },
            { include: '#quote' },
            { include: '#inline' }
        ],
        repository: {
            'line-comment': {
                name: 'comment.line.double-slash.minutes',
                match: '^[ \\t]*(//).*$',
                captures: { 1: { name: 'punctuation.definition.comment.minutes' } }
            },
            'block-comment': generatedBlockComment(generated),
            heading: {
                name: 'markup.heading.minutes',
                begin: '^[ \\t]*(#{1,6})(?=[ \\t]|$)',
                beginCaptures: { 1: { name: 'punctuation.definition.heading.minutes' } },
                end: '$',
                contentName: 'entity.name.section.minutes',
                patterns: [{ include: '#inline' }]
            },
            break: {
                name: 'meta.separator.minutes',
                match: '^[ \\t]*-{3,}[ \\t]*$'
            },
            // A setext heading's `===` underline. (A line grammar cannot see the line above: a `---`
            // under a title is shown as a break here; the language server's semantic tokens tell them apart.)
            underline: {
                name: 'punctuation.definition.heading.setext.minutes',
                match: '^[ \\t]*={3,}[ \\t]*$'
            },
            entry: {
                name: 'meta.entry.minutes',
                match: `^[ \\t]*((?i:${alternation(entryKinds)}))[ \\t]+(@(?:\\{[^}\\r\\n]*\\}?|${BARE_NAME}))`,
                captures: {
                    1: { name: 'storage.type.party.minutes' },
                    2: { name: 'entity.name.type.party.minutes' }
                }
            },
            speaker: {
                name: 'meta.turn.minutes',
                // `- @name`, or a numbered paragraph at the margin as summary records write them (`1. @name`, `1.1@name`).
                begin: `^(?:[ \\t]*(${BULLET})[ \\t]+|(${LABEL})[ \\t]*|[ \\t]*)(@\\?|@\\{[^}\\r\\n]*\\}?|@${BARE_NAME})`,
                beginCaptures: {
                    1: { name: 'punctuation.definition.list.begin.minutes' },
                    2: { name: 'punctuation.definition.list.begin.minutes' },
                    3: { name: 'entity.name.function.speaker.minutes' }
                },
                end: '$',
                patterns: [
                    {
                        name: 'meta.qualifiers.minutes',
                        begin: '\\G[ \\t]*(\\[)',
                        beginCaptures: { 1: { name: 'punctuation.definition.qualifiers.begin.minutes' } },
                        end: '(\\])(?:[ \\t]*(:))?|$',
                        endCaptures: {
                            1: { name: 'punctuation.definition.qualifiers.end.minutes' },
                            2: { name: 'punctuation.separator.speaker.minutes' }
                        },
                        patterns: [{ include: '#inline' }]
                    },
                    {
                        match: '\\G[ \\t]*(:)',
                        captures: { 1: { name: 'punctuation.separator.speaker.minutes' } }
                    },
                    { include: '#inline' }
                ]
            },
            action: {
                // `action #id @owner due 2018-04-15 open: text`; the header ends at the colon.
                name: 'meta.action.header.minutes',
                begin: `^[ \\t]*((?i:action))(?=(?:[ \\t]+(?:${ACTION_ID}|@\\{[^}\\r\\n]*\\}|@${BARE_NAME}|(?i:due|by|open|done|dropped|moved)\\b|\\d{4}-\\d{2}-\\d{2}|,))*[ \\t]*:)`,
                beginCaptures: { 1: { name: 'keyword.other.action.minutes' } },
                end: '(:)',
                endCaptures: { 1: { name: 'punctuation.separator.key-value.minutes' } },
                patterns: [{ include: '#action-header' }]
            },
            update: {
                name: 'meta.action.update.minutes',
                begin: `^[ \\t]*((?i:update))(?=[ \\t]+#${NAME_START})`,
                beginCaptures: { 1: { name: 'keyword.other.action.minutes' } },
                end: '(:)|$',
                endCaptures: { 1: { name: 'punctuation.separator.key-value.minutes' } },
                patterns: [{ include: '#action-header' }]
            },
            'action-header': {
                patterns: [
                    { name: 'variable.other.constant.action-id.minutes', match: ACTION_ID },
                    { name: 'keyword.other.due.minutes', match: '(?i:\\b(?:due|by)\\b)' },
                    { name: 'constant.language.status.minutes', match: '(?i:\\b(?:open|done|dropped|moved)\\b)' },
                    { include: '#mention' },
                    { include: '#date' }
                ]
            },
            key: {
                // Generated keys, only at the start of a line: `the date: 5 May` is prose.
                match: `^[ \\t]*((?i:${alternation(keys.map(keyPattern))}))[ \\t]*(:)`,
                captures: {
                    1: { name: 'keyword.other.key.minutes' },
                    2: { name: 'punctuation.separator.key-value.minutes' }
                }
            },
            'list-item': {
                patterns: [
                    {
                        name: 'markup.list.unnumbered.minutes',
                        match: `^[ \\t]*(${BULLET})(?=[ \\t]|$)`,
                        captures: { 1: { name: 'punctuation.definition.list.begin.minutes' } }
                    },
                    {
                        name: 'markup.list.numbered.minutes',
                        match: `^[ \\t]*(${LABEL})(?=[ \\t]|$)`,
                        captures: { 1: { name: 'punctuation.definition.list.begin.minutes' } }
                    }
                ]
            },
            quote: {
                name: 'markup.quote.minutes',
                begin: '^[ \\t]*(>)(?=[ \\t]|$)',
                beginCaptures: { 1: { name: 'punctuation.definition.quote.begin.minutes' } },
                end: '$',
                patterns: [{ include: '#inline' }]
            },
            inline: {
                patterns: [
                    { include: '#block-comment' },
                    { include: '#markdown' },
                    { include: '#link' },
                    { include: '#mention' },
                    { include: '#date' },
                    { include: '#time' },
                    { include: '#time-four-digits' },
                    { include: '#hashtag' }
                ]
            },
            mention,
            // Markdown's inline syntax, as the generators read it (generation/inline-markdown.ts).
            markdown: {
                patterns: [
                    { name: 'markup.inline.raw.minutes', match: '(`+)(?:(?!\\1).)+?\\1' },
                    { name: 'markup.bold.minutes', match: '\\*\\*(?=[^\\s*])[^*\\r\\n]*?(?<=[^\\s*])\\*\\*' },
                    { name: 'markup.italic.minutes', match: '(?<![\\p{L}\\p{N}*])\\*(?=[^\\s*])[^*\\r\\n]*?(?<=[^\\s*])\\*(?![\\p{L}\\p{N}*])' },
                    {
                        // [label](https://…): the label; the URL is a link of its own.
                        match: '(?<!!)(\\[)([^\\[\\]\\r\\n]+)(\\])(?=\\((?i:https?://|mailto:))',
                        captures: {
                            1: { name: 'punctuation.definition.link.begin.minutes' },
                            2: { name: 'string.other.link.title.minutes' },
                            3: { name: 'punctuation.definition.link.end.minutes' }
                        }
                    }
                ]
            },
            link: {
                name: 'markup.underline.link.minutes',
                match: '(?i:https?://|mailto:)[^\\s<>"]*[^\\s<>".,;:!?\'’”»)\\]]'
            },
            date: {
                patterns: [
                    {
                        // 2018-03-19, 2018-06-12/2018-06-16
                        name: 'constant.numeric.date.minutes',
                        match: '\\b\\d{4}-\\d{2}-\\d{2}(?:/\\d{4}-\\d{2}-\\d{2})?\\b'
                    },
                    {
                        // 8 December 2016, 12-16 June 2017, 2 Feb 2017
                        name: 'constant.numeric.date.minutes',
                        match: `(?i:\\b\\d{1,2}(?:[ \\t]*[-–][ \\t]*\\d{1,2})?[ \\t]+${MONTH}\\.?(?:[ \\t]+\\d{4})?\\b)`
                    },
                    {
                        // March 19, 2018
                        name: 'constant.numeric.date.minutes',
                        match: `(?i:\\b${MONTH}\\.?[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+\\d{4}\\b)`
                    },
                    {
                        // 19/03/2018
                        name: 'constant.numeric.date.minutes',
                        match: '\\b\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b'
                    }
                ]
            },
            time: {
                // 16:30 – 18:00, 8:00-9:30 UTC, 09:00 CET
                name: 'constant.numeric.time.minutes',
                match: '\\b(?:[01]?\\d|2[0-3]):[0-5]\\d(?:[ \\t]*[-–][ \\t]*(?:[01]?\\d|2[0-3]):[0-5]\\d)?(?:[ \\t]*(?:UTC(?:[+-]\\d{1,2})?|GMT|CET|CEST|EST|EDT|PST|PDT|[ap]\\.?m\\.?))?(?![\\p{L}\\p{N}])'
            },
            'time-four-digits': {
                // 1435 hours, from 1435 to 1730 hours, 0900 UTC: four digits with `hours` or a zone.
                name: 'constant.numeric.time.minutes',
                match: '(?i:\\b(?:from[ \\t]+)?(?:[01]\\d|2[0-3])[0-5]\\d(?:[ \\t]*(?:-|–|to)[ \\t]*(?:[01]\\d|2[0-3])[0-5]\\d)?[ \\t]*(?:hours|hrs|UTC|GMT)\\b)'
            },
            hashtag: {
                name: 'entity.name.tag.hashtag.minutes',
                match: `(?<![\\p{L}\\p{N}\\p{M}_&#])${ACTION_ID}`
            }
        }
    };
}

/** The file's text: two-space JSON with a final newline, as langium-cli writes its own. */
export function buildTextMateText(generatedText) {
    return JSON.stringify(buildTextMate(JSON.parse(generatedText)), null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const input = process.argv[2] ?? GENERATED_PATH;
    const output = process.argv[3] ?? OUTPUT_PATH;
    writeFileSync(output, buildTextMateText(readFileSync(input, 'utf8')));
    console.log(`Wrote ${output}`);
}
