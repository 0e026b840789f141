export default definePageConfig({
  navigationBarTitleText: '工作考核看板',
})
