import { focusablePages } from '../../../client/src/h5-page-focus';

describe('focusablePages', () => {
  it('puts pages in the tab order, those there and those the router adds later, and leaves a set tabindex alone', async () => {
    document.body.innerHTML = '<div class="taro_page" id="a"></div><div class="taro_page" id="b" tabindex="-1"></div>';
    const stop = focusablePages(document.body);
    expect(document.getElementById('a')?.tabIndex).toBe(0);
    expect(document.getElementById('b')?.tabIndex).toBe(-1);
    const added = document.createElement('div');
    added.className = 'taro_page';
    document.body.appendChild(added);
    await Promise.resolve();
    expect(added.tabIndex).toBe(0);
    stop();
  });
});
