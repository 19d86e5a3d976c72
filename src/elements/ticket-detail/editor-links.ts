/** Where the selection of a shadow root is (Chromium's `getSelection` on the root, else the document's), if anywhere. */
export function selectionRange(root: Node): Range | null {
  const selection = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
  return selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
}

/**
 * Makes a link in the editor: the selected text (`range`, kept while the link form had focus) becomes the link
 * text, else the address itself is inserted there, or at the end when the selection was outside the editor.
 */
export function insertLink(editor: HTMLElement, saved: Range | null, url: string) {
  editor.focus();
  const range = saved && editor.contains(saved.commonAncestorContainer) ? saved : null;
  const selection = document.getSelection();
  if (range && !range.collapsed && selection) {
    selection.removeAllRanges();
    selection.addRange(range);
    document.execCommand('createLink', false, url);
  } else {
    const link = document.createElement('a');
    link.href = url;
    link.textContent = url;
    if (range) range.insertNode(link);
    else editor.append(link);
  }
}
