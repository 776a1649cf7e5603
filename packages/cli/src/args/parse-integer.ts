import { usageError } from './usage-error.js';

/**
 * A whole number from an option, within bounds.
 *
 * @throws PortageError CONFIG_INVALID naming the option.
 * @example parseInteger('status', '--runs', values.runs, { min: 1, max: 1000, fallback: 5 }); // 5 when absent
 */
export function parseInteger(command: string, flag: string, value: string | undefined, bounds: { min: number; max: number; fallback: number }): number {
  if (value === undefined) return bounds.fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < bounds.min || number > bounds.max) {
    throw usageError(command, `${flag} must be a whole number from ${bounds.min} to ${bounds.max}, got "${value}"`);
  }
  return number;
}
