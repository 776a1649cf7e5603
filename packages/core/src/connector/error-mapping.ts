import { z } from 'zod';
import { ERROR_CODE_NAMES, type ErrorCode } from '../errors/error-codes.js';

export const errorRuleSchema = z.object({
  /** HTTP status (or statuses) the rule applies to; any status when absent. */
  status: z.union([z.number().int(), z.array(z.number().int())]).optional(),
  /** Dot path in the JSON error body to test; the whole body text when absent. */
  bodyPath: z.string().optional(),
  /** Regular expression the value at `bodyPath` must match. */
  pattern: z.string().optional(),
  code: z.enum(ERROR_CODE_NAMES as [ErrorCode, ...ErrorCode[]]),
});

export const errorMappingSchema = z.object({
  /** Where the platform's own message sits in an error body, e.g. "error.message". */
  messagePath: z.string().optional(),
  /** Where the platform's own error code sits, e.g. "error.code". */
  codePath: z.string().optional(),
  /** Tried in order before the default table; first match wins. */
  rules: z.array(errorRuleSchema).default([]),
});

/**
 * A connector's error mapping: data, tried before the shared default table.
 *
 * @example { messagePath: 'error.message', rules: [{ status: 402, code: 'PERMISSION_DENIED' }] }
 */
export type ErrorMapping = z.input<typeof errorMappingSchema>;
export type ErrorRule = z.infer<typeof errorRuleSchema>;
