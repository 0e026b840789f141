import type { catalogContract, GridCard, InboxItem, ReportDetail, ReportSummary, ResponseOf } from '@pingan/shared/contracts';

/** Tiny literal fixtures shaped by the contracts. */
export const grid03: GridCard = {
  code: '410399001001-03',
  name: '城关社区第3网格',
  communityName: '城关社区',
  // In the order the server sends (GRID_STAFF_ROLES: 长, 员, 警, 医; tests/cloudfunctions/me-and-join-grid.test.ts).
  staff: [
    { role: 'gridLeader', name: '陈志强', phone: '13800000013' },
    { role: 'gridWorker', name: '赵丽', phone: '13800000053' },
  ],
};

export function me(overrides: Partial<{ name: string; roles: string[]; joinedGrid: GridCard | null }> = {}) {
  return { id: 'u-resident-01', name: '张秀兰', roles: ['resident'], gridCodes: [grid03.code], joinedGrid: grid03, ...overrides };
}

export function summary(n: number, overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id: `rep-${n}`,
    categoryCode: 'XFYH',
    categoryName: '消防隐患',
    status: 'submitted',
    text: `楼道堆物 ${n}`,
    ownerCode: grid03.code,
    ownerLevel: 'grid',
    submittedAt: Date.UTC(2025, 4, 3, 6, 5) + n * 60_000,
    light: 'green',
    ...overrides,
  };
}

export function inboxItem(n: number, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    ...summary(n),
    deadline: Date.now() + 3_600_000,
    light: 'green',
    anonymous: false,
    supervisionPending: false,
    supportCount: 0,
    ...overrides,
  };
}

export function detail(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return {
    ...summary(1),
    photos: ['cloud://test-env.7465-test-env-1250000000/reports/k/1.jpg'],
    location: [111.587499, 33.796931],
    departments: ['消防救援站'],
    anonymous: false,
    reporter: { id: 'u-resident-01', name: '张秀兰' },
    supervisionPending: false,
    events: [
      { seq: 0, type: 'submitted', at: Date.UTC(2025, 4, 3, 6, 5), status: 'submitted', actor: { id: 'u-resident-01', name: '张秀兰' } },
    ],
    ...overrides,
  };
}

type Catalog = ResponseOf<typeof catalogContract>;

/** The catalog call's answer for a resident: three categories and one service. */
export function catalog(overrides: Partial<Catalog> = {}): Catalog {
  return {
    categories: [
      {
        code: 'NBJF',
        name: '邻里纠纷',
        group: '矛盾纠纷',
        acceptLimitHours: 2,
        handleLimitHours: 72,
        clock: 'working',
        visibleToOtherResidents: false,
        reward: { points: 3 },
      },
      {
        code: 'XFYH',
        name: '消防隐患',
        group: '安全隐患',
        acceptLimitHours: 1,
        handleLimitHours: 24,
        visibleToOtherResidents: true,
        reward: { points: 5 },
      },
      {
        code: 'YJQZ',
        name: '一键求助',
        group: '求助',
        acceptLimitHours: 0.25,
        handleLimitHours: 2,
        visibleToOtherResidents: false,
        reward: { points: 0 },
      },
    ],
    services: [{ code: 'SMLF', name: '上门理发', description: '志愿理发师上门为老人理发。', durationMinutes: 40, forGroups: ['高龄'] }],
    subscribeTemplates: { accepted: 'tmpl-accepted', rejected: 'tmpl-rejected', resolved: 'tmpl-resolved', closed: 'tmpl-closed' },
    ...overrides,
  };
}
