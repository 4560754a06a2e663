import type { Core } from '@strapi/strapi';
import { z } from 'zod';

/**
 * Strapi's own password rules for admin users, checked up front so a weak ADMIN_PASSWORD fails
 * the start with a clear message instead of a validation error deep in the admin service.
 */
const AdminFromEnvSchema = z.object({
  ADMIN_EMAIL: z.email(),
  ADMIN_PASSWORD: z
    .string()
    .min(8, 'at least 8 characters')
    .max(72, 'at most 72 bytes')
    .regex(/[a-z]/, 'a lowercase letter')
    .regex(/[A-Z]/, 'an uppercase letter')
    .regex(/\d/, 'a number'),
  ADMIN_FIRSTNAME: z.string().min(1).default('Newsroom'),
  ADMIN_LASTNAME: z.string().min(1).default('Editor'),
});

/**
 * Creates the first super admin from ADMIN_EMAIL / ADMIN_PASSWORD so reviewers and browser tests
 * can sign in without the registration screen. Never invents a password, and never touches an
 * instance that already has an admin.
 */
export async function createAdminFromEnv(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) return;

  const parsed = AdminFromEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Cannot create the admin user from the environment: ${problems}`);
  }

  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('Cannot create the admin user: the Super Admin role does not exist yet');

  const { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_FIRSTNAME, ADMIN_LASTNAME } = parsed.data;
  await users.create({
    email: ADMIN_EMAIL.toLowerCase(),
    password: ADMIN_PASSWORD,
    firstname: ADMIN_FIRSTNAME,
    lastname: ADMIN_LASTNAME,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Created admin user ${ADMIN_EMAIL} from the environment`);
}
