/**
 * A request URL made absolute: a path is appended to the base URL, keeping the base's own
 * path (`new URL('/v1/x', 'https://h/api')` would drop "/api").
 *
 * @example absoluteUrl('/v1/items', 'https://h/api') // 'https://h/api/v1/items'
 */
export function absoluteUrl(url: string, baseUrl: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return baseUrl.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`);
}
