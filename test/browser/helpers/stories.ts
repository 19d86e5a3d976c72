import * as customerPortalStories from '../../../stories/customer-portal.stories.js';
import * as portalLoginStories from '../../../stories/portal-login.stories.js';
import * as supportFormStories from '../../../stories/support-form.stories.js';
import * as ticketDetailStories from '../../../stories/ticket-detail.stories.js';
import * as ticketListStories from '../../../stories/ticket-list.stories.js';
import * as viewSwitcherStories from '../../../stories/view-switcher.stories.js';

/**
 * The stories files, for the browser tests that render every story outside Storybook (`stories/`, `visual/`).
 * NEW STORY FILES MUST BE ADDED HERE — the list is explicit so the test runner needs no glob import support.
 */
export const storyFiles: Record<string, Record<string, unknown>> = {
  'customer-portal': customerPortalStories,
  'portal-login': portalLoginStories,
  'ticket-list': ticketListStories,
  'ticket-detail': ticketDetailStories,
  'support-form': supportFormStories,
  'view-switcher': viewSwitcherStories,
};

export type Args = Record<string, unknown>;
type RenderFn = (args: Args, context: unknown) => unknown;
export interface StoryLike {
  name?: string;
  args?: Args;
  parameters?: Record<string, unknown>;
  render?: RenderFn;
  play?: (context: unknown) => Promise<void> | void;
}
export interface MetaLike {
  title?: string;
  component?: string;
  args?: Args;
  parameters?: Record<string, unknown>;
  render?: RenderFn;
  excludeStories?: unknown;
  includeStories?: unknown;
}

/** CSF named exports that are stories (not `default`, not `__namedExportsOrder`, honouring include/exclude). */
export function storiesOf(module: Record<string, unknown>) {
  const meta = module.default as MetaLike;
  const matches = (name: string, filter: unknown) =>
    Array.isArray(filter) ? filter.includes(name) : filter instanceof RegExp ? filter.test(name) : false;
  return Object.entries(module)
    .filter(([name]) => name !== 'default' && name !== '__namedExportsOrder')
    .filter(([name]) => (meta.includeStories ? matches(name, meta.includeStories) : true))
    .filter(([name]) => !matches(name, meta.excludeStories))
    .map(([name, story]) => ({ name, story: story as StoryLike }));
}
