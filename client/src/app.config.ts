// Pages residents open go in the main package; staff pages live in the `staff` subpackage so they
// never weigh on a resident's first load (WeChat limits the main package to 2 MB). The browser build
// adds a `local` subpackage: the demo sign-in, the grids' QR codes and a map picker over the grid
// polygons (Tencent's picker cannot load there); the mini-program never contains it.
const isWeapp = process.env.TARO_ENV === 'weapp'

const localPages = {
  root: 'local',
  pages: ['pages/signin/index', 'pages/grid-codes/index', 'pages/map-picker/index'],
}

// The centre's 工作考核看板 is a desktop page (a map, charts and wide tables, drawn with ECharts): it is in
// the browser build only, so the mini-program carries neither the page nor the chart library.
const deskPages = { root: 'desk', pages: ['pages/dashboard/index', 'pages/settlement/index'] }

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/scan/index',
    'pages/report-new/index',
    'pages/my-reports/index',
    'pages/report/index',
    'pages/points/index',
    'pages/messages/index',
    // 一键求助: in the main package, so an emergency never waits for a subpackage to download.
    'pages/help/index',
  ],
  subPackages: [
    {
      root: 'staff',
      pages: [
        'pages/inbox/index',
        'pages/case/index',
        'pages/templates/index',
        'pages/supervision/index',
        'pages/grid-orders/index',
        'pages/grid-services/index',
        'pages/volunteer-applications/index',
        'pages/informant-applications/index',
        'pages/help-call/index',
        'pages/market/index',
        'pages/feedback/index',
      ],
    },
    // 爱心超市: redeeming 爱心积分 now and then, so on demand like the orders.
    { root: 'market', pages: ['pages/market/index', 'pages/mine/index'] },
    // 居民点单: a resident's bookings are a few visits a month, so they load on demand, not with the home.
    { root: 'orders', pages: ['pages/services/index', 'pages/book/index', 'pages/my-orders/index', 'pages/order/index'] },
    // 网格报到, a claimed task's 完成 / 退单 and 我的服务记录: opened from the home now and then, so on demand too.
    { root: 'volunteer', pages: ['pages/register/index', 'pages/task/index', 'pages/record/index'] },
    // 信息员: an informant's home (today against the cap, the month so far) and monthly statements (结算单).
    { root: 'informant', pages: ['pages/home/index', 'pages/statement/index', 'pages/apply/index'] },
    // 投诉建议 about the app itself: written now and then, so on demand.
    { root: 'feedback', pages: ['pages/mine/index'] },
    ...(isWeapp ? [] : [localPages, deskPages]),
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '平安网格',
    navigationBarTextStyle: 'white',
    // WeChat's default; Taro's browser build shows its own title bar only when it is said (h5-title-bar.ts).
    navigationStyle: 'default',
  },
  // Location is asked for only when a resident reports a problem; WeChat shows this sentence.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于确定您上报的问题发生在哪个网格，交给那里的网格员处理' },
  },
  // Native components used across pages (the browser build uses their React twins instead).
  ...(isWeapp && { usingComponents: { 'call-button': './native/call-button/index' } }),
})
