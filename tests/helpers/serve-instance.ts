import { closeApp } from '../../src/cli/app';
import { loadStrapi } from './strapi';

/**
 * One Strapi instance in a process of its own, listening on PORT, on whatever database and Redis
 * the environment names (tests/helpers/instances.ts starts it). Says `listening` on stdout once it
 * answers, and stops cleanly on SIGTERM.
 */
async function main(): Promise<void> {
  const strapi = await loadStrapi();
  await strapi.listen();
  process.stdout.write('listening\n');
  process.once('SIGTERM', () => {
    closeApp(strapi).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
