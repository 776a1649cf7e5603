import { describe, expect, it } from 'vitest';
import { currentLogContext, withLogContext, type LogContext } from './log-context.js';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ name: 't', destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('withLogContext', () => {
  it('puts its fields on every line logged inside it, awaited code included, and none outside', async () => {
    const { logger, parsed } = capture();
    const child = logger.child({ connectionId: 'c1' });
    await withLogContext({ jobId: 'j1' }, async () => {
      logger.info('direct');
      await new Promise((resolve) => setTimeout(resolve, 1));
      child.info({ status: 200 }, 'from a child, later');
    });
    logger.info('outside');
    expect(parsed()).toMatchObject([
      { msg: 'direct', jobId: 'j1' },
      { msg: 'from a child, later', jobId: 'j1', connectionId: 'c1', status: 200 },
      { msg: 'outside' },
    ]);
    expect(parsed()[2]).not.toHaveProperty('jobId');
  });

  it('sees fields added after the work started (a run id known only once the job runs)', async () => {
    const { logger, parsed } = capture();
    const fields: LogContext = { jobId: 'j1' };
    await withLogContext(fields, async () => {
      logger.info('before');
      fields.runId = 'r1';
      logger.info('after');
    });
    expect(parsed()[0]).not.toHaveProperty('runId');
    expect(parsed()[1]).toMatchObject({ jobId: 'j1', runId: 'r1' });
  });

  it('nests: inner fields win, outer ones stay; a field the logger binds is not repeated', () => {
    const { logger, lines } = capture();
    withLogContext({ jobId: 'outer', worker: 'w1' }, () =>
      withLogContext({ jobId: 'inner', runId: 'r1' }, () => {
        expect(currentLogContext()).toEqual({ jobId: 'inner', runId: 'r1', worker: 'w1' });
        logger.child({ runId: 'r1' }).info('bound');
      }),
    );
    expect(lines[0]!.match(/"runId":/g)).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ jobId: 'inner', worker: 'w1', runId: 'r1' });
    expect(currentLogContext()).toEqual({});
  });
});
