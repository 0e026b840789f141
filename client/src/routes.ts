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
  staffInbox: '/staff/pages/inbox/index',
  staffCase: (id: string) => `/staff/pages/case/index?id=${encodeURIComponent(id)}`,
  staffSupervision: '/staff/pages/supervision/index',
  staffTemplates: (gridCode: string, gridName: string) =>
    `/staff/pages/templates/index?grid=${encodeURIComponent(gridCode)}&name=${encodeURIComponent(gridName)}`,
  // Browser build only (the `local` subpackage).
  signin: '/local/pages/signin/index',
  gridCodes: '/local/pages/grid-codes/index',
  mapPicker: '/local/pages/map-picker/index',
  // Browser build only, for a desktop (the `desk` subpackage): the centre's 工作考核看板, on a unit or its own region.
  dashboard: (unit?: { level: string; code: string }) =>
    `/desk/pages/dashboard/index${unit ? `?level=${unit.level}&code=${encodeURIComponent(unit.code)}` : ''}`,
} as const

/** Opens a page on top of the current one. */
export function go(url: string): void {
  void Taro.navigateTo({ url })
}

/** Goes back, or home when there is nothing to go back to (a page opened from a link or a QR code). */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: routes.home })
}
