import { css } from 'lit';

export const signupStyles = css`
  .base {
    --_accent: var(--recovery-signup-accent, var(--_primary));
    --_on-accent: var(--recovery-signup-on-accent, var(--_on-primary));
    max-width: var(--recovery-signup-max-width, 32em);
    padding: var(--recovery-signup-padding, var(--recovery-surface-padding, 0.75em));
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field input:not([type='checkbox']) {
    width: 100%;
  }
  .hint {
    font-weight: 400;
    color: var(--_muted);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin: 0 0 0.25em;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.75em;
    min-height: 2.75em;
    padding: 0.6em 0;
    font-weight: 400;
    cursor: pointer;
  }
  .check input {
    margin-top: 0.125em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    border-width: 2px !important;
  }
  .consent.invalid {
    outline: 2px solid var(--_danger);
    outline-offset: 2px;
    border-radius: var(--_radius);
    padding-inline: 0.5em;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    margin: 0;
  }
  .field-error::before {
    content: '! ';
  }
  button[type='submit'] {
    justify-self: start;
    min-width: 10em;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  /* Locked while a request is in flight: visibly read-only, still readable and focusable. */
  input[readonly] {
    background: var(--_surface-alt);
    cursor: default;
  }
  input[type='checkbox'][aria-disabled='true'] {
    cursor: not-allowed;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .status:not(:empty),
  .alert:not(:empty) {
    margin-top: var(--_space);
  }
  .status .notice,
  .alert .notice {
    margin: 0;
  }
  .notice.success {
    border-color: var(--_success);
    border-width: 2px;
  }
  .notice p:last-child {
    margin-bottom: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin-top: 0.5em;
  }
  .actions a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
    font-weight: 600;
  }
  .hp {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .sources {
    display: none;
  }
  .help-line {
    margin-top: var(--_space);
  }
  @media (min-width: 40em) {
    .zip input {
      max-width: 12em;
    }
  }
`;
