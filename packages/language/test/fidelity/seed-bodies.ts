/**
 * Fidelity of the examples to the seed documents they were written from.
 *
 * Each example under `examples/` rewrites one real document of `test/fixtures/seeds/` as
 * Minutes. The rewrite may add structure (keys, references, bullets, headings) but must
 * keep every sentence of the document's body with its original wording and spelling
 * ("cybersecuirty", "Fredrikssion", "particpants" stay as written), in the original
 * order. A test splits the body of each seed into sentence units with `seedSentences`
 * and checks that each unit occurs, in order, in the text content of the example.
 *
 * What is not body is listed here per seed, explicitly, each rule with the reason why:
 * mailing-list headers and footers, word-processor artefacts, page furniture, and the
 * prompts and labels of a blank template. Nothing else may be dropped.
 *
 * This module has no imports, so that a plain Node script can load it (through esbuild)
 * as well as vitest: see `check-fidelity.mjs`.
 */

/** A piece of a seed that is not sentence content, or a point where one line became several. */
export interface SeedRule {
    /** What to remove; each match is replaced by a line break (it always ends a unit). */
    readonly pattern: RegExp;
    /** Why this is not content (or why the line is divided), in one line. */
    readonly why: string;
}

export interface SeedBody {
    /** The seed's file name in `test/fixtures/seeds/`. */
    readonly seed: string;
    /** The example's file name in `examples/`. */
    readonly example: string;
    /** What kind of document the seed is. */
    readonly kind: string;
    /** Text that is not content: removed before the body is split into units. */
    readonly nonContent: readonly SeedRule[];
    /**
     * Points where a single line of the seed is written as several lines or fields in the
     * example (a date and a time on one line become `date:` and `time:`). The match, at
     * most a punctuation mark and a space, is replaced by a unit break; no word is lost.
     */
    readonly restructured?: readonly SeedRule[];
}

/** The two header lines the ccwg-internet-governance archive puts above every message. */
const MAIL_HEADER: SeedRule = {
    pattern: /^Nigel Hickson nigel\.hickson at icann\.org\n[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d UTC \d{4}\n/,
    why: 'mailing-list archive header: sender and date of the message, not its body'
};

/** The scrubbed attachments the archive appends to every message. */
const MAIL_ATTACHMENTS: SeedRule = {
    pattern: /^-------------- next part --------------\n[\s\S]*?(?=^More information about the |(?![\s\S]))/m,
    why: 'mailing-list archive footer: "next part" sections describing scrubbed attachments'
};

/** The archive's last line. */
const MAIL_LIST_FOOTER: SeedRule = {
    pattern: /^More information about the [\w-]+ mailing list\s*$/m,
    why: 'mailing-list archive footer line'
};

export const SEED_BODIES: readonly SeedBody[] = [
    {
        seed: '000_335de064e861c3a6.txt',
        example: 'ccwg-ig-wsis-forum-2018.minutes',
        kind: 'email note of a CCWG-IG session at the WSIS Forum 2018',
        nonContent: [MAIL_HEADER, MAIL_ATTACHMENTS, MAIL_LIST_FOOTER]
    },
    {
        seed: '001_3775c092c0c20b56.txt',
        example: 'wgec-final-meeting-2018.minutes',
        kind: 'personal report (email) on the last meeting of the WGEC',
        nonContent: [MAIL_HEADER, MAIL_ATTACHMENTS, MAIL_LIST_FOOTER]
    },
    {
        seed: '002_cb968e44fb3e968d.txt',
        example: 'igf-2018-ws224-transcript.minutes',
        kind: 'real-time captioning transcript of IGF 2018 workshop WS224',
        nonContent: [
            {
                pattern: /^>>(?: [A-Z][A-Z .'-]*:)?[ \t]*/gm,
                why: 'speaker change `>>` and the captioner\'s speaker label (`>> MODERATOR:`): the turn\'s speaker in the example'
            }
        ]
    },
    {
        seed: '003_ff34c1da3da16c9a.txt',
        example: 'ccwg-ig-annual-report-2017.minutes',
        kind: 'annual report of the CCWG-IG on its 2017 activities',
        nonContent: [
            {
                pattern: /\[bookmark: _Toc\d+\]/g,
                why: 'word-processor artefact: table-of-contents bookmarks before the section headings'
            },
            {
                pattern: /^\tDate\n\tIn Attendance\n\tTopics Discussed\n/m,
                why: 'header row of the teleconference table: the `date:`, `attendance:` and `topics:` keys of each row'
            },
            {
                pattern: /^(?:Speakers|Agenda|Agenda overview|Topics discussed):[ \t]*$/gm,
                why: 'labels of lists: the `speakers:`, `agenda:` and `topics:` keys in the example'
            },
            {
                pattern: /^8\n+Report on the 2017 Activities of the\nCross Community Working Group on\nInternet Governance \(CCWG-IG\)\s*$/m,
                why: 'page footer: page number and running title (the title is the `report:` key of the example)'
            }
        ],
        restructured: [
            {
                pattern: /(?<=^[ \t]*\d{1,2} [A-Z][a-z]+ \d{4}), (?=\d{1,2}:\d\d-\d{1,2}:\d\d UTC)/gm,
                why: '"16 March 2017, 8:00-9:30 UTC": a meeting\'s date and time, written as `date:` and `time:`'
            }
        ]
    },
    {
        seed: '004_31ade65035105e5f.txt',
        example: 'igf-2016-ws132-report.minutes',
        kind: 'IGF 2016 workshop report on the IGF report template (WS132)',
        nonContent: [
            {
                pattern: /^IGF 2016 Workshop Report Template$/m,
                why: 'title of the blank template form'
            },
            {
                pattern: /^(?:Session Title|Date|Time|Session Organizer|Chair\/Moderator|Rapporteur\/Notetaker|List of Speakers and their institutional affiliations|Key Issues raised \(1 sentence per issue\):)\t/gm,
                why: 'labels of the template\'s fields: the `meeting:`, `date:`, `time:`, `organisers:`, `chair:`, `rapporteur:`, `speakers:` and `key issues:` keys'
            },
            {
                pattern: /^If there were presentations during the session, please provide a 1-paragraph summary for each Presentation$/m,
                why: 'template prompt: the `presentations:` key'
            },
            {
                pattern: /^Please describe the Discussions that took place during the workshop session: \(3 paragraphs\) /m,
                why: 'template prompt: the `discussion:` key'
            },
            {
                pattern: /^Please describe any Participant suggestions regarding the way forward\/ potential next steps \/key takeaways: \(3 paragraphs\) /m,
                why: 'template prompt: the `next steps:` key'
            }
        ],
        restructured: [
            {
                pattern: /(?<=\S) (?=(?:Ms|Mr|Dr) [A-Z])/g,
                why: 'the template lists all speakers in one line; the example has one speaker per roster line'
            }
        ]
    }
];

/** A list label or bullet at the start of a line: structure (the example's item markers), not words. */
const LINE_MARKER = /^[ \t]*(?:[-*•·‣◦▪]|\d{1,4}(?:\.\d{1,4})+\.?|\d{1,4}[.)]|[a-z][.)]|[ivxlcdm]{1,8}[.)])[ \t]+/;

