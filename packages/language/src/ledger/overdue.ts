import { parseDate } from '../model/dates.js';
import type { ActionLedger, LedgerAction } from './action-ledger.js';

export interface OverdueAction {
    readonly action: LedgerAction;
    /** The due date in force (after any `moved`). */
    readonly due: string;
    /** Whole days between the due date and today: 1 for an action due yesterday. */
    readonly daysLate: number;
}

/** Days since 1970-01-01 of an ISO date (`2018-04-15`). */
function dayNumber(iso: string): number {
    const [year, month, day] = iso.split('-').map(Number);
    return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Whether a text is a valid ISO calendar date (`2018-02-29` is not). */
export function isIsoDate(text: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const parsed = parseDate(text);
    return parsed.ok && parsed.value.end === undefined;
}

/** Today's date in the local time zone, as `2018-04-15`: what "overdue" is measured against by default. */
export function localIsoDate(now: Date = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Open actions whose due date is before `today` (an ISO date), most overdue first. An
 * action due today is not overdue: it can still be done today.
 */
export function overdueActions(ledger: ActionLedger, today: string): OverdueAction[] {
    const todayNumber = dayNumber(today);
    const overdue: OverdueAction[] = [];
    for (const action of ledger.actions) {
        const { status, due } = action.current;
        if (status !== 'open' || !due || !isIsoDate(due)) continue;
        const daysLate = todayNumber - dayNumber(due);
        if (daysLate > 0) overdue.push({ action, due, daysLate });
    }
    return overdue.sort((a, b) => b.daysLate - a.daysLate || a.action.id.localeCompare(b.action.id));
}
