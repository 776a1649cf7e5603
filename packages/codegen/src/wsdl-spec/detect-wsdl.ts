// Whether a spec source is a WSDL rather than an OpenAPI document: by its extension, else by
// the root element of its bytes. Sniffed cheaply: a WSDL is never parsed as JSON or YAML.

/** How many leading bytes are enough to see the root element past the XML declaration and comments. */
const SNIFF_BYTES = 64 * 1024;

/**
 * True for a `.wsdl` path or URL (query and fragment ignored).
 *
 * @example hasWsdlExtension('https://example.com/svc.wsdl?v=2') // true
 */
export function hasWsdlExtension(location: string): boolean {
  return /\.wsdl$/i.test(location.replace(/[?#].*$/, ''));
}

/**
 * True when the document's root element is WSDL 1.1 `definitions` (any prefix, or none):
 * `<definitions ...>` or `<wsdl:definitions ...>` after the XML declaration, comments and
 * processing instructions.
 *
 * @example looksLikeWsdl(new TextEncoder().encode('<?xml version="1.0"?><wsdl:definitions/>')) // true
 */
export function looksLikeWsdl(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, '');
  const withoutProlog = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '').trimStart();
  return /^<(?:[A-Za-z_][\w.-]*:)?definitions[\s/>]/.test(withoutProlog);
}
