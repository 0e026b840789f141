import Taro from '@tarojs/taro'

// Every page's address in one place, so a moved page breaks the typecheck rather than a tap.
export const routes = {
  home: '/pages/home/index',
  scan: '/pages/scan/index',
  reportNew: (scannedGridCode?: string) =>
    `/pages/report-new/index${scannedGridCode ? `?grid=${encodeURIComponent(scannedGridCode)}` : ''}`,
  myReports: '/pages/my-reports/index',
  report: (id: string) => `/pages/report/index?id=${encodeURIComponent(id)}`,
  points: '/pages/points/index',
  messages: '/pages/messages/index',
  // 一键求助 (main package): the numbers, 发出求助 and the caller's open call; `id` opens one of theirs.
  help: (id?: string) => `/pages/help/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  // 居民点单 (the `orders` subpackage): the grid's services, a booking, 我的点单 and one order.
  services: '/orders/pages/services/index',
  serviceBook: (serviceCode: string, slotKey: string) =>
    `/orders/pages/book/index?service=${encodeURIComponent(serviceCode)}&slot=${encodeURIComponent(slotKey)}`,
  myOrders: '/orders/pages/my-orders/index',
  order: (id: string) => `/orders/pages/order/index?id=${encodeURIComponent(id)}`,
  // The volunteers' pages (the `volunteer` subpackage): 网格报到, one claimed task (完成, 退单), 我的服务记录.
  volunteerRegister: '/volunteer/pages/register/index',
  volunteerTask: (id: string) => `/volunteer/pages/task/index?id=${encodeURIComponent(id)}`,
  volunteerRecord: '/volunteer/pages/record/index',
  // 信息员 (the `informant` subpackage): the informant's home, and one month's statement (结算单, `YYYY-MM`).
  informantHome: '/informant/pages/home/index',
  informantStatement: (monthKey: string) => `/informant/pages/statement/index?month=${encodeURIComponent(monthKey)}`,
  // 申请成为兼职信息员 (the `informant` subpackage): a resident's applications, and the form.
  informantApply: '/informant/pages/apply/index',
  // 爱心超市 (the `market` subpackage): my community's items for 爱心积分, and 我的兑换 with the hand-over codes.
  market: '/market/pages/market/index',
  myRedemptions: '/market/pages/mine/index',
  // 爱心超市 for the community's staff: 兑换核销, and 物品管理 for those who run it.
  staffMarket: '/staff/pages/market/index',
  // 投诉建议 about the app (the `feedback` subpackage): the form and my feedback with the answers; the county centre's list.
  feedback: '/feedback/pages/mine/index',
  staffFeedback: '/staff/pages/feedback/index',
  staffInbox: '/staff/pages/inbox/index',
  staffCase: (id: string) => `/staff/pages/case/index?id=${encodeURIComponent(id)}`,
  staffHelpCall: (id: string) => `/staff/pages/help-call/index?id=${encodeURIComponent(id)}`,
  staffSupervision: '/staff/pages/supervision/index',
  staffTemplates: (gridCode: string, gridName: string) =>
    `/staff/pages/templates/index?grid=${encodeURIComponent(gridCode)}&name=${encodeURIComponent(gridName)}`,
  // A grid's orders to dispatch (网格下单), and its catalogue (services, weekly slots, capacity).
  staffGridOrders: (gridCode: string, gridName: string) =>
    `/staff/pages/grid-orders/index?grid=${encodeURIComponent(gridCode)}&name=${encodeURIComponent(gridName)}`,
  staffGridServices: (gridCode: string, gridName: string) =>
    `/staff/pages/grid-services/index?grid=${encodeURIComponent(gridCode)}&name=${encodeURIComponent(gridName)}`,
  // A grid's 网格报到 applications, to approve or refuse.
  staffVolunteerApplications: (gridCode: string, gridName: string) =>
    `/staff/pages/volunteer-applications/index?grid=${encodeURIComponent(gridCode)}&name=${encodeURIComponent(gridName)}`,
  // A grid's 兼职信息员 applications, to approve or refuse, and its informants, to remove.
  staffInformantApplications: (gridCode: string, gridName: string) =>
    `/staff/pages/informant-applications/index?grid=${encodeURIComponent(gridCode)}&name=${encodeURIComponent(gridName)}`,
  // Browser build only (the `local` subpackage).
  signin: '/local/pages/signin/index',
  gridCodes: '/local/pages/grid-codes/index',
  mapPicker: '/local/pages/map-picker/index',
  // Browser build only, for a desktop (the `desk` subpackage): the centre's 工作考核看板, on a unit or its own region.
  dashboard: (unit?: { level: string; code: string }) =>
    `/desk/pages/dashboard/index${unit ? `?level=${unit.level}&code=${encodeURIComponent(unit.code)}` : ''}`,
  // Browser build only (the `desk` subpackage): 以奖代补结算, the centre's settled months and the finance office's CSV.
  settlement: '/desk/pages/settlement/index',
} as const

/** A page's parameter as written, whether or not the platform decoded it already (H5 leaves `%3A` as it is). */
export function routeParam(value: string | undefined): string {
  if (value === undefined) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Opens a page on top of the current one. */
export function go(url: string): void {
  void Taro.navigateTo({ url })
}

/** 回到首页: home as the only page, so Back never returns to the pages left behind. */
export function goHome(): void {
  void Taro.reLaunch({ url: routes.home })
}

/** Goes back, or home when there is nothing to go back to (a page opened from a link or a QR code). */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else goHome()
}
