// What the browser crawl (tests/web/test_crawl_browser.py) asks of every page at every width,
// run in the page by Selenium's execute_script; the English words are its first argument.
// Returns {overflow, broken, narrow, english}: lists of short descriptions, empty when well.
//
// - overflow: the page scrolls sideways (wider than the viewport), with the elements that
//   stick out on the right;
// - broken: a word (a run of letters) set on two lines, split mid-letter, outside code, IRIs
//   and the editor; numbers, checksums and addresses may break where they must;
// - narrow: a table cell narrower than its longest word (the word sticks out of the cell);
// - english: a word of the list in the visible text (code and the editor aside) or in a
//   title, label or placeholder.
const words = arguments[0];
const result = { overflow: [], broken: [], narrow: [], english: [] };
const root = document.documentElement;
const width = root.clientWidth;
const SKIP = "pre, code, kbd, samp, textarea, script, style, svg, .CodeMirror, .iri, [hidden]";

function describe(element) {
  let name = element.tagName.toLowerCase();
  if (element.id) name += "#" + element.id;
  if (element.classList.length) name += "." + Array.from(element.classList).join(".");
  const text = (element.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
  return text ? name + " «" + text + "»" : name;
}

// scrolled sideways by something inside a container that scrolls or clips on its own: fine
function clipped(element) {
  for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
    const style = getComputedStyle(parent);
    if (style.overflowX !== "visible") return true;
  }
  return false;
}

if (root.scrollWidth > width + 1) {
  const wide = [];
  for (const element of document.body.querySelectorAll("*")) {
    const rect = element.getBoundingClientRect();
    if (rect.width && rect.right > width + 1 && !clipped(element)) wide.push(element);
  }
  // the innermost ones say most
  const innermost = wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)));
  result.overflow.push(
    root.scrollWidth + " px wide in " + width + ": " + innermost.slice(0, 4).map(describe).join("; ")
  );
}

const range = document.createRange();
const visible = [document.title];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
// words of letters: numbers, checksums and addresses may break where they must
const wordPattern = /\p{L}{2,}/gu;
// letters inside a name that is no word (rg:Meeting, a file name, an address, a checksum)
function identifier(text, at) {
  let start = at;
  let end = at;
  while (start > 0 && !/\s/.test(text[start - 1])) start -= 1;
  while (end < text.length && !/\s/.test(text[end])) end += 1;
  return /[:\/@_#=]|\p{L}\.\p{L}|\d\p{L}|\p{L}\d/u.test(text.slice(start, end));
}
const hiddenCache = new Map();
// inside a box clipped to nothing (a visually hidden table head, a skip link): not seen
function hidden(element) {
  if (!element || element === document.body) return false;
  if (hiddenCache.has(element)) return hiddenCache.get(element);
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  const clipped = (style.clip !== "auto" && style.position === "absolute") ||
    style.clipPath.startsWith("inset(50%") || (style.overflow !== "visible" && rect.width <= 1);
  const answer = clipped || hidden(element.parentElement);
  hiddenCache.set(element, answer);
  return answer;
}
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!parent || parent.closest(SKIP) || !parent.getClientRects().length || hidden(parent)) continue;
  visible.push(node.data);
  const cell = parent.closest("td, th");
  let cellRight = null;
  if (cell) {
    const style = getComputedStyle(cell);
    cellRight = cell.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
  }
  for (const match of node.data.matchAll(wordPattern)) {
    if (identifier(node.data, match.index)) continue;
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
    if (!rects.length) continue;
    const lines = new Set(rects.map((r) => Math.round(r.bottom)));
    if (lines.size > 1) {
      result.broken.push("«" + match[0] + "» in " + describe(cell || parent));
    } else if (cellRight !== null && rects[rects.length - 1].right > cellRight + 1) {
      result.narrow.push("«" + match[0] + "» in " + describe(cell));
    }
  }
}

const seen = [visible.join(" ")];
for (const element of document.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
  if (element.closest("svg") && element.tagName.toLowerCase() !== "svg") continue;
  for (const name of ["title", "aria-label", "placeholder", "alt"]) {
    const value = element.getAttribute(name);
    if (value) seen.push(value);
  }
}
for (const element of document.querySelectorAll("svg title")) seen.push(element.textContent);
const text = seen.join("\n");
for (const word of words) {
  // not a term's name (rg:Committee) nor part of a longer word
  const pattern = new RegExp("(^|[^\\p{L}\\p{N}_:-])" + word + "(?![\\p{L}\\p{N}_-])", "u");
  const found = pattern.exec(text);
  if (found) {
    const at = found.index + found[1].length;
    result.english.push("«" + word + "» in «…" + text.slice(Math.max(0, at - 30), at + word.length + 30).replace(/\s+/g, " ") + "…»");
  }
}
return result;
