import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import '../src/define.js';
import manifest from '../custom-elements.json';

// API tables (attributes, properties, events, slots, CSS parts and properties) from the JSDoc, via the manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  // A docs page per element, generated from the manifest.
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: {
      expanded: true,
      matchers: { color: /(background|color)$/i },
    },
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#ffffff' },
        dark: { name: 'Dark', value: '#16181d' },
      },
    },
    options: {
      storySort: { order: ['Portal'] },
    },
  },
  initialGlobals: {
    backgrounds: { value: 'light' },
  },
};

export default preview;
