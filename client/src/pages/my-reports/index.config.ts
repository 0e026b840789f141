export default definePageConfig({
  navigationBarTitleText: '我的上报',
  enablePullDownRefresh: true,
})
