// The entry nx loads for `nx g @portage/generators:connector`.
//
// Why a CommonJS file: nx 22 loads a generator implementation with require(). For a `.ts`
// implementation it first registers ts-node or @swc-node (neither is installed here), and that
// transpiles to CommonJS, while our sources are ESM ("type": "module", NodeNext) and reach the
// other workspace packages through the `@portage/source` export condition, which require()
// does not know. So nx gets this file, and it imports the ESM generator: from dist/ when the
// package is built, else the TypeScript sources through tsx's loader (a root devDependency)
// plus a hook that adds the `@portage/source` condition, as packages/cli/bin/portage.js does.
'use strict';

let loading;

function loadGenerator() {
  loading ??= (async () => {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const built = join(__dirname, '../../dist/connector/connector-generator.js');
    if (existsSync(built)) return import(pathToFileURL(built).href);
    const { register } = await import('node:module');
    const { register: registerTsx } = await import('tsx/esm/api');
    registerTsx();
    // Registered after tsx so it runs first, and tsx resolves with the extra condition.
    register('./source-condition-hook.mjs', pathToFileURL(__filename));
    return import(pathToFileURL(join(__dirname, 'connector-generator.ts')).href);
  })();
  return loading;
}

/**
 * The nx generator: see connector-generator.ts.
 *
 * @param {import('@nx/devkit').Tree} tree
 * @param {{ platform: string; spec?: string; entities?: string }} options
 */
module.exports = async function connector(tree, options) {
  const { connectorGenerator } = await loadGenerator();
  return connectorGenerator(tree, options);
};
