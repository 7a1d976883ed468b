/**
 * A generated series of a dozen fortnightly meetings of one working group, with what the
 * tests must find in it computed while it is written (not read back from the tools): every
 * action's status after the twelve meetings, who attended each meeting.
 */

export interface DozenMeetings {
    /** File name → content, the directory included. */
    readonly files: Record<string, string>;
    /** Action id → its status after every meeting. */
    readonly status: ReadonlyMap<string, 'open' | 'done' | 'dropped'>;
    /** Action id → its owner's handle (without @). */
    readonly owner: ReadonlyMap<string, string>;
    /** Action id → its due date. */
    readonly due: ReadonlyMap<string, string>;
    /** Action id → the file that agreed it. */
    readonly agreedIn: ReadonlyMap<string, string>;
    /** Meeting file → the handles listed as present or remote. */
    readonly attended: ReadonlyMap<string, readonly string[]>;
    /** The meeting files, in date order. */
    readonly meetings: readonly string[];
}

const PEOPLE = [
    ['achen', 'Ana Chen', 'ISOC'], ['bokafor', 'Bola Okafor', 'APNIC'], ['cmuller', 'Claudia Müller', 'BMWK'],
    ['dsingh', 'Dev Singh', 'CDT'], ['eleroy', 'Élise Leroy', 'ARCEP']
] as const;

const TASKS = [
    'Circulate the draft charter to the list', 'Ask the secretariat for a room at the next IGF', 'Summarise the comments on the paper',
    'Write to the MAG about the workshop proposals', 'Update the wiki page of the group', 'Prepare the slides for the open forum',
    'Collect the national reports', 'Draft the terms of reference of the drafting team'
];

/** A deterministic pseudo-random sequence (so that the series is the same in every run). */
function random(seed: number): () => number {
    // mulberry32
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6D2B79F5) >>> 0;
        let t = Math.imul(state ^ (state >>> 15), state | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function isoDay(start: Date, days: number): string {
    return new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function dozenMeetings(seed = 18): DozenMeetings {
    const next = random(seed);
    const files: Record<string, string> = {};
    const directory = ['// The people of the generated working group series.', ''];
    for (const [handle, name, org] of PEOPLE) directory.push(`person @${handle} ${name}`, `  org: @${org}`, '');
    for (const org of new Set(PEOPLE.map(p => p[2]))) directory.push(`org @${org} ${org}`, '');
    directory.push('org @WG-Net Working Group on Network Policy', '  acronym: WG-Net', '');
    files['directory.minutes'] = directory.join('\n');

    const status = new Map<string, 'open' | 'done' | 'dropped'>();
    const owner = new Map<string, string>();
    const due = new Map<string, string>();
    const agreedIn = new Map<string, string>();
    const attended = new Map<string, string[]>();
    const meetings: string[] = [];
    const start = new Date(Date.UTC(2024, 0, 10));
    let actionNumber = 0;
    for (let m = 0; m < 12; m++) {
        const date = isoDay(start, 14 * m);
        const file = `${date}-wg-net-call.minutes`;
        meetings.push(file);
        const present = PEOPLE.filter((_, i) => i === 0 || next() < 0.75).map(p => p[0]);
        attended.set(file, present);
        const lines = [`meeting: WG-Net call ${m + 1}`, 'group: @WG-Net', `date: ${date}`, 'chair: @achen', '', 'attendees:'];
        for (const handle of present) lines.push(`- @${handle}${next() < 0.3 ? ' (remote)' : ''}`);
        lines.push('', 'agenda:', '1. Actions from earlier calls', '2. Discussion', '', '# 1. Actions from earlier calls', '');
        for (const [id, state] of status) {
            if (state !== 'open') continue;
            const roll = next();
            if (roll < 0.2) {
                lines.push(`update #${id} done: Done before the call.`);
                status.set(id, 'done');
            } else if (roll < 0.27) {
                lines.push(`update #${id} dropped: No longer needed.`);
                status.set(id, 'dropped');
            } else if (roll < 0.37) {
                const moved = isoDay(start, 14 * m + 21);
                lines.push(`update #${id} moved ${moved}: Needs more time.`);
                due.set(id, moved);
            }
        }
        lines.push('', '# 2. Discussion', '');
        for (const handle of present) lines.push(`@${handle}: I support the plan for call ${m + 1}.`, '');
        if (m % 3 === 0) lines.push(`decision: The group adopts the work plan of call ${m + 1}.`, '');
        const count = 1 + Math.floor(next() * 2);
        for (let a = 0; a < count; a++) {
            const id = `wg-${++actionNumber}`;
            const who = present[Math.floor(next() * present.length)];
            const dueDate = isoDay(start, 14 * m + 10 + Math.floor(next() * 30));
            lines.push(`action #${id} @${who} due ${dueDate}: ${TASKS[actionNumber % TASKS.length]} (${actionNumber}).`);
            status.set(id, 'open');
            owner.set(id, who);
            due.set(id, dueDate);
            agreedIn.set(id, file);
        }
        files[file] = lines.join('\n') + '\n';
    }
    return { files, status, owner, due, agreedIn, attended, meetings };
}
