import { DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';

/**
 * A demo world where the signed-in contact has `count` tickets, all copies of one of theirs that has an owner, under
 * other ids and numbered subjects: every row has the same structure, so a page's DOM size depends on its length only.
 */
export function worldOfCopies(count: number) {
  const world = demoWorld();
  const anna = world.contacts.find((c) => c.email === DEMO_SIGN_IN.email)!;
  const base = world.tickets.find((t) => t.contactId === anna.id && t.ownerId !== null)!;
  world.tickets = Array.from({ length: count }, (_, i) => ({ ...base, id: 1000 + i, subject: `${base.subject} ${1000 + i}` }));
  world.messages = [];
  return world;
}

/** Every node below `root`: elements, text, and comments (template markers), with the comments counted apart. */
export function countNodes(root: Node) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let all = 0;
  let comments = 0;
  while (walker.nextNode()) {
    all++;
    if (walker.currentNode.nodeType === Node.COMMENT_NODE) comments++;
  }
  return { all, comments };
}
