import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { openApiDocument } from './openapi';
import { servedSchemaText } from './served-schema';

/** The committed contract: what `npm run contract:write` writes and the drift test compares. */
export const CONTRACT_FILES = {
  openapi: path.join('docs', 'openapi.json'),
  graphql: path.join('docs', 'schema.graphql'),
};

export function contractTexts(strapi: Core.Strapi): { openapi: string; graphql: string } {
  return {
    openapi: `${JSON.stringify(openApiDocument(strapi), null, 2)}\n`,
    graphql: servedSchemaText(),
  };
}
