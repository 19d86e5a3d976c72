import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

export interface OptionSpec {
  value: string;
  label: string;
  selected: boolean;
}

/**
 * `<select ${selectOptions(options)}>`: the select's `<option>`s written with plain DOM calls — value, text and the
 * `selected` attribute — kept and updated in place (no template markers around each option). The label goes in as
 * text, never as markup.
 */
class SelectOptionsDirective extends Directive {
  render(_options: readonly OptionSpec[]) {
    return noChange;
  }

  override update(part: ElementPart, [specs]: [readonly OptionSpec[]]) {
    const select = part.element as HTMLSelectElement;
    const options = select.options;
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i];
      let option = options[i];
      if (!option) select.append((option = select.ownerDocument.createElement('option')));
      if (option.getAttribute('value') !== spec.value) option.setAttribute('value', spec.value);
      if (option.textContent !== spec.label) option.textContent = spec.label;
      if (option.hasAttribute('selected') !== spec.selected) option.toggleAttribute('selected', spec.selected);
    }
    while (options.length > specs.length) options[options.length - 1].remove();
    return noChange;
  }
}

export const selectOptions = directive(SelectOptionsDirective);
