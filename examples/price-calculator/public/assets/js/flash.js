// A one-shot message carried across a client-side navigation ("Virtual Machine updated").
let pending = null;

export function setFlash(message) {
  pending = message;
}

export function takeFlash() {
  const message = pending;
  pending = null;
  return message;
}
