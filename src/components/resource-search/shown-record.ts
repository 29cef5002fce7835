/**
 * The one record <recovery-resource-search> shows above its list: the record a shared link
 * points at (`rs-id` in the URL), or one opened from "Nearest support of other kinds" (headed
 * "The place you chose"). Holds its view (kit/card/shared-record.ts, loaded the first time a
 * record is shown), which record was chosen on this page, the keyboard's move to the record once
 * it is drawn, and its "Close" (the keyboard goes back to the search box).
 */
import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { Dataset } from '../../core/schema.js';
import type { HeadingLevel } from '../../kit/ui/heading.js';
import { LazyModule } from '../../kit/base/lazy.js';
import type { ResultsView } from './results-view.js';

export class ShownRecord {
  /** The view of the record, loaded the first time one is shown. */
  readonly view: LazyModule<typeof import('../../kit/card/shared-record.js')>;
  /** Put the keyboard on the record once it is shown (it came from the URL, or was opened here). */
  focusOnShow = false;
  /** The record opened from "Nearest support of other kinds" (it was chosen here, not shared). */
  private chosenId = '';

  constructor(
    host: ReactiveControllerHost,
    /** Show the record with this id ('' for none): a person's change of the search. */
    private readonly show: (id: string) => void,
  ) {
    this.view = new LazyModule(host, () => import('../../kit/card/shared-record.js'), 'the shared record');
  }

  /** Show one record as a shared link does (its card above the list), and move the keyboard to it. */
  open(id: string): void {
    this.show(id);
    this.chosenId = id;
    this.focusOnShow = true;
  }

  /** Close the record: the keyboard goes to the search box. */
  close(root: ParentNode): void {
    this.chosenId = '';
    this.show('');
    root.querySelector<HTMLInputElement>('#q')?.focus();
  }

  /** After a render: focus the record once it is drawn (`drawn` false while the list is still loading). */
  focus(root: ParentNode, drawn: boolean): void {
    const shown = this.focusOnShow && drawn ? root.querySelector<HTMLElement>('.shared-record') : null;
    if (shown) {
      this.focusOnShow = false;
      shown.focus();
    }
  }

  /** The record with this id drawn with `card` ('' or its view not yet here: none), for results-view.ts. */
  render(id: string, dataset: Dataset, level: HeadingLevel, root: ParentNode): ResultsView['shared'] {
    const view = id ? this.view.get() : undefined;
    return view && ((card) => view.renderSharedRecord({
      id, level, record: dataset.resources.find((r) => r.id === id), card, onClose: () => this.close(root),
      heading: id === this.chosenId ? msg('The place you chose') : undefined,
    }));
  }
}
