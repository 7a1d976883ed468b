import { isIsoDate, localIsoDate } from 'minutes-language/core';
import { UsageError } from './usage-error.js';

/** The day `--today` gives (YYYY-MM-DD), else today's local date: what overdue and still-open actions are measured against. */
export function todayOption(given: string | undefined): string {
    const today = given ?? localIsoDate();
    if (!isIsoDate(today)) throw new UsageError(`--today ${today}: not a date; write it as YYYY-MM-DD`);
    return today;
}
