/**
 * Writes src/generated/types.ts: the TypeScript types of the NetSuite SuiteTalk 2023.2 WSDL,
 * compiled by @portage/codegen's compileWsdl from the shared spec mirror (never copied into
 * the repo). `portage generate` will produce the same file once it reads WSDL sources.
 *
 * Usage: npm run generate:types [-- <path to netsuite.wsdl>]
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileWsdl } from '@portage/codegen';

const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEFAULT_WSDL = fileURLToPath(new URL('../shared/specs/wsdl/netsuite-2023_2/netsuite.wsdl', new URL(WORKSPACE_ROOT, 'file:///')));
const wsdl = process.argv[2] ?? DEFAULT_WSDL;
if (!existsSync(wsdl)) {
  console.error(`the NetSuite WSDL is not at ${wsdl}: pass its path (netsuite.wsdl with its xsd/ folder) as the first argument`);
  process.exit(1);
}
const out = new URL('../src/generated/types.ts', import.meta.url);
const compiled = await compileWsdl(wsdl);
await writeFile(out, compiled.types);
console.log(`wrote ${fileURLToPath(out)}: ${compiled.stats.declarations} declarations, ${compiled.stats.operations} operations from ${compiled.stats.files} files`);
