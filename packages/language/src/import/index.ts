export { importTranscript, reviewNote, type ImportOptions, type ImportResult } from './importer.js';
export { formatImportSummary, type ImportSummary, type SpeakerReport } from './summary.js';
export { detectFormat } from './detect.js';
export { TRANSCRIPT_FORMATS, type TranscriptFormat } from './transcript.js';
