// The README's main job (`npm start`): a real sync of the fake-platform connector into the
// embedded store, with no database server, ending with the sync status. See run-demo.ts.
import { isPortageError } from '@portage/core';
import { runDemo } from './run-demo.js';

try {
  const { rows, stored, platformRecords } = await runDemo();
  const failed = rows.filter((row) => row.status !== 'succeeded');
  const outOfStep = Object.values(stored).some((count) => count !== platformRecords);
  if (failed.length > 0 || outOfStep) process.exitCode = 1;
} catch (error) {
  // A PortageError's message already says what to do; anything else gets its stack.
  console.error(isPortageError(error) ? `demo failed: ${error.message}` : error);
  process.exitCode = 1;
}
