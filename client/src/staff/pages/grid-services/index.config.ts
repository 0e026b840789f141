export default definePageConfig({
  navigationBarTitleText: '服务和时段',
})