/**
 * The sentence units of a seed's body, in order.
 *
 * Removes the seed's non-content, then splits the rest at line breaks (so also at blank
 * lines) and after `.`, `!` or `?` followed by white space. A list label or bullet at
 * the start of a line (`1.`, `2.1`, `a.`, `ii.`, `·`) is dropped, white space runs become
 * one space, and units without a letter (a bare number) are dropped.
 */
export function seedSentences(seedText: string, rules: Pick<SeedBody, 'nonContent' | 'restructured'>): string[] {
    let text = seedText.replace(/\r\n?/g, '\n');
    for (const rule of [...rules.nonContent, ...(rules.restructured ?? [])]) {
        text = text.replace(globalPattern(rule.pattern), '\n');
    }
    const units: string[] = [];
    for (const rawLine of text.split('\n')) {
        const line = rawLine.replace(LINE_MARKER, '');
        for (const piece of line.split(/(?<=[.!?])\s+/)) {
            const unit = piece.replace(/\s+/g, ' ').trim();
            if (/\p{L}/u.test(unit)) units.push(unit);
        }
    }
    return units;
}

/**
 * Checks that the units occur in order in a text (white space runs compared as one space).
 * Returns the index of the first unit that does not, or -1 when all do.
 */
export function firstMissingUnit(units: readonly string[], textContent: string): number {
    const text = textContent.replace(/\s+/g, ' ');
    let from = 0;
    for (let i = 0; i < units.length; i++) {
        const at = text.indexOf(units[i], from);
        if (at < 0) return i;
        from = at + units[i].length;
    }
    return -1;
}

/**
 * The rules of a seed that match nothing in it: a rule that no longer matches has gone
 * stale (or the seed changed), and would silently let the check pass over less.
 */
export function unusedRules(seedText: string, rules: Pick<SeedBody, 'nonContent' | 'restructured'>): SeedRule[] {
    const text = seedText.replace(/\r\n?/g, '\n');
    return [...rules.nonContent, ...(rules.restructured ?? [])].filter(rule => !globalPattern(rule.pattern).test(text));
}

function globalPattern(pattern: RegExp): RegExp {
    return pattern.global ? new RegExp(pattern.source, pattern.flags) : new RegExp(pattern.source, pattern.flags + 'g');
}
