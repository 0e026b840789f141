export default definePageConfig({
  navigationBarTitleText: '待办案卷',
  enablePullDownRefresh: true,
})
