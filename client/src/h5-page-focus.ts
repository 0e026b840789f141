// The browser build scrolls each page inside its own element (Taro's `.taro_page`), not the window. A page
// whose content holds nothing the keyboard can reach (a list of tappable cards) could then not be scrolled
// without a mouse or a finger: this puts every page in the tab order, so arrow keys and Page Down scroll it.
// The mini-program scrolls natively and never runs this.

/** Makes the pages in `root` focusable, now and as the router adds them; answers a function that stops watching. */
export function focusablePages(root: ParentNode & Node = document.body): () => void {
  const mark = () => {
    root.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((page) => (page.tabIndex = 0))
  }
  mark()
  const observer = new MutationObserver(mark)
  observer.observe(root, { childList: true, subtree: true })
  return () => observer.disconnect()
}
