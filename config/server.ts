import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS'),
  },
  /**
   * Behind a reverse proxy (deploy/nginx/newsroom.conf): read the client's address from
   * X-Forwarded-For, its last TRUST_PROXY_HOPS entries (the ones the proxies added), so that rate
   * limits count clients, not the proxy. Off by default: a client could forge the header.
   */
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('TRUST_PROXY_HOPS', 1) },
});
