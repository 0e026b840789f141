export default definePageConfig({
  navigationBarTitleText: '平安网格',
})
