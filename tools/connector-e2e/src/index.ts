export { startSpecSyncWorld, type SpecSyncWorld, type SpecSyncWorldOptions, type StoredRecord } from './spec-sync-world.js';
export { createAnswerLoss, type AnswerLoss } from './lose-answers.js';
