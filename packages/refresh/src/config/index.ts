export { parseDuration, subtractDuration, type Duration } from './duration.js';
export { describeCron, nextCronTime, parseCron, type CronSchedule } from './cron.js';
export {
  parseRefreshConfig,
  refreshConfigInputSchema,
  REFRESH_FALLBACKS,
  type EntityRefresh,
  type ExportsRefresh,
  type ParseRefreshConfigOptions,
  type RefreshConfig,
  type RefreshConfigInput,
  type RefreshWindow,
} from './refresh-config.js';
