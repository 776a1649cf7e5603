// Times the WSDL -> TypeScript compiler on each real WSDL set of ../shared/specs/wsdl (load,
// parse, compile; goal for NetSuite: <= 5 s) and prints the counts. Not a test: run
// `node --import tsx --conditions=@portage/source bench/wsdl.ts` from packages/codegen.
// Pass `--out <dir>` to also write each set's TypeScript there.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileWsdl } from '../src/wsdl/compile-wsdl.js';
import { SHARED_WSDL_DIR, WSDL_TEST_SETS, wsdlTestSetPath, type WsdlTestSet } from '../src/wsdl/wsdl-test-sets.js';

const outIndex = process.argv.indexOf('--out');
const outDir = outIndex < 0 ? undefined : process.argv[outIndex + 1];
if (outDir !== undefined) await mkdir(outDir, { recursive: true });

for (const set of Object.keys(WSDL_TEST_SETS) as WsdlTestSet[]) {
  const entry = wsdlTestSetPath(set);
  if (entry === undefined) {
    console.log(`${set}: skipped, ${join(SHARED_WSDL_DIR, WSDL_TEST_SETS[set])} is absent`);
    continue;
  }
  const started = performance.now();
  const { types, stats } = await compileWsdl(entry);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${set}: ${seconds.toFixed(2)} s, ${stats.files} files, ${stats.complexTypes} complex + ${stats.simpleTypes} simple types, ` +
      `${stats.elements} elements, ${stats.unions} unions, ${stats.operations} operations, ${stats.declarations} declarations, ${(types.length / 1024).toFixed(0)} KiB`,
  );
  if (outDir !== undefined) await writeFile(join(outDir, `${set}.ts`), types);
}
