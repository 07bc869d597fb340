// A tiny element builder: attributes are set as attributes (so markup stays inspectable in
// devtools and in tests), functions under on* become event listeners.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Visually hidden text that still counts towards accessible names. */
export function srOnly(text) {
  return h('span', { class: 'visually-hidden' }, text);
}

let idCounter = 0;

export function uniqueId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
