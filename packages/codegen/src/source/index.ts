export { parseSpecSource, formatSpecSource } from './spec-source.js';
export { resolveSpecBytes, defaultSpecCacheDir, type ResolveSpecOptions, type ResolvedSpecBytes } from './resolve-spec-bytes.js';
export { readNpmPackageFile, pacoteTarballStream, type TarballStreamer, type TarballStream } from './read-npm-package-file.js';
export { writeFileAtomic } from './write-file-atomic.js';
