/**
 * One cache scheme for every view: a value remembered with the inputs it was computed from,
 * computed again only when one of them changes (compared with `===`).
 */
export class Memo<T> {
  private inputs?: readonly unknown[];
  private value?: T;

  get(inputs: readonly unknown[], compute: () => T): T {
    const same = this.inputs !== undefined && this.inputs.length === inputs.length && this.inputs.every((x, i) => x === inputs[i]);
    if (!same) {
      this.value = compute();
      this.inputs = inputs;
    }
    return this.value as T;
  }
}
