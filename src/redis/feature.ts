import { closeSharedRedis, registerSharedRedis } from '.';

/** The Redis several instances share (REDIS_URL), before what counts or caches through it. */
export const sharedRedisFeature = {
  name: 'shared-redis',
  register: registerSharedRedis,
  destroy: closeSharedRedis,
};
