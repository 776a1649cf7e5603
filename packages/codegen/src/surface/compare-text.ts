/**
 * Orders strings by UTF-16 code unit: unlike `localeCompare`, the same on every machine and
 * locale, which the surface's byte-for-byte determinism needs.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
