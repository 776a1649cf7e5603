import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PortageError } from '@portage/core';

/** The lock file's name inside an embedded data directory. */
export const LOCK_FILE = 'portage.lock';

/**
 * A held lock on an embedded data directory.
 *
 * @example const lock = await lockDataDir('/srv/portage'); try { ... } finally { await lock.release(); }
 */
export interface DataDirLock {
  /** Removes the lock file if it is still this lock's. Safe to call twice. */
  release(): Promise<void>;
}

interface LockContent {
  pid: number;
  host: string;
  token: string;
  since: string;
}

/**
 * Takes `<dir>/portage.lock`, so a second process (or a second opener in this process) fails
 * fast instead of running a second PGlite on the same files, which corrupts them silently.
 * A lock left by a process that no longer runs on this host is taken over; a lock from
 * another host is respected, since its process cannot be checked from here.
 *
 * The lock file appears atomically with its content (a hard link of a finished temporary
 * file); a stale one is moved aside with rename (atomic too) and checked afterwards, so two
 * processes reclaiming the same stale lock cannot both win. It is removed on `release()`
 * and, failing that, when this process exits.
 *
 * @throws PortageError CONFIG_INVALID when another live process holds the lock.
 * @example const lock = await lockDataDir(dataDir);
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, host: hostname(), token: randomUUID(), since: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;

  for (let attempt = 0; ; attempt += 1) {
    if (await createLockFile(path, text)) break;
    const held = await readLock(path);
    // Bounded: a lock that keeps changing hands means another process is busy with it.
    if (attempt >= 3) throw lockedError(dir, path, held === 'missing' ? 'unreadable' : held);
    if (held === 'missing') continue;
    if (held !== 'unreadable' && isAlive(held)) throw lockedError(dir, path, held);
    // Stale (its process is gone) or not a lock this code wrote.
    await takeOverStaleLock(path, held, dir);
  }

  const releaseOnExit = () => {
    try {
      if (readFileSync(path, 'utf8') === text) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', releaseOnExit);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      process.removeListener('exit', releaseOnExit);
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current === text) await unlink(path).catch(() => undefined);
    },
  };
}

/**
 * Creates the lock file with its content already in it: written to a temporary file first,
 * then hard-linked into place (atomic, and it fails when the lock exists), so nobody ever
 * reads a half-written lock. Falls back to an O_EXCL create where hard links are refused.
 */
async function createLockFile(path: string, text: string): Promise<boolean> {
  const temporary = `${path}.${process.pid}-${randomUUID()}.tmp`;
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  try {
    await writeFile(path, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readLock(path: string): Promise<LockContent | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockContent>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') {
      return { pid: parsed.pid, host: parsed.host, token: parsed.token, since: String(parsed.since) };
    }
  } catch {
    // Falls through: not a lock this code wrote (edited by hand, or a truncated disk write).
  }
  return 'unreadable';
}

/** Whether the lock's process may still run: always true for another host's lock. */
function isAlive(lock: LockContent): boolean {
  if (lock.host !== hostname()) return true;
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a stale lock aside. If what was moved turns out to be a fresh lock (another process
 * reclaimed the stale one and locked between our read and our rename), it is put back.
 */
async function takeOverStaleLock(path: string, stale: LockContent | 'unreadable', dir: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readLock(aside);
  const sameAsJudged = stale === 'unreadable' ? moved === 'unreadable' : typeof moved === 'object' && moved.token === stale.token;
  if (!sameAsJudged) {
    await link(aside, path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    throw lockedError(dir, path, typeof moved === 'object' ? moved : 'unreadable');
  }
  await unlink(aside).catch(() => undefined);
}

function lockedError(dir: string, path: string, held: LockContent | 'unreadable'): PortageError {
  return new PortageError('CONFIG_INVALID', `another Portage process is using ${dir}: stop it or use DATABASE_URL`, {
    context: { lockFile: path, ...(held === 'unreadable' ? {} : { pid: held.pid, host: held.host, since: held.since }) },
  });
}
