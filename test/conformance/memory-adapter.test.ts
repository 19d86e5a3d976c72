import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { actionsConformance } from './actions-suite.js';
import { adapterConformance, registrationConformance } from './adapter-suite.js';

const make = async (configure?: Parameters<Parameters<typeof adapterConformance>[1]>[0]) => {
  const world = demoWorld();
  if (configure) world.settings = configure(world.settings);
  return new MemoryAdapter({ world });
};

adapterConformance('MemoryAdapter', make);
registrationConformance('MemoryAdapter', make);
actionsConformance('MemoryAdapter', {
  make,
  agentReply: async (adapter, ticketId, body) => { (adapter as MemoryAdapter).agentReply(ticketId, body); },
});
