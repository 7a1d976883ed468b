export * from './meetings.js';
export * from './action-ids.js';
export * from './action-ledger.js';
export * from './ledger-summary.js';
export * from './overdue.js';
export * from './speaking-statistics.js';
export * from './statistics-rows.js';
export * from './next-meeting.js';
