import type { Core } from '@strapi/strapi';

/**
 * A part of the app as Strapi starts and stops it: what it hooks into Strapi before the server is
 * built (`register`), what it sets up once content can be read (`bootstrap`) and what it closes
 * (`destroy`). src/features.ts lists them in the order that matters; src/index.ts only runs them.
 */
export interface Feature {
  name: string;
  register?(strapi: Core.Strapi): void | Promise<void>;
  bootstrap?(strapi: Core.Strapi): void | Promise<void>;
  destroy?(strapi: Core.Strapi): void | Promise<void>;
}
