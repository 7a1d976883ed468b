/** A problem with the command line or the files: exit code 2, nothing written. */
export class UsageError extends Error {}
