export { main } from './main.js';
export { runCli } from './run-cli.js';
export { type CliIo, type OutputWriter } from './io/cli-io.js';
export {
  definePortageConfig,
  type PortageConfig,
  type RefreshConfigSource,
  type RefreshEntityInput,
} from './config/define-portage-config.js';
export { loadPortageConfig, CONFIG_FILE_NAMES, type LoadedConfig } from './config/load-portage-config.js';
export { DEFAULT_DATABASE_URL, DEFAULT_QUEUE_SCHEMA } from './config/resolve-settings.js';
export { formatStatus } from './format/format-status.js';
export { toStatusJson, type StatusJson } from './format/status-json.js';
export { formatProgressLine } from './progress/format-progress-line.js';
export { type EntityProgress, type EntitySyncState } from './progress/entity-progress.js';
