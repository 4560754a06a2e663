import type { Core } from '@strapi/strapi';

/** LOG_LEVEL=warn keeps tests and import runs quiet; the default shows request logs. */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});
