import { buildAddon } from '../dev/build';

export default async function setup(): Promise<void> {
  await buildAddon();
}
