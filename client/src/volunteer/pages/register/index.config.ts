export default definePageConfig({ navigationBarTitleText: '网格报到' })
