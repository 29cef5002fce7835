/* Recovery finder block: plain JS on WordPress's globals (no build step). The element list and
 * each element's documented attributes come from window.recoveryFinderElements, printed by the
 * plugin from elements.json (generated from custom-elements.json by tools/wordpress-zip.mjs). */
(function (wp) {
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var C = wp.components;
  var InspectorControls = (wp.blockEditor || wp.editor).InspectorControls;
  var useBlockProps = wp.blockEditor && wp.blockEditor.useBlockProps;
  var ServerSideRender = wp.serverSideRender;
  var table = window.recoveryFinderElements || {};

  function control(name, spec, value, set) {
    var label = name;
    var help = spec.description || undefined;
    if (spec.kind === 'boolean') {
      return el(C.ToggleControl, { key: name, label: label, help: help, checked: value === true || value === 'true', onChange: function (v) { set(name, v ? true : undefined); } });
    }
    return el(C.TextControl, {
      key: name, label: label, help: help, type: spec.kind === 'number' ? 'number' : spec.kind === 'url' ? 'url' : 'text',
      value: value === undefined ? '' : String(value),
      onChange: function (v) { set(name, v === '' ? undefined : v); },
    });
  }

  wp.blocks.registerBlockType('recovery-finder/finder', {
    edit: function (props) {
      var a = props.attributes;
      var spec = table[a.element] || { attributes: {} };
      function set(name, v) {
        var next = Object.assign({}, a.options);
        if (v === undefined) delete next[name]; else next[name] = v;
        props.setAttributes({ options: next });
      }
      var controls = Object.keys(spec.attributes).map(function (name) {
        return control(name, spec.attributes[name], a.options[name], set);
      });
      var blockProps = useBlockProps ? useBlockProps() : {};
      return el('div', blockProps,
        el(InspectorControls, {},
          el(C.PanelBody, { title: __('Element', 'recovery-finder') },
            el(C.SelectControl, {
              // The name (as the shortcode writes it) in the list; what the element does below it,
              // in full: the summaries are too long for a select's width.
              label: __('Element', 'recovery-finder'), value: a.element, help: spec.title,
              options: Object.keys(table).map(function (k) { return { label: k, value: k }; }),
              onChange: function (v) { props.setAttributes({ element: v, options: {} }); },
            }),
            el(C.SelectControl, {
              label: __('Language', 'recovery-finder'), value: a.lang,
              options: [{ label: __('Site default', 'recovery-finder'), value: '' }, { label: 'English', value: 'en' }, { label: 'Español', value: 'es' }],
              onChange: function (v) { props.setAttributes({ lang: v }); },
            })),
          el(C.PanelBody, { title: __('Options', 'recovery-finder'), initialOpen: true }, controls)),
        el(ServerSideRender, { block: 'recovery-finder/finder', attributes: a }));
    },
    save: function () { return null; },
  });
})(window.wp);
