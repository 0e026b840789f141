export default definePageConfig({
  navigationBarTitleText: '网格二维码',
})
