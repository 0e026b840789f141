export default definePageConfig({ navigationBarTitleText: '信息员', enablePullDownRefresh: true })
