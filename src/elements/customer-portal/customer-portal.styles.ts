import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { layered } from '../../internal/layer.js';
import { stateStyles } from '../../internal/state-styles.js';
import { dialogStyles } from '../../internal/ui/dialog-styles.js';

export const shellStyles = [
  tokens,
  stateStyles,
  css`
    :host {
      display: block;
      min-block-size: var(--customer-portal-min-height, 24rem);
      background: var(--_background);
      container-type: inline-size;
    }
    /* theme="auto" (default) inherits the host page's color-scheme. */
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
    [part='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      padding: var(--customer-portal-padding, var(--_space));
    }
    [part='header'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(var(--_space) * 0.5) var(--_space);
      min-block-size: 3rem;
      border-block-end: 1px solid var(--_border);
      padding-block-end: calc(var(--_space) * 0.5);
    }
    [part='title'] {
      margin: 0;
      font-size: 1.5em;
      line-height: 1.2;
    }
    [part='nav'] ul {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.25);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part='nav'] a {
      display: inline-flex;
      align-items: center;
      min-block-size: var(--_target);
      padding-inline: calc(var(--_space) * 0.6);
      border-radius: var(--_radius);
      color: var(--_accent);
      text-underline-offset: 0.2em;
    }
    [part='nav'] a[aria-current='page'] {
      background: var(--_surface);
      color: var(--_text);
      font-weight: 600;
      text-decoration: none;
    }
    .view-heading {
      margin: 0 0 calc(var(--_space) * 0.75);
      font-size: 1.25em;
    }
    .skeleton {
      block-size: 1.8rem;
      inline-size: min(20rem, 60%);
    }
    .skeleton.body {
      block-size: 12rem;
      inline-size: 100%;
    }
    .problem {
      gap: calc(var(--_space) * 0.75);
    }
  `,
];

export const styles = layered(shellStyles, dialogStyles);
