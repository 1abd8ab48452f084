/**
 * The browser's e-mail check, the API's rule: class-validator's `isEmail` with its default options
 * (validator.js 13), which every API input with an e-mail address applies after trimming. Written
 * out here rather than imported, so the web bundles a few hundred bytes, not validator.js; the spec
 * compares the two on generated addresses, so they cannot drift apart unnoticed.
 */

/* eslint-disable no-control-regex -- the quoted form's characters, as validator.js lists them */
/** One dot-separated word before the @ (letters beyond ASCII allowed). */
const LOCAL_WORD = /^[a-z\d!#$%&'*+\-/=?^_`{|}~\u00A1-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+$/i;
/** What may stand between the quotes of a quoted local part ("anna lind"@example.se). */
const QUOTED_LOCAL =
  /^(?:[\s\x01-\x08\x0b\x0c\x0e-\x1f\x7f\x21\x23-\x5b\x5d-\x7e\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]|\\[\x01-\x09\x0b\x0c\x0d-\x7f\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])*$/i;
/* eslint-enable no-control-regex */
const LABEL = /^[a-z\u00A1-\uFFFF\d-]+$/i;
const TOP_LEVEL = /^(?:[a-z\u00A1-\u00A8\u00AA-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]{2,}|xn[a-z\d-]{2,})$/i;

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** A host name with a top-level domain: labels of at most 63 letters, digits or inner hyphens. */
function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  const topLevel = labels[labels.length - 1];
  if (labels.length < 2 || !TOP_LEVEL.test(topLevel) || /\s/.test(topLevel)) return false;
  return labels.every(
    (label) =>
      label.length <= 63 && LABEL.test(label) && !/[\uFF01-\uFF5E]/.test(label) && !/^-|-$/.test(label),
  );
}

/** Whether what was typed, trimmed, is an e-mail address the API accepts. */
export function isEmailAddress(typed: string): boolean {
  const address = typed.trim();
  const at = address.lastIndexOf('@');
  if (at < 0 || address.length > 254) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (byteLength(local) > 64 || byteLength(domain) > 254 || !isDomain(domain)) return false;
  if (local.startsWith('"') && local.endsWith('"')) return QUOTED_LOCAL.test(local.slice(1, -1));
  return local.split('.').every((word) => LOCAL_WORD.test(word));
}
