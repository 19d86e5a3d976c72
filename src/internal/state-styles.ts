import { css } from 'lit';

/** Looks shared by the views: status pills, loading skeletons, problem and empty boxes, notices. */
export const stateStyles = css`
  .status {
    display: inline-block;
    padding: 0.1em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.9em;
  }
  .status.open {
    color: var(--_success);
  }
  .status.closed {
    color: var(--_muted);
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .problem,
  .empty {
    display: grid;
    justify-items: start;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .empty {
    border-style: dashed;
  }
  .problem p,
  .empty p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
`;
