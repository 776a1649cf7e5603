export { type DeadLetter } from './dead-letter.js';
export { jobFailureOf, type JobFailure } from './job-failure.js';
export { listDeadLetters } from './list-dead-letters.js';
export { replayDeadLetters, type ReplayOutcome, type ReplaySelection } from './replay-dead-letters.js';
