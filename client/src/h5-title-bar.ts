// The browser build's title bar is Taro's own (`#taro-navigation-bar`, shown once the app's window says
// `navigationStyle: 'default'`): the page's title, and on the left a back arrow while there is a page to go
// back to, else a home button that relaunches home — back() in routes.ts, which the bar does itself. Its
// buttons are bare divs: this names them for screen readers and the keyboard. The mini-program has its
// native bar and never runs this.

const LABELS: [selector: string, label: string][] = [
  ['.taro-navigation-bar-back', '返回'],
  ['.taro-navigation-bar-home', '回到首页'],
]

/** Gives the bar's buttons a role, a name and a keyboard, and its title a heading; false while the bar is not there yet. */
export function labelTitleBar(doc: Document = document): boolean {
  const bar = doc.getElementById('taro-navigation-bar')
  if (!bar) return false
  bar.setAttribute('role', 'banner')
  for (const [selector, label] of LABELS) {
    const button = bar.querySelector<HTMLElement>(selector)
    if (!button || button.getAttribute('role') === 'button') continue
    button.setAttribute('role', 'button')
    button.setAttribute('aria-label', label)
    button.tabIndex = 0
    button.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') button.click()
    })
  }
  const title = bar.querySelector('.taro-navigation-bar-title')
  title?.setAttribute('role', 'heading')
  title?.setAttribute('aria-level', '1')
  return true
}
