import { removeArchive } from './archive';

export default async function globalTeardown(): Promise<void> {
  await removeArchive();
}
