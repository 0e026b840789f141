// Pages residents open go in the main package; staff pages live in the `staff` subpackage so
// they never weigh on a resident's first load (WeChat limits the main package to 2 MB).
export default defineAppConfig({
  pages: ['pages/home/index'],
  subPackages: [
    {
      root: 'staff',
      pages: ['pages/inbox/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '平安网格',
    navigationBarTextStyle: 'white',
  },
})
