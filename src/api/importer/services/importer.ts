import type { Core } from '@strapi/strapi';
import { createImporter } from '../../../importer';

/** `strapi.service('api::importer.importer')`: the seed CLI and the admin panel share this code. */
export default ({ strapi }: { strapi: Core.Strapi }) => createImporter(strapi);
