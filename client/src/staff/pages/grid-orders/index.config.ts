export default definePageConfig({
  navigationBarTitleText: '网格点单',
  enablePullDownRefresh: true,
})
