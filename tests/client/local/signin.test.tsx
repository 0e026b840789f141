import { fireEvent, render, screen } from '@testing-library/react';
import SigninPage from '../../../client/src/local/pages/signin';
import { matchesSearch } from '../../../client/src/local/signin-search';

const USERS = [
  { openid: 'o-demo-resident-01', name: '张秀兰', label: '居民（城关社区第3网格）', place: '城关社区第3网格' },
  { openid: 'o-demo-grid-worker-03', name: '赵丽', label: 'gridWorker', place: '城关社区第3网格' },
  { openid: 'o-demo-grid-worker-10', name: '钱建华', label: 'gridWorker', place: '城关社区第9网格' },
  { openid: 'o-demo-centre-01', name: '刘芳', label: 'centre', place: '平安县综治中心' },
];

function serveUsers(): void {
  global.fetch = jest.fn(async () => ({
    ok: true,
    status: 200,
    json: async () => ({ users: USERS, anyOpenid: false }),
    text: async () => JSON.stringify({ users: USERS, anyOpenid: false }),
  })) as unknown as typeof fetch;
}

describe('the demo sign-in picker', () => {
  it('finds people by name, role or grid, every word typed counting', () => {
    const names = (typed: string) => USERS.filter((user) => matchesSearch(user, typed)).map((user) => user.name);
    expect(names('')).toHaveLength(4);
    expect(names('赵丽')).toEqual(['赵丽']);
    expect(names('网格员')).toEqual(['赵丽', '钱建华']);
    expect(names('第3网格')).toEqual(['张秀兰', '赵丽']);
    expect(names('网格员 第3网格')).toEqual(['赵丽']);
    expect(names('综治')).toEqual(['刘芳']);
    expect(names('gridworker')).toEqual(['赵丽', '钱建华']);
  });

  it('filters the list as one types, and says when nobody matches', async () => {
    serveUsers();
    render(<SigninPage />);
    expect(await screen.findByText('刘芳')).toBeTruthy();
    expect(screen.getByText('网格员 · 城关社区第9网格')).toBeTruthy();
    const search = document.querySelector('#signin-search') as HTMLInputElement;
    fireEvent.input(search, { target: { value: '第3网格 网格员' } });
    expect(screen.getByText('赵丽')).toBeTruthy();
    expect(screen.queryByText('张秀兰')).toBeNull();
    expect(screen.queryByText('钱建华')).toBeNull();
    fireEvent.input(search, { target: { value: '王大锤' } });
    expect(screen.getByText('没有找到“王大锤”，换个词试试。')).toBeTruthy();
  });
});
