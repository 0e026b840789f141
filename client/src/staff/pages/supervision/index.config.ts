export default definePageConfig({
  navigationBarTitleText: '督办清单',
  enablePullDownRefresh: true,
})
