/** Styles of the shared record (shared-record.ts), apart so that an element can load its view lazily. */
import { css } from 'lit';

export const sharedRecordStyles = css`
  .shared-record {
    margin: 0 0 1rem;
    padding: 0.75rem;
    border: 2px solid var(--_focus);
    border-radius: var(--_radius);
  }
  .shared-record:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .shared-heading {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  .close-shared {
    margin-top: 0.5rem;
  }
  @media print {
    .close-shared {
      display: none !important;
    }
  }
`;
