import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { adapterConformance } from './adapter-suite.js';

adapterConformance('MemoryAdapter', async (configure) => {
  const world = demoWorld();
  if (configure) world.settings = configure(world.settings);
  return new MemoryAdapter({ world });
});
